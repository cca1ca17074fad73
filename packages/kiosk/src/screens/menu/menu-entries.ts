/** The menu's entries, also listed on the attract screen (kept free of screen imports: the first frame loads it). */
import type { Screen } from '../../app/use-kiosk-state.js';
import type { KioskMessageKey } from '../../messages/kiosk-messages.js';

export const MENU: readonly { key: KioskMessageKey; screen: Screen | 'end' }[] = [
  { key: 'menu.apply', screen: 'find' },
  { key: 'menu.progress', screen: 'progress' },
  { key: 'menu.appointment', screen: 'book' },
  { key: 'menu.bookings', screen: 'bookings' },
  { key: 'menu.bundle', screen: 'bundle' },
  { key: 'menu.rate', screen: 'rate' },
  { key: 'menu.complain', screen: 'complain' },
  { key: 'menu.end', screen: 'end' },
];

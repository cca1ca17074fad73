/**
 * The session reducer: which screen is shown, who the applicant is, which item and materials were chosen.
 * Pure, so it is tested without a terminal. Ending a session (finish key or idle) returns the initial state:
 * nothing of the applicant stays (DESIGN "Conventions": a kiosk session forgets the applicant).
 */
import type { ServiceItem } from '@tongban/core/catalogue';
import type { MessageLocale } from '@tongban/core/messages';
import type { Receipt } from '@tongban/core/receipts';
import type { Applicant } from '../services/kiosk-services.js';

export type Screen =
  | 'attract'
  | 'menu'
  | 'identify'
  | 'find'
  | 'guide'
  | 'materials'
  | 'submit'
  | 'receipt'
  | 'progress'
  | 'rate'
  | 'book'
  | 'bookings'
  | 'bundle'
  | 'complain';

export type ThemeName = 'standard' | 'large';

export type ReceiptOf = 'case' | 'bundle' | 'appointment';

/** 'refused': the card read the same twice but its content does not check out; 'unread': no two reads agreed. */
export type CardTrouble = 'refused' | 'unread';

export type PrintState = { kind: 'printing' } | { kind: 'printed' } | { kind: 'failed'; why: string };

export interface KioskState {
  screen: Screen;
  history: Screen[];
  locale: MessageLocale;
  /** The configured language, restored when a session ends. */
  homeLocale: MessageLocale;
  theme: ThemeName;
  applicant?: Applicant;
  /** Screen to open once the applicant is identified. */
  after?: Screen;
  item?: ServiceItem;
  /** Materials handed in and those that follow later (容缺). */
  submitted?: string[];
  later?: string[];
  receipt?: Receipt;
  /** What the receipt is for: one case, a 一件事 bundle, or an appointment. */
  receiptOf?: ReceiptOf;
  print?: PrintState;
  /** Idle warning shown (seconds left). */
  idleWarning?: number;
  /** The card on the reader was refused or could not be read: ask for it to be placed again (issue 25). */
  cardTrouble?: CardTrouble;
  /** Sessions ended so far (a key for remounting screens with fresh state). */
  session: number;
}

export type KioskAction =
  | { type: 'start' }
  | { type: 'go'; screen: Screen }
  | { type: 'back' }
  | { type: 'identified'; applicant: Applicant }
  /** `trouble` undefined clears the words (the kiosk does so after a while). */
  | { type: 'cardTrouble'; trouble: CardTrouble | undefined }
  | { type: 'pickItem'; item: ServiceItem }
  | { type: 'materialsChecked'; submitted: string[]; later: string[] }
  | { type: 'submitted'; receipt: Receipt; of?: ReceiptOf }
  | { type: 'printed'; print: PrintState }
  | { type: 'toggleTheme' }
  | { type: 'toggleLocale' }
  | { type: 'idleWarning'; secondsLeft: number }
  | { type: 'activity' }
  | { type: 'end' };

/** Screens that need an identified applicant first. */
const NEEDS_APPLICANT: readonly Screen[] = ['find', 'rate', 'book', 'bookings', 'bundle'];

export function initialKioskState(locale: MessageLocale, session = 0): KioskState {
  return { screen: 'attract', history: [], locale, homeLocale: locale, theme: 'standard', session };
}

function go(s: KioskState, screen: Screen): KioskState {
  if (NEEDS_APPLICANT.includes(screen) && !s.applicant) {
    return { ...s, history: [...s.history, s.screen], screen: 'identify', after: screen };
  }
  return { ...s, history: [...s.history, s.screen], screen };
}

export function kioskReducer(s: KioskState, a: KioskAction): KioskState {
  switch (a.type) {
    case 'start':
      return s.screen === 'attract' ? { ...s, screen: 'menu', history: [] } : s;
    case 'go':
      return go(s, a.screen);
    case 'back': {
      if (s.screen === 'receipt') return { ...s, screen: 'menu', history: [] };
      const prev = s.history.at(-1);
      if (!prev) return s.screen === 'menu' ? s : { ...s, screen: 'menu' };
      return { ...s, screen: prev, history: s.history.slice(0, -1) };
    }
    case 'cardTrouble': {
      const { cardTrouble: _old, ...rest } = s;
      return a.trouble ? { ...rest, cardTrouble: a.trouble } : rest;
    }
    case 'identified': {
      const next = s.screen === 'identify' || s.screen === 'attract' ? (s.after ?? 'menu') : s.screen;
      const history = s.screen === 'attract' ? [] : s.history;
      const { after: _after, cardTrouble: _trouble, ...rest } = s;
      return { ...rest, applicant: a.applicant, screen: next, history };
    }
    case 'pickItem':
      return {
        ...s,
        item: a.item,
        history: [...s.history, s.screen],
        screen: 'guide',
        submitted: undefined,
        later: undefined,
      } as KioskState;
    case 'materialsChecked':
      return {
        ...s,
        submitted: a.submitted,
        later: a.later,
        history: [...s.history, s.screen],
        screen: 'submit',
      };
    case 'submitted':
      return {
        ...s,
        receipt: a.receipt,
        receiptOf: a.of ?? 'case',
        print: { kind: 'printing' },
        screen: 'receipt',
        history: [],
      };
    case 'printed':
      return { ...s, print: a.print };
    case 'toggleTheme':
      return { ...s, theme: s.theme === 'standard' ? 'large' : 'standard' };
    case 'toggleLocale':
      return { ...s, locale: s.locale === 'zh-CN' ? 'en' : 'zh-CN' };
    case 'idleWarning':
      return { ...s, idleWarning: a.secondsLeft };
    case 'activity':
      if (s.idleWarning === undefined) return s;
      return withoutWarning(s);
    case 'end':
      return initialKioskState(s.homeLocale, s.session + 1);
  }
}

function withoutWarning(s: KioskState): KioskState {
  const { idleWarning: _w, ...rest } = s;
  return rest;
}

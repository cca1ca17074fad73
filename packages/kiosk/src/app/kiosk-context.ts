import { createContext, useContext } from 'react';
import type { KioskDevices } from '../devices/kiosk-devices.js';
import type { Translate } from '../messages/kiosk-messages.js';
import type { KioskServices } from '../services/kiosk-services.js';
import type { Theme } from './theme.js';
import type { KioskAction, KioskState } from './use-kiosk-state.js';

export interface KioskContextValue {
  services: KioskServices;
  devices: KioskDevices | undefined;
  state: KioskState;
  dispatch: (a: KioskAction) => void;
  t: Translate;
  theme: Theme;
}

export const KioskContext = createContext<KioskContextValue | undefined>(undefined);

export function useKiosk(): KioskContextValue {
  const v = useContext(KioskContext);
  if (!v) throw new Error('useKiosk outside <KioskApp>');
  return v;
}

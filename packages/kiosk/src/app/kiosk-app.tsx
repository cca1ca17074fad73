import { Text, useInput } from 'ink';
import { useEffect, useMemo, useReducer, useState } from 'react';
import type { KioskDevices } from '../devices/kiosk-devices.js';
import { kioskTranslator } from '../messages/kiosk-messages.js';
import { AttractScreen } from '../screens/attract/attract.js';
import { FindScreen } from '../screens/find/find.js';
import { GuideScreen } from '../screens/guide/guide.js';
import { IdentifyScreen } from '../screens/identify/identify.js';
import { MaterialsScreen } from '../screens/materials/materials.js';
import { MenuScreen } from '../screens/menu/menu.js';
import { ProgressScreen } from '../screens/progress/progress.js';
import { RateScreen } from '../screens/rate/rate.js';
import { ReceiptScreen } from '../screens/receipt/receipt.js';
import { SubmitScreen } from '../screens/submit/submit.js';
import { WindowScreen } from '../screens/window/window.js';
import type { KioskServices } from '../services/kiosk-services.js';
import { KioskContext, type KioskContextValue } from './kiosk-context.js';
import { THEMES } from './theme.js';
import { useIdle } from './use-idle.js';
import { initialKioskState, kioskReducer, type Screen } from './use-kiosk-state.js';

const SCREENS: Record<Screen, () => React.JSX.Element | null> = {
  attract: AttractScreen,
  menu: MenuScreen,
  identify: IdentifyScreen,
  find: FindScreen,
  guide: GuideScreen,
  materials: MaterialsScreen,
  submit: SubmitScreen,
  receipt: ReceiptScreen,
  progress: ProgressScreen,
  rate: RateScreen,
  window: WindowScreen,
};

export interface KioskAppProps {
  services: KioskServices;
  devices?: KioskDevices | undefined;
}

/** The kiosk: one session at a time; global keys `*` (large text) and `/` (language); cards from the reader. */
export function KioskApp({ services, devices }: KioskAppProps) {
  const { config } = services;
  const [state, dispatch] = useReducer(kioskReducer, config.language, (l) => initialKioskState(l));
  const [activity, setActivity] = useState(0);
  const t = useMemo(() => kioskTranslator(state.locale), [state.locale]);
  const theme = THEMES[state.theme];

  useEffect(
    () =>
      devices?.onCard((card) => {
        setActivity((n) => n + 1);
        dispatch({ type: 'identified', applicant: { name: card.name, idNumber: card.idNumber } });
      }),
    [devices],
  );

  useInput((input, key) => {
    setActivity((n) => n + 1);
    dispatch({ type: 'activity' });
    if (input === '*') dispatch({ type: 'toggleTheme' });
    else if (input === '/') dispatch({ type: 'toggleLocale' });
    else if (key.ctrl && input === 'k') devices?.demo?.placeNextCard();
    else if (key.ctrl && input === 'p') devices?.demo?.togglePaper();
  });

  useIdle({
    active: state.screen !== 'attract',
    idleSeconds: config.timeouts.idleSeconds,
    warningSeconds: config.timeouts.warningSeconds,
    activity,
    dispatch,
  });

  const value: KioskContextValue = { services, devices, state, dispatch, t, theme };
  const Current = SCREENS[state.screen];
  return (
    <KioskContext.Provider value={value}>
      {Current ? <Current key={`${state.session}:${state.screen}`} /> : <Text>?</Text>}
    </KioskContext.Provider>
  );
}

import { Text, useStdout } from 'ink';
import { useCallback, useLayoutEffect, useMemo, useReducer, useRef } from 'react';
import type { KioskDevices } from '../devices/kiosk-devices.js';
import { kioskTranslator } from '../messages/kiosk-messages.js';
import { AttractScreen } from '../screens/attract/attract.js';
import { BookScreen } from '../screens/book/book.js';
import { BookingsScreen } from '../screens/bookings/bookings.js';
import { BundleScreen } from '../screens/bundle/bundle.js';
import { ComplainScreen } from '../screens/complain/complain.js';
import { FindScreen } from '../screens/find/find.js';
import { GuideScreen } from '../screens/guide/guide.js';
import { IdentifyScreen } from '../screens/identify/identify.js';
import { MaterialsScreen } from '../screens/materials/materials.js';
import { MenuScreen } from '../screens/menu/menu.js';
import { ProgressScreen } from '../screens/progress/progress.js';
import { RateScreen } from '../screens/rate/rate.js';
import { ReceiptScreen } from '../screens/receipt/receipt.js';
import { SubmitScreen } from '../screens/submit/submit.js';
import type { KioskServices } from '../services/kiosk-services.js';
import { ErrorGuard } from './error-guard.js';
import { KeyRouter, useKeys } from './key-router.js';
import { KioskContext, type KioskContextValue } from './kiosk-context.js';
import { THEMES } from './theme.js';
import { useIdle } from './use-idle.js';
import { initialKioskState, type KioskState, kioskReducer, type Screen } from './use-kiosk-state.js';

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
  book: BookScreen,
  bookings: BookingsScreen,
  bundle: BundleScreen,
  complain: ComplainScreen,
};

export interface KioskAppProps {
  services: KioskServices;
  devices?: KioskDevices | undefined;
  /** The state keys made while the kiosk was loading (start.ts draws the attract screen before the app is here). */
  initialState?: KioskState | undefined;
}

/** How long the words for a refused or unreadable card stay on screen (ms). */
const CARD_TROUBLE_MS = 30_000;

/**
 * The kiosk: one session at a time; global keys `*` (large text) and `/` (language); cards from the reader. Its
 * screens are under one input listener (KeyRouter: no key is lost while a screen appears).
 */
export function KioskApp(props: KioskAppProps) {
  return (
    <KeyRouter>
      <KioskScreens {...props} />
    </KeyRouter>
  );
}

function KioskScreens({ services, devices, initialState }: KioskAppProps) {
  const { config } = services;
  const [state, dispatch] = useReducer(
    kioskReducer,
    config.language,
    (l) => initialState ?? initialKioskState(l),
  );
  const t = useMemo(() => kioskTranslator(state.locale), [state.locale]);
  // issue 18: at 160x48 the large-text lists show 8 rows a page, not 4
  const { stdout } = useStdout();
  const tall = (stdout?.rows ?? 24) >= 40;
  const theme = tall && state.theme === 'large' ? { ...THEMES.large, rows: 8 } : THEMES[state.theme];

  // A key only notes its time, so typing does not render the whole app on every keystroke (issue 5 "Performance":
  // keystroke to results within a frame); the idle clock reads it (use-idle.ts). A key during the warning clears it.
  const { idleSeconds } = config.timeouts;
  const lastActivity = useRef(Date.now());
  const rearm = useCallback(() => {
    lastActivity.current = Date.now();
  }, []);

  // a card, like a key (useKeys), is listened for from the commit that draws the screen, not from a later effect
  useLayoutEffect(
    () =>
      devices?.onCard((card) => {
        rearm();
        dispatch({ type: 'identified', applicant: { name: card.name, idNumber: card.idNumber } });
      }),
    [devices, rearm],
  );

  // "card refused, place it again" stays up for a while, so the next person at the kiosk does not see it
  useLayoutEffect(() => {
    let clear: NodeJS.Timeout | undefined;
    const off = devices?.onCardTrouble((trouble) => {
      rearm();
      dispatch({ type: 'cardTrouble', trouble });
      clearTimeout(clear);
      clear = setTimeout(() => dispatch({ type: 'cardTrouble', trouble: undefined }), CARD_TROUBLE_MS);
    });
    return () => {
      clearTimeout(clear);
      off?.();
    };
  }, [devices, rearm]);

  useKeys((input, key) => {
    lastActivity.current = Date.now();
    if (state.idleWarning !== undefined) dispatch({ type: 'activity' });
    if (input === '*') dispatch({ type: 'toggleTheme' });
    else if (input === '/') dispatch({ type: 'toggleLocale' });
    else if (key.ctrl && input === 'k') devices?.demo?.placeNextCard();
    else if (key.ctrl && input === 'p') devices?.demo?.togglePaper();
  });

  useIdle({
    active: state.screen !== 'attract',
    idleSeconds,
    warningSeconds: config.timeouts.warningSeconds,
    lastActivity,
    shown: state.idleWarning,
    dispatch,
  });

  const value: KioskContextValue = { services, devices, state, dispatch, t, theme };
  const Current = SCREENS[state.screen];
  return (
    <KioskContext.Provider value={value}>
      {/* a screen that throws shows words, not Ink's stack overview; the next session starts afresh */}
      <ErrorGuard key={state.session} services={services} locale={state.locale}>
        {Current ? <Current key={`${state.session}:${state.screen}`} /> : <Text>?</Text>}
      </ErrorGuard>
    </KioskContext.Provider>
  );
}

/**
 * Starting the kiosk (issue 5 "Performance": cold start to the first screen within 1.1x a bare Ink app). The first
 * frame, the attract screen with the time and the hall's hours, needs only Ink, React, the attract screen and the
 * kiosk's words, so only those load before it, with the hall's name and hours read from the configuration file
 * without zod. Right after the first frame the rest loads (dynamic import()): the configuration validated with zod,
 * the store (demo mode publishes the sample catalogue into a fresh data directory when none is published), the
 * catalogue and its search index, the working calendar, the devices and the other screens. The attract screen stays
 * up meanwhile and keys are kept: a key that starts a session opens the menu as soon as the kiosk is ready.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MessageLocale } from '@tongban/core/messages';
import type { Store } from '@tongban/core/store';
import { type RenderOptions, render } from 'ink';
import { createElement, type ReactElement, useEffect, useMemo, useReducer, useRef } from 'react';
import { KeyRouter, useKeys } from './app/key-router.js';
import type { KioskAppProps } from './app/kiosk-app.js';
import { KioskContext, type KioskContextValue } from './app/kiosk-context.js';
import { THEMES } from './app/theme.js';
import { initialKioskState, kioskReducer } from './app/use-kiosk-state.js';
import type { KioskConfig } from './config/kiosk-config.js';
import type { KioskDevices } from './devices/kiosk-devices.js';
import { kioskTranslator } from './messages/kiosk-messages.js';
import { AttractScreen } from './screens/attract/attract.js';
import type { KioskServices } from './services/kiosk-services.js';

export interface StartOptions {
  demo?: boolean;
  configFile?: string;
  /** Overrides the configuration's data directory. */
  data?: string;
}

/**
 * How the kiosk renders. Ink's default of 30 frames a second holds a frame back up to 34 ms when keys come quickly
 * (a burst of typing, a barcode or card wedge); the kiosk's frames are small, so up to 120 a second keeps a
 * keystroke within one 60 Hz frame (bench/kiosk-search.ts renders with these same options).
 */
export const KIOSK_RENDER_OPTIONS = { maxFps: 120 } satisfies RenderOptions;

/** Hall name of demo mode, and the hours shown when a configuration gives none (the same as config/kiosk-config.ts). */
export const DEMO_HALL_NAME = '哈尔滨市道里区政务服务中心 24小时自助服务区';
export const DEFAULT_HALL_HOURS = '工作日 9:00-17:00（自助区 7×24 小时开放）';

/** What the first frame shows of the configuration. */
export interface FirstFrame {
  hall: { name: string; hours: string };
  language: MessageLocale;
}

/**
 * The first frame's part of the configuration, read without zod (the whole file is validated right after the first
 * frame). Undefined when the file cannot give it plainly: then the configuration is validated before anything is
 * drawn, so its errors come first.
 */
export function readFirstFrame(options: StartOptions): FirstFrame | undefined {
  if (!options.configFile) {
    return options.demo
      ? { hall: { name: DEMO_HALL_NAME, hours: DEFAULT_HALL_HOURS }, language: 'zh-CN' }
      : undefined;
  }
  try {
    const json = JSON.parse(readFileSync(options.configFile, 'utf8')) as {
      hall?: { name?: unknown; hours?: unknown };
      language?: unknown;
    };
    const name = json.hall?.name;
    const hours = json.hall?.hours ?? DEFAULT_HALL_HOURS;
    const language = json.language ?? 'zh-CN';
    if (typeof name !== 'string' || name.trim() === '' || typeof hours !== 'string') return undefined;
    if (language !== 'zh-CN' && language !== 'en') return undefined;
    return { hall: { name: name.trim(), hours: hours.trim() }, language };
  } catch {
    return undefined;
  }
}

/** Publishes the sample catalogue when the store has none (demo mode). */
export async function ensureSampleCatalogue(store: Store): Promise<void> {
  if (await store.catalogue()) return;
  const [{ ServiceItem }, { sampleItems }] = await Promise.all([
    import('@tongban/core/catalogue'),
    import('./services/kiosk-services.js'),
  ]);
  const items = sampleItems().map((i) => ServiceItem.parse(i));
  await store.publish({ items, publishedBy: 'kiosk-demo', message: 'sample catalogue (demo mode)' });
}

export interface Prepared {
  config: KioskConfig;
  store: Store;
  services: KioskServices;
  devices: KioskDevices;
  dataDir: string;
  /** Closes the store (pushing the outbox one last time when there is one). */
  close(): Promise<void>;
}

export async function loadConfig(options: StartOptions): Promise<KioskConfig> {
  const { demoConfig, loadKioskConfig } = await import('./config/kiosk-config.js');
  return options.configFile ? loadKioskConfig(options.configFile) : demoConfig();
}

export async function prepareKiosk(options: StartOptions): Promise<Prepared> {
  const config = await loadConfig(options);
  const dataDir =
    options.data ??
    config.dataDir ??
    (options.demo ? mkdtempSync(join(tmpdir(), 'tongban-demo-')) : undefined);
  const [{ openKioskStore }, { KioskServices }, { openKioskDevices }, { WorkCalendar }, { KioskLog }] =
    await Promise.all([
      import('./services/kiosk-store.js'),
      import('./services/kiosk-services.js'),
      import('./devices/kiosk-devices.js'),
      import('@tongban/core/calendar'),
      import('./services/kiosk-log.js'),
    ]);
  // The data directory's work calendar: the shipped years plus those imported with `tongban calendar import`
  // (read again when an import changes it); years without a notice are provisional (预计).
  const calendarDir = dataDir ? join(dataDir, 'calendar') : undefined;
  const calendar =
    calendarDir && existsSync(calendarDir)
      ? await WorkCalendar.loadWithDefaults(calendarDir)
      : WorkCalendar.default();
  // The embedded store, or the province's PostgreSQL store with an outbox for outages (config `database`).
  const log = new KioskLog(kioskLogFile(dataDir));
  let kioskStore: Awaited<ReturnType<typeof openKioskStore>>;
  try {
    kioskStore = await openKioskStore({ config, dataDir, calendar });
  } catch (e) {
    log.failure('start', e);
    throw e;
  }
  const store = kioskStore.store;
  try {
    if (options.demo) await ensureSampleCatalogue(store);
    const services = await KioskServices.open(store, config, {
      calendar,
      log,
      calendarDir,
      ...(dataDir ? { dataDir } : {}),
    });
    if (options.demo) {
      const { seedDemoCapacity } = await import('./services/demo-seed.js');
      await seedDemoCapacity(store, config, services.items);
    }
    const devices = await openKioskDevices({
      reader: config.devices.reader,
      printer: config.devices.printer,
      paper: config.devices.paper,
      printDir: join(dataDir ?? '.', 'printed'),
    });
    return { config, store, services, devices, dataDir: dataDir ?? '', close: () => kioskStore.close() };
  } catch (e) {
    log.failure('start', e);
    await kioskStore.close();
    throw e;
  }
}

/**
 * Where the kiosk logs: <data directory>/kiosk.log, or the temporary directory's tongban-kiosk.log without one.
 * Set once the data directory is known, so that a failure at start is logged where the operators look (cli.ts).
 */
export let lastLogFile = join(tmpdir(), 'tongban-kiosk.log');
function kioskLogFile(dataDir: string | undefined): string {
  lastLogFile = dataDir ? join(dataDir, 'kiosk.log') : join(tmpdir(), 'tongban-kiosk.log');
  return lastLogFile;
}

/** The loaded kiosk, handed to the boot shell once everything is there. */
export interface Ready {
  App: (props: KioskAppProps) => ReactElement;
  services: KioskServices;
  devices: KioskDevices | undefined;
}

/**
 * Services before the kiosk is ready: only the configuration's first-frame part (all the attract screen reads);
 * anything else is a mistake in the start path and says so.
 */
function firstFrameServices(first: FirstFrame): KioskServices {
  return new Proxy(
    { config: first },
    {
      get(target, key) {
        if (key === 'config') return target.config;
        if (typeof key === 'symbol') return undefined;
        throw new Error(`services.${key} read before the kiosk finished loading (start.ts first frame)`);
      },
    },
  ) as unknown as KioskServices;
}

/**
 * The boot shell: the attract screen from the first frame on, with the app's global keys (`*`, `/`, and the demo's
 * Ctrl+K card and Ctrl+P paper, kept until the devices are open); then the whole app in the state the keys made.
 */
export function KioskBoot(props: { first: FirstFrame; ready?: Ready | undefined }) {
  // one input listener from the attract screen on, kept when the app takes over (no key lost in between)
  return createElement(KeyRouter, null, createElement(KioskBootScreens, props));
}

function KioskBootScreens({ first, ready }: { first: FirstFrame; ready?: Ready | undefined }) {
  const [state, dispatch] = useReducer(kioskReducer, first.language, (l) => initialKioskState(l));
  const demoKeys = useRef<Array<'card' | 'paper'>>([]);
  const t = useMemo(() => kioskTranslator(state.locale), [state.locale]);
  const services = useMemo(() => firstFrameServices(first), [first]);
  useKeys(
    (input, key) => {
      if (input === '*') dispatch({ type: 'toggleTheme' });
      else if (input === '/') dispatch({ type: 'toggleLocale' });
      else if (key.ctrl && input === 'k') demoKeys.current.push('card');
      else if (key.ctrl && input === 'p') demoKeys.current.push('paper');
    },
    { isActive: ready === undefined },
  );
  // Runs after the app's own effects (children first), so it already listens for the card.
  useEffect(() => {
    const demo = ready?.devices?.demo;
    if (!ready) return;
    for (const k of demoKeys.current.splice(0)) {
      if (k === 'card') demo?.placeNextCard();
      else demo?.togglePaper();
    }
  }, [ready]);
  if (ready) {
    return createElement(ready.App, {
      services: ready.services,
      devices: ready.devices,
      initialState: state,
    });
  }
  const value: KioskContextValue = {
    services,
    devices: undefined,
    state,
    dispatch,
    t,
    theme: THEMES[state.theme],
  };
  return createElement(KioskContext.Provider, { value }, createElement(AttractScreen));
}

/** Runs the kiosk until Ctrl+C; returns when it exits. */
export async function runKiosk(options: StartOptions): Promise<void> {
  const first = readFirstFrame(options) ?? (await loadConfig(options));
  const app = render(createElement(KioskBoot, { first }), KIOSK_RENDER_OPTIONS);
  let prepared: Prepared;
  let App: Ready['App'];
  try {
    [prepared, { KioskApp: App }] = await Promise.all([prepareKiosk(options), import('./app/kiosk-app.js')]);
  } catch (e) {
    app.clear();
    app.unmount();
    await app.waitUntilExit();
    throw e;
  }
  app.rerender(
    createElement(KioskBoot, {
      first,
      ready: { App, services: prepared.services, devices: prepared.devices },
    }),
  );
  await app.waitUntilExit();
  await prepared.devices.close();
  await prepared.close();
}

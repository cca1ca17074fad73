/**
 * Starting the kiosk: configuration, store, catalogue (demo mode publishes the sample catalogue into a fresh data
 * directory when none is published), devices, then the Ink app.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ServiceItem } from '@tongban/core/catalogue';
import { openStore, type Store } from '@tongban/core/store';
import { render } from 'ink';
import { createElement } from 'react';
import { KioskApp } from './app/kiosk-app.js';
import { demoConfig, type KioskConfig, loadKioskConfig } from './config/kiosk-config.js';
import { type KioskDevices, openKioskDevices } from './devices/kiosk-devices.js';
import { KioskServices, sampleItems } from './services/kiosk-services.js';

export interface StartOptions {
  demo?: boolean;
  configFile?: string;
  /** Overrides the configuration's data directory. */
  data?: string;
}

/** Publishes the sample catalogue when the store has none (demo mode). */
export async function ensureSampleCatalogue(store: Store): Promise<void> {
  if (await store.catalogue()) return;
  const items = sampleItems().map((i) => ServiceItem.parse(i));
  await store.publish({ items, publishedBy: 'kiosk-demo', message: 'sample catalogue (demo mode)' });
}

export interface Prepared {
  config: KioskConfig;
  store: Store;
  services: KioskServices;
  devices: KioskDevices;
  dataDir: string;
}

export async function prepareKiosk(options: StartOptions): Promise<Prepared> {
  const config = options.configFile ? loadKioskConfig(options.configFile) : demoConfig();
  const dataDir =
    options.data ??
    config.dataDir ??
    (options.demo ? mkdtempSync(join(tmpdir(), 'tongban-demo-')) : undefined);
  const store = await openStore(dataDir ? { data: dataDir } : {});
  if (options.demo) await ensureSampleCatalogue(store);
  const services = await KioskServices.open(store, config);
  const devices = await openKioskDevices({
    reader: config.devices.reader,
    printer: config.devices.printer,
    paper: config.devices.paper,
    printDir: join(dataDir ?? '.', 'printed'),
  });
  return { config, store, services, devices, dataDir: dataDir ?? '' };
}

/** Runs the kiosk until Ctrl+C; returns when it exits. */
export async function runKiosk(options: StartOptions): Promise<void> {
  const p = await prepareKiosk(options);
  const app = render(createElement(KioskApp, { services: p.services, devices: p.devices }));
  await app.waitUntilExit();
  await p.devices.close();
  await p.store.close();
}

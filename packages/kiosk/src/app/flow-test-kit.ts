/**
 * Shared set-up of the screen flow tests: a real store in a temp directory with the sample catalogue, the kiosk
 * services over it, real simulated devices (serialport mock binding), and helpers to wait for a frame and press keys.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Store } from '@tongban/core/store';
import { openStore } from '@tongban/store';
import { demoConfig } from '../config/kiosk-config.js';
import { type KioskDevices, openKioskDevices } from '../devices/kiosk-devices.js';
import { KioskServices } from '../services/kiosk-services.js';
import { ensureSampleCatalogue } from '../start.js';

export interface FlowKit {
  dir: string;
  store: Store;
  services: KioskServices;
  devices: KioskDevices;
  close(): Promise<void>;
}

export async function openFlowKit(prefix: string): Promise<FlowKit> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const store = await openStore({ data: dir });
  await ensureSampleCatalogue(store);
  const services = await KioskServices.open(store, demoConfig());
  const devices = await openKioskDevices({
    reader: { port: 'simulated' },
    printer: { port: 'simulated' },
    paper: 80,
    printDir: join(dir, 'printed'),
    fast: true,
  });
  return {
    dir,
    store,
    services,
    devices,
    async close() {
      await devices.close();
      await store.close();
    },
  };
}

const ANSI = /\x1b\[[0-9;]*m/g;

/** Waits until the frame shows `text`; returns the frame without colour codes. */
export async function until(
  frame: () => string | undefined,
  text: string | RegExp | ((frame: string) => boolean),
  ms = 30_000,
): Promise<string> {
  // no pause after the frame: a screen's keys are taken from the commit that draws it (KeyRouter); the deadline only
  // turns a screen that never comes into a message with the last frame, long before a loaded machine needs it
  const end = Date.now() + ms;
  const seen =
    typeof text === 'string'
      ? (f: string) => f.includes(text)
      : text instanceof RegExp
        ? (f: string) => text.test(f)
        : text;
  for (;;) {
    const f = (frame() ?? '').replace(ANSI, '');
    if (seen(f)) return f;
    if (Date.now() > end) throw new Error(`no ${String(text)} in:\n${f}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export const KEY = { enter: '\r', up: '\x1B[A', down: '\x1B[B', esc: '\x1B', backspace: '\x7f' } as const;

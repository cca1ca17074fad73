/**
 * The start path (issue 5 "Performance"): the first frame is drawn from the configuration read without zod, and keys
 * pressed while the rest loads are kept for the app.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Store } from '@tongban/core/store';
import { openStore } from '@tongban/store';
import { render } from 'ink-testing-library';
import { createElement } from 'react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KioskApp } from './app/kiosk-app.js';
import { demoConfig, loadKioskConfig } from './config/kiosk-config.js';
import { KioskServices } from './services/kiosk-services.js';
import { ensureSampleCatalogue, KioskBoot, readFirstFrame } from './start.js';

const dir = mkdtempSync(join(tmpdir(), 'kiosk-start-'));
let store: Store;

beforeAll(async () => {
  store = await openStore({ data: join(dir, 'data') });
  await ensureSampleCatalogue(store);
});

afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

async function until(frame: () => string | undefined, text: string): Promise<string> {
  const end = Date.now() + 20_000; // a frame that never comes, said with the last one (a loaded machine is slow)
  for (;;) {
    const f = frame() ?? '';
    if (f.includes(text)) return f;
    if (Date.now() > end) throw new Error(`no ${text} in:\n${f}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('kiosk start path', () => {
  it('reads the first frame as the validated configuration would give it (demo and file)', () => {
    const demo = demoConfig();
    expect(readFirstFrame({ demo: true })).toEqual({
      hall: { name: demo.hall.name, hours: demo.hall.hours },
      language: demo.language,
    });
    const file = join(dir, 'kiosk.json');
    writeFileSync(
      file,
      JSON.stringify({
        hall: { name: ' 道里区政务服务中心 ', site: 'HRB1' },
        terminal: { id: 'K1' },
        language: 'en',
      }),
    );
    const c = loadKioskConfig(file);
    expect(readFirstFrame({ configFile: file })).toEqual({
      hall: { name: c.hall.name, hours: c.hall.hours },
      language: c.language,
    });
  });

  it('leaves a configuration it cannot read plainly to the validation before the first frame', () => {
    const file = join(dir, 'broken.json');
    writeFileSync(file, '{ "hall": ');
    expect(readFirstFrame({ configFile: file })).toBeUndefined();
    expect(readFirstFrame({ configFile: join(dir, 'missing.json') })).toBeUndefined();
    expect(readFirstFrame({})).toBeUndefined();
  });

  it('shows the attract screen with the hall hours while loading, and keeps a key that starts a session', async () => {
    const first = readFirstFrame({ demo: true })!;
    const app = render(createElement(KioskBoot, { first }));
    const frame = await until(app.lastFrame, '请放置身份证');
    expect(frame).toContain(first.hall.hours);
    app.stdin.write('/'); // language, kept too
    await until(app.lastFrame, 'Place your ID card');
    app.stdin.write(' ');
    // keys are taken in order: once the language key after it shows, the space was taken, and opened nothing yet
    app.stdin.write('/');
    expect(await until(app.lastFrame, '请放置身份证')).not.toContain('请选择要办理的业务');
    app.stdin.write('/');
    await until(app.lastFrame, 'Place your ID card');
    const services = await KioskServices.open(store, demoConfig());
    app.rerender(createElement(KioskBoot, { first, ready: { App: KioskApp, services, devices: undefined } }));
    await until(app.lastFrame, 'What would you like to do?');
    app.unmount();
  });
});

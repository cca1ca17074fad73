/**
 * Flow tests of the screens with ink-testing-library: keys into stdin, lastFrame() read back. Real store in a temp
 * directory with the sample catalogue, real simulated devices over the serialport mock binding.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Store } from '@tongban/core/store';
import { loadCardFixtures } from '@tongban/devices';
import { openStore } from '@tongban/store';
import { render } from 'ink-testing-library';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoConfig } from '../config/kiosk-config.js';
import { type KioskDevices, openKioskDevices } from '../devices/kiosk-devices.js';
import { KioskServices } from '../services/kiosk-services.js';
import { ensureSampleCatalogue } from '../start.js';
import { KioskApp } from './kiosk-app.js';

let store: Store;
let services: KioskServices;
let devices: KioskDevices;
const dir = mkdtempSync(join(tmpdir(), 'kiosk-app-'));

beforeAll(async () => {
  store = await openStore({ data: dir });
  await ensureSampleCatalogue(store);
  services = await KioskServices.open(store, demoConfig());
  devices = await openKioskDevices({
    reader: { port: 'simulated' },
    printer: { port: 'simulated' },
    paper: 80,
    printDir: join(dir, 'printed'),
    fast: true,
  });
});

afterAll(async () => {
  await devices.close();
  await store.close();
});

/** Waits for a frame with `text` (no pause after it: the screen takes keys from the commit that draws it). */
async function until(frame: () => string | undefined, text: string | RegExp, ms = 20_000): Promise<string> {
  const end = Date.now() + ms;
  for (;;) {
    const f = frame() ?? '';
    if (typeof text === 'string' ? f.includes(text) : text.test(f)) return f;
    if (Date.now() > end) throw new Error(`no ${String(text)} in:\n${f}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('kiosk screens', () => {
  it('keypad identification with the check digit, then search as you type by pinyin initials', async () => {
    const app = render(<KioskApp services={services} devices={devices} />);
    await until(app.lastFrame, '请放置身份证');
    app.stdin.write(' ');
    await until(app.lastFrame, '请选择要办理的业务');
    app.stdin.write('1');
    await until(app.lastFrame, '身份验证');
    for (const ch of '110105194912310021') app.stdin.write(ch);
    await until(app.lastFrame, '1949');
    app.stdin.write('\r');
    await until(app.lastFrame, '校验不通过');
    app.stdin.write('\x7f');
    for (const ch of '.') app.stdin.write(ch);
    await until(app.lastFrame, '002X');
    app.stdin.write('\r');
    await until(app.lastFrame, '可输入姓名');
    app.stdin.write('\r');
    const find = await until(app.lastFrame, '查找事项');
    expect(find).toContain('110105********002X');
    expect(find).toContain('公安服务'); // window categories
    for (const ch of 'sfz') app.stdin.write(ch);
    const hits = await until(app.lastFrame, '居民身份证换领');
    expect(hits).toContain('sfz');
    app.stdin.write('*');
    await until(app.lastFrame, '▶▶'); // large-text theme on one key
    app.stdin.write('/');
    await until(app.lastFrame, 'Find a service');
    app.unmount();
  });

  it('a card on the reader identifies the applicant with name and masked number only', async () => {
    const app = render(<KioskApp services={services} devices={devices} />);
    await until(app.lastFrame, '请放置身份证');
    devices.demo?.placeNextCard();
    const menu = await until(app.lastFrame, '请选择要办理的业务');
    expect(menu).toContain('张伟');
    expect(menu).toContain('110105********0036');
    expect(menu).not.toContain('110105198507120036');
    expect(menu).toMatch(/读卡器 正常 · 打印机 正常/);
    app.unmount();
  });

  it('a card whose content does not check out is refused in words, and a good card placed again identifies (issue 25)', async () => {
    const app = render(<KioskApp services={services} devices={devices} />);
    await until(app.lastFrame, '请放置身份证');
    devices.demo?.removeCard();
    const bad = loadCardFixtures().find((c) => c.id === 'li-na-bad-check')!;
    devices.demo?.reader.place(bad);
    const refused = await until(app.lastFrame, '证件信息校验未通过');
    expect(refused).toContain('请取下证件后重新放置');
    expect(refused).not.toMatch(/badIdNumber|GB 11643|410502/);
    devices.demo?.placeNextCard();
    const menu = await until(app.lastFrame, '请选择要办理的业务');
    expect(menu).not.toContain('证件信息校验未通过');
    app.unmount();
  });
});

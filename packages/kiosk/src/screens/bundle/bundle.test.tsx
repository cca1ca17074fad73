/**
 * 一件事 at the kiosk against a real store (seed 003 四): one combined material list, one submission creating one
 * linked case per item, one receipt listing every application number.
 */

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleCases } from '@tongban/core/bundles';
import { decodeEscPos } from '@tongban/devices';
import { render } from 'ink-testing-library';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FlowKit, KEY, openFlowKit, until } from '../../app/flow-test-kit.js';
import { KioskApp } from '../../app/kiosk-app.js';
import { bundleMaterialsToBring, checkBundleMaterials } from '../../services/bundle-desk.js';

let kit: FlowKit;
beforeAll(async () => {
  kit = await openFlowKit('kiosk-bundle-');
});
afterAll(async () => kit.close());

describe('一件事一次办 at the kiosk (seed 003 四)', () => {
  it('asks each shared material once and lists everything missing at once (seed 001 6.1.3)', () => {
    const b = kit.services.bundles().find((x) => x.name === '新生儿出生一件事');
    if (!b) throw new Error('the sample catalogue has 新生儿出生一件事');
    expect(b.items.length).toBeGreaterThanOrEqual(2);
    const all = b.items.flatMap((i) => i.materials.map((m) => m.name));
    expect(b.materials.length).toBeLessThan(all.length); // shared papers asked once
    const v = checkBundleMaterials(b, new Set());
    expect(v.kind).toBe('missing');
    // everything the applicant must bring is listed in one go, never piecemeal
    if (v.kind === 'missing') expect(v.missing).toEqual(bundleMaterialsToBring(b).map((m) => m.name));
    const allTicked = new Set(bundleMaterialsToBring(b).map((m) => m.name));
    expect(checkBundleMaterials(b, allTicked).kind).toBe('complete');
  });

  it('submits every case of the bundle at once and shows one receipt with every number', async () => {
    const bundles = kit.services.bundles();
    const b = bundles[0];
    if (!b) throw new Error('bundles in the sample catalogue');
    const bring = bundleMaterialsToBring(b);
    const app = render(<KioskApp services={kit.services} devices={kit.devices} />);
    await until(app.lastFrame, '请放置身份证');
    kit.devices.demo?.placeNextCard();
    let f = await until(app.lastFrame, '请选择要办理的业务');
    expect(f).toContain('一件事一次办');
    app.stdin.write('5');
    f = await until(app.lastFrame, '选择要办理的“一件事”');
    expect(f).toContain(b.name);
    app.stdin.write('1');
    f = await until(app.lastFrame, '合并材料清单');
    expect(f).toContain('材料不齐');
    // the first with the cursor (↓ then +), the others by number
    app.stdin.write(KEY.down);
    await until(app.lastFrame, '› 2.');
    app.stdin.write('+');
    await until(app.lastFrame, `[✓] ${bring[1]?.name}`);
    for (const [i, m] of bring.entries()) {
      if (i === 1) continue;
      app.stdin.write(String(i + 1));
      await until(app.lastFrame, `[✓] ${m.name}`);
    }
    await until(app.lastFrame, '材料齐全');
    app.stdin.write(KEY.enter);
    await until(app.lastFrame, '选择结果送达方式');
    app.stdin.write('1');
    await until(app.lastFrame, '按确认键提交');
    app.stdin.write(KEY.enter);
    f = await until(app.lastFrame, '一件事申请已提交');
    const number = /一件事编号：(\S+)/.exec(f)?.[1] ?? '';
    expect(number).toMatch(/^HRB1-\d{6}-B/);
    const cases = await bundleCases(kit.store, number);
    expect(cases).toHaveLength(b.items.length);
    expect(cases.every((c) => c.bundleId === number && c.applicantId === '110105198507120036')).toBe(true);
    f = await until(app.lastFrame, '回执已打印');
    expect(f).toContain(`共 ${b.items.length} 件申请`);
    for (const c of cases) expect(f).toContain(c.caseId);
    // the printed receipt carries every number and the bundle number in its QR
    const printed = join(kit.dir, 'printed');
    const paper = decodeEscPos(readFileSync(join(printed, readdirSync(printed).sort().at(-1) as string)));
    const text = paper.lines.join('\n');
    for (const c of cases) expect(text).toContain(c.caseId);
    expect(paper.qr).toEqual([number]);
    // progress by the bundle number lists its cases
    const view = await kit.services.progress(number);
    expect(view?.entries.map((e) => e.text.split(' ')[0]).sort()).toEqual(cases.map((c) => c.caseId).sort());
    app.unmount();
  }, 30_000);
});

import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { calendar, deliveredWindowCase, ITEM, openSite } from '../../../../archive/src/test-support/sites.js';
import { performStep, submitCase } from '../../../../core/src/cases/case-service.js';
import { testItem } from '../../../../core/src/cases/testing.js';
import { openLowdbStore } from '../../../../store/src/lowdb/index.js';
import { ensureBuilt, tempDir, tongban, tongbanJson } from '../../test-support/cli.js';

/**
 * Archives are whole (seed 000 tables 1-3 row 5; seed 002 6.7 a), as real `tongban archive create` processes: a
 * case whose issued notices cannot be rebuilt is not archived and is named; cases closed without approval are filed.
 */

beforeAll(ensureBuilt, 300_000);

const applicant = { idNumber: '230102199001011234', name: '张三', phone: '13800000000' };
const create = (data: string, out: string) =>
  tongbanJson(
    [
      'archive',
      'create',
      '--from',
      '2026-11-16',
      '--to',
      '2026-11-16',
      '--unit',
      'window',
      '--out',
      out,
      '--by',
      '王芳',
    ],
    { data },
  );
const newKey = (data: string) =>
  tongbanJson(['archive', 'keys', 'new', '--unit', 'window', '--org', '某县政务服务中心综合窗口'], { data });

describe('archive create keeps cases whole (seed 000 tables 1-3 row 5; seed 002 6.7 a)', () => {
  it('never signs a bundle lacking a notice a case issued: the case is named, nothing is written, exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tongban-archive-whole-'));
    const store = await openLowdbStore({ dir, durable: false });
    // an item with no enquiry or complaint phone: its acceptance notice cannot be built
    const bare = testItem({
      materials: [{ name: '身份证', kind: 'key' }],
      modes: ['window'],
      bundles: [],
      contact: {},
    });
    await store.publish({ items: [bare], publishedBy: 'admin', message: 'v1', at: '2026-01-01T00:00:00Z' });
    const c = await submitCase(store, calendar, undefined, {
      item: bare.itemCode,
      mode: 'window',
      applicant,
      submitted: ['身份证'],
      unit: 'window',
      actor: 'w1',
      site: 'HRB1',
      at: '2026-11-16T01:00:00Z',
      deliveryMethod: 'pickup',
    });
    const step = (type: string, unit: 'window' | 'department', at: string, payload = {}) =>
      performStep(store, calendar, c.id, { type, unit, actor: `${unit}-7`, at, payload });
    await step('accept', 'window', '2026-11-16T02:00:00Z');
    await step('approve', 'department', '2026-11-16T03:00:00Z', { result: '许可证' });
    await step('deliver', 'window', '2026-11-16T04:00:00Z', { method: 'pickup' });
    await store.close();
    expect((await newKey(dir)).code).toBe(0);
    const out = join(tempDir(), 'day.tar');
    const run = await tongban(
      [
        'archive',
        'create',
        '--from',
        '2026-11-16',
        '--to',
        '2026-11-16',
        '--unit',
        'window',
        '--out',
        out,
        '--by',
        '王芳',
      ],
      { data: dir },
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(c.id);
    expect(run.stderr).toMatch(/acceptance/);
    expect(existsSync(out)).toBe(false);
    const shown = await tongbanJson(['cases', 'show', c.id], { data: dir });
    expect((shown.json as { state: string }).state).toBe('delivered');
  });

  it('files a refused case with the delivered ones (否决事项 登记备案), its state kept', async () => {
    const site = await openSite('tongban-archive-filed-');
    const delivered = await deliveredWindowCase(site, 1);
    const refused = await submitCase(site.store, calendar, undefined, {
      item: ITEM.itemCode,
      mode: 'window',
      applicant,
      submitted: ['身份证'],
      unit: 'window',
      actor: 'w1',
      site: 'HRB1',
      at: '2026-11-16T05:00:00Z',
    });
    await performStep(site.store, calendar, refused.id, {
      type: 'refuse',
      unit: 'window',
      actor: 'w1',
      at: '2026-11-16T05:30:00Z',
      payload: { reasons: ['不属于本机关职权范围'] },
    });
    await site.store.close();
    expect((await newKey(site.dir)).code).toBe(0);
    const run = await create(site.dir, join(tempDir(), 'day.tar'));
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const ids = (run.json as { cases: { caseId: string; notices: number }[] }).cases;
    expect(ids.map((x) => x.caseId).sort()).toEqual([delivered, refused.id].sort());
    expect(ids.find((x) => x.caseId === refused.id)?.notices).toBe(1);
    const shown = await tongbanJson(['cases', 'show', refused.id], { data: site.dir });
    expect((shown.json as { state: string }).state).toBe('refused');
  });
});

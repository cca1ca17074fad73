import { join } from 'node:path';
import { WorkCalendar } from '@tongban/core/calendar';
import { submitCase } from '@tongban/core/cases';
import { ServiceItem } from '@tongban/core/catalogue';
import { openStore } from '@tongban/store';
import { Outbox } from '@tongban/store/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, tempDir, tongban, tongbanJson } from '../../test-support/cli.js';

beforeAll(ensureBuilt, 300_000);

const ITEM = ServiceItem.parse({
  mainName: '居民身份证换领',
  itemType: 'public-service',
  itemCode: '11230000MB0002',
  legalBasis: ['《居民身份证法》'],
  materials: [{ name: '户口簿', kind: 'key' }],
  process: ['申请', '受理', '决定'],
  promisedDays: 5,
  audience: ['person'],
  legalDays: 20,
  level: 'county',
  implementingUnit: '某县公安局',
  windowCategory: '公安服务',
  caseKind: 'promised',
  modes: ['window'],
});

/** A case as a kiosk wrote it while offline: made on a scratch store, then queued in a real outbox on disk. */
async function offlineCase(outboxDir: string, at: string) {
  const scratch = await openStore({ data: tempDir() });
  await scratch.publish({ items: [ITEM], publishedBy: 'admin', message: 'v1' });
  const c = await submitCase(scratch, WorkCalendar.default(), undefined, {
    item: ITEM.itemCode,
    mode: 'window',
    applicant: { idNumber: '230102199001011234', name: '张三', phone: '' },
    submitted: ['户口簿'],
    unit: 'window',
    actor: 'kiosk-K7',
    site: 'K7',
    at,
  });
  const events = await scratch.events(c.id);
  const summary = await scratch.summary(c.id);
  await scratch.close();
  await new Outbox(outboxDir, 'K7').enqueue(c.id, events, summary!);
  return c.id;
}

describe('tongban sync (real process, seed 003 一: 全时在线)', () => {
  it('shows a kiosk outbox, pushes it once, and the kiosk report appears at the centre', async () => {
    const data = tempDir();
    const outbox = join(tempDir(), 'outbox');
    const caseId = await offlineCase(outbox, '2026-11-23T01:00:00Z');

    const before = await tongbanJson(['sync', 'status', '--outbox', outbox], { data });
    expect(before.code).toBe(0);
    expect(before.json).toMatchObject({ kiosks: [], outbox: { kioskId: 'K7', pending: 1 } });

    const push = await tongbanJson(['sync', 'push', '--outbox', outbox], { data });
    expect(push.code).toBe(0);
    expect(push.json).toMatchObject({ pushed: 1, appended: 1, remaining: 0, reachable: true });
    const again = await tongbanJson(['sync', 'push', '--outbox', outbox], { data });
    expect(again.json).toMatchObject({ pushed: 0, appended: 0, remaining: 0 });

    const store = await openStore({ data });
    expect((await store.events(caseId)).map((e) => e.type)).toEqual(['submit']);
    await store.close();

    const table = await tongban(['sync', 'status'], { data });
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/K7\s+0\s+0/);
  });

  it('refuses an outbox directory that does not exist, naming it', async () => {
    const run = await tongban(['sync', 'push', '--outbox', '/nonexistent/outbox'], { data: tempDir() });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/nonexistent\/outbox/);
  });
});

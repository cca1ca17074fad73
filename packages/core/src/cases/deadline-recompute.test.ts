import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCalendarYear, WorkCalendar } from '../calendar/index.js';
import type { Store } from '../store/store.js';
import { openMemoryStore } from '../store/test-support/memory-store.js';
import { caseHistory } from './case.js';
import { loadCase, performStep, submitCase } from './case-service.js';
import { recomputeDeadlines } from './deadline-recompute.js';
import { testItem } from './testing.js';

// Today is 2026-12-02 (issue 15): 2027 has no notice yet, so it is provisional.
const before = new WorkCalendar(WorkCalendar.default().years(), { today: '2026-12-02' });
const file = new URL('../../../../fixtures/calendar/rehearsal/cn-2027.json', import.meta.url);
const notice = parseCalendarYear(readFileSync(file, 'utf8'), 'fixtures/calendar/rehearsal/cn-2027.json');
const after = before.withYear(notice);
const applicant = { idNumber: '230102199001011234', name: '张三', phone: '13800000000' };

let store: Store;
beforeEach(async () => {
  store = openMemoryStore();
  const items = [40, 50, 3].map((days) =>
    testItem({ itemCode: `11230000MB00${days}`, promisedDays: days, legalDays: 60, modes: ['window'] }),
  );
  await store.publish({ items, publishedBy: 'admin', message: 'v1', at: '2026-11-01T00:00:00Z' });
});
afterEach(async () => {
  await store.close();
});

async function accepted(days: number, at = '2026-12-02T02:00:00Z') {
  const c = await submitCase(store, before, undefined, {
    item: `11230000MB00${days}`,
    mode: 'window',
    applicant,
    submitted: ['身份证', '经营场所证明', '租赁合同'],
    unit: 'window',
    actor: 'w1',
    site: 'HRB1',
    at,
  });
  return performStep(store, before, c.id, { type: 'accept', unit: 'window', actor: 'w1', at });
}

describe('recomputing deadlines when a year’s notice is imported (issue 15)', () => {
  it('marks deadlines counted on the provisional year, then records old and new dates in each case’s log', async () => {
    const forty = await accepted(40);
    const fifty = await accepted(50);
    const three = await accepted(3); // due 2026-12-07: does not depend on 2027
    expect([forty.dueAt, forty.dueProvisional]).toEqual(['2027-01-28T15:59:59.999Z', true]);
    // 50 working days: the rules know no make-up Sunday 2027-01-31, the notice does -> one day later
    expect([fifty.dueAt, fifty.dueProvisional]).toEqual(['2027-02-17T15:59:59.999Z', true]);
    expect([three.dueAt, three.dueProvisional]).toEqual(['2026-12-07T15:59:59.999Z', undefined]);
    expect((await store.summary(fifty.id))?.dueAt).toBe('2027-02-17T15:59:59.999Z');

    const input = {
      before,
      after,
      year: 2027,
      source: notice.source,
      contentKey: 'k1',
      at: '2026-12-03T01:00:00Z',
    };
    const dry = await recomputeDeadlines(store, { ...input, dryRun: true });
    expect((await store.events(fifty.id)).length).toBe(2); // a dry run appends nothing
    const changes = await recomputeDeadlines(store, input);
    expect(changes).toEqual(dry);
    // the order of the listing follows the store's order of case ids, which are random: compare sorted by id
    const byId = (a: unknown[], b: unknown[]) => String(a[0]).localeCompare(String(b[0]));
    expect(
      changes.map((c) => [c.caseId, c.from, c.to, c.fromProvisional, c.toProvisional, c.changed]).sort(byId),
    ).toEqual(
      [
        [forty.id, forty.dueAt, '2027-01-28T15:59:59.999Z', true, false, false],
        [fifty.id, fifty.dueAt, '2027-02-18T15:59:59.999Z', true, false, true],
      ].sort(byId),
    );

    const now = await loadCase(store, after, fifty.id);
    expect([now.dueAt, now.dueProvisional]).toEqual(['2027-02-18T15:59:59.999Z', undefined]);
    const last = caseHistory(now).at(-1);
    expect(last).toMatchObject({
      type: 'recomputeDeadline',
      unit: 'system',
      actor: 'calendar-import',
      state: 'accepted',
    });
    expect(last?.detail).toBe('按2027年节假日安排重算：办结期限 2027-02-17(预计) → 2027-02-18');
    expect((await store.summary(fifty.id))?.dueAt).toBe('2027-02-18T15:59:59.999Z'); // the index follows
    expect((await store.events(three.id)).length).toBe(2); // untouched

    // the same import again (a rerun after a crash) appends nothing twice
    await recomputeDeadlines(store, input);
    expect((await store.events(fifty.id)).length).toBe(3);
  });

  it('leaves decided and closed cases alone, and cases whose clock is stopped (no deadline to move)', async () => {
    const decided = await accepted(40);
    await performStep(store, before, decided.id, {
      type: 'approve',
      unit: 'department',
      actor: 'd1',
      at: '2026-12-10T02:00:00Z',
    });
    const paused = await accepted(50);
    await performStep(store, before, paused.id, {
      type: 'startSpecialProcedure',
      unit: 'department',
      actor: 'd1',
      at: '2026-12-04T02:00:00Z',
      payload: { kind: 'inspection' },
    });
    const changes = await recomputeDeadlines(store, {
      before,
      after,
      year: 2027,
      source: notice.source,
      contentKey: 'k1',
    });
    expect(changes).toEqual([]);
  });
});

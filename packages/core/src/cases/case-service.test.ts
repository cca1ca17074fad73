import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WorkCalendar } from '../calendar/index.js';
import type { Store } from '../store/store.js';
import { openMemoryStore } from '../store/test-support/memory-store.js';
import { parseApplicationNumber } from './application-number.js';
import { expireDeadlines, loadCase, performStep, submitCase } from './case-service.js';
import { TransitionError } from './errors.js';
import { testItem } from './testing.js';

const calendar = WorkCalendar.default();
export const ITEM = testItem();
const applicant = { idNumber: '230102199001011234', name: '张三', phone: '13800000000' };

let store: Store;
beforeEach(async () => {
  store = openMemoryStore();
  await store.publish({ items: [ITEM], publishedBy: 'admin', message: 'v1', at: '2025-01-01T00:00:00Z' });
});
afterEach(async () => {
  await store.close();
});

describe('case service on the lowdb store', () => {
  it('submits, performs steps, stores the summary and pins the catalogue version (domain.md: cases outlive definitions)', async () => {
    const c = await submitCase(store, calendar, undefined, {
      item: ITEM.itemCode,
      mode: 'window',
      applicant,
      submitted: ['身份证', '经营场所证明', '租赁合同'],
      unit: 'window',
      actor: 'w1',
      site: 'HRB1',
      at: '2025-03-10T01:00:00Z',
    });
    expect(parseApplicationNumber(c.id).site).toBe('HRB1');
    const v1 = c.catalogueVersion;
    // a new catalogue version with a longer time limit does not change the running case
    await store.publish({ items: [{ ...ITEM, promisedDays: 10 }], publishedBy: 'admin', message: 'v2' });
    const accepted = await performStep(store, calendar, c.id, {
      type: 'accept',
      unit: 'window',
      actor: 'w1',
      at: '2025-03-10T02:00:00Z',
    });
    expect(accepted.catalogueVersion).toBe(v1);
    expect(accepted.dueAt).toBe('2025-03-13T15:59:59.999Z'); // 3 working days
    const summary = await store.summary(c.id);
    expect(summary).toMatchObject({
      state: 'accepted',
      waitingOn: 'department',
      dueAt: accepted.dueAt,
      length: 2,
    });
    await expect(
      performStep(store, calendar, c.id, { type: 'approve', unit: 'localWindow', actor: 'x' }),
    ).rejects.toBeInstanceOf(TransitionError);
    expect((await store.events(c.id)).length).toBe(2);
  });

  it('a retried command with the same event id is stored once', async () => {
    const c = await submitCase(store, calendar, undefined, {
      item: ITEM.itemCode,
      mode: 'online',
      applicant,
      submitted: ['身份证', '经营场所证明', '租赁合同'],
      unit: 'applicant',
      actor: 'k1',
      site: 'HRB1',
      at: '2025-03-10T01:00:00Z',
    });
    const cmd = {
      type: 'accept',
      unit: 'localDepartment' as const,
      actor: 'd1',
      at: '2025-03-10T02:00:00Z',
      eventId: 'kiosk-outbox-1',
    };
    await performStep(store, calendar, c.id, cmd);
    const again = await performStep(store, calendar, c.id, cmd);
    expect(again.length).toBe(2);
    expect((await store.events(c.id)).length).toBe(2);
  });

  it('two clerks acting at once: the loser re-reads and is refused by the new state (optimistic concurrency)', async () => {
    const c = await submitCase(store, calendar, undefined, {
      item: ITEM.itemCode,
      mode: 'online',
      applicant,
      submitted: ['身份证', '经营场所证明', '租赁合同'],
      unit: 'applicant',
      actor: 'k1',
      site: 'HRB1',
      at: '2025-03-10T01:00:00Z',
    });
    const results = await Promise.allSettled([
      performStep(store, calendar, c.id, {
        type: 'accept',
        unit: 'localDepartment',
        actor: 'd1',
        at: '2025-03-10T02:00:00Z',
      }),
      performStep(store, calendar, c.id, {
        type: 'refuse',
        unit: 'localDepartment',
        actor: 'd2',
        at: '2025-03-10T02:00:00Z',
        payload: { reasons: ['不符合'] },
      }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const final = await loadCase(store, calendar, c.id);
    expect(final.length).toBe(2);
  });

  it('the deadline sweep terminates a case whose tolerated materials are overdue (seed 002 9.3.6)', async () => {
    const c = await submitCase(store, calendar, undefined, {
      item: ITEM.itemCode,
      mode: 'online',
      applicant,
      submitted: ['身份证', '经营场所证明'],
      unit: 'applicant',
      actor: 'k1',
      site: 'HRB1',
      at: '2025-03-10T01:00:00Z',
    });
    await performStep(store, calendar, c.id, {
      type: 'acceptWithTolerance',
      unit: 'localDepartment',
      actor: 'd1',
      at: '2025-03-10T02:00:00Z',
      // on or before the case's own due date, 2025-03-13 (seed 002 9.3.6; seed 004 8.2.4)
      payload: { missing: ['租赁合同'], dueAt: '2025-03-13T09:00:00Z', pledge: true },
    });
    expect(await expireDeadlines(store, calendar, '2025-03-13T08:00:00Z')).toEqual([]);
    expect(await expireDeadlines(store, calendar, '2025-03-15T09:00:00Z')).toEqual([c.id]);
    expect((await store.summary(c.id))?.state).toBe('terminated');
  });

  it('refuses a mode the item does not offer (seed 000 4.1)', async () => {
    await expect(
      submitCase(store, calendar, undefined, {
        item: ITEM.itemCode,
        mode: 'proxyRemote',
        applicant,
        submitted: [],
        unit: 'applicant',
        actor: 'k',
        site: 'HRB1',
      }),
    ).rejects.toThrow(/not handled in mode proxyRemote/);
  });
});

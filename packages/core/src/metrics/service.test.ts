import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { foldCase } from '../cases/engine.js';
import { summarise } from '../cases/views.js';
import { type MemoryStore, openMemoryStore } from '../store/test-support/memory-store.js';
import { computeMetrics } from './compute.js';
import { calendar, cases, complaints, histories, november, ratings } from './november-2026.fixture.js';
import { metricsReport } from './service.js';

let store: MemoryStore;

beforeEach(async () => {
  store = openMemoryStore();
  for (const [caseId, events] of Object.entries(histories)) {
    await store.append(caseId, events, summarise(foldCase(events, { calendar })));
  }
  for (const { revision: _, ...c } of complaints) await store.putRecord('complaints', c);
  for (const { revision: _, ...r } of ratings) await store.putRecord('ratings', r);
});
afterEach(async () => {
  await store.close();
});

const counts = (r: Awaited<ReturnType<typeof metricsReport>>) =>
  Object.fromEntries(r.metrics.map((m) => [m.id, `${m.numeratorCount}/${m.denominatorCount}`]));

describe('metricsReport over the lowdb store (seed 000 7.1; seed 002 12.3.4; seed 004 11.3.4)', () => {
  it('reads cases, complaints and ratings from the store and gives the hand-worked November figures', async () => {
    const report = await metricsReport(store, { calendar, period: november });
    expect(counts(report)).toEqual({
      onTimeCompletion: '4/5',
      sameDayAcceptance: '4/6',
      onlineCompletion: '1/5',
      immediateShare: '1/5',
      oneVisitShare: '2/4',
      transferTimeliness: '1/2',
      complaintReplyInTime: '2/4',
      satisfaction: '3/4',
      eLicenceReplacement: '5/13',
    });
    expect(report).toEqual(computeMetrics({ cases, complaints, ratings, calendar, period: november }));
  });

  it('narrows by unit through the case index, as the pure function does', async () => {
    const filter = { unit: 'remoteWindow' as const };
    const report = await metricsReport(store, { calendar, period: november, filter });
    expect(counts(report).transferTimeliness).toBe('1/2');
    expect(report).toEqual(
      computeMetrics({ cases, complaints, ratings, calendar, period: november, filter }),
    );
  });
});

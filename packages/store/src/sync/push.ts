import type { DeadlineCalendar } from '@tongban/core/cases';
import { foldCase, summarise } from '@tongban/core/cases';
import type { Store, StoredRecord } from '@tongban/core/store';
import { StoreConflictError } from '@tongban/core/store';
import type { Outbox } from './outbox.js';
import { isUnreachable } from './unreachable.js';

export interface PushReport {
  /** Entries now held by the central store (pushed now, or found already there after an interrupted push). */
  pushed: number;
  /** Events actually added to the central store by this push. */
  appended: number;
  remaining: number;
  /** Entries the central store refused for good (kept in the outbox for staff). */
  conflicts: number;
  /** false when the push stopped because the central store could not be reached. */
  reachable: boolean;
}

/**
 * Pushes the outbox to the central store in order, idempotently: each entry's events are appended with the ids
 * the kiosk gave them, so an entry whose push was interrupted after the central commit (kiosk killed, link lost
 * before the answer) is found already there and only removed. A case that already has a central log gets its
 * summary recomputed from the whole log; an entry the case rules now refuse is kept as a conflict and the later
 * entries of that case wait behind it.
 */
export async function pushOutbox(
  outbox: Outbox,
  central: Store,
  calendar: DeadlineCalendar,
): Promise<PushReport> {
  const report: PushReport = { pushed: 0, appended: 0, remaining: 0, conflicts: 0, reachable: true };
  const blocked = new Set<string>();
  for (const entry of outbox.entries()) {
    if (entry.conflict || blocked.has(entry.caseId)) {
      blocked.add(entry.caseId);
      continue;
    }
    try {
      report.appended += await pushEntry(central, calendar, entry.caseId, entry.events, entry.summary);
      await outbox.done(entry.seq);
      report.pushed += 1;
    } catch (error) {
      if (isUnreachable(error)) {
        report.reachable = false;
        await outbox.failed(entry.seq, (error as Error).message).catch(() => {});
        break;
      }
      blocked.add(entry.caseId);
      await outbox.failed(entry.seq, (error as Error).message, { conflict: true });
    }
  }
  const status = outbox.status();
  report.remaining = status.pending;
  report.conflicts = status.conflicts;
  return report;
}

async function pushEntry(
  central: Store,
  calendar: DeadlineCalendar,
  caseId: string,
  events: Parameters<Store['append']>[1],
  summary: Parameters<Store['append']>[2],
): Promise<number> {
  for (let attempt = 0; ; attempt++) {
    const existing = await central.events(caseId);
    const known = new Set(existing.map((e) => e.id));
    const fresh = events.filter((e) => !known.has(e.id));
    if (fresh.length === 0) return 0;
    try {
      if (existing.length === 0) {
        const r = await central.append(caseId, fresh, summary, { expectedLength: 0 });
        return r.appended;
      }
      // The case has a central log: fold it with the queued events, so the case rules judge them again.
      const folded = foldCase([...existing, ...fresh], { calendar });
      const r = await central.append(caseId, fresh, summarise(folded), { expectedLength: existing.length });
      return r.appended;
    } catch (error) {
      if (error instanceof StoreConflictError && attempt < 5) continue;
      throw error;
    }
  }
}

/** What a kiosk last reported to the central store about its outbox (record kind 'sync', id = kiosk id). */
export interface KioskSyncRecord extends StoredRecord {
  pending: number;
  conflicts: number;
  pushedTotal: number;
  oldestQueuedAt?: string;
  lastPushAt?: string;
  reportedAt: string;
}

/**
 * Tell the central store what a kiosk's outbox holds (a record of kind 'sync' per kiosk), so `tongban sync status`
 * run anywhere shows every kiosk's pending count and when it last reached the centre.
 */
export async function reportOutbox(outbox: Outbox, central: Store): Promise<void> {
  const s = outbox.status();
  const record: Omit<KioskSyncRecord, 'revision'> = {
    id: s.kioskId,
    pending: s.pending,
    conflicts: s.conflicts,
    pushedTotal: s.pushedTotal,
    reportedAt: new Date().toISOString(),
    ...(s.oldestQueuedAt ? { oldestQueuedAt: s.oldestQueuedAt } : {}),
    ...(s.lastPushAt ? { lastPushAt: s.lastPushAt } : {}),
  };
  await central.putRecord<KioskSyncRecord>('sync', record);
}

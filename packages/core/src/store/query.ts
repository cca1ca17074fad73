import type { CaseQuery, CaseSummary, StoredRecord } from './store.js';

const time = (iso: string | undefined): number => (iso === undefined ? Number.NaN : Date.parse(iso));

/**
 * The meaning of every CaseQuery field, shared by the adapters that filter in memory (lowdb) and used by the
 * contract suite as the reference (a SQL adapter must return the same cases in the same order).
 * - applicantId, mode, itemCode, bundleId, waitingOn: equality; state: equality or one of a list;
 * - unit: the unit has touched the case (`units` contains it);
 * - open: true = no closedAt, false = closed; dueBefore: open cases with a dueAt strictly before the instant;
 * - createdFrom <= createdAt < createdTo (half-open period, for metrics);
 * - results ordered by createdAt then caseId; limit keeps the first N.
 */
export function matchesCaseQuery(s: CaseSummary, q: CaseQuery): boolean {
  if (q.applicantId !== undefined && s.applicantId !== q.applicantId) return false;
  if (q.state !== undefined) {
    if (Array.isArray(q.state) ? !q.state.includes(s.state) : s.state !== q.state) return false;
  }
  if (q.mode !== undefined && s.mode !== q.mode) return false;
  if (q.itemCode !== undefined && s.itemCode !== q.itemCode) return false;
  if (q.bundleId !== undefined && s.bundleId !== q.bundleId) return false;
  if (q.waitingOn !== undefined && s.waitingOn !== q.waitingOn) return false;
  if (q.unit !== undefined && !s.units.includes(q.unit)) return false;
  if (q.open !== undefined && (s.closedAt === undefined) !== q.open) return false;
  if (q.dueBefore !== undefined) {
    if (s.closedAt !== undefined || s.dueAt === undefined || !(time(s.dueAt) < time(q.dueBefore)))
      return false;
  }
  if (q.createdFrom !== undefined && !(time(s.createdAt) >= time(q.createdFrom))) return false;
  if (q.createdTo !== undefined && !(time(s.createdAt) < time(q.createdTo))) return false;
  return true;
}

export function compareCaseSummaries(a: CaseSummary, b: CaseSummary): number {
  const d = time(a.createdAt) - time(b.createdAt);
  if (d !== 0) return d;
  return a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0;
}

/** Sort, then apply the limit (limit 0 returns nothing; a negative limit is refused by the adapter). */
export function orderAndLimit(list: CaseSummary[], q: CaseQuery): CaseSummary[] {
  list.sort(compareCaseSummaries);
  return q.limit === undefined ? list : list.slice(0, q.limit);
}

const sameValue = (a: unknown, b: unknown): boolean =>
  a === b || (typeof a === 'object' && a !== null && JSON.stringify(a) === JSON.stringify(b));

/** listRecords filter: every given field equals the record's (objects compared by JSON). */
export function matchesRecordFilter(r: StoredRecord, filter: Partial<Record<string, unknown>> | undefined) {
  if (!filter) return true;
  for (const [k, v] of Object.entries(filter)) {
    if (v !== undefined && !sameValue(r[k], v)) return false;
  }
  return true;
}

export const compareRecords = (a: StoredRecord, b: StoredRecord): number =>
  a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

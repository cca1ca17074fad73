import { createHash } from 'node:crypto';
import type { Store } from '../store/store.js';
import type { Case } from './case.js';
import { loadCase, performStep } from './case-service.js';
import type { PayloadOf } from './event-types.js';
import type { DeadlineCalendar } from './reducer.js';

/** One deadline of a case before and after a year's official arrangement replaced what the calendar had. */
export interface DeadlineChange {
  caseId: string;
  itemCode: string;
  state: string;
  deadline: 'dueAt' | 'transferDueAt';
  /** UTC ISO-8601; null when the deadline was not known (clock stopped). */
  from: string | null;
  fromProvisional: boolean;
  to: string | null;
  toProvisional: boolean;
  changed: boolean;
}

export interface RecomputeInput {
  /** The calendar before the import and with the imported year. */
  before: DeadlineCalendar;
  after: DeadlineCalendar;
  year: number;
  /** The notice imported (goes into each case's log). */
  source: string;
  /** Identifies the imported content: the same import twice appends nothing twice. */
  contentKey: string;
  at?: string;
  /** Work out the changes but append nothing. */
  dryRun?: boolean;
}

const yearOf = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).getUTCFullYear();
const spans = (year: number, from: string, to: string) => yearOf(from) <= year && year <= yearOf(to);

/** The deadlines of a case that were counted across `year` (so the year's arrangement can move them). */
function dependentDeadlines(c: Case, year: number): DeadlineChange['deadline'][] {
  const out: DeadlineChange['deadline'][] = [];
  if (c.dueAt && c.acceptedAt && c.decidedAt === undefined && spans(year, c.acceptedAt, c.dueAt))
    out.push('dueAt');
  // counted from the proxy intake, which comes after createdAt: the span from createdAt covers it
  if (c.transferDueAt && c.transfer === undefined && spans(year, c.createdAt, c.transferDueAt))
    out.push('transferDueAt');
  return out;
}

/** A UUID-shaped id from the case and the imported content (idempotent: a rerun after a crash appends no twin). */
function eventIdOf(caseId: string, input: RecomputeInput): string {
  const h = createHash('sha256').update(`${caseId}\n${input.year}\n${input.contentKey}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * When a year's official arrangement is imported (tongban calendar import): every open case whose deadline was
 * counted across that year is folded on the calendar before and after, and unless `dryRun` a recomputeDeadline
 * event (unit system, actor calendar-import) records old and new dates in its log; the stored summary then
 * carries the new due date. Cases are folded afresh on the calendar in use anyway, so nothing else changes; a
 * deadline that the applicant was told as a date (补正, 容缺) is a payload of its step and stays as told.
 * Returns every deadline looked at, changed or not.
 */
export async function recomputeDeadlines(store: Store, input: RecomputeInput): Promise<DeadlineChange[]> {
  const out: DeadlineChange[] = [];
  for (const s of await store.findCases({ open: true })) {
    const old = await loadCase(store, input.before, s.caseId);
    const kinds = dependentDeadlines(old, input.year);
    if (kinds.length === 0) continue;
    const now = await loadCase(store, input.after, s.caseId);
    const changes = kinds.map((deadline) => {
      const from = old[deadline] ?? null;
      const to = now[deadline] ?? null;
      const provisional = deadline === 'dueAt' ? 'dueProvisional' : 'transferDueProvisional';
      return {
        caseId: s.caseId,
        itemCode: old.itemCode,
        state: old.state,
        deadline,
        from,
        fromProvisional: old[provisional] === true,
        to,
        toProvisional: now[provisional] === true,
        changed: from !== to,
      };
    });
    out.push(...changes);
    if (input.dryRun) continue;
    const payload: PayloadOf<'recomputeDeadline'> = {
      year: input.year,
      source: input.source,
      changes: changes.map(({ deadline, from, fromProvisional, to, toProvisional }) => ({
        deadline,
        from,
        fromProvisional,
        to,
        toProvisional,
      })),
    };
    await performStep(store, input.after, s.caseId, {
      type: 'recomputeDeadline',
      unit: 'system',
      actor: 'calendar-import',
      at: input.at,
      payload,
      eventId: eventIdOf(s.caseId, input),
    });
  }
  return out;
}

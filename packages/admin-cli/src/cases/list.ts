import type { WorkCalendar } from '@tongban/core/calendar';
import { type CaseState, STATE_NAMES } from '@tongban/core/cases';
import { messageTemplate } from '@tongban/core/messages';
import type { CaseQuery, CaseSummary, Store } from '@tongban/core/store';
import { localDate } from './time.js';

/**
 * States in which a case is accepted but not decided: the promised time limit runs (or is stopped by a 补正 wait
 * or a 特别程序) and the case can become overdue (seed 002 12.3.5; core `isOverdue`).
 */
export const UNDECIDED_STATES: readonly CaseState[] = ['accepted', 'supplementRequested', 'specialProcedure'];

export interface CaseRow {
  caseId: string;
  itemCode: string;
  /** From the latest published catalogue ('' when the code is no longer in it). */
  itemName: string;
  mode: string;
  state: string;
  stateName: string;
  waitingOn: string | null;
  createdAt: string;
  updatedAt: string;
  dueAt: string | null;
  dueDate: string | null;
  /** The due date was counted on a provisional (预计) year (statutory rules, no notice yet). */
  dueProvisional: boolean;
  closedAt: string | null;
  overdue: boolean;
  length: number;
}

export const isOverdueSummary = (s: CaseSummary, now: string): boolean =>
  s.closedAt === undefined &&
  s.dueAt !== undefined &&
  (UNDECIDED_STATES as readonly string[]).includes(s.state) &&
  Date.parse(s.dueAt) < Date.parse(now);

/** Item names by code from the latest published catalogue (for tables; cases pin their own name). */
export async function itemNames(store: Store): Promise<Map<string, string>> {
  const cat = await store.catalogue();
  const names = new Map<string, string>();
  for (const i of cat?.items ?? []) {
    if (!names.has(i.itemCode)) names.set(i.itemCode, i.subName ? `${i.mainName}(${i.subName})` : i.mainName);
  }
  return names;
}

/**
 * Whether a summary's due date rests on a provisional year: the index keeps no acceptance instant, so the span is
 * taken from the creation (never later than the acceptance) to the due date, on the calendar in use now.
 */
export function dueProvisionalOf(s: CaseSummary, calendar: WorkCalendar): boolean {
  return s.dueAt !== undefined && calendar.provisionalYearsBetween(s.createdAt, s.dueAt).length > 0;
}

export function caseRow(
  s: CaseSummary,
  names: Map<string, string>,
  now: string,
  calendar: WorkCalendar,
): CaseRow {
  return {
    caseId: s.caseId,
    itemCode: s.itemCode,
    itemName: names.get(s.itemCode) ?? '',
    mode: s.mode,
    state: s.state,
    stateName: STATE_NAMES[s.state as CaseState] ?? s.state,
    waitingOn: s.waitingOn ?? null,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
    dueAt: s.dueAt ?? null,
    dueDate: s.dueAt ? localDate(s.dueAt) : null,
    dueProvisional: dueProvisionalOf(s, calendar),
    closedAt: s.closedAt ?? null,
    overdue: isOverdueSummary(s, now),
    length: s.length,
  };
}

/** States a query keeps: the ones asked for, narrowed to `within` when given. */
export function narrowStates(
  asked: readonly string[] | undefined,
  within?: readonly string[],
): string[] | undefined {
  if (!within) return asked ? [...asked] : undefined;
  return asked ? asked.filter((s) => within.includes(s)) : [...within];
}

/** The store query of overdue cases as of `now`: undecided, open, due strictly before now (store index). */
export function overdueQuery(base: CaseQuery, now: string): CaseQuery {
  const asked = base.state === undefined ? undefined : Array.isArray(base.state) ? base.state : [base.state];
  return { ...base, state: narrowStates(asked, UNDECIDED_STATES), dueBefore: now, open: true };
}

/** Beside a date counted on a provisional year: both locales' words, as the CLI's headers ('到期 due'). */
export const PROVISIONAL_MARK = `${messageTemplate('calendar.provisional')} ${messageTemplate('calendar.provisional', 'en')}`;

/** The note under a table or view that shows a 预计 date. */
export const PROVISIONAL_NOTE =
  '预计 = provisional: counted on a year without its State Council notice (statutory holidays); recomputed by `tongban calendar import` of the notice';

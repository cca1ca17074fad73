import { type CaseState, STATE_NAMES } from '@tongban/core/cases';
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

export function caseRow(s: CaseSummary, names: Map<string, string>, now: string): CaseRow {
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

import { type Case, hasEvent } from './case.js';
import type { CaseEvent } from './case-event.js';
import { CaseRuleError, TransitionError } from './errors.js';
import { EVENT_TYPES, isCaseEventType } from './event-types.js';
import { checkAfterStep } from './post-rules.js';
import { type DeadlineCalendar, reduce } from './reducer.js';
import { RULES } from './rules.js';
import { eventsAllowed, rowsFor, type TransitionRow } from './transitions.js';

export interface CaseContext {
  /** Work calendar for the promised due date; without it dueAt stays undefined. */
  calendar?: DeadlineCalendar;
  /** Folding stored events again: the rules that look at the case after a step (post-rules.ts) are skipped. */
  replay?: boolean;
}

export interface StepDecision {
  row: TransitionRow;
  payload: unknown;
}

/**
 * Checks one event against the case: its type, the transition table of the case's mode (state and unit), its
 * payload schema and the data rules. Throws TransitionError or CaseRuleError; changes nothing.
 */
export function decide(c: Case | undefined, e: CaseEvent): StepDecision {
  const caseId = c?.id ?? e.caseId;
  if (!isCaseEventType(e.type)) {
    throw new CaseRuleError(
      caseId,
      e.type,
      `unknown event type "${e.type}"`,
      `use one of: ${Object.keys(EVENT_TYPES).join(', ')}`,
      'type',
    );
  }
  if (c !== undefined && e.caseId !== c.id) {
    throw new CaseRuleError(
      caseId,
      e.type,
      `event ${e.id} belongs to case ${e.caseId}, not ${c.id}`,
      'append it to its own case',
      'caseId',
    );
  }
  const info = EVENT_TYPES[e.type];
  const parsed = info.schema.safeParse(e.payload ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') || undefined;
    throw new CaseRuleError(
      caseId,
      e.type,
      `payload of "${e.type}" is invalid: ${field ? `${field}: ` : ''}${issue?.message}`,
      `see ${info.seed}`,
      field,
    );
  }
  const mode = c?.mode ?? (parsed.data as { mode?: string }).mode;
  const state = c?.state ?? 'new';
  if (c === undefined && e.type !== 'submit') {
    throw new TransitionError({
      caseId,
      mode: '?',
      state: 'new',
      eventType: e.type,
      unitExpected: [],
      unitGiven: e.unit,
      allowedHere: ['submit'],
    });
  }
  const rows = rowsFor(mode as Case['mode'], e.type, state);
  if (rows.length === 0) {
    throw new TransitionError({
      caseId,
      mode: String(mode),
      state,
      eventType: e.type,
      unitExpected: [],
      unitGiven: e.unit,
      allowedHere: eventsAllowed(mode as Case['mode'], state),
    });
  }
  const row = rows.find((r) => r.units.includes(e.unit));
  if (!row) {
    const units = [...new Set(rows.flatMap((r) => r.units))];
    throw new TransitionError({
      caseId,
      mode: String(mode),
      state,
      eventType: e.type,
      unitExpected: units,
      unitGiven: e.unit,
      allowedHere: [],
    });
  }
  const rule = RULES[e.type] as ((c: Case, p: unknown, e: CaseEvent) => void) | undefined;
  if (rule) rule(c ?? ({ id: caseId } as Case), parsed.data, e);
  return { row, payload: parsed.data };
}

/**
 * Appends one event: an event id the case already holds is a no-op (idempotent, for sync between sites);
 * otherwise decide() then reduce(). Returns the new Case; the given one is unchanged.
 */
export function appendEvent(c: Case | undefined, e: CaseEvent, ctx: CaseContext = {}): Case {
  if (c !== undefined && hasEvent(c, e.id)) return c;
  const { row, payload } = decide(c, e);
  const after = reduce(c, e, payload, row.to, ctx.calendar);
  if (!ctx.replay) checkAfterStep(after, e);
  return after;
}

/** Deterministic fold of a case's events (duplicates by id are skipped). Throws on an illegal event. */
export function foldCase(events: readonly CaseEvent[], ctx: CaseContext = {}): Case {
  let c: Case | undefined;
  for (const e of events) c = appendEvent(c, e, { ...ctx, replay: true });
  if (c === undefined) {
    throw new CaseRuleError(
      '(none)',
      'fold',
      'a case needs at least its submit event',
      'fold the events of an existing case',
    );
  }
  return c;
}

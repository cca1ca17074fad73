import { randomUUID } from 'node:crypto';
import { Args, Flags } from '@oclif/core';
import type { WorkCalendar } from '@tongban/core/calendar';
import {
  appendEvent,
  type Case,
  type CaseEvent,
  loadCase,
  parseApplicationNumber,
  performStep,
  summarise,
  UNITS,
  type Unit,
} from '@tongban/core/cases';
import { TongbanError } from '@tongban/core/errors';
import { type Store, StoreConflictError } from '@tongban/core/store';
import { TongbanCommand } from '../base-command.js';
import { loadCalendar } from '../calendar-support.js';
import { exitCodeFor, isTongbanError, type TongbanErrorLike } from '../exit-codes.js';
import { renderPairs } from '../output/table.js';
import { PROVISIONAL_MARK } from './list.js';
import { parseInstant } from './time.js';
import { type StepResult, stepResult } from './views.js';

/** The case argument of every per-case command: the application number (申请编号) = case id. */
export const caseArg = Args.string({
  name: 'case',
  description:
    'Application number (申请编号) = case id, e.g. HRB1-260302-C7K3Q-XM1 (O/0 and I/1 mix-ups are folded)',
  required: true,
});

/**
 * Who acts. The unit comes from --unit or the TONGBAN_UNIT environment variable (set once per clerk's shell),
 * the person from --actor or TONGBAN_USER (as `items publish --by`).
 */
export const unitFlag = Flags.option({
  options: UNITS,
  summary: 'Unit acting (单位); default $TONGBAN_UNIT.',
  env: 'TONGBAN_UNIT',
  required: true,
  helpGroup: 'ACTING',
})();

export const actingFlags = {
  unit: unitFlag,
  actor: Flags.string({
    summary: 'Person acting (clerk name or staff id); default $TONGBAN_USER.',
    env: 'TONGBAN_USER',
    aliases: ['by'],
    required: true,
    helpGroup: 'ACTING',
  }),
  at: Flags.string({
    summary:
      'When the step happened: ISO-8601 instant or YYYY-MM-DD (default now). For recording steps late.',
    helpGroup: 'ACTING',
  }),
  'if-length': Flags.integer({
    summary:
      'Refuse (exit 3) unless the case still has this many events (the `length` that show/--json gave).',
    min: 1,
    helpGroup: 'ACTING',
  }),
  'event-id': Flags.string({
    summary: 'Id of the new event; running the command again with the same id stores nothing twice.',
    helpGroup: 'ACTING',
  }),
};

export interface ActingFlags {
  data: string;
  unit: Unit;
  actor: string;
  at?: string;
  'if-length'?: number;
  'event-id'?: string;
}

/** Builds a step's payload from the current case (defaults such as the chosen delivery method). */
export type PayloadOf = (
  c: Case,
  ctx: { at: string; calendar: WorkCalendar },
) => Record<string, unknown> | Promise<Record<string, unknown>>;

const CASE_NOT_FOUND = 'case.notFound';

/** Exit code of a case command's error: an illegal transition clashes with the current state (exit 3). */
export function caseExitCode(err: TongbanErrorLike): number {
  // exit-codes.ts maps CASE_TRANSITION to 3 (a clash with the current state) for every command.
  return exitCodeFor(err);
}

/** Finds a case by its id as typed; application numbers are normalised (case, O/0, I/1, dashes). */
export async function resolveCaseId(store: Store, ref: string): Promise<string> {
  const raw = ref.trim();
  if (await store.summary(raw)) return raw;
  let hint = 'check the application number on the receipt, or find it with `tongban cases list`';
  try {
    const text = parseApplicationNumber(raw).text;
    if (await store.summary(text)) return text;
  } catch (err) {
    if (isTongbanError(err)) hint = `${err.message}; ${err.hint}`;
  }
  throw new TongbanError(CASE_NOT_FOUND, `no case ${raw} in this data directory`, {
    where: { caseId: raw },
    hint,
  });
}

/**
 * Base of the `tongban cases` commands: case lookup and the data directory's work calendar. An illegal transition
 * (core's TransitionError) exits 3, a conflict with the current state (exit-codes.ts).
 */
export abstract class CaseCommand<T> extends TongbanCommand<T> {
  protected async calendarOf(dataDir: string): Promise<WorkCalendar> {
    return loadCalendar(dataDir);
  }
}

/** One transition of a case, thin over core's performStep (seed 000 tables 1-3 name the unit of each step). */
export abstract class CaseStepCommand extends CaseCommand<StepResult> {
  protected async step(
    ref: string,
    flags: ActingFlags,
    type: string,
    payload: PayloadOf,
  ): Promise<StepResult> {
    const store = await this.openStore(flags.data);
    const calendar = await this.calendarOf(flags.data);
    const caseId = await resolveCaseId(store, ref);
    const at = flags.at ? parseInstant(flags.at, '--at') : new Date().toISOString();
    const before = await loadCase(store, calendar, caseId);
    const expected = flags['if-length'];
    if (expected !== undefined && before.length !== expected) {
      throw new StoreConflictError({ caseId }, expected, before.length);
    }
    const body = await payload(before, { at, calendar });
    const eventId = flags['event-id'] ?? randomUUID();
    let after: Case;
    if (expected === undefined) {
      after = await performStep(store, calendar, caseId, {
        type,
        unit: flags.unit,
        actor: flags.actor,
        at,
        payload: body,
        eventId,
      });
    } else {
      // Optimistic concurrency as the clerk saw it: decide on the case of that length, append only onto it.
      const event: CaseEvent = {
        id: eventId,
        caseId,
        type,
        unit: flags.unit,
        actor: flags.actor,
        at,
        payload: body,
      };
      after = appendEvent(before, event, { calendar });
      if (after !== before) {
        await store.append(caseId, [event], summarise(after), { expectedLength: before.length });
      }
    }
    const duplicate = after.length === before.length;
    const result = stepResult(after, eventId, duplicate);
    this.log(renderStep(result));
    return result;
  }
}

/** The short report a clerk sees after a step. */
export function renderStep(r: StepResult, extra: [string, unknown][] = []): string {
  const head = `${r.caseId}: ${r.event.label} (${r.event.type}) by ${r.event.unitName} ${r.event.unit} (${r.event.actor})${r.duplicate ? ' — already recorded, nothing appended' : ''}`;
  const pairs: [string, unknown][] = [
    ['state', `${r.from} → ${r.state} ${r.stateName}`],
    ['waiting on', r.waitingOn ?? '(closed)'],
  ];
  if (r.dueDate)
    pairs.push(['due', `${r.dueDate} 23:59 (+08:00)${r.dueProvisional ? ` ${PROVISIONAL_MARK}` : ''}`]);
  if (r.notices.length) pairs.push(['notices', r.notices.map((n) => n.name).join('、')]);
  if (r.nextSteps.length) {
    pairs.push(['next', r.nextSteps.map((s) => `${s.event} (${s.units.join('/')})`).join(', ')]);
  }
  pairs.push(...extra, ['events', r.length]);
  return `${head}\n${renderPairs(pairs)
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n')}`;
}

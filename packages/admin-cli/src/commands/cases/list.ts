import { Flags } from '@oclif/core';
import { CASE_STATES, UNITS } from '@tongban/core/cases';
import { MODES } from '@tongban/core/catalogue';
import { maskIdNumber } from '@tongban/core/identity';
import { messageTemplate } from '@tongban/core/messages';
import type { CaseQuery } from '@tongban/core/store';
import { CaseCommand } from '../../cases/case-command.js';
import { type CaseRow, caseRow, itemNames, overdueQuery, PROVISIONAL_NOTE } from '../../cases/list.js';
import { parseInstant } from '../../cases/time.js';
import { renderTable } from '../../output/table.js';

export interface CasesListResult {
  /** The instant overdue and due-soon were judged at. */
  now: string;
  /** The store query that served the list (CaseQuery of @tongban/core/store). */
  query: Record<string, unknown>;
  total: number;
  cases: CaseRow[];
}

export default class CasesList extends CaseCommand<CasesListResult> {
  static override summary = 'List cases (办件) by state, mode, unit, item, applicant, overdue or due soon.';
  static override description = [
    "Served by the store's case index (summaries), not by folding every case; ordered by creation time.",
    "--unit: cases the unit has acted on; --waiting-on: the unit's worklist (cases waiting on it now).",
    '--overdue: accepted, undecided cases past their promised due date (seed 002 12.3.5).',
    '--due-soon N: undecided cases due within N working days (not yet overdue).',
  ].join('\n');
  static override examples = [
    '<%= config.bin %> <%= command.id %>',
    '<%= config.bin %> <%= command.id %> --state awaitingAcceptance --state accepted --mode proxyLocal',
    '<%= config.bin %> <%= command.id %> --waiting-on localDepartment --due-soon 3',
    '<%= config.bin %> <%= command.id %> --overdue --item 000173003001 --json',
  ];
  static override flags = {
    state: Flags.option({
      options: CASE_STATES,
      summary: 'Only cases in this state (repeatable).',
      multiple: true,
    })(),
    mode: Flags.option({ options: MODES, summary: 'Only this handling mode.' })(),
    unit: Flags.option({ options: UNITS, summary: 'Only cases this unit has acted on.' })(),
    'waiting-on': Flags.option({ options: UNITS, summary: 'Only cases waiting on this unit now.' })(),
    item: Flags.string({ summary: 'Only this item code.' }),
    applicant: Flags.string({ summary: "Only this applicant's ID number (shown masked)." }),
    open: Flags.boolean({ summary: 'Only open cases (--no-open: only closed ones).', allowNo: true }),
    overdue: Flags.boolean({ summary: 'Only overdue cases.', exclusive: ['due-soon'] }),
    'due-soon': Flags.integer({ summary: 'Only cases due within this many working days.', min: 0 }),
    now: Flags.string({ summary: 'Judge overdue / due soon as of this instant or date (default now).' }),
    limit: Flags.integer({ summary: 'At most this many cases.', min: 1 }),
  };

  async run(): Promise<CasesListResult> {
    const { flags } = await this.parse(CasesList);
    const store = await this.openStore(flags.data);
    const now = flags.now ? parseInstant(flags.now, '--now') : new Date().toISOString();
    let query: CaseQuery = {
      state: flags.state,
      mode: flags.mode,
      unit: flags.unit,
      waitingOn: flags['waiting-on'],
      itemCode: flags.item?.trim(),
      applicantId: flags.applicant?.trim(),
      open: flags.open,
      limit: flags.limit,
    };
    let keep = (_due: string | undefined) => true;
    const calendar = await this.calendarOf(flags.data);
    if (flags.overdue) query = overdueQuery(query, now);
    if (flags['due-soon'] !== undefined) {
      const horizon = calendar.addWorkingDays(now, flags['due-soon']).getTime() + 1;
      // Due before the horizon from the index; the overdue ones among them are dropped (not "due soon").
      query = { ...overdueQuery(query, new Date(horizon).toISOString()), limit: undefined };
      keep = (due) => due !== undefined && Date.parse(due) >= Date.parse(now);
    }
    const clean = Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined)) as CaseQuery;
    let found = (await store.findCases(clean)).filter((s) => keep(s.dueAt));
    if (flags['due-soon'] !== undefined && flags.limit !== undefined) found = found.slice(0, flags.limit);
    const names = await itemNames(store);
    const cases = found.map((s) => caseRow(s, names, now, calendar));
    this.log(
      renderTable(cases, [
        { header: 'case', get: (r) => r.caseId },
        { header: 'item', get: (r) => `${r.itemCode} ${r.itemName}`, max: 34 },
        { header: 'mode', get: (r) => r.mode },
        { header: 'state', get: (r) => r.state },
        { header: 'waiting on', get: (r) => r.waitingOn ?? '' },
        {
          header: 'due',
          get: (r) =>
            r.dueDate
              ? `${r.dueDate}${r.dueProvisional ? ` ${messageTemplate('calendar.provisional')}` : ''}${r.overdue ? ' !' : ''}`
              : '',
        },
      ]),
    );
    const notes = [
      cases.some((c) => c.overdue) ? '! = overdue' : '',
      cases.some((c) => c.dueProvisional) ? PROVISIONAL_NOTE : '',
    ].filter(Boolean);
    this.log(`${cases.length} case(s)${notes.length ? ` (${notes.join('; ')})` : ''}.`);
    // the query as served, with the applicant's ID number masked (issue 25: --json echoed it in full)
    const shown = clean.applicantId ? { ...clean, applicantId: maskIdNumber(clean.applicantId) } : clean;
    return { now, query: shown as Record<string, unknown>, total: cases.length, cases };
  }
}

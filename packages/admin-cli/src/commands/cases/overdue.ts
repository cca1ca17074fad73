import { Flags } from '@oclif/core';
import { UNIT_NAMES, UNITS, type Unit } from '@tongban/core/cases';
import { MODES } from '@tongban/core/catalogue';
import { CaseCommand } from '../../cases/case-command.js';
import { caseRow, itemNames, overdueQuery } from '../../cases/list.js';
import { calendarDaysBetween, parseInstant } from '../../cases/time.js';
import { renderTable } from '../../output/table.js';

export interface OverdueCase {
  caseId: string;
  itemCode: string;
  itemName: string;
  mode: string;
  state: string;
  dueAt: string;
  dueDate: string;
  /** Working days after the due date up to now (work calendar of the data directory). */
  workingDaysOver: number;
  calendarDaysOver: number;
}

export interface CasesOverdueResult {
  now: string;
  total: number;
  /** One group per unit the cases wait on, the unit with most overdue cases first. */
  groups: { unit: string; unitName: string; count: number; cases: OverdueCase[] }[];
}

export default class CasesOverdue extends CaseCommand<CasesOverdueResult> {
  static override summary = 'Overdue cases for supervisors (超期办件), grouped by the unit they wait on.';
  static override description = [
    'A case is overdue when it is accepted, not decided, its clock runs and the promised due date has passed',
    '(seed 002 12.3.5: 超时办理). Days over are counted in working days on the work calendar of the data directory.',
    'Exit code 0 either way; scripts test `total` in --json.',
  ].join('\n');
  static override examples = [
    '<%= config.bin %> <%= command.id %>',
    '<%= config.bin %> <%= command.id %> --unit localDepartment --json',
    '<%= config.bin %> <%= command.id %> --now 2026-04-30',
  ];
  static override flags = {
    unit: Flags.option({ options: UNITS, summary: 'Only cases waiting on this unit.' })(),
    mode: Flags.option({ options: MODES, summary: 'Only this handling mode.' })(),
    item: Flags.string({ summary: 'Only this item code.' }),
    now: Flags.string({ summary: 'Judge as of this instant or date (default now).' }),
  };

  async run(): Promise<CasesOverdueResult> {
    const { flags } = await this.parse(CasesOverdue);
    const store = await this.openStore(flags.data);
    const calendar = await this.calendarOf(flags.data);
    const now = flags.now ? parseInstant(flags.now, '--now') : new Date().toISOString();
    const query = overdueQuery({}, now);
    if (flags.unit) query.waitingOn = flags.unit;
    if (flags.mode) query.mode = flags.mode;
    if (flags.item) query.itemCode = flags.item.trim();
    const names = await itemNames(store);
    const byUnit = new Map<string, OverdueCase[]>();
    for (const s of await store.findCases(query)) {
      const row = caseRow(s, names, now, calendar);
      const dueAt = s.dueAt as string;
      const unit = s.waitingOn ?? '(none)';
      const list = byUnit.get(unit) ?? [];
      list.push({
        caseId: row.caseId,
        itemCode: row.itemCode,
        itemName: row.itemName,
        mode: row.mode,
        state: row.state,
        dueAt,
        dueDate: row.dueDate as string,
        workingDaysOver: calendar.workingDaysBetween(dueAt, now),
        calendarDaysOver: calendarDaysBetween(dueAt, now),
      });
      byUnit.set(unit, list);
    }
    const groups = [...byUnit]
      .map(([unit, cases]) => ({
        unit,
        unitName: UNIT_NAMES[unit as Unit] ?? unit,
        count: cases.length,
        cases: cases.sort(
          (a, b) => b.workingDaysOver - a.workingDaysOver || a.caseId.localeCompare(b.caseId),
        ),
      }))
      .sort((a, b) => b.count - a.count || a.unit.localeCompare(b.unit));
    const total = groups.reduce((n, g) => n + g.count, 0);
    if (total === 0) this.log('No overdue cases.');
    for (const g of groups) {
      this.log(`${g.unit} ${g.unitName}: ${g.count} overdue`);
      const table = renderTable(g.cases, [
        { header: 'case', get: (c) => c.caseId },
        { header: 'item', get: (c) => `${c.itemCode} ${c.itemName}`, max: 34 },
        { header: 'mode', get: (c) => c.mode },
        { header: 'due', get: (c) => c.dueDate },
        { header: 'working days over', get: (c) => c.workingDaysOver, align: 'right' },
      ]);
      this.log(table.replace(/^/gm, '  '));
      this.log('');
    }
    if (total > 0) this.log(`${total} overdue case(s) as of ${now}.`);
    return { now, total, groups };
  }
}

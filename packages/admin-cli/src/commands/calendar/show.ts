import { Args } from '@oclif/core';
import { TongbanCommand } from '../../base-command.js';
import { datesOfYear, loadCalendar, weekdayOf } from '../../calendar-support.js';
import { renderTable } from '../../output/table.js';

export interface CalendarDayRow {
  date: string;
  weekday: string;
  kind: 'holiday' | 'workday';
  name: string;
  /** Where the day comes from: the State Council's notice, or the statutory rules (a provisional year). */
  source: 'notice' | 'rule';
  /** For a rule day, which rule: e.g. '法定：农历除夕、正月初一至初三', '补假：2月6日逢周六'. */
  rule: string | null;
}

export interface CalendarShowResult {
  year: number;
  source: string;
  /** No official notice for the year yet: its days are estimated from the statutory rules (预计). */
  provisional: boolean;
  /** Working days in the year on this calendar (weekdays, less holidays, plus make-up working days). */
  workingDays: number;
  /** Holidays (法定节假日, bridged days) and make-up working days (调休上班), by date. */
  days: CalendarDayRow[];
}

export default class CalendarShow extends TongbanCommand<CalendarShowResult> {
  static override summary = "Show a year's holidays and make-up working days (工作日历).";
  static override description = [
    'Reads the shipped official arrangements (2024-2026) and any year imported into the data directory with',
    '`tongban calendar import`. A year from 2024 to two years after this one without its notice is provisional',
    '(预计): its holidays come from the statutory rules (《全国年节及纪念日放假办法》), each with the rule it comes',
    'from, and it has no make-up working days until the notice is imported. Other years are an error (exit 4).',
  ].join('\n');
  static override examples = [
    '<%= config.bin %> <%= command.id %> 2025',
    '<%= config.bin %> <%= command.id %> 2027 --json',
    '<%= config.bin %> <%= command.id %> 2027 --data /srv/tongban',
  ];
  static override args = {
    year: Args.integer({ description: 'The year, e.g. 2025', required: true, min: 1992, max: 2200 }),
  };

  async run(): Promise<CalendarShowResult> {
    const { args, flags } = await this.parse(CalendarShow);
    const calendar = await loadCalendar(flags.data);
    // throws CalendarRangeError (exit 4) for a year before 2024 or too far ahead: never a guess
    const data = calendar.year(args.year);
    const provisional = 'provisional' in data;
    const workingDays = datesOfYear(args.year).filter((d) => calendar.isWorkingDay(d)).length;
    const source = provisional ? ('rule' as const) : ('notice' as const);
    const days: CalendarDayRow[] = [
      ...data.holidays.map((h) => ({ ...h, kind: 'holiday' as const })),
      ...data.workdays.map((w) => ({ ...w, kind: 'workday' as const })),
    ]
      .map((d) => ({
        date: d.date,
        weekday: weekdayOf(d.date),
        kind: d.kind,
        name: d.name,
        source,
        rule: 'rule' in d && typeof d.rule === 'string' ? d.rule : null,
      }))
      .sort((a, b) => a.date.localeCompare(b.date));
    const result: CalendarShowResult = {
      year: args.year,
      source: data.source,
      provisional,
      workingDays,
      days,
    };
    this.log(
      `${result.year}${provisional ? ' 预计 PROVISIONAL' : ''} (${result.source}): ${result.workingDays} working days`,
    );
    if (provisional) {
      this.log(
        `No State Council notice for ${result.year} yet: holidays from the statutory rules, no make-up working days (调休). Deadlines counted on it show 预计; import the notice when published (\`tongban calendar import cn-${result.year}.json\`) and they are recomputed.`,
      );
    }
    this.log(
      renderTable(days, [
        { header: 'date', get: (r) => r.date },
        { header: 'day', get: (r) => r.weekday },
        { header: 'kind', get: (r) => (r.kind === 'holiday' ? '休 holiday' : '班 make-up workday') },
        { header: 'name', get: (r) => r.name },
        { header: 'source', get: (r) => (r.source === 'rule' ? `规则 rule · ${r.rule}` : '通知 notice') },
      ]),
    );
    return result;
  }
}

import { Args } from '@oclif/core';
import { TongbanCommand } from '../../base-command.js';
import { datesOfYear, loadCalendar, weekdayOf } from '../../calendar-support.js';
import { renderTable } from '../../output/table.js';

export interface CalendarDayRow {
  date: string;
  weekday: string;
  kind: 'holiday' | 'workday';
  name: string;
}

export interface CalendarShowResult {
  year: number;
  source: string;
  /** Working days in the year on this calendar (weekdays, less holidays, plus make-up working days). */
  workingDays: number;
  /** Holidays (法定节假日, bridged days) and make-up working days (调休上班), by date. */
  days: CalendarDayRow[];
}

export default class CalendarShow extends TongbanCommand<CalendarShowResult> {
  static override summary = "Show a year's holidays and make-up working days (工作日历).";
  static override description =
    'Reads the shipped official arrangements (2024-2026) and any year imported into the data directory with `tongban calendar import`.';
  static override examples = [
    '<%= config.bin %> <%= command.id %> 2025',
    '<%= config.bin %> <%= command.id %> 2026 --json',
    '<%= config.bin %> <%= command.id %> 2027 --data /srv/tongban',
  ];
  static override args = {
    year: Args.integer({ description: 'The year, e.g. 2025', required: true, min: 1992, max: 2200 }),
  };

  async run(): Promise<CalendarShowResult> {
    const { args, flags } = await this.parse(CalendarShow);
    const calendar = await loadCalendar(flags.data);
    const dates = datesOfYear(args.year);
    // isWorkingDay throws CalendarRangeError (exit 4) when the year is not loaded: never a guess.
    const workingDays = dates.filter((d) => calendar.isWorkingDay(d)).length;
    const data = calendar.years().find((y) => y.year === args.year);
    const days: CalendarDayRow[] = [
      ...(data?.holidays ?? []).map((h) => ({ ...h, kind: 'holiday' as const })),
      ...(data?.workdays ?? []).map((w) => ({ ...w, kind: 'workday' as const })),
    ]
      .map((d) => ({ date: d.date, weekday: weekdayOf(d.date), kind: d.kind, name: d.name }))
      .sort((a, b) => a.date.localeCompare(b.date));
    const result: CalendarShowResult = { year: args.year, source: data?.source ?? '', workingDays, days };
    this.log(`${result.year} (${result.source}): ${result.workingDays} working days`);
    this.log(
      renderTable(days, [
        { header: 'date', get: (r) => r.date },
        { header: 'day', get: (r) => r.weekday },
        { header: 'kind', get: (r) => (r.kind === 'holiday' ? '休 holiday' : '班 make-up workday') },
        { header: 'name', get: (r) => r.name },
      ]),
    );
    return result;
  }
}

import { Args } from '@oclif/core';
import { TongbanCommand } from '../../base-command.js';
import { loadCalendar } from '../../calendar-support.js';
import { renderPairs } from '../../output/table.js';

export interface CalendarAddDaysResult {
  /** The start as given, and its local date in Asia/Shanghai. */
  start: string;
  startDate: string;
  days: number;
  /** End of the last working day, UTC ISO-8601, and its local date. */
  deadline: string;
  deadlineDate: string;
  /** Calendar days from the start date to the deadline date. */
  calendarDays: number;
  /** The count ran over a provisional (预计) year, estimated from the statutory holidays before its notice. */
  provisional: boolean;
  /** Those years. */
  provisionalYears: number[];
}

export default class CalendarAddDays extends TongbanCommand<CalendarAddDaysResult> {
  static override summary = 'The deadline N working days after a date (承诺时限), on the official calendar.';
  static override description = [
    'Day 1 is the first working day after the start date; the deadline is the end (23:59:59 +08:00) of the',
    'N-th working day. Weekends, public holidays and bridged days are skipped; make-up working days count.',
    'The start may be a date (YYYY-MM-DD, local to Asia/Shanghai) or an instant (ISO-8601 with offset).',
  ].join('\n');
  static override examples = [
    '<%= config.bin %> <%= command.id %> 2025-09-30 5',
    '<%= config.bin %> <%= command.id %> 2025-09-30T16:20:00+08:00 20 --json',
  ];
  static override args = {
    date: Args.string({ description: 'Start date YYYY-MM-DD or ISO-8601 instant', required: true }),
    days: Args.integer({ description: 'Number of working days (0 = the same day)', required: true, min: 0 }),
  };

  async run(): Promise<CalendarAddDaysResult> {
    const { args, flags } = await this.parse(CalendarAddDays);
    const calendar = await loadCalendar(flags.data);
    const { WorkCalendar, isIsoDate } = await import('@tongban/core/calendar');
    const start = isIsoDate(args.date) ? `${args.date}T12:00:00+08:00` : args.date;
    if (!isIsoDate(args.date) && Number.isNaN(Date.parse(args.date))) {
      const { TongbanError } = await import('@tongban/core/errors');
      throw new TongbanError('usage.badDate', `"${args.date}" is neither a date nor an instant`, {
        where: { field: 'DATE' },
        hint: "write the start as 'YYYY-MM-DD' (e.g. 2025-09-30) or an ISO-8601 instant with offset",
      });
    }
    const deadline = calendar.addWorkingDays(start, args.days);
    const startDate = WorkCalendar.localDate(start);
    const deadlineDate = WorkCalendar.localDate(deadline);
    const result: CalendarAddDaysResult = {
      start: args.date,
      startDate,
      days: args.days,
      deadline: deadline.toISOString(),
      deadlineDate,
      calendarDays: Math.round((Date.parse(deadlineDate) - Date.parse(startDate)) / 86_400_000),
      provisional: false,
      provisionalYears: calendar.provisionalYearsBetween(start, deadline),
    };
    result.provisional = result.provisionalYears.length > 0;
    this.log(
      renderPairs([
        ['start', result.startDate],
        ['working days', result.days],
        [
          'deadline',
          `${result.deadlineDate} 23:59:59 (+08:00)${result.provisional ? ` 预计 provisional (${result.provisionalYears.join(', ')}: statutory holidays, no notice yet)` : ''}`,
        ],
        ['calendar days', result.calendarDays],
      ]),
    );
    return result;
  }
}

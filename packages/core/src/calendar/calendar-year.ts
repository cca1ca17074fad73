import { createRequire } from 'node:module';
import type { ZodType } from 'zod';
import { TongbanError } from '../errors/index.js';
import { dayOfIsoDate, isIsoDate, weekdayOfDay } from './shanghai-time.js';

/** A holiday or a make-up working day of a calendar year. */
export interface CalendarDay {
  /** 'YYYY-MM-DD' */
  date: string;
  /** e.g. 春节, 春节调休上班 */
  name: string;
}

/**
 * One year's official arrangement of public holidays and make-up working days (调休), as published each
 * November or December by the General Office of the State Council. This JSON shape is also the import format:
 * an administrator adds next year's arrangement as one file (see fixtures/calendar/example-2027.json).
 */
export interface CalendarYear {
  year: number;
  /** The notice the data comes from, e.g. '国办发明电〔2024〕12号'. */
  source: string;
  /** Free text; used e.g. to mark a file as a format example. */
  note?: string;
  /** Days off (法定节假日 and the days bridged to them), weekends inside the break included. */
  holidays: CalendarDay[];
  /** Make-up working days (调休上班): weekend days that are working days. */
  workdays: CalendarDay[];
}

let schema: ZodType<CalendarYear> | undefined;

/**
 * The zod schema of a calendar file, built on first use: zod loads only when a file is checked (an import), not
 * when a command or the kiosk starts with the shipped years, which the tests check against this schema.
 */
export function calendarYearSchema(): ZodType<CalendarYear> {
  if (schema) return schema;
  const { z } = createRequire(import.meta.url)('zod') as typeof import('zod');
  const CalendarDay = z.strictObject({
    date: z.string().refine(isIsoDate, "must be a real date written 'YYYY-MM-DD', e.g. '2027-01-01'"),
    name: z.string().trim().min(1, 'must name the holiday, e.g. "春节" or "春节调休上班"'),
  });

  const built = z
    .strictObject({
      year: z.number().int().min(1992).max(2200),
      /** The notice the data comes from, e.g. '国办发明电〔2024〕12号'. */
      source: z.string().trim().min(1, 'must cite the State Council notice, e.g. "国办发明电〔2024〕12号"'),
      /** Free text; used e.g. to mark a file as a format example. */
      note: z.string().optional(),
      /** Days off (法定节假日 and the days bridged to them), weekends inside the break included. */
      holidays: z.array(CalendarDay),
      /** Make-up working days (调休上班): weekend days that are working days. */
      workdays: z.array(CalendarDay),
    })
    .superRefine((cal, ctx) => {
      const seen = new Map<string, string>();
      for (const list of ['holidays', 'workdays'] as const) {
        cal[list].forEach((entry, i) => {
          if (!isIsoDate(entry.date)) return;
          if (Number(entry.date.slice(0, 4)) !== cal.year) {
            ctx.addIssue({
              code: 'custom',
              path: [list, i, 'date'],
              message: `${entry.date} is not in ${cal.year}; a date of another year belongs in that year's file`,
            });
          }
          const other = seen.get(entry.date);
          if (other !== undefined) {
            ctx.addIssue({
              code: 'custom',
              path: [list, i, 'date'],
              message:
                other === list
                  ? `${entry.date} is listed twice in ${list}`
                  : `${entry.date} is listed both as a holiday and as a make-up working day`,
            });
          }
          seen.set(entry.date, list);
          const weekday = weekdayOfDay(dayOfIsoDate(entry.date));
          if (list === 'workdays' && weekday !== 0 && weekday !== 6) {
            ctx.addIssue({
              code: 'custom',
              path: [list, i, 'date'],
              message: `${entry.date} is a weekday: a make-up working day (调休上班) is always a Saturday or Sunday`,
            });
          }
        });
      }
    });
  schema = built as ZodType<CalendarYear>;
  return schema;
}

export interface CalendarProblem {
  field: string;
  message: string;
}

/** A calendar file that cannot be used: names the file, the field and the reason. */
export class CalendarFileError extends TongbanError {
  readonly problems: CalendarProblem[];
  constructor(file: string, problems: CalendarProblem[]) {
    const first = problems[0] ?? { field: '', message: 'invalid calendar file' };
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem(s))` : '';
    super('calendar.badFile', `${file}: ${first.field ? `${first.field}: ` : ''}${first.message}${more}`, {
      where: { file, field: first.field },
      hint: 'fix the file to the format of fixtures/calendar/example-2027.json and import it again',
    });
    this.problems = problems;
  }
}

function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)),
    '',
  );
}

/**
 * Validate one calendar year (the parsed JSON, or its text). Throws CalendarFileError listing every problem
 * with its field (e.g. `workdays[2].date`).
 */
export function parseCalendarYear(json: unknown, file: string): CalendarYear {
  let value = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json.replace(/^\uFEFF/, ''));
    } catch (e) {
      throw new CalendarFileError(file, [{ field: '', message: `not valid JSON: ${(e as Error).message}` }]);
    }
  }
  const result = calendarYearSchema().safeParse(value);
  if (result.success) return result.data;
  throw new CalendarFileError(
    file,
    result.error.issues.map((issue) => ({ field: fieldPath(issue.path), message: issue.message })),
  );
}

/** The years with `year` added; a year already present is replaced (an import of a corrected notice). */
export function mergeCalendarYear(years: readonly CalendarYear[], year: CalendarYear): CalendarYear[] {
  return [...years.filter((y) => y.year !== year.year), year].sort((a, b) => a.year - b.year);
}

/** The canonical JSON text of a calendar year (dates sorted), as written by an import. */
export function formatCalendarYear(year: CalendarYear): string {
  const byDate = (a: { date: string }, b: { date: string }) => a.date.localeCompare(b.date);
  const out = {
    year: year.year,
    source: year.source,
    ...(year.note === undefined ? {} : { note: year.note }),
    holidays: [...year.holidays].sort(byDate),
    workdays: [...year.workdays].sort(byDate),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { TongbanError } from '../errors/index.js';
import {
  CalendarFileError,
  type CalendarYear,
  mergeCalendarYear,
  parseCalendarYear,
} from './calendar-year.js';
import { SHIPPED_CALENDAR_YEARS } from './default-data.js';
import {
  dayOfIsoDate,
  endOfLocalDay,
  instantMs,
  isIsoDate,
  isoDateOfDay,
  localDayOfMs,
  weekdayOfDay,
  yearOfDay,
} from './shanghai-time.js';
import { type ProvisionalYear, statutoryYear } from './statutory-holidays.js';

/** A clock pause (补正 wait, 特别程序, ...): instants, UTC ISO-8601; `to` undefined = still running. */
export interface ClockPause {
  from: string;
  to?: string;
  reason: string;
}

/** The first year Tongban has a calendar for (the shipped 2024 notice); earlier years need an imported notice. */
export const FIRST_CALENDAR_YEAR = 2024;
/** How many years past today's a year may be estimated from the statutory rules (provisional, 预计). */
export const PROVISIONAL_YEARS_AHEAD = 2;

/**
 * A date in a year the calendar cannot give: before 2024 without an imported notice, or more than two years after
 * today's year (too far ahead to estimate). Never a silent guess. Names the year and what to do.
 */
export class CalendarRangeError extends TongbanError {
  readonly year: number;
  readonly loadedYears: number[];
  constructor(year: number, loadedYears: number[], date: string, todayYear?: number) {
    const ahead = todayYear !== undefined && year > todayYear + PROVISIONAL_YEARS_AHEAD;
    const why = ahead
      ? `${year} is more than ${PROVISIONAL_YEARS_AHEAD} years after this year (${todayYear}), too far ahead to estimate its holidays`
      : `years before ${FIRST_CALENDAR_YEAR} need their official notice`;
    const file = `cn-${year}.json`;
    super(
      'calendar.range',
      `no work calendar for ${year} (needed for ${date}; ${why}; official years: ${loadedYears.join(', ') || 'none'})`,
      {
        where: { field: 'date', date, year },
        hint: ahead
          ? `count with dates up to ${(todayYear ?? year) + PROVISIONAL_YEARS_AHEAD}-12-31, or, once the State Council publishes ${year}'s holiday arrangement, write it as JSON in the format of fixtures/calendar/example-2027.json and run \`tongban calendar import ${file}\``
          : `import the State Council's ${year} holiday arrangement: write it as JSON in the format of fixtures/calendar/example-2027.json and run \`tongban calendar import ${file}\``,
      },
    );
    this.year = year;
    this.loadedYears = loadedYears;
  }
}

/** Options of a WorkCalendar. */
export interface WorkCalendarOptions {
  /**
   * Today, which decides how far ahead years are estimated (default: the machine's clock, read when needed).
   * A Date, an ISO instant or a 'YYYY-MM-DD' date (Asia/Shanghai).
   */
  today?: Date | string | (() => Date);
}

interface PauseSpan {
  first: number;
  last: number; // inclusive local day; Infinity while the pause runs
  reason: string;
}

let shipped: WorkCalendar | undefined;

/**
 * The work calendar: weekends off, plus each year's official holidays and make-up working days (调休).
 * Time limits (承诺时限, 法定时限) are counted in working days on it, in Asia/Shanghai.
 *
 * A year from 2024 to two years after today without its official notice is **provisional** (预计): its holidays
 * come from the statutory rules (statutory-holidays.ts), computed when a date in it is first needed. Importing the
 * notice replaces it. Deadlines that counted on a provisional year say so (provisionalYearsBetween).
 */
export class WorkCalendar {
  /** true = working day, false = day off, for dates that differ from the weekend rule. */
  readonly #overrides = new Map<number, boolean>();
  readonly #years: Map<number, CalendarYear>;
  readonly #provisional = new Map<number, ProvisionalYear>();
  readonly #options: WorkCalendarOptions;

  constructor(years: readonly CalendarYear[], options: WorkCalendarOptions = {}) {
    let merged: CalendarYear[] = [];
    for (const y of years) merged = mergeCalendarYear(merged, y);
    this.#years = new Map(merged.map((y) => [y.year, y]));
    this.#options = options;
    for (const y of merged) this.#addOverrides(y);
  }

  /** Every `*.json` calendar year in a directory (two files for one year are an error). */
  static async load(dir: string, options: WorkCalendarOptions = {}): Promise<WorkCalendar> {
    return new WorkCalendar(await readCalendarDir(dir), options);
  }

  /** The shipped official arrangements (2024-2026), with the years imported into `dir` added or replacing them. */
  static async loadWithDefaults(dir: string, options: WorkCalendarOptions = {}): Promise<WorkCalendar> {
    let years = WorkCalendar.default().years();
    for (const y of await readCalendarDir(dir)) years = mergeCalendarYear(years, y);
    return new WorkCalendar(years, options);
  }

  /** The shipped official data (packages/core/src/calendar/data/cn-YYYY.json). */
  static default(): WorkCalendar {
    // shipped data, checked against the schema by the tests (calendar-year.test.ts): zod is not loaded for it
    shipped ??= new WorkCalendar(SHIPPED_CALENDAR_YEARS.map(([, json]) => json as CalendarYear));
    return shipped;
  }

  /** Local date in Asia/Shanghai of an instant, 'YYYY-MM-DD'. */
  static localDate(instant: Date | string): string {
    return isoDateOfDay(localDayOfMs(instantMs(instant)));
  }

  /** A new calendar with `year` added (or replacing the same year). */
  withYear(year: CalendarYear): WorkCalendar {
    return new WorkCalendar(mergeCalendarYear(this.years(), year), this.#options);
  }

  /** The official years' data (shipped or imported), sorted by year. */
  years(): CalendarYear[] {
    return [...this.#years.values()].sort((a, b) => a.year - b.year);
  }

  /** The official years (shipped or imported). */
  loadedYears(): number[] {
    return [...this.#years.keys()].sort((a, b) => a - b);
  }

  /** Today's year in Asia/Shanghai, as the options or the clock say. */
  todayYear(): number {
    const t = this.#options.today;
    const now = typeof t === 'function' ? t() : (t ?? new Date());
    return yearOfDay(localDayOfMs(instantMs(now, 'today')));
  }

  /**
   * One year's data: the official notice, or the provisional year from the statutory rules (`provisional: true`).
   * Throws CalendarRangeError for a year the calendar cannot give.
   */
  year(year: number): CalendarYear | ProvisionalYear {
    const official = this.#years.get(year);
    if (official) return official;
    return this.#provisionalYear(year, `${year}-01-01`);
  }

  /** Whether a year is provisional here (no official notice; estimated from the rules). Throws out of range. */
  isProvisional(year: number): boolean {
    return 'provisional' in this.year(year);
  }

  /**
   * The provisional years a span of time touches, from the local date of `from` to that of `to` (a deadline
   * counted from `from` depends on each of them): empty when the span lies in official years.
   */
  provisionalYearsBetween(from: Date | string, to: Date | string): number[] {
    const a = yearOfDay(localDayOfMs(instantMs(from, 'from')));
    const b = yearOfDay(localDayOfMs(instantMs(to, 'to')));
    const out: number[] = [];
    for (let y = Math.min(a, b); y <= Math.max(a, b); y++) if (this.isProvisional(y)) out.push(y);
    return out;
  }

  /** 'YYYY-MM-DD'; throws CalendarRangeError outside the loaded years. */
  isWorkingDay(date: string): boolean {
    if (!isIsoDate(date)) {
      throw new TongbanError('calendar.badDate', `"${date}" is not a date written 'YYYY-MM-DD'`, {
        where: { field: 'date' },
        hint: "write the date as 'YYYY-MM-DD', e.g. '2025-10-09'",
      });
    }
    return this.#isWorking(dayOfIsoDate(date));
  }

  /**
   * Deadline of `days` working days counted from `start`, in Asia/Shanghai: day 1 is the first working day after
   * the start's local date; the result is the end (23:59:59.999 +08:00) of the `days`-th working day. `days` = 0
   * is the end of the start's own date. Working days touched by a pause do not count (seed 001 appendix B:
   * 听证、检验、鉴定、专家评审等不计入承诺时限; 补正 waits likewise), so pauses push the deadline later.
   */
  addWorkingDays(start: Date | string, days: number, pauses: readonly ClockPause[] = []): Date {
    if (!Number.isInteger(days) || days < 0) {
      throw new TongbanError(
        'calendar.badDays',
        `time limit ${days} is not a whole number of working days >= 0`,
        {
          where: { field: 'days' },
          hint: 'give the time limit as 0 (same day) or a positive whole number of working days',
        },
      );
    }
    const first = localDayOfMs(instantMs(start, 'start'));
    this.#checkLoaded(first);
    if (days === 0) return endOfLocalDay(first);
    const spans = pauseSpans(pauses);
    let counted = 0;
    for (let day = first + 1; ; day++) {
      const pause = spans.find((p) => day >= p.first && day <= p.last);
      if (pause?.last === Number.POSITIVE_INFINITY) {
        throw new TongbanError(
          'calendar.pauseRunning',
          `the clock is paused since ${isoDateOfDay(pause.first)} (${pause.reason}) and the pause has not ended, so the deadline is not yet known`,
          {
            where: { field: 'pauses', date: isoDateOfDay(pause.first) },
            hint: 'end the pause (give `to`), or pass `to` = now for a provisional deadline',
          },
        );
      }
      if (!pause && this.#isWorking(day) && ++counted === days) return endOfLocalDay(day);
    }
  }

  /**
   * Working days strictly after from's local date up to and including to's local date, minus paused days.
   * Negative when `to` is on an earlier date than `from` (e.g. how many working days a case is overdue).
   */
  workingDaysBetween(from: Date | string, to: Date | string, pauses: readonly ClockPause[] = []): number {
    const a = localDayOfMs(instantMs(from, 'from'));
    const b = localDayOfMs(instantMs(to, 'to'));
    this.#checkLoaded(a);
    this.#checkLoaded(b);
    const [lo, hi, sign] = a <= b ? [a, b, 1] : [b, a, -1];
    const spans = pauseSpans(pauses);
    let n = 0;
    for (let day = lo + 1; day <= hi; day++) {
      if (this.#isWorking(day) && !spans.some((p) => day >= p.first && day <= p.last)) n++;
    }
    return n === 0 ? 0 : sign * n; // never -0
  }

  #checkLoaded(day: number): void {
    const year = yearOfDay(day);
    if (!this.#years.has(year) && !this.#provisional.has(year))
      this.#provisionalYear(year, isoDateOfDay(day));
  }

  #provisionalYear(year: number, date: string): ProvisionalYear {
    const known = this.#provisional.get(year);
    if (known) return known;
    const today = this.todayYear();
    if (year < FIRST_CALENDAR_YEAR || year > today + PROVISIONAL_YEARS_AHEAD) {
      throw new CalendarRangeError(year, this.loadedYears(), date, today);
    }
    const y = statutoryYear(year);
    this.#provisional.set(year, y);
    this.#addOverrides(y);
    return y;
  }

  #addOverrides(y: CalendarYear): void {
    for (const h of y.holidays) this.#overrides.set(dayOfIsoDate(h.date), false);
    for (const w of y.workdays) this.#overrides.set(dayOfIsoDate(w.date), true);
  }

  #isWorking(day: number): boolean {
    this.#checkLoaded(day);
    const override = this.#overrides.get(day);
    if (override !== undefined) return override;
    const weekday = weekdayOfDay(day);
    return weekday !== 0 && weekday !== 6;
  }
}

/** Local-day spans of the pauses; a pause covering any part of a day covers that day. */
function pauseSpans(pauses: readonly ClockPause[]): PauseSpan[] {
  const spans: PauseSpan[] = [];
  pauses.forEach((p, i) => {
    const from = instantMs(p.from, `pauses[${i}].from`);
    if (p.to === undefined) {
      spans.push({ first: localDayOfMs(from), last: Number.POSITIVE_INFINITY, reason: p.reason });
      return;
    }
    const to = instantMs(p.to, `pauses[${i}].to`);
    if (to < from) {
      throw new TongbanError(
        'calendar.badPause',
        `pause "${p.reason}" ends (${p.to}) before it starts (${p.from})`,
        {
          where: { field: `pauses[${i}]` },
          hint: 'swap or correct the two instants of the pause',
        },
      );
    }
    // Half-open [from, to): a pause ending exactly at midnight does not cover the day it ends on.
    if (to > from) spans.push({ first: localDayOfMs(from), last: localDayOfMs(to - 1), reason: p.reason });
  });
  return spans;
}

async function readCalendarDir(dir: string): Promise<CalendarYear[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
  } catch (e) {
    throw new TongbanError('calendar.noDir', `cannot read the calendar directory ${dir}`, {
      where: { file: dir },
      hint: 'check the path (it should hold one cn-YYYY.json file per year)',
      cause: e,
    });
  }
  const byYear = new Map<number, string>();
  const years: CalendarYear[] = [];
  for (const name of names) {
    const file = join(dir, name);
    const year = parseCalendarYear(await readFile(file, 'utf8'), file);
    const earlier = byYear.get(year.year);
    if (earlier !== undefined) {
      throw new CalendarFileError(file, [
        { field: 'year', message: `${year.year} is already given by ${earlier}; keep one file per year` },
      ]);
    }
    byYear.set(year.year, file);
    years.push(year);
  }
  return years;
}

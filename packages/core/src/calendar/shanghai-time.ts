import { TongbanError } from '../errors/index.js';

/**
 * Asia/Shanghai has been a fixed UTC+08:00 since 1992 (no daylight saving), so local dates are computed by
 * arithmetic on the UTC epoch and never through the machine's time zone (DESIGN "Conventions": deadlines are
 * computed in Asia/Shanghai).
 */
export const SHANGHAI_OFFSET_MS = 8 * 3600_000;
export const DAY_MS = 86_400_000;

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?$/;
const ZONED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

/** Is `s` a real calendar date written 'YYYY-MM-DD'? */
export function isIsoDate(s: string): boolean {
  const m = DATE_ONLY.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/**
 * Milliseconds since the epoch of an instant. Accepted: a Date; an ISO-8601 string with `Z` or an offset;
 * a 'YYYY-MM-DD' date (= 00:00 of that day in Asia/Shanghai); a date-time without zone (= wall time in
 * Asia/Shanghai, never the machine's zone).
 */
export function instantMs(instant: Date | string, what = 'instant'): number {
  let ms = Number.NaN;
  if (instant instanceof Date) ms = instant.getTime();
  else if (typeof instant === 'string') {
    const s = instant.trim();
    const d = DATE_ONLY.exec(s);
    const l = LOCAL_DATE_TIME.exec(s);
    if (d && isIsoDate(s)) ms = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3])) - SHANGHAI_OFFSET_MS;
    else if (l && isIsoDate(`${l[1]}-${l[2]}-${l[3]}`)) {
      const frac = l[7] ? Number(l[7].padEnd(3, '0')) : 0;
      ms =
        Date.UTC(
          Number(l[1]),
          Number(l[2]) - 1,
          Number(l[3]),
          Number(l[4]),
          Number(l[5]),
          Number(l[6] ?? 0),
          frac,
        ) - SHANGHAI_OFFSET_MS;
    } else if (ZONED.test(s)) ms = Date.parse(s);
  }
  if (!Number.isFinite(ms)) {
    throw new TongbanError(
      'calendar.badInstant',
      `${what} "${String(instant)}" is not a valid date or instant`,
      {
        where: { field: what },
        hint: "write an ISO-8601 instant such as '2025-03-01T02:00:00Z' or a date 'YYYY-MM-DD' (Asia/Shanghai)",
      },
    );
  }
  return ms;
}

/** Day number (days since 1970-01-01) of the Asia/Shanghai local date of an instant given in ms. */
export function localDayOfMs(ms: number): number {
  return Math.floor((ms + SHANGHAI_OFFSET_MS) / DAY_MS);
}

/** Day number of a 'YYYY-MM-DD' date (the caller checked the format). */
export function dayOfIsoDate(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

/** 'YYYY-MM-DD' of a day number. */
export function isoDateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Calendar year of a day number. */
export function yearOfDay(day: number): number {
  return new Date(day * DAY_MS).getUTCFullYear();
}

/** 0 = Sunday ... 6 = Saturday. */
export function weekdayOfDay(day: number): number {
  return new Date(day * DAY_MS).getUTCDay();
}

/** The last millisecond (23:59:59.999 +08:00) of a local day. */
export function endOfLocalDay(day: number): Date {
  return new Date((day + 1) * DAY_MS - SHANGHAI_OFFSET_MS - 1);
}

import { isIsoDate } from '@tongban/core/calendar';
import { TongbanError } from '@tongban/core/errors';
import { localDate } from '../output/time.js';

/**
 * Instants and deadlines typed on the command line. Instants are stored in UTC ISO-8601; dates a person types are
 * local dates in Asia/Shanghai (DESIGN "Conventions": deadlines are computed in Asia/Shanghai).
 */

function badTime(text: string, flag: string, what: string): TongbanError {
  return new TongbanError('usage.badTime', `${flag} "${text}" is not ${what}`, {
    where: { field: flag },
    hint: "write a date 'YYYY-MM-DD' (Asia/Shanghai) or an ISO-8601 instant such as 2026-03-02T09:30:00+08:00",
  });
}

/** An instant: ISO-8601 with offset, or a date (noon Asia/Shanghai of that day). Returns UTC ISO-8601. */
export function parseInstant(text: string, flag: string): string {
  const t = text.trim();
  if (isIsoDate(t)) return new Date(`${t}T12:00:00+08:00`).toISOString();
  const ms = Date.parse(t);
  if (Number.isNaN(ms) || !/\d{4}-\d{2}-\d{2}T/.test(t)) throw badTime(text, flag, 'a date or an instant');
  return new Date(ms).toISOString();
}

/** A deadline: a date means the end of that day in Asia/Shanghai (as time limits are counted); or an instant. */
export function parseDeadline(text: string, flag: string): string {
  const t = text.trim();
  if (isIsoDate(t)) return new Date(`${t}T23:59:59.999+08:00`).toISOString();
  return parseInstant(t, flag);
}

/** 'YYYY-MM-DD' and 'YYYY-MM-DD HH:MM' in Asia/Shanghai: the shared formatter of output/time.ts. */
export { localDate, localMinute } from '../output/time.js';

/** Whole calendar days from a to b (local dates), for "days over". */
export function calendarDaysBetween(a: string, b: string): number {
  return Math.round((Date.parse(localDate(b)) - Date.parse(localDate(a))) / 86_400_000);
}

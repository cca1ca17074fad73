import { TongbanError } from '../errors/index.js';
import type { MessageLocale } from './catalogue.js';

/** China Standard Time has been UTC+8 all year since 1991 (no daylight saving). */
const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

export interface LocalDateParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/**
 * The Asia/Shanghai calendar date and time of an instant (UTC ISO string or Date). A bare 'YYYY-MM-DD' is taken as a
 * local date already (a deadline day), at 00:00. An unreadable value is a TongbanError.
 */
export function shanghaiParts(instant: Date | string, field = 'date'): LocalDateParts {
  if (typeof instant === 'string' && DATE_ONLY.test(instant)) {
    const [y, m, d] = instant.split('-').map(Number) as [number, number, number];
    const check = new Date(Date.UTC(y, m - 1, d));
    if (check.getUTCMonth() === m - 1 && check.getUTCDate() === d)
      return { year: y, month: m, day: d, hour: 0, minute: 0 };
  }
  const ms = instant instanceof Date ? instant.getTime() : Date.parse(instant);
  if (!Number.isFinite(ms) || (typeof instant === 'string' && DATE_ONLY.test(instant))) {
    throw new TongbanError('messages.badDate', `"${String(instant)}" is not a date or instant`, {
      where: { field },
      hint: "give a UTC ISO-8601 instant such as '2026-11-22T06:30:00Z' or a local date 'YYYY-MM-DD'",
    });
  }
  const local = new Date(ms + SHANGHAI_OFFSET_MS);
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
  };
}

const pad = (n: number) => String(n).padStart(2, '0');
const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** 'YYYY-MM-DD' in Asia/Shanghai. */
export function shanghaiDate(instant: Date | string): string {
  const p = shanghaiParts(instant);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** A date as written on notices: zh-CN '2026年11月22日', en '22 November 2026' (Asia/Shanghai). */
export function formatLocalDate(
  instant: Date | string,
  locale: MessageLocale = 'zh-CN',
  field?: string,
): string {
  const p = shanghaiParts(instant, field);
  return locale === 'en'
    ? `${p.day} ${EN_MONTHS[p.month - 1]} ${p.year}`
    : `${p.year}年${p.month}月${p.day}日`;
}

/** Date and time: zh-CN '2026年11月22日 14:30', en '22 November 2026 14:30' (Asia/Shanghai). */
export function formatLocalDateTime(
  instant: Date | string,
  locale: MessageLocale = 'zh-CN',
  field?: string,
): string {
  const p = shanghaiParts(instant, field);
  return `${formatLocalDate(instant, locale, field)} ${pad(p.hour)}:${pad(p.minute)}`;
}

import { existsSync } from 'node:fs';
import type { WorkCalendar } from '@tongban/core/calendar';
import { calendarDir } from './data-dir.js';

/** The work calendar of a data directory: the shipped years with the imported ones added or replacing them. */
export async function loadCalendar(dataDir: string): Promise<WorkCalendar> {
  const { WorkCalendar } = await import('@tongban/core/calendar');
  const dir = calendarDir(dataDir);
  return existsSync(dir) ? WorkCalendar.loadWithDefaults(dir) : WorkCalendar.default();
}

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/** 星期X of a 'YYYY-MM-DD' date (the date is a calendar date, so UTC arithmetic is exact). */
export function weekdayOf(date: string): string {
  return `周${WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()]}`;
}

/** Every date of a year, 'YYYY-MM-DD'. */
export function datesOfYear(year: number): string[] {
  const out: string[] = [];
  for (let d = Date.UTC(year, 0, 1); new Date(d).getUTCFullYear() === year; d += 86_400_000) {
    out.push(new Date(d).toISOString().slice(0, 10));
  }
  return out;
}

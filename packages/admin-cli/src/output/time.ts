/**
 * How every `tongban` command shows an instant to a person: in Asia/Shanghai (UTC+8 all year, no daylight saving),
 * whatever the machine's time zone. Instants are stored and printed by `--json` as ISO-8601 with their offset
 * (UTC, `Z`), as the store keeps them (DESIGN "Conventions": time).
 */
import { WorkCalendar } from '@tongban/core/calendar';

const SHANGHAI_MS = 8 * 3_600_000;

function local(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : new Date(ms + SHANGHAI_MS).toISOString();
}

/** 'YYYY-MM-DD' in Asia/Shanghai. */
export function localDate(iso: string): string {
  return WorkCalendar.localDate(iso);
}

/** 'YYYY-MM-DD HH:MM' in Asia/Shanghai, for tables ('' for no instant). */
export function localMinute(iso: string | undefined): string {
  if (!iso) return '';
  const t = local(iso);
  return t === iso ? iso : `${t.slice(0, 10)} ${t.slice(11, 16)}`;
}

/** 'YYYY-MM-DD HH:MM:SS 北京时间' for a sentence: 2026-12-02T15:07:57Z is 2026-12-02 23:07:57 北京时间. */
export function shanghaiTime(iso: string | Date): string {
  const s = typeof iso === 'string' ? iso : iso.toISOString();
  const t = local(s);
  return t === s ? s : `${t.slice(0, 10)} ${t.slice(11, 19)} 北京时间`;
}

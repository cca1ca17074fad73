/** Flags and flag-value parsers shared by the appointments, complaints, ratings and metrics commands. */
import { Flags } from '@oclif/core';
import { TongbanError } from '@tongban/core/errors';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Who acts (clerk, supervisor): a name or staff id, recorded with the step. */
export function byFlag(summary = 'Who acts (name or staff id); recorded with the step.') {
  return Flags.string({ summary, env: 'TONGBAN_USER', required: true });
}

/** The instant a step is recorded as of (a complaint taken by phone an hour ago); default now. */
export const atFlag = Flags.string({
  summary: 'Record as of this instant (ISO-8601, e.g. 2026-11-23T10:00+08:00); default now.',
});

/** The instant "now" is taken to be, for lists that depend on it (overdue, due reminders). */
export const nowFlag = Flags.string({
  summary: 'Take "now" to be this instant (ISO-8601); default the current time.',
});

/** An ISO-8601 instant given on the command line; undefined gives now. */
export function parseInstant(text: string | undefined, flag: string): Date {
  if (text === undefined) return new Date();
  const d = new Date(text.trim());
  if (!/^\d{4}-\d{2}-\d{2}/.test(text.trim()) || Number.isNaN(d.getTime())) {
    throw new TongbanError('usage.badInstant', `"${text}" is not an instant`, {
      where: { field: flag },
      hint: 'write an ISO-8601 instant such as 2026-11-23T10:00+08:00 (or 2026-11-23 for local midnight)',
    });
  }
  // A bare day means local midnight in Asia/Shanghai, not UTC midnight.
  return DAY.test(text.trim()) ? new Date(`${text.trim()}T00:00:00+08:00`) : d;
}

/** A local day 'YYYY-MM-DD' that exists on the calendar. */
export function parseDay(text: string, flag: string): string {
  const t = text.trim();
  const d = new Date(`${t}T00:00:00Z`);
  if (!DAY.test(t) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== t) {
    throw new TongbanError('usage.badDay', `"${text}" is not a day`, {
      where: { field: flag },
      hint: "write the day as 'YYYY-MM-DD', e.g. 2026-11-23",
    });
  }
  return t;
}

export function parseHhmm(text: string, flag: string): string {
  const t = text.trim().padStart(5, '0');
  if (!HHMM.test(t)) {
    throw new TongbanError('usage.badTime', `"${text}" is not a time of day`, {
      where: { field: flag },
      hint: "write the slot's start as 'HH:MM' (24-hour, Asia/Shanghai), e.g. 09:00",
    });
  }
  return t;
}

/** Today in Asia/Shanghai (UTC+8, no daylight saving). */
export function shanghaiToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** A required non-blank text flag. */
export function requireText(value: string | undefined, flag: string, hint: string): string {
  const v = value?.trim();
  if (!v) {
    throw new TongbanError('usage.emptyText', `${flag} is empty`, { where: { field: flag }, hint });
  }
  return v;
}

/** 138****0000: a phone number for lists (the full number only goes to the messaging system). */
export function maskPhone(phone: string): string {
  const p = phone.trim();
  return p.length >= 7 ? `${p.slice(0, 3)}${'*'.repeat(p.length - 7)}${p.slice(-4)}` : '*'.repeat(p.length);
}

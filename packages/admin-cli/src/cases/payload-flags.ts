import { Flags } from '@oclif/core';
import type { WorkCalendar } from '@tongban/core/calendar';
import { TongbanError } from '@tongban/core/errors';
import { localDate, parseDeadline } from './time.js';

/** Flags and parsers shared by several steps' payloads. */

/** Reasons told all at once (一次性告知): every --reason goes into one event. */
export const reasonFlags = {
  reason: Flags.string({
    summary: 'A reason (repeat for each: every reason is told at once, 一次性告知).',
    multiple: true,
    required: true,
  }),
  basis: Flags.string({ summary: 'Legal basis (依据) of the decision.' }),
};

/** A deadline as a date/instant or as working days from the step (work calendar of the data directory). */
export const deadlineFlags = {
  deadline: Flags.string({
    summary: 'Deadline: YYYY-MM-DD (end of that day, Asia/Shanghai) or an ISO-8601 instant.',
    exclusive: ['days'],
  }),
  days: Flags.integer({
    summary: 'Deadline in working days after the step, on the work calendar of the data directory.',
    min: 1,
    exclusive: ['deadline'],
  }),
};

export function deadlineOf(
  flags: { deadline?: string; days?: number },
  at: string,
  calendar: WorkCalendar,
  warn?: (message: string) => void,
): string {
  if (flags.deadline) return parseDeadline(flags.deadline, '--deadline');
  if (flags.days !== undefined) {
    const due = calendar.addWorkingDays(at, flags.days);
    const years = calendar.provisionalYearsBetween(at, due);
    // told to the applicant as a date, it stays as told when the year's notice is imported (docs/calendar.md)
    if (years.length > 0 && warn) {
      warn(
        `--days ${flags.days} was counted on ${years.join(', ')}, a provisional year (预计: statutory holidays, no notice yet); the applicant is told ${localDate(due.toISOString())} as a fixed date. Give --deadline to choose the date yourself.`,
      );
    }
    return due.toISOString();
  }
  throw new TongbanError('usage.noDeadline', 'a deadline is needed: --deadline DATE or --days N', {
    where: { field: '--deadline' },
    hint: 'e.g. --days 5 (working days) or --deadline 2026-03-20',
  });
}

/** NAME=REASON pairs of --material. */
export function materialReasons(values: readonly string[]): { material: string; reason: string }[] {
  return values.map((v) => {
    const i = v.indexOf('=');
    const material = (i < 0 ? v : v.slice(0, i)).trim();
    const reason = i < 0 ? '' : v.slice(i + 1).trim();
    if (!material || !reason) {
      throw new TongbanError('usage.materialReason', `--material "${v}" must be NAME=REASON`, {
        where: { field: '--material' },
        hint: 'e.g. --material "居住地住址证明=未提交" --material "近期免冠照片=不符合规格"',
      });
    }
    return { material, reason };
  });
}

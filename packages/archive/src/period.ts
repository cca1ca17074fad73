import { isIsoDate, SHANGHAI_OFFSET_MS } from '@tongban/core/calendar';
import { archiveError } from './errors.js';

export interface Period {
  /** Inclusive, UTC ISO-8601. */
  from: string;
  /** Exclusive, UTC ISO-8601. */
  to: string;
  /** The dates as given (Asia/Shanghai), for bag-info. */
  label: string;
}

/** `--from 2026-11-01 --to 2026-11-30`: whole days in Asia/Shanghai, both inclusive; instants are taken as given. */
export function periodOf(from: string, to: string): Period {
  const start = (s: string, field: string, end: boolean): number => {
    if (isIsoDate(s)) return Date.parse(`${s}T00:00:00Z`) - SHANGHAI_OFFSET_MS + (end ? 86_400_000 : 0);
    const ms = Date.parse(s);
    if (Number.isNaN(ms)) {
      throw archiveError(
        'badPeriod',
        `${field} "${s}" is not a date (YYYY-MM-DD) or an ISO instant`,
        { field },
        'write e.g. --from 2026-11-01 --to 2026-11-30',
      );
    }
    return ms;
  };
  const f = start(from, '--from', false);
  const t = start(to, '--to', true);
  if (t <= f)
    throw archiveError(
      'badPeriod',
      `the period ${from} .. ${to} is empty`,
      { field: '--to' },
      'give --to on or after --from',
    );
  return { from: new Date(f).toISOString(), to: new Date(t).toISOString(), label: `${from}/${to}` };
}

/** 'YYYY-MM-DD' of an instant in Asia/Shanghai (Bagging-Date, bundle ids). */
export function shanghaiDate(at: string): string {
  return new Date(Date.parse(at) + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

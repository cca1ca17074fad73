/**
 * Local time in Asia/Shanghai (UTC+8 all year, no daylight saving): slots and hours are written as 'HH:MM' local
 * times on a 'YYYY-MM-DD' local day; instants are stored as UTC ISO-8601 (DESIGN "Conventions: Time").
 */
const OFFSET_MS = 8 * 60 * 60 * 1000;

export const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
export const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The UTC instant of a local day and 'HH:MM' time in Asia/Shanghai. */
export function localInstant(day: string, hhmm: string): Date {
  return new Date(`${day}T${hhmm}:00.000+08:00`);
}

/** Minutes since local midnight of 'HH:MM'. */
export function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** 'HH:MM' of minutes since midnight. */
export function hhmmOf(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** The local day 'YYYY-MM-DD' in Asia/Shanghai of an instant. */
export function shanghaiDay(instant: Date | string): string {
  const t = new Date(new Date(instant).getTime() + OFFSET_MS);
  return t.toISOString().slice(0, 10);
}

/** The local calendar day before / after a 'YYYY-MM-DD' day. */
export function addDays(day: string, n: number): string {
  const t = new Date(`${day}T00:00:00.000Z`);
  t.setUTCDate(t.getUTCDate() + n);
  return t.toISOString().slice(0, 10);
}

export function toDate(at: Date | string | undefined): Date {
  if (at === undefined) return new Date();
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) throw new RangeError(`not an instant: ${String(at)}`);
  return d;
}

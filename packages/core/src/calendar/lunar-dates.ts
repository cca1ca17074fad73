import { createRequire } from 'node:module';

/**
 * Lunar dates and the 清明 solar term, in Beijing time, from tyme4ts (6tail; MIT): it computes new moons (朔) and
 * solar terms (气) with the high-precision method of 寿星万年历 and agrees with the Purple Mountain and Hong Kong
 * observatories' tables, including new moons minutes from midnight (春节 2030: new moon 00:07 on 3 February)
 * and the leap month of 2033 (闰十一月). Tested against a published table in lunar-dates.test.ts.
 *
 * Loaded on first use only: the shipped official years never need it, so a command or the kiosk that works within
 * them starts without it (about 0.1 s of loading).
 */
type Tyme = typeof import('tyme4ts');
let tyme: Tyme | undefined;
const lib = (): Tyme => {
  tyme ??= createRequire(import.meta.url)('tyme4ts') as Tyme;
  return tyme;
};

const iso = (d: { getYear(): number; getMonth(): number; getDay(): number }): string =>
  `${d.getYear()}-${String(d.getMonth()).padStart(2, '0')}-${String(d.getDay()).padStart(2, '0')}`;

/**
 * The Gregorian date ('YYYY-MM-DD') of a day of the lunar year that begins in Gregorian `year`: `month` 1-12 (never
 * a leap month), `day` 1-30; day 0 of month 1 is 除夕, the last day of the year before.
 */
export function lunarToIsoDate(year: number, month: number, day: number): string {
  const { LunarDay } = lib();
  if (day === 0) return iso(LunarDay.fromYmd(year, month, 1).next(-1).getSolarDay());
  return iso(LunarDay.fromYmd(year, month, day).getSolarDay());
}

/** The date ('YYYY-MM-DD', Beijing time) of a solar term of a Gregorian year, e.g. solarTermDate(2027, '清明'). */
export function solarTermDate(year: number, term: '清明'): string {
  return iso(lib().SolarTerm.fromName(year, term).getJulianDay().getSolarDay());
}

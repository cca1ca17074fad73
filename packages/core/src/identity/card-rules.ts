/**
 * Rules that tie the fields of an identity card together, so that a card whose content disagrees with itself
 * (a transmission error the reader's checksum missed, a forged or damaged chip) is refused:
 * - GB 11643 4.3/4.4: the number carries the birth date (positions 7-14) and the sex (position 17: odd male,
 *   even female); its first two digits are a province-level code of GB/T 2260.
 * - 居民身份证法 第五条: a resident card is valid 5, 10 or 20 years, or long-term (长期), from its issue date.
 * - 港澳台居民居住证申领发放办法 第十一条: a residence permit is valid 5 years; its number starts 810000 (Hong
 *   Kong), 820000 (Macao) or 830000 (Taiwan), and the pass number matches (H..., M..., digits).
 * - 外国人永久居留身份证: valid 10 years (5 under 18); the 2017 number starts with the nationality's alpha-3
 *   code; the 2023 number (first digit 9) carries the nationality's numeric code (4-6) and the birth date (7-14).
 */
import type { Sex } from './identity-card.js';

/** Province-level codes of GB/T 2260 (the first two digits of a resident's number). */
export const PROVINCE_CODES: ReadonlySet<string> = new Set([
  ...['11', '12', '13', '14', '15'],
  ...['21', '22', '23'],
  ...['31', '32', '33', '34', '35', '36', '37'],
  ...['41', '42', '43', '44', '45', '46'],
  ...['50', '51', '52', '53', '54'],
  ...['61', '62', '63', '64', '65'],
]);

/** Sex the 17th character of a GB 11643 number (or a 2023 permanent residence number) stands for. */
export function sexOfIdNumber(idNumber: string): Sex | undefined {
  const d = idNumber.charCodeAt(16) - 48;
  if (!(d >= 0 && d <= 9)) return undefined;
  return d % 2 === 1 ? 'male' : 'female';
}

/** 'YYYY-MM-DD' of the birth date a GB 11643 number carries at positions 7-14. */
export function birthDateOfIdNumber(idNumber: string): string {
  return `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
}

/** Residence permit number prefixes (GB 11643 style, region 81/82/83 + 0000) and the pass number each needs. */
export const PERMIT_REGIONS = {
  '810000': { region: 'Hong Kong', passNumber: /^H\d{8}(\d{2})?$/ },
  '820000': { region: 'Macao', passNumber: /^M\d{8}(\d{2})?$/ },
  '830000': { region: 'Taiwan', passNumber: /^\d{8}(\d{2})?$/ },
} as const satisfies Record<string, { region: string; passNumber: RegExp }>;

/** Validity periods (in whole years) each kind of card is issued with. */
export const VALIDITY_YEARS = {
  residentId: [5, 10, 20],
  residencePermit: [5],
  foreignPermanentResident: [5, 10],
} as const satisfies Record<string, readonly number[]>;

/** Whole years from `from` to `to` (both 'YYYY-MM-DD') when `to` is the same day of the year, else undefined. */
export function wholeYearsBetween(from: string, to: string): number | undefined {
  const years = Number(to.slice(0, 4)) - Number(from.slice(0, 4));
  const fromMd = from.slice(5);
  const toMd = to.slice(5);
  // a card issued on 29 February ends on 28 February or 1 March of a common year
  const same = toMd === fromMd || (fromMd === '02-29' && (toMd === '02-28' || toMd === '03-01'));
  return same ? years : undefined;
}

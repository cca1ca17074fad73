import { TongbanError } from '../errors/tongban-error.js';

/**
 * 投诉举报受理编号 (seed 002 10.2 a, 10.3): readable and typed back at a kiosk, so it ends with a check character
 * that catches any single wrong character and any swap of two neighbours: ISO 7064 MOD 11-2 over its digits, the
 * check of the resident ID number (GB 11643), 0-9 or X, which applicants know. (The hybrid MOD 37,36 used before
 * missed some swaps, e.g. TS2026112372**10** and …**01** had the same check character; a pure system over a prime
 * modulus misses none.) Canonical form `TS` + local day YYYYMMDD + 4-digit sequence of the day + check, e.g.
 * TS202611230007X; printed with hyphens: TS-20261123-0007-X.
 */

/** The ISO 7064 MOD 11-2 check character (0-9 or X) of a string of digits. */
export function mod11_2(digits: string): string {
  let p = 0;
  for (let i = 0; i < digits.length; i++) {
    const d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) throw new RangeError(`"${digits[i]}" is not a digit`);
    p = ((p + d) * 2) % 11;
  }
  const c = (12 - p) % 11;
  return c === 10 ? 'X' : String(c);
}

/** The check character of a complaint number's body (TS and its digits). */
export function complaintCheckChar(body: string): string {
  return mod11_2(body.slice(2));
}

const BODY = /^TS\d+$/;

/** True when the code is TS, digits, and the check character of those digits. */
export function hasValidCheckChar(code: string): boolean {
  const body = code.slice(0, -1);
  return BODY.test(body) && complaintCheckChar(body) === code.slice(-1);
}

export function makeComplaintNumber(day: string, seq: number): string {
  const body = `TS${day.replaceAll('-', '')}${String(seq).padStart(4, '0')}`;
  return body + complaintCheckChar(body);
}

/** For print: TS-20261123-0007-X. */
export function formatComplaintNumber(number: string): string {
  return `${number.slice(0, 2)}-${number.slice(2, 10)}-${number.slice(10, -1)}-${number.slice(-1)}`;
}

const SHAPE = /^TS\d{8}\d{4,}[0-9X]$/;

/**
 * A number as typed (any case, spaces or hyphens) to its canonical form; a wrong shape or check character is a
 * TongbanError that says so (seed 002 10.3: the number is how the complainant queries the result).
 */
export function parseComplaintNumber(input: string): string {
  const n = input.toUpperCase().replace(/[\s\-_]/g, '');
  if (!SHAPE.test(n)) {
    throw new TongbanError('COMPLAINT_NUMBER_SHAPE', `"${input}" is not a complaint number`, {
      where: { field: 'complaintNumber' },
      hint: 'a complaint number looks like TS-20261123-0007-X (TS, the day, a sequence and a check digit or X)',
    });
  }
  if (!hasValidCheckChar(n)) {
    throw new TongbanError(
      'COMPLAINT_NUMBER_CHECK',
      `complaint number "${input}" has a wrong check character`,
      {
        where: { field: 'complaintNumber' },
        hint: 'a character was mistyped: compare the number with the receipt, character by character',
      },
    );
  }
  return n;
}

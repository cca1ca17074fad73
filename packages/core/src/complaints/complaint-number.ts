import { TongbanError } from '../errors/tongban-error.js';

/**
 * 投诉举报受理编号 (seed 002 10.2 a, 10.3): readable and typed back at a kiosk, so it ends with a check character
 * (ISO 7064 MOD 37,36 over 0-9A-Z) that catches any single wrong character and any swap of two neighbours.
 * Canonical form `TS` + local day YYYYMMDD + 4-digit sequence of the day + check, e.g. TS202611230007K;
 * printed with hyphens: TS-20261123-0007-K.
 */
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const M = 36;

function value(ch: string): number {
  const v = ALPHABET.indexOf(ch);
  if (v < 0) throw new RangeError(`character "${ch}" is not 0-9 or A-Z`);
  return v;
}

function run(chars: string): number {
  let p = M;
  for (const ch of chars) {
    let s = (p + value(ch)) % M;
    if (s === 0) s = M;
    p = (s * 2) % (M + 1);
  }
  return p;
}

/** The ISO 7064 MOD 37,36 check character of an upper-case 0-9A-Z string. */
export function complaintCheckChar(body: string): string {
  const p = run(body);
  return ALPHABET[(M + 1 - p) % M] as string;
}

/** True when the last character is the check character of the rest. */
export function hasValidCheckChar(code: string): boolean {
  if (code.length < 2 || !/^[0-9A-Z]+$/.test(code)) return false;
  return complaintCheckChar(code.slice(0, -1)) === code.slice(-1);
}

export function makeComplaintNumber(day: string, seq: number): string {
  const body = `TS${day.replaceAll('-', '')}${String(seq).padStart(4, '0')}`;
  return body + complaintCheckChar(body);
}

/** For print: TS-20261123-0007-K. */
export function formatComplaintNumber(number: string): string {
  return `${number.slice(0, 2)}-${number.slice(2, 10)}-${number.slice(10, -1)}-${number.slice(-1)}`;
}

const SHAPE = /^TS\d{8}\d{4,}[0-9A-Z]$/;

/**
 * A number as typed (any case, spaces or hyphens) to its canonical form; a wrong shape or check character is a
 * TongbanError that says so (seed 002 10.3: the number is how the complainant queries the result).
 */
export function parseComplaintNumber(input: string): string {
  const n = input.toUpperCase().replace(/[\s\-_]/g, '');
  if (!SHAPE.test(n)) {
    throw new TongbanError('COMPLAINT_NUMBER_SHAPE', `"${input}" is not a complaint number`, {
      where: { field: 'complaintNumber' },
      hint: 'a complaint number looks like TS-20261123-0007-K (TS, the day, a sequence and a check character)',
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

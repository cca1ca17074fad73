/**
 * Citizen identity numbers (公民身份号码) of GB 11643: 17 digits + a check character computed with
 * ISO 7064 MOD 11-2. Kept in core because the kiosk keypad and the card reader both check it.
 */
import { TongbanError } from '../errors/index.js';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/** The check character (0-9 or X) for the first 17 digits, or undefined if they are not 17 digits. */
export function idCheckCharacter(first17: string): string | undefined {
  if (!/^\d{17}$/.test(first17)) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11];
}

export type IdNumberProblem = 'format' | 'birthDate' | 'checkDigit';

export interface IdNumberCheck {
  ok: boolean;
  /** Upper-cased, trimmed number. */
  normalised: string;
  problem?: IdNumberProblem;
  /** The check character the first 17 digits call for (when they are 17 digits). */
  expectedCheck?: string;
}

function validDate(yyyymmdd: string): boolean {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  if (y < 1800 || m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}

/** Checks an 18-character identity number: format, birth date (positions 7-14) and check character. */
export function checkIdNumber(input: string): IdNumberCheck {
  const normalised = input.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(normalised)) return { ok: false, normalised, problem: 'format' };
  const expectedCheck = idCheckCharacter(normalised.slice(0, 17))!;
  if (!validDate(normalised.slice(6, 14)))
    return { ok: false, normalised, problem: 'birthDate', expectedCheck };
  if (normalised[17] !== expectedCheck)
    return { ok: false, normalised, problem: 'checkDigit', expectedCheck };
  return { ok: true, normalised, expectedCheck };
}

/** True when the number has 18 characters, a real birth date and the right ISO 7064 MOD 11-2 check character. */
export function validateIdNumber(input: string): boolean {
  return checkIdNumber(input).ok;
}

/** Throws a TongbanError saying what is wrong with the number (masked) and how to mend it. */
export function assertIdNumber(input: string, where: { field?: string } = {}): string {
  const r = checkIdNumber(input);
  if (r.ok) return r.normalised;
  const shown = maskIdNumber(r.normalised);
  const messages: Record<IdNumberProblem, [string, string]> = {
    format: [`身份号码 ${shown} 应为 17 位数字加 1 位校验码（数字或 X）`, '请核对号码的位数'],
    birthDate: [`身份号码 ${shown} 中的出生日期不存在`, '请核对第 7 至 14 位'],
    checkDigit: [`身份号码 ${shown} 的校验码不符（GB 11643）`, '请核对每一位数字，最后一位应由前 17 位算出'],
  };
  const [message, hint] = messages[r.problem!];
  throw new TongbanError('identity.idNumber.' + r.problem, message, { where: { field: where.field }, hint });
}

/**
 * Masks an identity (or permit) number for receipts, screens and logs: keeps the first 6 and the last 4
 * characters (DESIGN.md "Personal data"). Short strings keep less so that at least half is hidden.
 */
export function maskIdNumber(input: string): string {
  const s = input.trim();
  if (s.length >= 12) return s.slice(0, 6) + '*'.repeat(s.length - 10) + s.slice(-4);
  if (s.length <= 2) return '*'.repeat(s.length);
  const keep = Math.floor(s.length / 4);
  return s.slice(0, keep) + '*'.repeat(s.length - 2 * keep) + s.slice(s.length - keep);
}

/** Replaces every 18-character identity number inside free text (a log line) by its masked form. */
export function maskIdNumbersIn(text: string): string {
  return text.replace(/(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/g, (m) => maskIdNumber(m));
}

import { randomInt } from 'node:crypto';
import { TongbanError } from '../errors/tongban-error.js';

/**
 * 申请编号 (seed 002 8.3, 8.5: every application gets a number to query progress with).
 * Layout `SITE-YYMMDD-TRRRR-RRC`, e.g. `HRB1-250314-C7K3Q-XMZ`:
 * - SITE: the site code (2-6 symbols), so numbers are unique across sites without coordination;
 * - YYMMDD: the local date (Asia/Shanghai) of the application;
 * - T: `C` for a case, `B` for a 一件事 bundle (seed 003 四);
 * - R: 6 random symbols (32^6 ≈ 1.07e9 per site and day);
 * - C: a check symbol over the whole number (Luhn mod 32, see checkSymbol).
 * Symbols are Crockford base-32 (0-9 and A-Z without I, L, O, U): uppercase alphanumeric, so the number fits the
 * QR alphanumeric mode, and readers may type O for 0 or I/L for 1 — parse folds them back.
 */
export const SYMBOLS = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const M = SYMBOLS.length; // 32

export type ApplicationNumberKind = 'case' | 'bundle';
export interface ApplicationNumber {
  site: string;
  /** 'YYMMDD' */
  date: string;
  kind: ApplicationNumberKind;
  serial: string;
  check: string;
  /** Canonical grouped text. */
  text: string;
}

export class ApplicationNumberError extends TongbanError {
  constructor(input: string, message: string, hint: string) {
    super('APPLICATION_NUMBER', message, { where: { field: 'applicationNumber', input }, hint });
  }
}

const value = (ch: string) => SYMBOLS.indexOf(ch);

/**
 * The check symbol for the given symbols: Luhn mod N with N = 32 (the Luhn algorithm over base 32). It catches
 * every single mistyped symbol and every swap of two neighbours except 0↔Z. (ISO 7064 MOD 37,36 would need a
 * 37th symbol or the ambiguous letters; its hybrid form MOD 33,32 over our 32 symbols missed ~7% of swaps.)
 */
export function checkSymbol(data: string): string {
  let sum = 0;
  let double = true; // from the right, the symbol next to the check symbol is doubled
  for (let i = data.length - 1; i >= 0; i--) {
    const ch = data[i] as string;
    let v = value(ch);
    if (v < 0)
      throw new ApplicationNumberError(
        data,
        `"${ch}" is not a symbol of application numbers`,
        `use ${SYMBOLS}`,
      );
    if (double) {
      v *= 2;
      if (v >= M) v -= M - 1; // sum of the two base-32 digits
    }
    sum += v;
    double = !double;
  }
  return SYMBOLS[(M - (sum % M)) % M] as string;
}

/** Local date in Asia/Shanghai as YYMMDD. */
function yymmdd(at: Date): string {
  const local = new Date(at.getTime() + 8 * 3_600_000);
  return local.toISOString().slice(2, 10).replaceAll('-', '');
}

function group(
  site: string,
  date: string,
  kind: ApplicationNumberKind,
  serial: string,
  check: string,
): string {
  const t = kind === 'bundle' ? 'B' : 'C';
  return `${site}-${date}-${t}${serial.slice(0, 4)}-${serial.slice(4)}${check}`;
}

const SITE = /^[0-9A-HJKMNP-TV-Z]{2,6}$/;

/** A new application number for a site at an instant. */
export function newApplicationNumber(input: {
  site: string;
  at?: Date | string;
  kind?: ApplicationNumberKind;
  /** Random symbol source (for tests); default crypto.randomInt. */
  random?: (max: number) => number;
}): string {
  const site = input.site.toUpperCase();
  if (!SITE.test(site)) {
    throw new ApplicationNumberError(
      input.site,
      `site code "${input.site}" must be 2-6 symbols of ${SYMBOLS}`,
      'choose a site code without I, L, O or U',
    );
  }
  const at = input.at === undefined ? new Date() : new Date(input.at);
  const rnd = input.random ?? ((max: number) => randomInt(max));
  let serial = '';
  for (let i = 0; i < 6; i++) serial += SYMBOLS[rnd(M)];
  const kind = input.kind ?? 'case';
  const date = yymmdd(at);
  const body = `${site}${date}${kind === 'bundle' ? 'B' : 'C'}${serial}`;
  return group(site, date, kind, serial, checkSymbol(body));
}

/** Folds what a person may type: lower case, spaces, O for 0, I/L for 1, full-width forms. */
function normalise(text: string): string {
  return text.normalize('NFKC').toUpperCase().replace(/[\s]/g, '').replaceAll('O', '0').replace(/[IL]/g, '1');
}

/**
 * Reads an application number as typed or scanned. Throws ApplicationNumberError saying what is wrong — layout,
 * a symbol, or the check symbol (a mistyped character).
 */
export function parseApplicationNumber(text: string): ApplicationNumber {
  const s = normalise(text);
  const m = /^([0-9A-Z]{2,6})-?(\d{6})-?([BC])([0-9A-Z]{4})-?([0-9A-Z]{2})([0-9A-Z])$/.exec(s);
  if (!m) {
    throw new ApplicationNumberError(
      text,
      `"${text}" is not an application number`,
      'it looks like HRB1-250314-C7K3Q-XMZ: site, date, then two groups; check the receipt',
    );
  }
  const [, site, date, t, a, b, check] = m as unknown as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const bad = [...`${site}${a}${b}${check}`].find((ch) => value(ch) < 0);
  if (bad)
    throw new ApplicationNumberError(
      text,
      `"${bad}" does not occur in application numbers`,
      'check that character on the receipt',
    );
  const body = `${site}${date}${t}${a}${b}`;
  if (checkSymbol(body) !== check) {
    throw new ApplicationNumberError(
      text,
      `application number "${text}" fails its check symbol: a character is mistyped`,
      'compare each character with the receipt or scan its QR code',
    );
  }
  const kind: ApplicationNumberKind = t === 'B' ? 'bundle' : 'case';
  const serial = `${a}${b}`;
  return { site, date, kind, serial, check, text: group(site, date, kind, serial, check) };
}

export function isApplicationNumber(text: string): boolean {
  try {
    parseApplicationNumber(text);
    return true;
  } catch {
    return false;
  }
}

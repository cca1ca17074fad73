/**
 * The keypad form of an application number (issue 18: a kiosk keypad has digits, `.` and Enter, no letters).
 * `HRB1-250314-C7K3Q-XMZ` is printed beside its 查询码 `250314 1 0234567890 C`: 18 characters like a resident ID
 * number, which applicants know how to type:
 * - YYMMDD, the date of the number;
 * - 1 for a case, 2 for a 一件事 bundle;
 * - the 6 random base-32 symbols as one 10-digit decimal (30 bits, 0 … 1073741823);
 * - an ISO 7064 MOD 11-2 check character (0-9, or X typed as `.`) over the 17 digits, the check of GB 11643: every
 *   single mistyped digit and every swap of two neighbours is caught.
 * The site is not in it: the kiosk that reads it back supplies its own site code (seed 002 8.5: progress is queried
 * where the case was applied for; another site's number is typed in full or scanned).
 */
import { mod11_2 } from '../complaints/complaint-number.js';
import { TongbanError } from '../errors/tongban-error.js';
import { checkSymbol, parseApplicationNumber, SYMBOLS } from './application-number.js';

const SHAPE = /^(\d{6})([12])(\d{10})([0-9X])$/;

/** The 18-character keypad form of an application number. */
export function keypadForm(applicationNumber: string): string {
  const n = parseApplicationNumber(applicationNumber);
  let v = 0;
  for (const ch of n.serial) v = v * 32 + SYMBOLS.indexOf(ch);
  const body = `${n.date}${n.kind === 'bundle' ? '2' : '1'}${String(v).padStart(10, '0')}`;
  return body + mod11_2(body);
}

/** For print and screens: grouped 6 + 8 + 4 as an ID number is. */
export function formatKeypadForm(code: string): string {
  return `${code.slice(0, 6)} ${code.slice(6, 14)} ${code.slice(14)}`;
}

/** True when the text (spaces allowed, `.` for X) has the shape of a keypad form. */
export function looksLikeKeypadForm(text: string): boolean {
  return SHAPE.test(fold(text));
}

function fold(text: string): string {
  return text.replace(/\s/g, '').replaceAll('.', 'X').toUpperCase();
}

/**
 * The application number of a keypad form typed at a site. Throws a TongbanError saying whether the shape or the
 * check character is wrong.
 */
export function parseKeypadForm(text: string, site: string): string {
  const code = fold(text);
  const m = SHAPE.exec(code);
  if (!m) {
    throw new TongbanError(
      'KEYPAD_NUMBER_SHAPE',
      `"${text}" is not the keypad form of an application number`,
      {
        where: { field: 'applicationNumber', input: text },
        hint: 'it has 18 characters: the 6-digit date, 1 or 2, 10 digits and a check digit or X (. on the keypad)',
      },
    );
  }
  const [, date, kind, digits, check] = m as unknown as [string, string, string, string, string];
  if (mod11_2(`${date}${kind}${digits}`) !== check) {
    throw new TongbanError('KEYPAD_NUMBER_CHECK', `keypad number "${text}" fails its check digit`, {
      where: { field: 'applicationNumber', input: text },
      hint: 'a digit was mistyped: compare it with the receipt, digit by digit',
    });
  }
  let v = Number(digits);
  if (v >= 32 ** 6) {
    throw new TongbanError(
      'KEYPAD_NUMBER_SHAPE',
      `"${text}" is not the keypad form of an application number`,
      {
        where: { field: 'applicationNumber', input: text },
        hint: 'compare it with the receipt, digit by digit',
      },
    );
  }
  let serial = '';
  for (let i = 0; i < 6; i++) {
    serial = SYMBOLS[v % 32] + serial;
    v = Math.floor(v / 32);
  }
  const t = kind === '2' ? 'B' : 'C';
  const body = `${site}${date}${t}${serial}`;
  return parseApplicationNumber(
    `${site}-${date}-${t}${serial.slice(0, 4)}-${serial.slice(4)}${checkSymbol(body)}`,
  ).text;
}

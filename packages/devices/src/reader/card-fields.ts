/**
 * The text fields of a GA 467 text block, read strictly: each field is UCS-2 little-endian, its value followed by
 * spaces (U+0020) only (issue 25: any other padding is refused), and every character from the set the field allows
 * (issue 15: "text that decodes cleanly"). A field that breaks either rule makes the whole card refused; the reader
 * then reads it again, so a transmission error the XOR checksum missed never becomes a card.
 */
import { type Sex, sexFromCode } from '@tongban/core/identity';

export interface CardProblem {
  code: 'badLayout' | 'unsupportedCardType' | 'badField' | 'badIdNumber' | 'inconsistent';
  /** Card type the block claims to be, when known. */
  cardType?: string;
  field?: string;
  message: string;
}

/** Thrown inside decoding, caught by `decodeTextBlock` and returned as `{ok:false, problem}`. */
export class Bad extends Error {
  constructor(readonly problem: CardProblem) {
    super(problem.message);
  }
}

export function bad(
  cardType: string,
  field: string,
  message: string,
  code: CardProblem['code'] = 'badField',
) {
  return new Bad({ code, cardType, field, message });
}

/** Which characters a field may hold. */
export type Charset = 'hanzi' | 'text' | 'latinName' | 'digits' | 'code' | 'validTo' | 'marker';

// Chinese characters as cards store them: CJK unified ideographs (with extension A and the compatibility block),
// 〇, the middle dot of transliterated names, and the private use area where cards put rare characters (生僻字).
const HANZI = '\\u3400-\\u4DBF\\u4E00-\\u9FFF\\uF900-\\uFAFF\\uE000-\\uF8FF\\u3007\\u00B7';
// Addresses and authorities add ASCII and full-width letters, digits and punctuation (no spaces: none are printed).
const TEXT = `${HANZI}\\u0021-\\u007E\\uFF01-\\uFF5E\\u3001-\\u3003\\u3008-\\u3011\\u2014\\u2015\\u2022`;

const CHARSETS: Record<Charset, RegExp> = {
  hanzi: new RegExp(`^[${HANZI}]*$`, 'u'),
  text: new RegExp(`^[${TEXT}]*$`, 'u'),
  // machine-readable Latin names: capitals, single spaces between words, comma, hyphen, apostrophe, full stop
  latinName: /^(?:[A-Z,.'-]+(?: [A-Z,.'-]+)*)?$/,
  digits: /^\d*$/,
  code: /^[0-9A-Z]*$/,
  validTo: /^(?:\d*|长期)$/u,
  marker: /^[A-Z]?$/,
};

export type Field = readonly [name: string, offset: number, length: number, charset: Charset];

/** The value of a field as it is stored: the text before the trailing spaces, nothing else removed. */
export function rawField(block: Buffer, offset: number, length: number): string {
  const s = block.toString('utf16le', offset, offset + length);
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === 0x20) end--;
  return s.slice(0, end);
}

function describe(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Reads and checks one field; throws `Bad` naming the field and the first offending character. */
export function readField(block: Buffer, [name, offset, length, charset]: Field, cardType: string): string {
  const v = rawField(block, offset, length);
  if (CHARSETS[charset].test(v)) return v;
  const pad = /[\s\u0000]+$/u.exec(v);
  if (pad) throw bad(cardType, name, `field ${name} is padded with ${describe(pad[0])}, not spaces only`);
  const at = [...v].findIndex(
    (ch, i, all) => !CHARSETS[charset].test(ch) || (ch === ' ' && all[i + 1] === ' '),
  );
  const ch = [...v][Math.max(at, 0)] ?? '';
  throw bad(
    cardType,
    name,
    `field ${name} holds ${describe(ch)} at character ${Math.max(at, 0) + 1}, not allowed in a ${charset} field`,
  );
}

export function readFields(
  block: Buffer,
  fields: readonly Field[],
  cardType: string,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fields) out[f[0]] = readField(block, f, cardType);
  return out;
}

/** A YYYYMMDD field as 'YYYY-MM-DD', refused when it is not a real day from 1900 on. */
export function date(v: string, field: string, cardType: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(v);
  if (m) {
    const [, y, mo, d] = m;
    const dt = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
    if (
      Number(y) >= 1900 &&
      dt.getUTCFullYear() === Number(y) &&
      dt.getUTCMonth() === Number(mo) - 1 &&
      dt.getUTCDate() === Number(d)
    )
      return `${y}-${mo}-${d}`;
  }
  throw bad(cardType, field, `field ${field} is not a date YYYYMMDD: "${v}"`);
}

/** Cards carry sex 1 (male) or 2 (female) only. */
export function cardSex(v: string, cardType: string): Sex {
  const s = v === '1' || v === '2' ? sexFromCode(v) : undefined;
  if (!s) throw bad(cardType, 'sex', `sex code "${v}" is not 1 or 2`);
  return s;
}

export function nonEmpty(v: string | undefined, field: string, cardType: string): string {
  if (!v) throw bad(cardType, field, `field ${field} is empty`);
  return v;
}

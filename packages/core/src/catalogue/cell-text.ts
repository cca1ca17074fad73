/** What every cell grammar of the tabular layout shares: reporting a problem, lines, and safe writing. */
import { TongbanError } from '../errors/tongban-error.js';

/** Reports a problem of the cell being read; `line` is 1-based within the cell. */
export type Note = (severity: 'error' | 'warning', message: string, hint: string, line?: number) => void;

export type CellValue = string | number;

const LINE_BREAK = /\r\n|\r|\n/;
export const lines = (s: string) =>
  s
    .split(LINE_BREAK)
    .map((l) => l.trim())
    .filter((l) => l !== '');
export const text = (cell: CellValue) => String(cell).trim();

/** Refuse to write a value the grammar could not read back. */
export function safe(value: string, where: string, forbid: RegExp): string {
  if (forbid.test(value)) {
    throw new TongbanError(
      'tabular.unrepresentable',
      `${where} "${value}" holds a character the table uses as a separator`,
      {
        where: { field: where },
        hint: 'remove line breaks (and "|", "｜", ":" where the grammar uses them) from that value',
      },
    );
  }
  return value;
}

/** Words that, alone in a list cell, mean "none". */
export const NONE_WORDS = /^(无|暂无|没有|不涉及|无需|—+|-+|\/|／|none|n\/a)$/i;

/**
 * Splits a cell written as a list in one line at the separators (`；` `;` `、` by default), but never inside
 * brackets: 身份证明（身份证、户口簿）stays one entry.
 */
export function splitOutsideBrackets(s: string, separators = '；;、'): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if ('(（【[〔《'.includes(ch)) depth++;
    else if (')）】]〕》'.includes(ch)) depth = Math.max(0, depth - 1);
    if (depth === 0 && separators.includes(ch)) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out.map((p) => p.trim()).filter((p) => p !== '');
}

/** A list entry's numbering as people type it: 1. 1、 1） （1） ① 一、 */
export const NUMBERING =
  /^(?:\d+(?:[.．](?!\d)|[、)）])|[（(]\d+[)）]|[①-⑳]|[一二三四五六七八九十]+[、.．])\s*/;

/** The number a list entry starts with (1. 1、 （1） ①), or undefined. */
function numberOf(entry: string): number | undefined {
  const m = NUMBERING.exec(entry);
  if (!m) return undefined;
  const digits = /\d+/.exec(m[0].normalize('NFKC'));
  return digits ? Number(digits[0]) : undefined;
}

/**
 * Steps numbered 1, 2, 3... (at least two, in order) lose their numbers: the kiosk numbers steps itself. Any other
 * list is kept as written.
 */
export function unnumbered(entries: readonly string[]): string[] {
  if (entries.length < 2 || !entries.every((e, i) => numberOf(e) === i + 1)) return [...entries];
  return entries.map((e) => e.replace(NUMBERING, '').trim() || e);
}

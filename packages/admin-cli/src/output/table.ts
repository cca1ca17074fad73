/** Aligned plain-text tables that count CJK characters as two columns (terminals render them double width). */

import { displayWidth } from '@tongban/core/text';

export { displayWidth };

function pad(text: string, width: number, align: 'left' | 'right'): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return align === 'right' ? fill + text : text + fill;
}

/** Cuts a cell to at most `max` display columns, marking the cut with "…". */
export function truncate(text: string, max: number): string {
  if (displayWidth(text) <= max) return text;
  let out = '';
  for (const ch of text) {
    if (displayWidth(out + ch) > max - 1) break;
    out += ch;
  }
  return `${out}…`;
}

export interface Column<R> {
  header: string;
  get: (row: R) => unknown;
  align?: 'left' | 'right';
  /** Maximum display width; longer cells are cut with "…". */
  max?: number;
}

function cell(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map(cell).join(', ');
  return String(value).replace(/\s*\n\s*/g, ' ');
}

/** Renders rows as an aligned table with a header and a rule under it. */
export function renderTable<R>(rows: readonly R[], columns: readonly Column<R>[]): string {
  const cells = rows.map((row) =>
    columns.map((c) => {
      const text = cell(c.get(row));
      return c.max ? truncate(text, c.max) : text;
    }),
  );
  const widths = columns.map((c, i) =>
    Math.max(displayWidth(c.header), ...cells.map((r) => displayWidth(r[i] ?? ''))),
  );
  const line = (values: string[]) =>
    values
      .map((v, i) => pad(v, widths[i] ?? 0, columns[i]?.align ?? 'left'))
      .join('  ')
      .trimEnd();
  return [
    line(columns.map((c) => c.header)),
    line(widths.map((w) => '─'.repeat(w))),
    ...cells.map((r) => line(r)),
  ].join('\n');
}

/** Renders "key: value" pairs with the keys aligned. */
export function renderPairs(pairs: readonly [string, unknown][]): string {
  const width = Math.max(0, ...pairs.map(([k]) => displayWidth(k)));
  return pairs.map(([k, v]) => `${pad(k, width, 'left')}  ${cell(v)}`).join('\n');
}

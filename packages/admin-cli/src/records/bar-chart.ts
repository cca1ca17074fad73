import { displayWidth } from '@tongban/core/text';

/** Eighths of a character cell, for bars with a resolution of 1/8 column. */
const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/** A bar of `value` in [0, 1] drawn in `width` columns with Unicode blocks (█ and the eighth blocks), padded. */
export function bar(value: number, width: number): string {
  const v = Math.min(1, Math.max(0, value));
  const eighths = Math.round(v * width * 8);
  const full = Math.floor(eighths / 8);
  const text = '█'.repeat(full) + EIGHTHS[eighths % 8];
  return text + ' '.repeat(width - displayWidth(text));
}

export interface BarRow {
  label: string;
  /** null: nothing counted (drawn as "—"). */
  value: number | null;
  note?: string;
}

/** Rows "label  ████▌     87.5%  note", labels padded by display width so CJK labels line up. */
export function barChart(rows: readonly BarRow[], width = 30): string {
  const labelWidth = Math.max(0, ...rows.map((r) => displayWidth(r.label)));
  return rows
    .map((r) => {
      const label = r.label + ' '.repeat(labelWidth - displayWidth(r.label));
      const body =
        r.value === null
          ? `${' '.repeat(width)} ${'—'.padStart(6)}`
          : `${bar(r.value, width)} ${`${(r.value * 100).toFixed(1)}%`.padStart(6)}`;
      return `${label}  ${body}${r.note ? `  ${r.note}` : ''}`.trimEnd();
    })
    .join('\n');
}

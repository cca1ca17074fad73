import type { ColumnReading, TableExplain } from '@tongban/core/catalogue';
import { renderTable } from '../output/table.js';

const WHY: Record<NonNullable<ColumnReading['ignored']>, string> = {
  ownUse: 'ignored: the list’s own column',
  unknown: 'ignored: not a field of a service item',
  superseded: 'ignored: column {by} gives this field',
  repeated: 'error: repeats column {by}',
};

function understood(c: ColumnReading): string {
  if (c.ignored) return WHY[c.ignored].replace('{by}', c.by ?? '');
  return `${c.zh} ${c.key}`;
}

const span = (rows: readonly number[]) =>
  rows.length === 0 ? '' : rows.length === 1 ? `row ${rows[0]}` : `rows ${rows[0]}-${rows.at(-1)}`;

/** How `tongban items import --explain` shows the way a table was understood, before anything is written. */
export function explainLines(file: string, sheet: string | undefined, e: TableExplain): string[] {
  const where = sheet ? `${file}, sheet ${sheet}` : file;
  const head = `header in ${span(e.headerRows)}${e.titleRows.length ? ` (title: ${span(e.titleRows)})` : ''}`;
  const lines = [`${where}: ${head}; ${e.itemRows} item row(s)`];
  lines.push(
    renderTable(e.columns, [
      { header: 'column', get: (c) => c.column },
      { header: 'header', get: (c) => c.header, max: 28 },
      { header: 'read as', get: understood },
      { header: 'unit', get: (c) => c.unit ?? '' },
    ]),
  );
  if (e.defaults.length > 0) {
    lines.push('Not in the file, so every item takes a default:');
    for (const d of e.defaults) lines.push(`  ${d.zh} ${d.key}: ${d.says}`);
  }
  if (e.noteRows.length > 0)
    lines.push(`Read as headings or notes, not items: rows ${e.noteRows.join(', ')}`);
  return lines;
}

/** One problem of an import file: file, sheet, row (1-based, as Excel shows it), column, reason and how to mend. */
export interface TabularProblem {
  severity: 'error' | 'warning';
  rule: string;
  file: string;
  sheet?: string;
  row: number;
  /** Column letter as Excel shows it ('A', 'AB'); absent when the column is missing from the file. */
  column?: string;
  header?: string;
  /** Line inside a multi-line cell (1-based). */
  line?: number;
  itemCode?: string;
  /** Field path inside the item, e.g. `materials[2].tolerable`. */
  path?: string;
  message: string;
  hint: string;
  clause?: string;
}

/** Where a table comes from: the file, and its sheet for XLSX. */
export interface TableSource {
  file: string;
  sheet?: string;
}

/** The text of a cell as read by exceljs (rich text, formula results, hyperlinks) or csv-parse. */
export function cellValue(cell: unknown): string | number {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number' || typeof cell === 'string') return cell;
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  if (typeof cell === 'object') {
    const o = cell as { richText?: { text: string }[]; text?: unknown; result?: unknown };
    if (Array.isArray(o.richText)) return o.richText.map((r) => r.text).join('');
    if (o.result !== undefined) return cellValue(o.result);
    if (o.text !== undefined) return cellValue(o.text);
  }
  return String(cell);
}

export const isBlank = (cell: string | number | undefined) =>
  cell === undefined || String(cell).trim() === '';

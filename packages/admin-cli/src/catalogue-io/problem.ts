/**
 * One problem found while reading or validating an import file, located for a person:
 * file, sheet (XLSX), row and column as the spreadsheet shows them (row 1 = the header row, column "C" or the
 * header text), the item code when known, the field, what is wrong and how to mend it.
 */
export interface ImportProblem {
  severity: 'error' | 'warning';
  /** Stable rule id, e.g. `file.merged`, `schema.invalid_type`, `catalogue.duplicateKey`. */
  rule: string;
  file: string;
  sheet?: string;
  row?: number;
  column?: string;
  itemCode?: string;
  field?: string;
  message: string;
  hint: string;
}

/** "file, sheet S, row 4, column C (事项编码)" */
export function locate(p: ImportProblem): string {
  return [
    p.file,
    p.sheet !== undefined && `sheet ${p.sheet}`,
    p.row !== undefined && `row ${p.row}`,
    p.column !== undefined && `column ${p.column}`,
    p.itemCode !== undefined && `item ${p.itemCode}`,
    p.field && `field ${p.field}`,
  ]
    .filter(Boolean)
    .join(', ');
}

/** One line per problem: where, what, how to mend. */
export function describeImportProblem(p: ImportProblem): string {
  return `${p.severity}: ${locate(p)}: ${p.message} — ${p.hint}`;
}

/** Spreadsheet column letters of a 1-based column number (1 -> A, 27 -> AA). */
export function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

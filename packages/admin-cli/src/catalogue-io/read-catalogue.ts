import { extname } from 'node:path';
import type { CatalogueProblem, ServiceItem, TableExplain, TabularProblem } from '@tongban/core/catalogue';
import { type DetectedEncoding, type EncodingChoice, readInputFile } from '../file-input.js';
import type { ImportProblem } from './problem.js';
import type { Cell, RawSheet } from './sheets.js';

export const FORMATS = ['xlsx', 'csv', 'json'] as const;
export type CatalogueFormat = (typeof FORMATS)[number];

export interface ReadCatalogueResult {
  file: string;
  format: CatalogueFormat;
  /** CSV only: the encoding detected or forced. */
  encoding?: DetectedEncoding;
  /** XLSX only: the sheet read. */
  sheet?: string;
  /** Rows (XLSX/CSV) or entries (JSON) that hold an item. */
  rows: number;
  /** Valid items, with defaults applied, in file order; empty when there is any error. */
  items: ServiceItem[];
  /** Errors first, then warnings; each located by file, sheet, row and column. */
  problems: ImportProblem[];
  /** XLSX/CSV: how the table was understood (header row, each column's field or why ignored, defaults). */
  explain?: TableExplain;
  errors: number;
  warnings: number;
}

export function formatOf(file: string, forced?: string): CatalogueFormat | undefined {
  if (forced) return forced as CatalogueFormat;
  const ext = extname(file).toLowerCase().slice(1);
  return (FORMATS as readonly string[]).includes(ext) ? (ext as CatalogueFormat) : undefined;
}

/** Progress of a long read, by phase (for the TTY progress bar). */
export type OnPhase = (phase: 'read' | 'rows' | 'validate', share: number) => void;

/**
 * Reads and validates a catalogue file completely, collecting every problem: the file itself (encoding, XLSX
 * structure, merged cells, formulas), each row (H2's tabular layout: headers, cells, the ServiceItem schema) and
 * the catalogue as a whole (validateCatalogue: duplicates, window categories, material rules). Never writes.
 */
export async function readCatalogue(
  file: string,
  options: { format?: string; encoding?: EncodingChoice; onPhase?: OnPhase } = {},
): Promise<ReadCatalogueResult> {
  const format = formatOf(file, options.format);
  const bytes = await readInputFile(file);
  const onPhase = options.onPhase ?? (() => {});
  onPhase('read', 0);
  const base = { file, format: format ?? 'json', rows: 0, items: [] as ServiceItem[] };
  if (!format) {
    return finish({
      ...base,
      problems: [
        {
          severity: 'error',
          rule: 'file.unknownFormat',
          file,
          message: `cannot tell the format of "${file}" from its name`,
          hint: 'name the file .xlsx, .csv or .json, or pass --format xlsx|csv|json',
        },
      ],
    });
  }
  const catalogue = await import('@tongban/core/catalogue');
  if (format === 'json') {
    const { readJson } = await import('./read-json.js');
    const read = await readJson(bytes, file);
    onPhase('validate', 0.5);
    if (read.problems.length > 0) return finish({ ...base, format, problems: read.problems });
    const check = catalogue.validateCatalogue(read.items);
    const problems = [...check.errors, ...check.warnings].map((p) => fromCatalogueProblem(p, file));
    return finish({ ...base, format, rows: read.items.length, items: check.items, problems });
  }

  let sheets: RawSheet[];
  let fileProblems: ImportProblem[];
  let encoding: DetectedEncoding | undefined;
  if (format === 'xlsx') {
    const { readXlsx } = await import('./read-xlsx.js');
    ({ sheets, problems: fileProblems } = await readXlsx(bytes, file));
  } else {
    const { readCsv } = await import('./read-csv.js');
    ({ sheets, problems: fileProblems, encoding } = await readCsv(bytes, file, options.encoding ?? 'auto'));
  }
  onPhase('rows', 0.4);
  // The catalogue sheet: 事项清单 when present, else the first; other sheets (instructions) are ignored.
  const sheet = sheets.find((s) => s.name === catalogue.TABULAR_SHEET_NAME) ?? sheets[0];
  const extra = {
    ...(encoding ? { encoding } : {}),
    ...(format === 'xlsx' && sheet ? { sheet: sheet.name } : {}),
  };
  fileProblems = fileProblems.filter((p) => p.sheet === undefined || p.sheet === sheet?.name);
  // A file that cannot be read as a table stops here; a problem of one cell (a formula's stored value) does not.
  if (!sheet || fileProblems.some((p) => p.severity === 'error' && p.row === undefined)) {
    return finish({ ...base, format, ...extra, problems: fileProblems });
  }
  const rows = sheet.rows.map((r) => r.map(readCell));
  const ctx = {
    file,
    ...(format === 'xlsx' ? { sheet: sheet.name } : {}),
    ...(sheet.merges?.length ? { merges: sheet.merges } : {}),
  };
  // Whole-catalogue rules only: schema problems are reported per row, located on their cells; two rows of the
  // same item are reported by the table, naming both rows.
  const catalogueLevel = (check: { errors: CatalogueProblem[]; warnings: CatalogueProblem[] }) =>
    [...check.errors, ...check.warnings].filter(
      (p) => !p.rule.startsWith('schema.') && p.rule !== 'catalogue.duplicateKey',
    );
  // Fast path (a large, clean file): read the cells, then let validateCatalogue parse each item once.
  const table = catalogue.readTableRows(rows, ctx);
  const rowCount = table.rows.length;
  const explain = table.explain;
  onPhase('validate', 0.6);
  if (
    table.tableProblems.every((p) => p.severity !== 'error') &&
    table.rows.every((r) => r.problems.every((p) => p.severity !== 'error'))
  ) {
    const check = catalogue.validateCatalogue(table.rows.map((r) => r.input));
    if (!check.errors.some((p) => p.rule.startsWith('schema.'))) {
      const rowOfIndex = table.rows.map((r) => r.row);
      const problems = [
        ...fileProblems,
        ...table.tableProblems.map(fromTabularProblem),
        ...table.rows.flatMap((r) => r.problems).map(fromTabularProblem),
        ...catalogueLevel(check).map((p) => fromTabularProblem(table.locate(p, rowOfIndex))),
      ];
      return finish({ ...base, format, ...extra, rows: rowCount, items: check.items, problems, explain });
    }
  }
  // Any row with an error: the row-by-row reading, which reports each row's schema problems on its cells.
  const byRow = catalogue.rowsToItems(rows, ctx);
  const check = catalogue.validateCatalogue(byRow.items);
  const problems = [
    ...fileProblems,
    ...byRow.problems.map(fromTabularProblem),
    ...catalogueLevel(check).map((p) => fromTabularProblem(byRow.locate(p))),
  ];
  return finish({ ...base, format, ...extra, rows: rowCount, items: check.items, problems, explain });
}

/** A cell as the tabular layout reads it (the apostrophe of the formula guard is core's to remove). */
function readCell(cell: Cell): string | number {
  if (cell === null) return '';
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return cell;
}

function finish(r: Omit<ReadCatalogueResult, 'errors' | 'warnings'>): ReadCatalogueResult {
  const errors = r.problems.filter((p) => p.severity === 'error');
  const warnings = r.problems.filter((p) => p.severity === 'warning');
  return {
    ...r,
    items: errors.length > 0 ? [] : r.items,
    problems: [...errors, ...warnings],
    errors: errors.length,
    warnings: warnings.length,
  };
}

function fromTabularProblem(p: TabularProblem): ImportProblem {
  return {
    severity: p.severity,
    rule: p.rule,
    file: p.file,
    ...(p.sheet !== undefined ? { sheet: p.sheet } : {}),
    row: p.row,
    ...(p.column !== undefined ? { column: p.header ? `${p.column} (${p.header})` : p.column } : {}),
    ...(p.column === undefined && p.header ? { column: p.header } : {}),
    ...(p.itemCode !== undefined ? { itemCode: p.itemCode } : {}),
    ...(p.path ? { field: p.line ? `${p.path} line ${p.line}` : p.path } : {}),
    message: p.message,
    hint: p.hint,
  };
}

function fromCatalogueProblem(p: CatalogueProblem, file: string): ImportProblem {
  return {
    severity: p.severity,
    rule: p.rule,
    file,
    ...(p.index !== undefined ? { row: p.index + 1 } : {}),
    ...(p.itemCode !== undefined ? { itemCode: p.itemCode } : {}),
    ...(p.path ? { field: p.path } : {}),
    message: p.message,
    hint: p.hint,
  };
}

/**
 * The tabular catalogue layout shared by XLSX and CSV import/export (DESIGN "Data flow": catalogue spreadsheet ->
 * `tongban items import`). Pure: the CLI reads files (exceljs, csv-parse) into rows of cells and calls these.
 *
 * - The header row is found among the first rows (title rows above it are skipped), may span two rows, and names
 *   its columns with the template's headers or the aliases of real lists (tabular-headers.ts); columns that are no
 *   field are ignored with a warning; absent optional columns take a default said once (tabular-defaults.ts).
 * - List fields are multi-line cells, one entry per line (Excel Alt+Enter), or separated by ；、 as people write.
 * - 申报材料, 收费标准, time limits, dates: see cell-materials.ts, cell-fees.ts, cell-days.ts, cell-dates.ts.
 * - Enumerations accept the code name or the Chinese terms (tabular-terms.ts).
 * - A formula is refused naming its cell; a leading apostrophe marks text (cell-formula.ts).
 */
import { TongbanError } from '../errors/tongban-error.js';
import { neutralise } from './cell-formula.js';
import { MATERIAL_LINE } from './cell-materials.js';
import { type CatalogueProblem, schemaProblems } from './problems.js';
import { type ServiceItem as Item, ServiceItem } from './service-item.js';
import { COLUMNS, columnLetter } from './tabular-columns.js';
import { type ColumnReading, type DefaultReading, readHeaderRow } from './tabular-header-row.js';
import { templateHeader } from './tabular-headers.js';
import { cellValue, isBlank, type TableSource, type TabularProblem } from './tabular-problem.js';
import {
  duplicateRows,
  emptyDefaultWarnings,
  fillMerges,
  mergeWarnings,
  noteRow,
  parseMerges,
  readItemRow,
  rowContext,
  type TabularRow,
} from './tabular-rows.js';

export { columnLetter, TABULAR_COLUMNS } from './tabular-columns.js';
export type { ColumnReading, DefaultReading } from './tabular-header-row.js';
export type { TabularProblem } from './tabular-problem.js';
export type { TabularRow } from './tabular-rows.js';

export const TABULAR_SHEET_NAME = '事项清单';

/** Where a table comes from, and the merged ranges of its sheet (XLSX: `A1:F1`). */
export interface TableContext extends TableSource {
  merges?: readonly string[];
}

export interface TabularResult {
  /** Valid items, in row order (rows with errors are left out). */
  items: Item[];
  /** Excel row number of each item. */
  rows: number[];
  problems: TabularProblem[];
  /** Place a whole-catalogue problem (e.g. from validateCatalogue(items)) on its row and column. */
  locate(problem: CatalogueProblem): TabularProblem;
  explain: TableExplain;
}

/** How the table was understood: what `tongban items import --explain` prints. */
export interface TableExplain {
  headerRows: number[];
  titleRows: number[];
  columns: ColumnReading[];
  defaults: DefaultReading[];
  /** Rows read as headings or notes, not items. */
  noteRows: number[];
  /** Rows read as items. */
  itemRows: number;
}

/** The header row and one row per item. Throws tabular.unrepresentable for a value the grammar cannot carry. */
export function itemsToRows(items: readonly Item[]): (string | number)[][] {
  const columns = COLUMNS.filter((c) => !c.auxiliary);
  return [
    columns.map((c) => templateHeader(c.spec)),
    ...items.map((item) =>
      columns.map((c) => {
        try {
          const v = c.write(item);
          return typeof v === 'string' ? neutralise(v) : v;
        } catch (e) {
          if (e instanceof TongbanError) e.where.itemCode = item.itemCode;
          throw e;
        }
      }),
    ),
  ];
}

function fieldOfPath(path: string): string {
  const top = /^[^.[]+/.exec(path)?.[0] ?? '';
  return top === 'contact' ? (/^contact\.[a-zA-Z]+/.exec(path)?.[0] ?? top) : top;
}

export interface TabularInputs {
  /** Problems of the table as a whole (header, note rows, merged cells, defaults); with a missing required column, `rows` is empty. */
  tableProblems: TabularProblem[];
  /** The item rows below the header, in order. */
  rows: TabularRow[];
  /**
   * Place a whole-catalogue problem on its row and column; `rowOfIndex[i]` is the Excel row of the i-th item that
   * the problem's index counts (e.g. the rows whose inputs were passed to validateCatalogue).
   */
  locate(problem: CatalogueProblem, rowOfIndex: readonly number[]): TabularProblem;
  explain: TableExplain;
}

/**
 * First half of rowsToItems: the header and every cell, without the ServiceItem schema. A caller that runs
 * validateCatalogue on the inputs anyway (the CLI's import of a large file) parses each item once instead of twice.
 */
export function readTableRows(rows: readonly (readonly unknown[])[], ctx: TableContext): TabularInputs {
  const base: TableSource = { file: ctx.file, ...(ctx.sheet === undefined ? {} : { sheet: ctx.sheet }) };
  const merges = parseMerges(ctx.merges ?? []);
  const cells = fillMerges(
    rows.map((r) => r.map(cellValue)),
    merges,
  );
  const reading = readHeaderRow(cells, base);
  const out: TabularRow[] = [];
  const inputOfRow = new Map<number, Record<string, unknown>>();
  const explain: TableExplain = {
    headerRows: reading.headerRows,
    titleRows: reading.titleRows,
    columns: reading.columns,
    defaults: reading.defaults,
    noteRows: [],
    itemRows: 0,
  };
  const letterOf = (key: string) => {
    const index = reading.byKey.get(key)?.[0];
    if (index === undefined) return {};
    return { column: columnLetter(index), header: reading.columns.find((c) => c.index === index)!.header };
  };
  const locate = (p: CatalogueProblem, rowOfIndex: readonly number[]): TabularProblem => {
    const row = p.index === undefined ? (reading.headerRows[0] ?? 1) : (rowOfIndex[p.index] ?? 1);
    const { severity, rule, itemCode, path, message, hint, clause } = p;
    const list = /^([a-zA-Z]+)\[(\d+)\]/.exec(path);
    const entry = list
      ? (inputOfRow.get(row)?.[list[1]!] as unknown[] | undefined)?.[Number(list[2])]
      : undefined;
    const line = entry && typeof entry === 'object' ? MATERIAL_LINE.get(entry) : undefined;
    return {
      ...base,
      severity,
      rule,
      row,
      ...letterOf(fieldOfPath(path)),
      ...(list ? { line: line ?? Number(list[2]) + 1 } : {}),
      ...(itemCode === undefined ? {} : { itemCode }),
      ...(path ? { path } : {}),
      message,
      hint,
      ...(clause === undefined ? {} : { clause }),
    };
  };
  const tableProblems = [...reading.problems];
  const result: TabularInputs = { tableProblems, rows: out, locate, explain };
  if (reading.missing.length > 0 || reading.headerRows.length === 0) return result;
  const rc = rowContext(base, reading);
  const skipped = new Set<number>();
  for (let r = reading.firstDataIndex; r < cells.length; r++) {
    const row = cells[r]!;
    if (row.every(isBlank)) continue;
    const note = noteRow(row, r, rc, merges);
    if (note !== undefined) {
      skipped.add(r);
      if (note) {
        tableProblems.push(note);
        explain.noteRows.push(r + 1);
      }
      continue;
    }
    const item = readItemRow(row, r + 1, rc);
    inputOfRow.set(item.row, item.input);
    out.push(item);
  }
  explain.itemRows = out.length;
  duplicateRows(out, rc);
  tableProblems.push(...mergeWarnings(merges, rc, skipped), ...emptyDefaultWarnings(rc));
  return result;
}

/**
 * ServiceItem.safeParse as the problems need it (zod's `reportInput`), but without that option for a valid item:
 * it adds some 10-20 % to every parse, and only an invalid item's issues use it. Same result.
 */
export function parseServiceItem(input: unknown): ReturnType<typeof ServiceItem.safeParse> {
  const quick = ServiceItem.safeParse(input);
  return quick.success ? quick : ServiceItem.safeParse(input, { reportInput: true });
}

/**
 * Read a table into items. Never throws for bad data: every problem is returned with file, sheet, row, column,
 * reason and hint; rows with errors give no item. The items pass the ServiceItem schema.
 */
export function rowsToItems(rows: readonly (readonly unknown[])[], ctx: TableContext): TabularResult {
  const table = readTableRows(rows, ctx);
  const problems: TabularProblem[] = [...table.tableProblems];
  const items: Item[] = [];
  const itemRows: number[] = [];
  const locate = (p: CatalogueProblem) => table.locate(p, itemRows);
  for (const { row, input, failed, problems: cellProblems } of table.rows) {
    const rowProblems = [...cellProblems];
    const parsed = parseServiceItem(input);
    if (parsed.success && !rowProblems.some((p) => p.severity === 'error')) {
      items.push(parsed.data);
      itemRows.push(row);
    } else if (!parsed.success) {
      for (const p of schemaProblems(input, parsed.error, items.length)) {
        if (failed.has(fieldOfPath(p.path))) continue;
        rowProblems.push(table.locate({ ...p, index: 0 }, [row]));
      }
    }
    problems.push(...rowProblems);
  }
  return { items, rows: itemRows, problems, locate, explain: table.explain };
}

/** One line for a person: `file 事项清单!F12 (申报材料) line 2: message — hint`. */
export function describeTabularProblem(p: TabularProblem): string {
  const cell = `${p.sheet ? `${p.sheet}!` : ''}${p.column ?? ''}${p.row}`;
  const head = p.header ? ` (${p.header})` : '';
  const line = p.line ? ` line ${p.line}` : '';
  return `${p.severity}: ${p.file} ${cell}${head}${line}: ${p.message} — ${p.hint}`;
}

/** Thrown by an import that refuses a file: carries every problem (nothing is written, DESIGN "Data flow"). */
export class TabularImportError extends TongbanError {
  readonly problems: TabularProblem[];
  constructor(problems: TabularProblem[]) {
    const errors = problems.filter((p) => p.severity === 'error');
    const first = errors[0] ?? problems[0];
    super(
      'tabular.invalid',
      `${errors.length} error(s) in the import file; first: ${first ? describeTabularProblem(first) : '-'}`,
      {
        where: first ? { file: first.file, sheet: first.sheet, row: first.row, column: first.column } : {},
        hint: 'mend every listed problem in the spreadsheet and import it again; nothing was written',
      },
    );
    this.problems = problems;
  }
}

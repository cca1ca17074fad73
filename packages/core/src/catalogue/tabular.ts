/**
 * The tabular catalogue layout shared by XLSX and CSV import/export (DESIGN "Data flow": catalogue spreadsheet ->
 * `tongban items import`). Pure: the CLI reads files (exceljs, csv-parse) into rows of cells and calls these.
 *
 * - Row 1 holds the headers, `中文 englishKey` (either half alone is accepted too); one row per ServiceItem.
 * - List fields are multi-line cells, one entry per line (Excel Alt+Enter).
 * - 申报材料: one material per line, `名称｜主要|次要｜容缺｜原件｜复印N｜电子证照:证照名｜依据:…｜出具:…｜备注:…`
 *   (`｜` or `|`; marks in any order; 主要 when neither is given).
 * - 收费标准: one fee per line `名称:金额[:依据]` (`:` or `：`, amount in 元); empty or 不收费 = free.
 * - Enumerations accept the code name or the Chinese term (行政许可 / licensing, 全程网办 / online ...).
 * - Full-width digits and letters in numeric cells and item codes are normalised, with a warning.
 */
import { TongbanError } from '../errors/tongban-error.js';
import { halfWidth } from './normalise.js';
import { type CatalogueProblem, identify, problemsFromZod } from './problems.js';
import { type ServiceItem as Item, ServiceItem } from './service-item.js';
import { COLUMNS, type Column, columnLetter, type Note, squash, TABULAR_COLUMNS } from './tabular-columns.js';

export { columnLetter, TABULAR_COLUMNS } from './tabular-columns.js';

export const TABULAR_SHEET_NAME = '事项清单';

/** One problem of an import file: file, sheet, row (1-based, header = row 1), column, reason and how to mend. */
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

export interface TabularResult {
  /** Valid items, in row order (rows with errors are left out). */
  items: Item[];
  /** Excel row number of each item. */
  rows: number[];
  problems: TabularProblem[];
  /** Place a whole-catalogue problem (e.g. from validateCatalogue(items)) on its row and column. */
  locate(problem: CatalogueProblem): TabularProblem;
}

/** The header row and one row per item. Throws tabular.unrepresentable for a value the grammar cannot carry. */
export function itemsToRows(items: readonly Item[]): (string | number)[][] {
  return [
    COLUMNS.map((c) => `${c.zh} ${c.key}`),
    ...items.map((item) =>
      COLUMNS.map((c) => {
        try {
          return c.write(item);
        } catch (e) {
          if (e instanceof TongbanError) e.where.itemCode = item.itemCode;
          throw e;
        }
      }),
    ),
  ];
}

/** The text of a cell as read by exceljs (rich text, formula results, hyperlinks) or csv-parse. */
function cellValue(cell: unknown): string | number {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number' || typeof cell === 'string') return cell;
  if (cell instanceof Date) return cell.toISOString();
  if (typeof cell === 'object') {
    const o = cell as { richText?: { text: string }[]; text?: unknown; result?: unknown };
    if (Array.isArray(o.richText)) return o.richText.map((r) => r.text).join('');
    if (o.result !== undefined) return cellValue(o.result);
    if (o.text !== undefined) return cellValue(o.text);
  }
  return String(cell);
}

const headerMatch = new Map<string, Column>();
for (const c of COLUMNS) {
  for (const zh of [c.zh, ...(c.aliases ?? [])]) {
    for (const k of [zh, c.key, `${zh}${c.key}`]) headerMatch.set(squash(k), c);
  }
}

function fieldOfPath(path: string): string {
  const top = /^[^.[]+/.exec(path)?.[0] ?? '';
  return top === 'contact' ? (/^contact\.[a-zA-Z]+/.exec(path)?.[0] ?? top) : top;
}

/** One item row of a table, read cell by cell but not yet checked against the ServiceItem schema. */
export interface TabularRow {
  /** Excel row number. */
  row: number;
  /** The item as read from the cells (enum terms turned into codes, numbers, lists, materials). */
  input: Record<string, unknown>;
  /** Fields whose cell had an error (their schema issues are not reported again). */
  failed: ReadonlySet<string>;
  /** Problems of this row's cells, in column order. */
  problems: TabularProblem[];
}

export interface TabularInputs {
  /** Problems of the header row; when a required column is missing, `rows` is empty. */
  headerProblems: TabularProblem[];
  /** Non-empty rows below the header, in order. */
  rows: TabularRow[];
  /**
   * Place a whole-catalogue problem on its row and column; `rowOfIndex[i]` is the Excel row of the i-th item that
   * the problem's index counts (e.g. the rows whose inputs were passed to validateCatalogue).
   */
  locate(problem: CatalogueProblem, rowOfIndex: readonly number[]): TabularProblem;
}

/**
 * First half of rowsToItems: the header row and every cell, without the ServiceItem schema. A caller that runs
 * validateCatalogue on the inputs anyway (the CLI's import of a large file) parses each item once instead of twice.
 */
export function readTableRows(
  rows: readonly (readonly unknown[])[],
  ctx: { file: string; sheet?: string; firstRow?: number },
): TabularInputs {
  const base = { file: ctx.file, ...(ctx.sheet === undefined ? {} : { sheet: ctx.sheet }) };
  const firstRow = ctx.firstRow ?? 1;
  const headerProblems: TabularProblem[] = [];
  const out: TabularRow[] = [];
  const columnOf = new Map<string, { index: number; header: string }>();
  const at = (key: string) => {
    const c = columnOf.get(key);
    return c ? { column: columnLetter(c.index), header: c.header } : {};
  };
  const locate = (p: CatalogueProblem, rowOfIndex: readonly number[]): TabularProblem => {
    const row = p.index === undefined ? firstRow : (rowOfIndex[p.index] ?? firstRow);
    const { severity, rule, itemCode, path, message, hint, clause } = p;
    const line = /^[a-zA-Z]+\[(\d+)\]/.exec(path)?.[1];
    return {
      ...base,
      severity,
      rule,
      row,
      ...at(fieldOfPath(path)),
      ...(line === undefined ? {} : { line: Number(line) + 1 }),
      ...(itemCode === undefined ? {} : { itemCode }),
      ...(path ? { path } : {}),
      message,
      hint,
      ...(clause === undefined ? {} : { clause }),
    };
  };
  const result = { headerProblems, rows: out, locate };

  const header = rows[0];
  if (!header || header.every((c) => String(cellValue(c)).trim() === '')) {
    headerProblems.push({
      ...base,
      severity: 'error',
      rule: 'tabular.noHeader',
      row: firstRow,
      message: 'the sheet has no header row',
      hint: `put the headers in row ${firstRow}, e.g. ${TABULAR_COLUMNS[0]!.header}`,
    });
    return result;
  }
  header.forEach((cell, index) => {
    const h = String(cellValue(cell)).trim();
    if (h === '') return;
    const col = headerMatch.get(squash(h));
    const where = { ...base, row: firstRow, column: columnLetter(index), header: h };
    if (!col) {
      headerProblems.push({
        ...where,
        severity: 'error',
        rule: 'tabular.unknownHeader',
        message: `unknown column header "${h}"`,
        hint: 'rename it to a header of the layout (TABULAR_COLUMNS; fixtures/README.md "Tabular catalogue format"), or delete the column',
      });
    } else if (columnOf.has(col.key)) {
      headerProblems.push({
        ...where,
        severity: 'error',
        rule: 'tabular.duplicateHeader',
        message: `column "${h}" repeats ${at(col.key).column} (${col.zh} ${col.key})`,
        hint: 'keep one column per field',
      });
    } else columnOf.set(col.key, { index, header: h });
  });
  const missing = COLUMNS.filter((c) => c.required && !columnOf.has(c.key));
  for (const c of missing) {
    headerProblems.push({
      ...base,
      severity: 'error',
      rule: 'tabular.missingHeader',
      row: firstRow,
      header: `${c.zh} ${c.key}`,
      message: `required column "${c.zh} ${c.key}" is missing`,
      hint: `add a column headed "${c.zh} ${c.key}"`,
    });
  }
  if (missing.length > 0) return result;

  // The columns present, in layout order, with their letters (computed once, not per row).
  const present = COLUMNS.flatMap((col) => {
    const pos = columnOf.get(col.key);
    return pos ? [{ col, index: pos.index, header: pos.header, letter: columnLetter(pos.index) }] : [];
  });
  const codeCell = columnOf.get('itemCode');
  for (let r = 1; r < rows.length; r++) {
    const cells = rows[r]!;
    const row = firstRow + r;
    if (cells.every((c) => String(cellValue(c)).trim() === '')) continue;
    const input: Record<string, unknown> = {};
    const contactIn: Record<string, unknown> = {};
    const cellFailed = new Set<string>();
    const rowProblems: TabularProblem[] = [];
    const code = codeCell ? String(cellValue(cells[codeCell.index])).trim() : '';
    for (const { col, index, header: h, letter } of present) {
      const raw = cellValue(cells[index]);
      const note: Note = (severity, message, hint, line) => {
        if (severity === 'error') cellFailed.add(col.key);
        rowProblems.push({
          ...base,
          severity,
          rule: `tabular.cell`,
          row,
          column: letter,
          header: h,
          ...(line === undefined ? {} : { line }),
          ...(code ? { itemCode: halfWidth(code) } : {}),
          path: col.key,
          message,
          hint,
        });
      };
      if (col.required && String(raw).trim() === '' && col.key !== 'materials') {
        note('error', `${col.zh} is empty`, `fill in ${col.zh} (${col.key}): it is required`);
        continue;
      }
      let value = col.read(raw, note);
      if (col.key === 'itemCode' && typeof value === 'string') {
        if (typeof raw === 'number')
          note(
            'warning',
            `item code ${raw} is stored as a number; leading zeros may be lost`,
            'format the 事项编码 column as Text and type the code again',
          );
        const half = halfWidth(value);
        if (half !== value) {
          note(
            'warning',
            `item code "${value}" used full-width characters; read as "${half}"`,
            'type the code in half-width',
          );
          value = half;
        }
      }
      if (value === undefined) continue;
      if (col.key.startsWith('contact.')) contactIn[col.key.slice(8)] = value;
      else input[col.key] = value;
    }
    if (Object.keys(contactIn).length > 0) input['contact'] = contactIn;
    out.push({ row, input, failed: cellFailed, problems: rowProblems });
  }
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
 * Read a table (rows[0] = header row) into items. Never throws for bad data: every problem is returned with file,
 * sheet, row, column, reason and hint; rows with errors give no item. The items pass the ServiceItem schema.
 */
export function rowsToItems(
  rows: readonly (readonly unknown[])[],
  ctx: { file: string; sheet?: string; firstRow?: number },
): TabularResult {
  const table = readTableRows(rows, ctx);
  const problems: TabularProblem[] = [...table.headerProblems];
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
      for (const p of problemsFromZod(parsed.error, identify(input, items.length))) {
        if (failed.has(fieldOfPath(p.path))) continue;
        rowProblems.push({ ...locate(p), row });
      }
    }
    problems.push(...rowProblems);
  }
  return { items, rows: itemRows, problems, locate };
}

/** One line for a person: `file 事项清单!F12 (申报材料 materials) line 2: message — hint`. */
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

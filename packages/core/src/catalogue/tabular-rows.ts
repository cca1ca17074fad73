/**
 * Reading the rows below the header: each item row cell by cell (formulas refused, notes of every cell kept),
 * the defaults of tabular-defaults.ts, the auxiliary fee columns; and what only the whole table shows: rows that
 * are headings or notes rather than items, merged cells, two rows of the same item (seed 004 3.10: an item code
 * once per level and implementing unit).
 */
import { NO_LIMIT } from './cell-days.js';
import { looksLikeFormula, unneutralise } from './cell-formula.js';
import type { Note } from './cell-text.js';
import { halfWidth, normaliseName } from './normalise.js';
import { COLUMNS, type Column, columnLetter } from './tabular-columns.js';
import { COLUMN_DEFAULTS, legalDaysStandIn } from './tabular-defaults.js';
import type { HeaderReading } from './tabular-header-row.js';
import { cellValue, isBlank, type TableSource, type TabularProblem } from './tabular-problem.js';
import { TERMS, termOf } from './tabular-terms.js';

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

/** A merged range, 0-based and inclusive. */
export interface MergedRange {
  ref: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function parseMerges(refs: readonly string[]): MergedRange[] {
  return refs.flatMap((ref) => {
    const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(ref);
    if (!m) return [];
    const [top, bottom] = [Number(m[2]) - 1, Number(m[4] ?? m[2]) - 1];
    const [left, right] = [columnIndex(m[1]!), columnIndex(m[3] ?? m[1]!)];
    return [{ ref, top, left, bottom, right }];
  });
}

/** A merged range shows its first cell's value across the range: every cell of it is read with that value. */
export function fillMerges(rows: readonly (readonly (string | number)[])[], merges: readonly MergedRange[]) {
  const out = rows.map((r) => [...r]);
  for (const m of merges) {
    const value = out[m.top]?.[m.left] ?? '';
    for (let r = m.top; r <= m.bottom; r++) {
      out[r] ??= [];
      for (let c = m.left; c <= m.right; c++) out[r]![c] = value;
    }
  }
  return out;
}

export interface RowContext {
  base: TableSource;
  reading: HeaderReading;
  /** The columns present, in layout order, with the file's column indexes. */
  present: { col: Column; indices: number[] }[];
  /** For each default that filled empty cells: the rows. */
  emptyDefaults: Map<string, number[]>;
  /** Column indexes that are read into a field; of the list's own columns (序号); the header of each. */
  reads: ReadonlySet<number>;
  ownUse: ReadonlySet<number>;
  headers: ReadonlyMap<number, string>;
}

export function rowContext(base: TableSource, reading: HeaderReading): RowContext {
  const present = COLUMNS.flatMap((col) => {
    const indices = reading.byKey.get(col.key);
    return indices ? [{ col, indices }] : [];
  });
  return {
    base,
    reading,
    present,
    emptyDefaults: new Map(),
    reads: new Set([...reading.byKey.values()].flat()),
    ownUse: new Set(reading.columns.filter((c) => c.ignored === 'ownUse').map((c) => c.index)),
    headers: new Map(reading.columns.map((c) => [c.index, c.header])),
  };
}

const headerAt = (ctx: RowContext, index: number) => ctx.headers.get(index) ?? '';

/** What Excel shows (and saves to CSV) for a formula that failed. */
const EXCEL_ERROR = /^#(N\/A|REF!|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!|SPILL!|CALC!)$/;

const short = (s: string) => (s.length > 60 ? `${s.slice(0, 60)}…` : s);

/** A text cell as the catalogue reads it: a leading apostrophe marks text; a formula is refused. */
function literal(raw: string | number, note: Note): string | number | undefined {
  if (typeof raw !== 'string') return raw;
  if (raw.startsWith("'")) return unneutralise(raw);
  const t = raw.trim();
  if (EXCEL_ERROR.test(t)) {
    note(
      'error',
      `the cell shows the error value ${t}, not a value`,
      'replace it with the intended value (the formula behind it failed)',
    );
    return undefined;
  }
  if (!looksLikeFormula(t)) return raw;
  note(
    'error',
    `the cell holds the formula "${short(t)}", not a value`,
    'type the value itself (copy, then 选择性粘贴 → 数值); a text that really starts with = + - @ takes an apostrophe before it',
  );
  return undefined;
}

function itemCodeOf(raw: string | number, value: unknown, note: Note): unknown {
  if (typeof value !== 'string') return value;
  if (typeof raw === 'number')
    note(
      'warning',
      `item code ${raw} is stored as a number; leading zeros may be lost`,
      'format the 事项编码 column as Text and type the code again',
    );
  const half = halfWidth(value);
  if (half !== value)
    note(
      'warning',
      `item code "${value}" used full-width characters; read as "${half}"`,
      'type the code in half-width',
    );
  return half;
}

const joinLists = (values: unknown[]) =>
  values.every(Array.isArray) ? [...new Set((values as unknown[][]).flat())] : values[0];

export function readItemRow(cells: readonly (string | number)[], row: number, ctx: RowContext): TabularRow {
  const input: Record<string, unknown> = {};
  const failed = new Set<string>();
  const problems: TabularProblem[] = [];
  const codeIndex = ctx.reading.byKey.get('itemCode')?.[0];
  const code = codeIndex === undefined ? '' : halfWidth(String(cells[codeIndex] ?? '')).trim();
  const noteAt =
    (key: string, index: number | undefined): Note =>
    (severity, message, hint, line) => {
      if (severity === 'error') failed.add(key);
      problems.push({
        ...ctx.base,
        severity,
        rule: 'tabular.cell',
        row,
        ...(index === undefined ? {} : { column: columnLetter(index), header: headerAt(ctx, index) }),
        ...(line === undefined ? {} : { line }),
        ...(code ? { itemCode: code } : {}),
        path: key,
        message,
        hint,
      });
    };
  for (const { col, indices } of ctx.present) {
    const values: unknown[] = [];
    let filled = false;
    for (const index of indices) {
      const note = noteAt(col.key, index);
      const raw = cellValue(cells[index]);
      if (isBlank(raw)) continue;
      filled = true;
      const cell = literal(raw, note);
      if (cell === undefined) continue;
      let value = col.read(cell, note);
      if (col.key === 'itemCode') value = itemCodeOf(raw, value, note);
      if (value !== undefined) values.push(value);
    }
    if (!filled && col.key === 'materials') input['materials'] = [];
    else if (!filled && col.required && col.key !== 'fees')
      noteAt(col.key, indices[0])('error', `${col.zh} is empty`, `fill in ${col.zh}: it is required`);
    if (values.length > 0) input[col.key] = values.length === 1 ? values[0] : joinLists(values);
  }
  fees(input, failed, noteAt, ctx);
  const standIn = legalDaysStandIn(input);
  if (input['legalDays'] === NO_LIMIT) {
    delete input['legalDays'];
    if (standIn === undefined) failed.add('legalDays');
    else {
      input['legalDays'] = standIn;
      noteAt('legalDays', ctx.reading.byKey.get('legalDays')?.[0])(
        'warning',
        `法定时限 says there is no statutory time limit; the promised limit (${standIn}) stands in for it`,
        'write the statutory limit in working days if the law sets one',
      );
    }
  }
  applyDefaults(input, failed, row, noteAt, ctx);
  const contact: Record<string, unknown> = {};
  for (const k of Object.keys(input))
    if (k.startsWith('contact.')) {
      contact[k.slice(8)] = input[k];
      delete input[k];
    }
  if (Object.keys(contact).length > 0) input['contact'] = contact;
  return { row, input, failed, problems };
}

/** 是否收费 and 收费依据, the auxiliary columns of real lists, folded into the fees. */
function fees(
  input: Record<string, unknown>,
  failed: Set<string>,
  noteAt: (key: string, index: number | undefined) => Note,
  ctx: RowContext,
) {
  const charged = input['fees.charged'];
  const basis = input['fees.basis'];
  delete input['fees.charged'];
  delete input['fees.basis'];
  const list = Array.isArray(input['fees']) ? (input['fees'] as Record<string, unknown>[]) : [];
  const at = noteAt('fees', ctx.reading.byKey.get('fees.charged')?.[0]);
  if (charged === false && list.length > 0)
    at('error', `是否收费 says 否, but 收费标准 gives a fee`, 'write 是 in 是否收费, or 不收费 in 收费标准');
  else if (charged === false) input['fees'] = [];
  if (charged === true && list.length === 0 && !failed.has('fees'))
    at('error', '是否收费 says 是, but 收费标准 gives no fee', 'write the fee in 收费标准, e.g. 工本费10元');
  if (typeof basis === 'string') for (const f of list) f['basis'] ??= basis;
}

function applyDefaults(
  input: Record<string, unknown>,
  failed: Set<string>,
  row: number,
  noteAt: (key: string, index: number | undefined) => Note,
  ctx: RowContext,
) {
  for (const d of COLUMN_DEFAULTS) {
    if (input[d.key] !== undefined || failed.has(d.key)) continue;
    const value = d.value(input);
    if (value === undefined) {
      failed.add(d.key);
      const on = d.cannot?.column;
      if (d.cannot && on && typeof input[on] === 'string')
        noteAt(d.key, ctx.reading.byKey.get(on)?.[0])('error', d.cannot.message(input), d.cannot.hint);
      continue;
    }
    input[d.key] = value;
    if (ctx.reading.byKey.has(d.key) && d.key !== 'subName' && d.key !== 'forms')
      ctx.emptyDefaults.set(d.key, [...(ctx.emptyDefaults.get(d.key) ?? []), row]);
  }
}

const rowList = (rows: readonly number[]) =>
  rows.length > 8 ? `${rows.slice(0, 8).join(', ')} and ${rows.length - 8} more` : rows.join(', ');

/** Once per column: the empty cells a default filled. */
export function emptyDefaultWarnings(ctx: RowContext): TabularProblem[] {
  return [...ctx.emptyDefaults].map(([key, rows]) => {
    const d = COLUMN_DEFAULTS.find((x) => x.key === key)!;
    const index = ctx.reading.byKey.get(key)![0]!;
    const zh = COLUMNS.find((c) => c.key === key)!.zh;
    return {
      ...ctx.base,
      severity: 'warning',
      rule: 'tabular.defaultCell',
      row: rows[0]!,
      column: columnLetter(index),
      header: headerAt(ctx, index),
      path: key,
      message: `${zh} is empty in row${rows.length > 1 ? 's' : ''} ${rowList(rows)}: ${d.says}`,
      hint: `fill in ${zh} where the default is wrong`,
    };
  });
}

/** Two rows with the same item code, level and implementing unit: an error on the second, naming the first. */
export function duplicateRows(rows: readonly TabularRow[], ctx: RowContext): void {
  const first = new Map<string, number>();
  const index = ctx.reading.byKey.get('itemCode')?.[0];
  for (const r of rows) {
    const { itemCode, level, implementingUnit } = r.input;
    if (typeof itemCode !== 'string' || typeof level !== 'string' || typeof implementingUnit !== 'string')
      continue;
    const key = `${itemCode.trim()}@${level}@${normaliseName(implementingUnit)}`;
    const before = first.get(key);
    if (before === undefined) {
      first.set(key, r.row);
      continue;
    }
    r.problems.push({
      ...ctx.base,
      severity: 'error',
      rule: 'catalogue.duplicateKey',
      row: r.row,
      ...(index === undefined ? {} : { column: columnLetter(index), header: headerAt(ctx, index) }),
      itemCode: itemCode.trim(),
      path: 'itemCode',
      message: `rows ${before} and ${r.row} are the same item: 事项编码 ${itemCode.trim()}, 层级 ${termOf(TERMS.level, level)}, 实施主体 ${implementingUnit.trim()}`,
      hint: 'delete one of the two rows, or correct its 事项编码, 层级 or 实施主体 (one item code once per level and implementing unit, seed 004 3.10)',
      clause: 'seed 004 3.10',
    });
  }
}

/**
 * A row that is not an item: its only text is in columns that carry no field (a signature line under the list,
 * 填报人：…), or one merged cell across the row (a section heading 一、行政许可类). Undefined for an item row;
 * null for a row to skip silently (only 序号 filled, as in a template's unused numbered rows).
 */
export function noteRow(
  cells: readonly (string | number)[],
  rowIndex: number,
  ctx: RowContext,
  merges: readonly MergedRange[],
): TabularProblem | null | undefined {
  const filled = cells.flatMap((c, i) => (isBlank(c) ? [] : [i]));
  const fieldCells = filled.filter((i) => ctx.reads.has(i));
  const heading = merges.find(
    (m) =>
      m.top <= rowIndex &&
      rowIndex <= m.bottom &&
      m.right > m.left &&
      filled.every((i) => i >= m.left && i <= m.right),
  );
  if (fieldCells.length > 0 && !heading) return undefined;
  const own = ctx.ownUse;
  if (!heading && filled.every((i) => own.has(i))) return null;
  const first = filled.find((i) => !own.has(i)) ?? filled[0]!;
  return {
    ...ctx.base,
    severity: 'warning',
    rule: 'tabular.noteRow',
    row: rowIndex + 1,
    column: columnLetter(first),
    message: `row ${rowIndex + 1} holds only "${short(String(cells[first]).trim())}": read as a heading or note, not an item`,
    hint: 'if it is an item, fill in its columns',
  };
}

/** One warning per merged range among the items: its first cell's value is read in each of its cells. */
export function mergeWarnings(
  merges: readonly MergedRange[],
  ctx: RowContext,
  skipRows: ReadonlySet<number>,
) {
  const reads = ctx.reads;
  return merges
    .filter((m) => m.bottom >= ctx.reading.firstDataIndex && !skipRows.has(m.top))
    .filter((m) =>
      Array.from({ length: m.right - m.left + 1 }, (_, i) => m.left + i).some((c) => reads.has(c)),
    )
    .map(
      (m): TabularProblem => ({
        ...ctx.base,
        severity: 'warning',
        rule: 'file.merged',
        row: m.top + 1,
        column: columnLetter(m.left),
        message: `cells ${m.ref} are merged: the value of ${columnLetter(m.left)}${m.top + 1} is read in each of them`,
        hint: 'unmerge the cells (取消合并) and fill in each one if the value does not apply to every row',
      }),
    );
}

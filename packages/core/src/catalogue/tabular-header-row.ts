/**
 * Finding and reading the header row of an administrator's list: it may come after title rows (哈尔滨市道里区政务服务
 * 事项实施清单（2025年版）), span two rows (办理时限 over 法定 | 承诺), carry units and line breaks (承诺时限\n（工作日）),
 * and hold columns the catalogue does not keep (序号, 备注). Each column is told apart as a field, or as ignored
 * and why, which is what `tongban items import --explain` prints.
 */
import { COLUMNS, type Column, columnLetter } from './tabular-columns.js';
import { COLUMN_DEFAULTS } from './tabular-defaults.js';
import { badDayUnit, HEADERS, isOwnUseHeader, matchHeader, templateHeader } from './tabular-headers.js';
import { isBlank, type TableSource, type TabularProblem } from './tabular-problem.js';

/** How one column of the file was understood. */
export interface ColumnReading {
  /** Column letter, as Excel shows it. */
  column: string;
  index: number;
  /** The header as written (both rows of a two-row header, joined with /). */
  header: string;
  /** The field it is read into. */
  key?: string;
  /** The field's Chinese name (the template's header). */
  zh?: string;
  /** The unit or note the header carried in brackets. */
  unit?: string;
  /** Why it is not read: the list's own column (序号), not a field, a field another column already gives. */
  ignored?: 'ownUse' | 'unknown' | 'superseded' | 'repeated';
  /** For `superseded` and `repeated`: the column read instead. */
  by?: string;
}

export interface DefaultReading {
  key: string;
  zh: string;
  says: string;
}

export interface HeaderReading {
  /** Excel row numbers of the header (two for a two-row header). */
  headerRows: number[];
  /** Excel row numbers of the title rows above the header. */
  titleRows: number[];
  /** Index in `rows` of the first row below the header. */
  firstDataIndex: number;
  columns: ColumnReading[];
  /** For each field read, the columns it is read from (several only for fields that join, e.g. legal bases). */
  byKey: Map<string, number[]>;
  /** The fields whose column is absent and that take a default. */
  defaults: DefaultReading[];
  /** Required columns that are absent: the rows cannot be read. */
  missing: Column[];
  problems: TabularProblem[];
}

/** Rows looked at for the header: a title block is rarely longer. */
const HEADER_SEARCH_ROWS = 12;

const textOf = (cell: string | number | undefined) => (cell === undefined ? '' : String(cell).trim());

/** The distinct fields a row's cells name (read under `upper` as a two-row header, when given). */
function fieldsNamed(row: readonly (string | number)[], upper?: readonly (string | number)[]): number {
  const keys = new Set<string>();
  const width = Math.max(row.length, upper?.length ?? 0);
  for (let i = 0; i < width; i++) {
    const m = headerOf(textOf(row[i]), upper && textOf(upper[i])).match;
    if (m) keys.add(m.spec.key);
  }
  return keys.size;
}

/** The header row: the row naming most fields, alone or under the row above it (a two-row header). */
function findHeader(rows: readonly (readonly (string | number)[])[]) {
  let best = { index: -1, twoRows: false, score: 0 };
  rows.slice(0, HEADER_SEARCH_ROWS).forEach((row, i) => {
    const single = fieldsNamed(row);
    const double = i > 0 ? fieldsNamed(row, rows[i - 1]) : 0;
    const score = Math.max(single, double);
    if (score > best.score) best = { index: i, twoRows: double > single, score };
  });
  return best;
}

/** The header of one column, trying a two-row header's combinations: 法定 under 办理时限 is 法定办理时限. */
function headerOf(lower: string, upper: string | undefined) {
  const tries =
    upper === undefined || upper === '' || upper === lower
      ? [lower]
      : lower === ''
        ? [upper]
        : [lower, `${upper}${lower}`, `${lower}${upper}`, `${lower.replace(/时限$/, '')}${upper}`];
  for (const t of tries) {
    const m = t === '' ? undefined : matchHeader(t);
    if (m)
      return { text: upper && lower && upper !== lower ? `${upper}/${lower}` : lower || upper!, match: m };
  }
  return { text: lower || upper || '', match: undefined };
}

export function readHeaderRow(
  rows: readonly (readonly (string | number)[])[],
  src: TableSource,
): HeaderReading {
  const base = { file: src.file, ...(src.sheet === undefined ? {} : { sheet: src.sheet }) };
  const problems: TabularProblem[] = [];
  const reading: HeaderReading = {
    headerRows: [],
    titleRows: [],
    firstDataIndex: rows.length,
    columns: [],
    byKey: new Map(),
    defaults: [],
    missing: [],
    problems,
  };
  const found = findHeader(rows);
  const h = found.score > 0 ? found.index : rows.findIndex((r) => r.some((c) => !isBlank(c)));
  if (h < 0) {
    problems.push({
      ...base,
      severity: 'error',
      rule: 'tabular.noHeader',
      row: 1,
      message: 'the sheet has no header row',
      hint: `put the headers in one row above the items, e.g. ${HEADERS.slice(0, 3)
        .map((s) => s.zh)
        .join(', ')}`,
    });
    return reading;
  }
  const twoRows = found.score > 0 && found.twoRows;
  const upper = twoRows ? rows[h - 1] : undefined;
  reading.headerRows = twoRows ? [h, h + 1] : [h + 1];
  reading.titleRows = Array.from({ length: twoRows ? h - 1 : h }, (_, i) => i + 1).filter((n) =>
    rows[n - 1]!.some((c) => !isBlank(c)),
  );
  reading.firstDataIndex = h + 1;
  const headerRow = h + 1;
  const width = Math.max(rows[h]!.length, upper?.length ?? 0);
  const primaries = new Map<string, ColumnReading[]>();
  const fallbacks = new Map<string, ColumnReading[]>();
  for (let index = 0; index < width; index++) {
    const { text, match } = headerOf(textOf(rows[h]![index]), upper && textOf(upper[index]));
    if (text === '') continue;
    const col: ColumnReading = { column: columnLetter(index), index, header: text };
    reading.columns.push(col);
    if (!match) {
      col.ignored = isOwnUseHeader(text) ? 'ownUse' : 'unknown';
      if (col.ignored === 'unknown')
        problems.push({
          ...base,
          severity: 'warning',
          rule: 'tabular.unknownHeader',
          row: headerRow,
          column: col.column,
          header: text,
          message: `column "${text}" is not a field of a service item; it is ignored`,
          hint: 'if it should be read, rename it to a header of the template (`tongban items export --template`; docs/catalogue.md)',
        });
      continue;
    }
    col.key = match.spec.key;
    col.zh = match.spec.zh;
    if (match.unit !== undefined) col.unit = match.unit;
    const group = match.fallback ? fallbacks : primaries;
    group.set(col.key, [...(group.get(col.key) ?? []), col]);
    const badUnit = match.spec.days ? badDayUnit(match.unit) : undefined;
    if (badUnit !== undefined)
      problems.push({
        ...base,
        severity: 'error',
        rule: 'tabular.headerUnit',
        row: headerRow,
        column: col.column,
        header: text,
        message: `column "${text}" counts in ${badUnit}; time limits are whole working days`,
        hint: `convert the column to working days and head it "${templateHeader(match.spec)}"`,
      });
  }
  for (const spec of HEADERS) {
    const first = primaries.get(spec.key) ?? fallbacks.get(spec.key);
    if (!first) continue;
    const [used, ...rest] = first;
    const read = spec.joins ? first : [used!];
    reading.byKey.set(
      spec.key,
      read.map((c) => c.index),
    );
    for (const c of spec.joins ? [] : rest) {
      c.ignored = 'repeated';
      c.by = used!.column;
      problems.push({
        ...base,
        severity: 'error',
        rule: 'tabular.duplicateHeader',
        row: headerRow,
        column: c.column,
        header: c.header,
        message: `column "${c.header}" repeats ${used!.column} (${spec.zh})`,
        hint: 'keep one column per field',
      });
    }
    if (primaries.has(spec.key))
      for (const c of fallbacks.get(spec.key) ?? []) {
        c.ignored = 'superseded';
        c.by = used!.column;
      }
  }
  const has = (key: string) => reading.byKey.has(key);
  reading.missing = COLUMNS.filter(
    (c) => c.required && !has(c.key) && !(c.key === 'fees' && has('fees.charged')),
  );
  for (const c of reading.missing) {
    const spec = c.spec;
    problems.push({
      ...base,
      severity: 'error',
      rule: 'tabular.missingHeader',
      row: headerRow,
      header: spec.zh,
      message: `required column "${spec.zh}" is missing`,
      hint: `add a column headed "${templateHeader(spec)}"${
        spec.aliases.length
          ? ` (or ${[...spec.aliases, ...(spec.fallbacks ?? [])].slice(0, 4).join(', ')})`
          : ''
      }`,
    });
  }
  for (const d of COLUMN_DEFAULTS) {
    if (has(d.key)) continue;
    const zh = COLUMNS.find((c) => c.key === d.key)!.zh;
    reading.defaults.push({ key: d.key, zh, says: d.says });
    problems.push({
      ...base,
      severity: 'warning',
      rule: 'tabular.defaultColumn',
      row: headerRow,
      header: zh,
      message: `no ${zh} column: ${d.says}`,
      hint: `add a ${zh} column to give it item by item`,
    });
  }
  return reading;
}

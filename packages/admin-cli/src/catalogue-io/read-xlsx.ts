import type { Cell as ExcelCell, Workbook, Worksheet } from 'exceljs';
import { columnLetter, type ImportProblem } from './problem.js';
import type { Cell, RawSheet } from './sheets.js';
import { readXlsxFast } from './xlsx-fast.js';

/**
 * Reads every worksheet of an XLSX file into plain cells: first with the fast reader (xlsx-fast.ts: plain values
 * only), else with exceljs, loaded here on demand so that other commands never pay for it. Refused with a located
 * problem: a file that is not a readable XLSX (truncated, renamed), merged cells (the value sits in one cell only
 * and the others read as empty), formula cells (their value depends on a calculation that was never run here),
 * and error values (#N/A, #REF!).
 */
export async function readXlsx(
  bytes: Uint8Array,
  file: string,
): Promise<{ sheets: RawSheet[]; problems: ImportProblem[] }> {
  // TONGBAN_XLSX_READER=exceljs skips the fast reader (to rule it out when a file reads oddly; the bench compares).
  const fast = process.env['TONGBAN_XLSX_READER'] === 'exceljs' ? undefined : readXlsxFast(bytes);
  if (fast) return { sheets: fast, problems: [] };
  return readXlsxWithExceljs(bytes, file);
}

/** The exceljs reader: every XLSX feature, and the problems the fast reader leaves to it. */
export async function readXlsxWithExceljs(
  bytes: Uint8Array,
  file: string,
): Promise<{ sheets: RawSheet[]; problems: ImportProblem[] }> {
  const ExcelJS = (await import('exceljs')).default;
  const workbook: Workbook = new ExcelJS.Workbook();
  const problems: ImportProblem[] = [];
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch (e) {
    problems.push({
      severity: 'error',
      rule: 'file.badXlsx',
      file,
      message: `not a readable XLSX workbook (${(e as Error).message.split('\n')[0]})`,
      hint: 'the file may be truncated or not an .xlsx at all: save it again from Excel/WPS as "Excel Workbook (*.xlsx)"',
    });
    return { sheets: [], problems };
  }
  const sheets: RawSheet[] = [];
  workbook.eachSheet((ws) => {
    sheets.push(readSheet(ws, file, problems));
  });
  return { sheets, problems };
}

function readSheet(ws: Worksheet, file: string, problems: ImportProblem[]): RawSheet {
  const merges = (ws.model as { merges?: string[] }).merges ?? [];
  for (const range of merges) {
    const [first] = range.split(':');
    const m = /^([A-Z]+)([0-9]+)$/.exec(first ?? '');
    problems.push({
      severity: 'error',
      rule: 'file.merged',
      file,
      sheet: ws.name,
      ...(m ? { row: Number(m[2]), column: m[1] } : {}),
      message: `cells ${range} are merged: only the first keeps its value, the others read as empty`,
      hint: 'unmerge the cells and fill the value into every row it applies to',
    });
  }
  const rows: Cell[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: Cell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellValue(
        cell,
        { file, sheet: ws.name, row: rowNumber, column: columnLetter(col) },
        problems,
      );
    });
    for (let i = 0; i < cells.length; i++) cells[i] ??= null;
    rows[rowNumber - 1] = cells;
  });
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  while (rows.length > 0 && rows.at(-1)!.every((c) => c === null || c === '')) rows.pop();
  return { name: ws.name, rows };
}

function cellValue(
  cell: ExcelCell,
  at: { file: string; sheet: string; row: number; column: string },
  problems: ImportProblem[],
): Cell {
  const v = cell.value as unknown;
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('formula' in o || 'sharedFormula' in o) {
      problems.push({
        severity: 'error',
        rule: 'file.formula',
        ...at,
        message: `the cell holds a formula (=${String(o['formula'] ?? o['sharedFormula'])}), not a value`,
        hint: 'copy the column and paste it back as values only (选择性粘贴 → 数值), then save',
      });
      return null;
    }
    if ('error' in o) {
      problems.push({
        severity: 'error',
        rule: 'file.errorValue',
        ...at,
        message: `the cell shows the error value ${String(o['error'])}`,
        hint: 'replace it with the intended value',
      });
      return null;
    }
    if (Array.isArray(o['richText']))
      return (o['richText'] as { text: string }[]).map((r) => r.text).join('');
    if (typeof o['text'] === 'string') return o['text']; // hyperlink
  }
  return String(v);
}

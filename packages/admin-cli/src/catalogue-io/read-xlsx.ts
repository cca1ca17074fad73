import type { Cell as ExcelCell, Workbook, Worksheet } from 'exceljs';
import { columnLetter, type ImportProblem } from './problem.js';
import type { Cell, RawSheet } from './sheets.js';
import { readXlsxFast } from './xlsx-fast.js';

/**
 * Reads every worksheet of an XLSX file into plain cells: first with the fast reader (xlsx-fast.ts: plain values
 * only), else with exceljs, loaded here on demand so that other commands never pay for it. A file that is not a
 * readable XLSX (cut off, renamed) is refused. Merged ranges are passed on (the table reads the first cell's value
 * across each). A formula cell gives the value Excel computed and stored, with a warning naming the cell; one with
 * no stored value gives its formula text and an error value its text (#N/A), both refused by the table naming the
 * cell.
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
  const cut = truncatedZip(bytes);
  if (cut) {
    problems.push({
      severity: 'error',
      rule: 'file.truncated',
      file,
      message: `the file is cut off (truncated): ${cut}; not a readable XLSX workbook`,
      hint: 'copy or download the file again from where it came (the copy was interrupted), or save it again from Excel/WPS',
    });
    return { sheets: [], problems };
  }
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch (e) {
    problems.push({
      severity: 'error',
      rule: 'file.badXlsx',
      file,
      message: `not a readable XLSX workbook (${(e as Error).message.split('\n')[0]})`,
      hint: 'the file may not be an .xlsx at all: save it again from Excel/WPS as "Excel Workbook (*.xlsx)"',
    });
    return { sheets: [], problems };
  }
  const sheets: RawSheet[] = [];
  workbook.eachSheet((ws) => {
    sheets.push(readSheet(ws, file, problems));
  });
  return { sheets, problems };
}

/**
 * Why a file that starts as a zip archive is cut off, or undefined: a zip ends with its central directory (the
 * "end of central directory" record, PK\x05\x06, within the last 64 KiB + 22 bytes); a copy cut short has none.
 */
export function truncatedZip(bytes: Uint8Array): string | undefined {
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 0x03 || bytes[3] !== 0x04)
    return undefined;
  const from = Math.max(0, bytes.length - 65_557);
  for (let i = bytes.length - 22; i >= from; i--)
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06)
      return undefined;
  return `it ends after ${bytes.length} bytes without the zip directory that closes every XLSX file`;
}

function readSheet(ws: Worksheet, file: string, problems: ImportProblem[]): RawSheet {
  const merges = (ws.model as { merges?: string[] }).merges ?? [];
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
  return { name: ws.name, rows, ...(merges.length ? { merges } : {}) };
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
      const formula = `=${String(o['formula'] ?? o['sharedFormula'])}`;
      const result = o['result'];
      // No value stored (never calculated): the formula's text, which the table refuses naming the cell.
      if (result === undefined || result === null) return formula;
      const value = cellValue({ value: result } as ExcelCell, at, problems);
      problems.push({
        severity: 'warning',
        rule: 'file.formulaValue',
        ...at,
        message: `the cell holds the formula ${formula}; the value Excel stored for it, "${String(value)}", is read`,
        hint: 'to be sure of the value, paste the column back as values only (选择性粘贴 → 数值), then save',
      });
      return value;
    }
    // An error value (#N/A, #REF!): its text, which the table refuses naming the cell.
    if ('error' in o) return String(o['error']);
    if (Array.isArray(o['richText']))
      return (o['richText'] as { text: string }[]).map((r) => r.text).join('');
    if (typeof o['text'] === 'string') return o['text']; // hyperlink
  }
  return String(v);
}

/**
 * A date cell as spreadsheets give it: an Excel date (the XLSX reader gives 'YYYY-MM-DD'), an Excel serial number
 * (a date column formatted as General shows 45658 for 2025-01-01, and a CSV saved from it keeps the number), or
 * text: 2025-01-01, 2025/1/1, 2025.1.1, 2025年1月1日, 20250101.
 */
import { isIsoDate } from '../calendar/shanghai-time.js';
import type { CellValue, Note } from './cell-text.js';
import { halfWidth } from './normalise.js';

/** Excel's day 0 in the 1900 date system, as it counts (its serial 60 is the 29 February 1900 that never was). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
/** Serials of plausible catalogue dates: 1990-01-01 .. 2100-12-31. */
const FIRST_SERIAL = 32874;
const LAST_SERIAL = 73415;

/** 'YYYY-MM-DD' of an Excel serial (1900 date system, from 1 March 1900). */
export function excelSerialToDate(serial: number): string {
  return new Date(EXCEL_EPOCH_MS + Math.floor(serial) * 86_400_000).toISOString().slice(0, 10);
}

/** The Excel serial of a 'YYYY-MM-DD' date (what the template writes in a date cell). */
export function dateToExcelSerial(date: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - EXCEL_EPOCH_MS) / 86_400_000);
}

const pad = (n: string) => n.padStart(2, '0');

export function readDate(cell: CellValue, note: Note, what: string): string | undefined {
  const raw = String(cell).trim();
  if (raw === '') return undefined;
  const half = halfWidth(raw).replace(/\s+/g, '');
  if (typeof cell === 'number' || /^\d{5}(\.\d+)?$/.test(half)) {
    const serial = Number(half);
    if (serial >= FIRST_SERIAL && serial <= LAST_SERIAL) {
      const date = excelSerialToDate(serial);
      note(
        'warning',
        `${what} ${raw} is an Excel date serial number; read as ${date}`,
        'format the column as a date (设置单元格格式 → 日期) so that it shows as a date',
      );
      return date;
    }
  }
  const m =
    /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:T.*|\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(half) ??
    /^(\d{4})(\d{2})(\d{2})$/.exec(half);
  const date = m ? `${m[1]}-${pad(m[2]!)}-${pad(m[3]!)}` : undefined;
  if (date && isIsoDate(date)) return date;
  note(
    'error',
    `${what} "${raw}" is not a date`,
    'write the date as 2025-01-31 (or format the cell as a date in Excel)',
  );
  return undefined;
}

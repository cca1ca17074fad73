import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { ServiceItem } from '@tongban/core/catalogue';
import type { CatalogueFormat } from './read-catalogue.js';

export const OUT_ENCODINGS = ['utf8', 'utf8-bom', 'gbk', 'gb18030'] as const;
export type OutEncoding = (typeof OUT_ENCODINGS)[number];

/**
 * Writes items in the format `items import` reads back to the same items (the round trip is lossless):
 * XLSX and CSV in H2's tabular layout (one sheet 事项清单), text cells neutralised against formula injection;
 * JSON as `{ "items": [...] }`. The file is written whole to a temporary name first, then renamed.
 */
export async function writeCatalogue(
  items: readonly ServiceItem[],
  file: string,
  format: CatalogueFormat,
  encoding: OutEncoding = 'utf8-bom',
): Promise<number> {
  let bytes: Uint8Array;
  if (format === 'json') {
    bytes = Buffer.from(`${JSON.stringify({ items }, null, 2)}\n`, 'utf8');
  } else {
    const { itemsToRows, TABULAR_SHEET_NAME } = await import('@tongban/core/catalogue');
    // itemsToRows neutralises text cells against formula injection (cell-formula.ts).
    const rows = itemsToRows(items);
    bytes = format === 'xlsx' ? await toXlsx(rows, TABULAR_SHEET_NAME) : await toCsv(rows, encoding);
  }
  await mkdir(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, bytes);
  await rename(tmp, file);
  return bytes.length;
}

async function toXlsx(rows: (string | number)[][], sheetName: string): Promise<Uint8Array> {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  for (const r of rows) ws.addRow(r);
  // Text columns stay text: an item code of digits must not turn into a number with its leading zeros lost.
  ws.getRow(1).font = { bold: true };
  ws.columns.forEach((col) => {
    col.width = 18;
    col.alignment = { wrapText: true, vertical: 'top' };
  });
  for (let r = 2; r <= rows.length; r++) ws.getCell(r, 1).numFmt = '@';
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function toCsv(rows: (string | number)[][], encoding: OutEncoding): Promise<Uint8Array> {
  const text = `${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
  if (encoding === 'utf8') return Buffer.from(text, 'utf8');
  if (encoding === 'utf8-bom') return Buffer.from(`\uFEFF${text}`, 'utf8');
  const iconv = (await import('iconv-lite')).default;
  const bytes = iconv.encode(text, encoding);
  if (iconv.decode(bytes, encoding) !== text) {
    const { TongbanError } = await import('@tongban/core/errors');
    const lost = [...text].find((ch) => iconv.decode(iconv.encode(ch, encoding), encoding) !== ch) ?? '?';
    throw new TongbanError(
      'export.unencodable',
      `the catalogue holds "${lost}", which ${encoding} cannot encode`,
      {
        where: { field: '--encoding' },
        hint: 'export with --encoding gb18030 (covers every character) or utf8-bom',
      },
    );
  }
  return bytes;
}

/** RFC 4180 quoting: fields with a comma, quote or line break are quoted, quotes doubled. */
function csvField(value: string | number): string {
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { ServiceItem } from '@tongban/core/catalogue';
import { stringify } from 'csv-stringify/sync';
import { CSV_OPTIONS } from '../records/csv.js';
import type { CatalogueFormat } from './read-catalogue.js';

export const OUT_ENCODINGS = ['utf8', 'utf8-bom', 'gbk', 'gb18030'] as const;
export type OutEncoding = (typeof OUT_ENCODINGS)[number];

/**
 * Writes items in the format `items import` reads back to the same items (the round trip is lossless):
 * XLSX in the template's layout (workbook.ts: sheet 事项清单, 填表说明, drop-downs), CSV in the same columns, text
 * cells neutralised against formula injection;
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
    const { itemsToRows } = await import('@tongban/core/catalogue');
    // itemsToRows neutralises text cells against formula injection (cell-formula.ts).
    const rows = itemsToRows(items);
    bytes = format === 'xlsx' ? await toXlsx(rows, items) : await toCsv(rows, encoding);
  }
  await writeWhole(file, bytes);
  return bytes.length;
}

async function toXlsx(rows: (string | number)[][], items: readonly ServiceItem[]): Promise<Uint8Array> {
  const { COLUMN_GUIDE, TABULAR_SHEET_NAME } = await import('@tongban/core/catalogue');
  const { catalogueWorkbook } = await import('./workbook.js');
  const categories = [...new Set(items.map((i) => i.windowCategory))];
  return catalogueWorkbook(rows, COLUMN_GUIDE, TABULAR_SHEET_NAME, {
    ...(categories.length > 0 && categories.join(',').length < 240 ? { windowCategories: categories } : {}),
  });
}

/** The empty template an administrator fills in (`tongban items export --template`). */
export async function writeTemplate(file: string, windowCategories: readonly string[] = []): Promise<number> {
  const { COLUMN_GUIDE, itemsToRows, TABULAR_SHEET_NAME } = await import('@tongban/core/catalogue');
  const { catalogueWorkbook } = await import('./workbook.js');
  const bytes = await catalogueWorkbook(itemsToRows([]), COLUMN_GUIDE, TABULAR_SHEET_NAME, {
    ...(windowCategories.length > 0 ? { windowCategories } : {}),
  });
  await writeWhole(file, bytes);
  return bytes.length;
}

async function writeWhole(file: string, bytes: Uint8Array): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, bytes);
  await rename(tmp, file);
}

async function toCsv(rows: (string | number)[][], encoding: OutEncoding): Promise<Uint8Array> {
  const text = stringify(
    rows.map((r) => r.map(String)),
    CSV_OPTIONS,
  );
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

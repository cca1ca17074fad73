import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { itemsToRows, rowsToItems, TABULAR_SHEET_NAME, validateCatalogue } from '@tongban/core/catalogue';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCatalogue } from '../../../../fixtures/src/synthetic-catalogue.js';
import { readCatalogue } from './read-catalogue.js';

const dir = mkdtempSync(join(tmpdir(), 'tongban-read-catalogue-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function xlsx(name: string, rows: (string | number)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(TABULAR_SHEET_NAME);
  for (const r of rows) ws.addRow(r);
  const file = join(dir, name);
  writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
  return file;
}

/** The row-by-row reading (rowsToItems, then validateCatalogue on its items): what readCatalogue must equal. */
function reference(rows: (string | number)[][], file: string) {
  const table = rowsToItems(rows, { file, sheet: TABULAR_SHEET_NAME });
  const check = validateCatalogue(table.items);
  const problems = [
    ...table.problems,
    ...[...check.errors, ...check.warnings].filter((p) => !p.rule.startsWith('schema.')).map(table.locate),
  ];
  return { items: check.items, problems };
}

describe('readCatalogue parses each item once on a clean file, with the same result as row by row', () => {
  it('warnings (full-width code, material rules) and whole-catalogue errors (duplicate key) are located alike', async () => {
    const items = generateCatalogue(80, 11);
    const rows = itemsToRows(items) as (string | number)[][];
    rows[5]![0] = String(rows[5]![0]).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))); // full-width
    rows.push([...rows[3]!]); // the same item twice: catalogue.duplicateKey on the last row
    const file = await xlsx('dup.xlsx', rows);
    const read = await readCatalogue(file);
    const ref = reference(rows, file);
    expect(read.errors).toBeGreaterThan(0);
    expect(read.problems.some((p) => p.rule === 'catalogue.duplicateKey' && p.row === rows.length)).toBe(
      true,
    );
    expect(
      read.problems.some((p) => p.severity === 'warning' && p.row === 6 && p.column?.startsWith('A')),
    ).toBe(true);
    const errors = ref.problems.filter((p) => p.severity === 'error');
    const warnings = ref.problems.filter((p) => p.severity === 'warning');
    expect(read.problems.map((p) => [p.rule, p.row, p.message])).toEqual(
      [...errors, ...warnings].map((p) => [p.rule, p.row, p.message]),
    );
  });

  it('a clean file gives the items validateCatalogue gives row by row', async () => {
    const rows = itemsToRows(generateCatalogue(120, 5)) as (string | number)[][];
    const file = await xlsx('clean.xlsx', rows);
    const read = await readCatalogue(file);
    const ref = reference(rows, file);
    expect(read.errors).toBe(0);
    expect(read.items).toEqual(ref.items);
    expect(read.problems.map((p) => [p.rule, p.row, p.message])).toEqual(
      ref.problems.map((p) => [p.rule, p.row, p.message]),
    );
  });
});

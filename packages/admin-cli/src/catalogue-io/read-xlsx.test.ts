import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { itemsToRows, TABULAR_SHEET_NAME } from '@tongban/core/catalogue';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { generateCatalogue } from '../../../../fixtures/src/synthetic-catalogue.js';
import { badImports, repoRoot } from '../test-support/cli.js';
import { readXlsx, readXlsxWithExceljs } from './read-xlsx.js';
import { readXlsxFast } from './xlsx-fast.js';

async function book(fill: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  fill(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function sameAsExceljs(bytes: Uint8Array) {
  const fast = readXlsxFast(bytes);
  expect(fast).toBeDefined();
  const slow = await readXlsxWithExceljs(bytes, 'x.xlsx');
  expect(slow.problems).toEqual([]);
  expect(fast).toEqual(slow.sheets);
  return fast!;
}

describe('the fast XLSX reader gives exactly the cells exceljs gives', () => {
  it('a synthetic catalogue (multi-line cells, Chinese, numbers, empty cells)', async () => {
    const bytes = await book((wb) => {
      const ws = wb.addWorksheet(TABULAR_SHEET_NAME);
      for (const row of itemsToRows(generateCatalogue(60, 7))) ws.addRow(row);
    });
    const sheets = await sameAsExceljs(bytes);
    expect(sheets[0]!.rows).toHaveLength(61);
  });

  it('awkward text and values: markup characters, line ends, escapes, emoji, rich text, booleans, gaps', async () => {
    const bytes = await book((wb) => {
      const notes = wb.addWorksheet('说明');
      notes.getCell('B3').value = 'instructions <&> "quoted" \'single\'';
      const ws = wb.addWorksheet(TABULAR_SHEET_NAME);
      ws.getCell('A1').value = 'line one\nline two\r\nline three';
      ws.getCell('B1').value = '_x0041_ literal and 😀 and \u0007bell';
      ws.getCell('C1').value = -12.5;
      ws.getCell('D1').value = 1e-7;
      ws.getCell('E1').value = true;
      ws.getCell('F1').value = false;
      ws.getCell('H1').value = '';
      ws.getCell('A3').value = { richText: [{ text: '粗体', font: { bold: true } }, { text: ' and plain' }] };
      ws.getCell('C3').value = 42;
      ws.getCell('C3').numFmt = '0.00';
      ws.getCell('D3').numFmt = '@'; // styled, empty
      ws.getCell('A5').value = "'=cmd|' /C calc'!A0";
      ws.getCell('A7').value = '   padded   ';
    });
    const sheets = await sameAsExceljs(bytes);
    expect(sheets.map((s) => s.name)).toEqual(['说明', TABULAR_SHEET_NAME]);
  });

  it('leaves to exceljs what it does not know: dates, formulas, merges, hyperlinks, errors', async () => {
    const cases: ((ws: ExcelJS.Worksheet) => void)[] = [
      (ws) => {
        ws.getCell('A1').value = new Date('2025-03-01T00:00:00Z');
      },
      (ws) => {
        ws.getCell('A1').value = { formula: 'B1*2', result: 4 };
      },
      (ws) => {
        ws.getCell('A1').value = 'x';
        ws.mergeCells('A1:A2');
      },
      (ws) => {
        ws.getCell('A1').value = { text: 'site', hyperlink: 'https://example.org' };
      },
      (ws) => {
        ws.getCell('A1').value = { error: '#N/A' };
      },
    ];
    for (const fill of cases) {
      const bytes = await book((wb) => fill(wb.addWorksheet('S')));
      expect(readXlsxFast(bytes)).toBeUndefined();
    }
    expect(readXlsxFast(new Uint8Array(readFileSync(join(badImports, 'truncated.xlsx'))))).toBeUndefined();
  });

  it('agrees with exceljs on every XLSX of the repository (fixtures, the malformed corpus)', async () => {
    const files = [
      join(repoRoot, 'fixtures', 'catalogue', 'sample-catalogue.xlsx'),
      ...readdirSync(badImports)
        .filter((n) => n.endsWith('.xlsx'))
        .map((n) => join(badImports, n)),
    ];
    for (const f of files) {
      const bytes = new Uint8Array(readFileSync(f));
      const fast = readXlsxFast(bytes);
      const slow = await readXlsxWithExceljs(bytes, f);
      // Plain files are read fast; a file with anything else (merges, formulas, error values, damage) is left to
      // exceljs.
      const plain = slow.problems.length === 0 && !/(merged|formula|error-value)/.test(f);
      if (plain) expect(fast, f).toEqual(slow.sheets);
      else expect(fast, f).toBeUndefined();
      // readXlsx itself always answers as exceljs does.
      expect(await readXlsx(bytes, f), f).toEqual(slow);
    }
  });
});

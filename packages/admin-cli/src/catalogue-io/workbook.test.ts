import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COLUMN_GUIDE, columnLetter, ServiceItem, TABULAR_COLUMNS } from '@tongban/core/catalogue';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSampleCatalogue } from '../../../../fixtures/src/build-import-files.js';
import { readCatalogue } from './read-catalogue.js';
import { readXlsxWithExceljs } from './read-xlsx.js';
import { writeCatalogue, writeTemplate } from './write-catalogue.js';
import { readXlsxFast } from './xlsx-fast.js';

const dir = mkdtempSync(join(tmpdir(), 'tongban-workbook-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function open(file: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}
const letter = (key: string) => columnLetter(TABULAR_COLUMNS.findIndex((c) => c.key === key));

describe('the catalogue template (`items export --template`) an administrator fills in Excel', () => {
  it('has a frozen row of the Chinese headers, required ones marked, and a 填表说明 sheet', async () => {
    const file = join(dir, 'template.xlsx');
    await writeTemplate(file);
    const wb = await open(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['事项清单', '填表说明']);
    const ws = wb.getWorksheet('事项清单')!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(TABULAR_COLUMNS.map((c) => c.header));
    expect(ws.getCell('A1').font.bold).toBe(true);
    expect(String(ws.getCell('A1').note)).toContain('【必填】');
    expect(ws.getCell(`${letter('subName')}1`).note).toMatch(/^【选填】/);
    // sensible widths: narrow for numbers, wide for materials
    expect(ws.getColumn(TABULAR_COLUMNS.findIndex((c) => c.key === 'materials') + 1).width).toBeGreaterThan(
      40,
    );
    expect(ws.getColumn(TABULAR_COLUMNS.findIndex((c) => c.key === 'promisedDays') + 1).width).toBeLessThan(
      12,
    );
    const guide = wb.getWorksheet('填表说明')!;
    const rows = guide.getSheetValues().slice(4) as unknown[][];
    expect(rows.map((r) => r[2])).toEqual(TABULAR_COLUMNS.map((c) => c.header));
    for (const r of rows) {
      expect(r[4], String(r[2])).toBeTruthy(); // meaning
      expect(r[5], String(r[2])).toBeTruthy(); // allowed values
      expect(r[6], String(r[2])).toBeTruthy(); // example
      expect(String(r[7]), String(r[2])).toMatch(/^seed 00\d/); // clause
    }
    expect(rows.find((r) => r[2] === '综合窗口分类')![7]).toBe('seed 001 5.1.1');
  });

  it('has drop-downs for 事项类型, 层级, 综合窗口分类, 办件类型, 办理模式', async () => {
    const file = join(dir, 'template.xlsx');
    await writeTemplate(file, ['公安服务', '市场准入']);
    const ws = (await open(file)).getWorksheet('事项清单')!;
    const dv = (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } })
      .dataValidations.model;
    const list = (key: string, row = 2) => dv[`${letter(key)}${row}`]?.formulae[0];
    expect(list('itemType')).toBe(
      '"行政许可,行政确认,行政征收,行政给付,行政奖励,备案,行政裁决,其他行政权力,公共服务"',
    );
    expect(list('level', 1001)).toBe('"省级,市级,县级,乡镇级,村级"');
    expect(list('caseKind')).toBe('"即办件,承诺件,联办件"');
    expect(list('modes')).toBe('"全程网办,异地代收-属地办理,异地代收-异地办理,窗口办"');
    expect(list('windowCategory')).toBe('"公安服务,市场准入"');
    expect(dv[`${letter('itemType')}2`]!.errorStyle).toBe('stop');
    expect(dv[`${letter('modes')}2`]!.showErrorMessage).toBeFalsy(); // several modes may be typed
    expect(dv[`${letter('itemType')}1`]).toBeUndefined(); // not on the header
  });

  it('an export is the same layout: numbers as numbers, dates as dates, codes as text; it imports back unchanged', async () => {
    const items = await loadSampleCatalogue();
    items[0] = ServiceItem.parse({ ...items[0], revisedOn: '2025-03-01' });
    items[1] = ServiceItem.parse({
      ...items[1],
      fees: [{ name: '不动产登记费', standard: '按面积收取xx元/平方米', basis: '发改价格规〔2016〕2559号' }],
    });
    const file = join(dir, 'export.xlsx');
    await writeCatalogue(items, file, 'xlsx');
    const wb = await open(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['事项清单', '填表说明']);
    const ws = wb.getWorksheet('事项清单')!;
    expect(typeof ws.getCell(`${letter('promisedDays')}2`).value).toBe('number');
    expect(ws.getCell(`${letter('revisedOn')}2`).value).toBeInstanceOf(Date);
    expect(ws.getCell('A2').numFmt).toBe('@');
    const back = await readCatalogue(file);
    expect(back.problems).toEqual([]);
    expect(back.items).toEqual(items);
    // the fast reader reads it (dates included), as exceljs does
    const bytes = new Uint8Array(readFileSync(file));
    expect(readXlsxFast(bytes)).toEqual((await readXlsxWithExceljs(bytes, file)).sheets);
  });

  it('every column of the layout has its 填表说明', () => {
    expect(COLUMN_GUIDE.map((g) => g.key)).toEqual(TABULAR_COLUMNS.map((c) => c.key));
  });
});

/**
 * Writes the corpus of malformed import files in bad-imports/ and bad-imports/expected.json (file -> the exit
 * code, rule and message `tongban items import` must give). Run from the repository root after building core:
 *   npx tsx packages/admin-cli/test-fixtures/make-bad-imports.ts
 * Every file is one good catalogue (3 items of fixtures/src/synthetic-catalogue.ts) with one thing broken.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ServiceItem } from '@tongban/core/catalogue';
import { itemsToRows, TABULAR_COLUMNS } from '@tongban/core/catalogue';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { generateCatalogue } from '../../../fixtures/src/synthetic-catalogue.ts';

const dir = join(dirname(fileURLToPath(import.meta.url)), 'bad-imports');
mkdirSync(dir, { recursive: true });

type Row = (string | number)[];
const items: ServiceItem[] = generateCatalogue(12, 7)
  .filter((i) => i.caseKind === 'promised')
  .slice(0, 3);
const good = (): Row[] => itemsToRows(items).map((r) => [...r]);
const col = (_rows: Row[], key: string) => TABULAR_COLUMNS.findIndex((c) => c.key === key);
const set = (rows: Row[], row: number, key: string, value: string | number) => {
  rows[row]![col(rows, key)] = value;
  return rows;
};

const csvField = (v: string | number) => {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const csv = (rows: Row[]) => `${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;

async function xlsx(rows: Row[], edit?: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('事项清单');
  for (const r of rows) ws.addRow(r);
  edit?.(ws);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

interface Expected {
  exit: number;
  rule: string;
  message: string;
  flags?: string[];
}
const expected: Record<string, Expected> = {};
function put(name: string, content: string | Buffer, e: Expected) {
  writeFileSync(join(dir, name), content);
  expected[name] = e;
}

const e = (rule: string, message: string, extra: Partial<Expected> = {}): Expected => ({
  exit: 2,
  rule,
  message,
  ...extra,
});

// ---- headers ----
{
  const rows = good();
  rows[0]![col(rows, 'itemCode')] = '编码';
  // 编码 is no header of the layout: ignored with a warning, so the required 事项编码 is missing.
  put('wrong-header.csv', csv(rows), e('tabular.missingHeader', 'required column "事项编码" is missing'));
}
{
  const rows = good().map((r) => r.filter((_, i) => i !== col(good(), 'process')));
  put('missing-column.csv', csv(rows), e('tabular.missingHeader', 'required column "办事流程" is missing'));
}
{
  const rows = good().map((r) => [...r, r[1]!]);
  put('duplicate-header.csv', csv(rows), e('tabular.duplicateHeader', 'repeats B'));
}
put('empty.csv', '', e('tabular.noHeader', 'the sheet has no header row'));
// ---- key fields ----
put('empty-item-code.csv', csv(set(good(), 2, 'itemCode', '')), e('tabular.cell', '事项编码 is empty'));
put(
  'empty-main-name.xlsx',
  await xlsx(set(good(), 1, 'mainName', '')),
  e('tabular.cell', '主项名称 is empty'),
);
{
  const rows = good();
  rows.push([...rows[1]!]);
  put('duplicate-codes.csv', csv(rows), e('catalogue.duplicateKey', 'rows 2 and 5 are the same item'));
}
put(
  'bad-item-code.csv',
  csv(set(good(), 1, 'itemCode', 'AB')),
  e('schema.invalid_format', 'item code must be 4-50'),
);
put(
  'fullwidth-digits.csv',
  csv(set(good(), 1, 'promisedDays', '１０周')),
  e('tabular.cell', 'is not a whole number'),
);
put(
  'unknown-item-type.csv',
  csv(set(good(), 1, 'itemType', '行政审批')),
  e('tabular.cell', '事项类型 "行政审批" is not known'),
);
put(
  'unknown-level.xlsx',
  await xlsx(set(good(), 3, 'level', '国家级')),
  e('tabular.cell', '层级 "国家级" is not known'),
);
put(
  'unknown-mode.csv',
  csv(set(good(), 1, 'modes', '邮寄办')),
  e('tabular.cell', '办理模式 "邮寄办" is not known'),
);
// ---- rules of the seeds ----
put(
  'promised-exceeds-legal.csv',
  csv(set(set(good(), 1, 'legalDays', 5), 1, 'promisedDays', 9)),
  e('schema.custom', 'exceeds the legal time limit'),
);
{
  const rows = good();
  const m = String(rows[1]![col(rows, 'materials')]).split('\n');
  m[0] = `${m[0]!.split('｜')[0]}｜主要｜容缺`;
  rows[1]![col(rows, 'materials')] = m.join('\n');
  put('tolerable-key-material.csv', csv(rows), e('schema.custom', 'cannot be tolerable'));
}
put(
  'bad-material-mark.csv',
  csv(set(good(), 2, 'materials', '申请表｜主要｜盖章')),
  e('tabular.cell', 'unknown mark "盖章"'),
);
put('fee-without-amount.csv', csv(set(good(), 1, 'fees', '工本费')), e('tabular.cell', 'has no amount'));
put(
  'proxy-without-transfer-days.csv',
  csv(set(set(good(), 1, 'modes', '窗口办\n异地代收-属地办理'), 1, 'transferDays', '')),
  e('schema.custom', 'transfer time limit'),
);
put(
  'intermediary-over-30-days.csv',
  csv(set(good(), 1, 'intermediaryServices', '环境影响评价:45')),
  e('schema.too_big', '30 days'),
);
{
  const rows = good();
  for (let i = 0; i < 7; i++) {
    const r = [...rows[1]!];
    r[col(rows, 'itemCode')] = `99900000000${i}`;
    r[col(rows, 'windowCategory')] = `窗口类别${i}`;
    rows.push(r);
  }
  put('seven-window-categories.csv', csv(rows), e('catalogue.tooManyWindowCategories', 'more than 6'));
}
// ---- file structure ----
{
  const whole = await xlsx(good());
  put(
    'truncated.xlsx',
    whole.subarray(0, Math.floor(whole.length / 2)),
    e('file.truncated', 'the file is cut off (truncated)'),
  );
}
put('csv-renamed.xlsx', csv(good()), e('file.badXlsx', 'not a readable XLSX'));
// Merged cells are no longer refused: the first cell's value is read across the range, with a warning.
put(
  'formula-cell.xlsx',
  await xlsx(good(), (ws) => {
    // A formula with no value stored (never calculated): refused naming the cell. With a stored value, the value
    // is read with a warning (tested in admin-files).
    ws.getCell('K2').value = { formula: 'L2*2' } as ExcelJS.CellFormulaValue;
  }),
  e('tabular.cell', 'holds the formula "=L2*2"'),
);
put(
  'error-value.xlsx',
  await xlsx(good(), (ws) => {
    ws.getCell('K3').value = { error: '#N/A' } as ExcelJS.CellErrorValue;
  }),
  e('tabular.cell', 'shows the error value #N/A'),
);
put('unclosed-quote.csv', `${csv(good())}"000123,"未闭合\r\n`, e('file.badCsv', 'not well-formed CSV'));
put(
  'gbk-read-as-utf8.csv',
  iconv.encode(csv(good()), 'gbk'),
  e('input.badEncoding', 'is not valid UTF-8', { flags: ['--encoding', 'utf8'] }),
);
put(
  'not-text.csv',
  Buffer.concat([Buffer.from(csv(good().slice(0, 1))), Buffer.from([0xff, 0xff, 0x80, 0xff, 0x0d, 0x0a])]),
  e('file.badEncoding', 'cannot be read as gb18030'),
);
put('bad-syntax.json', '[{"itemCode": "000123",}]', e('file.badJson', 'not valid JSON'));
put('not-a-list.json', '{"catalogue": []}', e('file.notCatalogue', 'neither an array of items'));
put(
  'invalid-item.json',
  JSON.stringify([{ ...items[0], itemType: 'approval' }], null, 2),
  e('schema.invalid_value', 'is not one of the allowed values'),
);
put('catalogue.txt', csv(good()), e('file.unknownFormat', 'cannot tell the format'));

writeFileSync(join(dir, 'expected.json'), `${JSON.stringify(expected, null, 2)}\n`);
console.log(`wrote ${Object.keys(expected).length} bad import files to ${dir}`);

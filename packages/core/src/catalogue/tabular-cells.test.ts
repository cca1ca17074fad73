import { describe, expect, it } from 'vitest';
import { excelSerialToDate, readDate } from './cell-dates.js';
import { readWholeNumber } from './cell-days.js';
import { readFees } from './cell-fees.js';
import { readMaterials } from './cell-materials.js';
import type { Note } from './cell-text.js';
import { ServiceItem, type ServiceItemInput } from './service-item.js';
import { itemsToRows, rowsToItems, TABULAR_COLUMNS } from './tabular.js';

function collect() {
  const notes: { severity: string; message: string; line?: number }[] = [];
  const note: Note = (severity, message, _hint, line) => {
    notes.push({ severity, message, ...(line === undefined ? {} : { line }) });
  };
  return { notes, note };
}

describe('fees as people write them (seed 004 3.10 收费标准, seed 000 4.3 收费情况)', () => {
  const read = (cell: string | number) => {
    const { notes, note } = collect();
    return { fees: readFees(cell, note), notes };
  };
  it('20元 is an amount, 工本费10元 a named amount, 免费 / 不收费 / 无 free', () => {
    expect(read('20元').fees).toEqual([{ name: '费用', amount: 20 }]);
    expect(read('工本费10元').fees).toEqual([{ name: '工本费', amount: 10 }]);
    expect(read('工本费：10元/证').fees).toEqual([{ name: '工本费', amount: 10 }]);
    expect(read(20).fees).toEqual([{ name: '费用', amount: 20 }]);
    for (const free of ['免费', '不收费', '无', '免费。', '0']) expect(read(free).fees, free).toEqual([]);
    expect(read('住宅类80元/件；非住宅类550元/件').fees).toEqual([
      { name: '住宅类', amount: 80 },
      { name: '非住宅类', amount: 550 },
    ]);
  });
  it('a standard with no single amount is kept as written', () => {
    expect(read('按面积收取：xx元/平方米')).toEqual({
      fees: [{ name: '按面积收取', standard: 'xx元/平方米' }],
      notes: [],
    });
    const alone = read('按实际发生费用收取');
    expect(alone.fees).toEqual([{ name: '费用', standard: '按实际发生费用收取' }]);
    expect(alone.notes[0]!.message).toContain('kept as the standard');
  });
  it('the layout’s 名称:金额:依据 still reads, its basis whole', () => {
    expect(read('工本费:20:发改价格〔2005〕436号；财综〔2004〕8号').fees).toEqual([
      { name: '工本费', amount: 20, basis: '发改价格〔2005〕436号；财综〔2004〕8号' },
    ]);
  });
  it('a fee with no amount at all is an error that says so', () => {
    expect(read('工本费').notes).toEqual([
      { severity: 'error', message: 'fee "工本费" has no amount', line: 1 },
    ]);
  });
});

describe('materials as people write them (seed 004 3.10 申报材料, 6.5 容缺, seed 003 九 电子证照)', () => {
  const read = (cell: string) => {
    const { notes, note } = collect();
    return { materials: readMaterials(cell, note), notes };
  };
  it('one per line, numbered, with notes in brackets', () => {
    const r = read(
      '1.居民身份证（原件）\n2、户口簿（复印件2份）\n（3）近期照片（可容缺）\n④营业执照（电子证照）\n5.委托书（非必要）',
    );
    expect(r.notes).toEqual([]);
    expect(r.materials).toEqual([
      { name: '居民身份证', original: true },
      { name: '户口簿', copies: 2 },
      { name: '近期照片', tolerable: true, kind: 'secondary' },
      { name: '营业执照', eLicence: '营业执照' },
      { name: '委托书', kind: 'secondary' },
    ]);
  });
  it('separated by ；; or 、 (、 stays inside a name when the line uses ；)', () => {
    expect(read('身份证（核验原件）、户口簿（原件及复印件各1份）、照片（容缺）').materials).toEqual([
      { name: '身份证', original: true },
      { name: '户口簿', original: true, copies: 1 },
      { name: '照片', tolerable: true, kind: 'secondary' },
    ]);
    expect(read('申请书；设备布局、操作流程等文件（复印件1份）').materials.map((m) => m['name'])).toEqual([
      '申请书',
      '设备布局、操作流程等文件',
    ]);
    expect(read('1、申请书、2、身份证明').materials.map((m) => m['name'])).toEqual(['申请书', '身份证明']);
    expect(read('身份证明（身份证、户口簿）').materials).toHaveLength(1);
  });
  it('a note not understood is a warning naming the text, kept as the note, never folded into the name', () => {
    const r = read('申请书（加盖公章）（原件）');
    expect(r.materials).toEqual([{ name: '申请书', original: true, note: '加盖公章' }]);
    expect(r.notes).toEqual([
      expect.objectContaining({
        severity: 'warning',
        line: 1,
        message: 'material "申请书": the note "加盖公章" is not understood; kept as the material\'s note',
      }),
    ]);
  });
  it('无 means no materials; the layout’s ｜ marks still read', () => {
    expect(read('无').materials).toEqual([]);
    expect(read('居民身份证｜主要｜原件｜复印1').materials).toEqual([
      { name: '居民身份证', kind: 'key', original: true, copies: 1 },
    ]);
  });
});

describe('whole numbers and dates as people write them', () => {
  const days = (cell: string | number, opts = { sameDay: true, noLimit: true }) => {
    const { notes, note } = collect();
    return { value: readWholeNumber(cell, note, '承诺时限', opts), notes };
  };
  it('5个工作日, 20日, 即办, 当场办结, full-width digits (warned)', () => {
    expect(days('5个工作日').value).toBe(5);
    expect(days('20日').value).toBe(20);
    expect(days('即办').value).toBe(0);
    expect(days('当场办结').value).toBe(0);
    expect(days('１５')).toMatchObject({ value: 15, notes: [{ severity: 'warning' }] });
    expect(days('3个工作日（不含公示时间）')).toMatchObject({ value: 3, notes: [{ severity: 'warning' }] });
    expect(days('30个自然日').notes[0]!.message).toContain('calendar days');
    expect(days('六十').notes[0]!.severity).toBe('error');
  });
  it('Excel serials (warned) and dates as text', () => {
    expect(excelSerialToDate(45658)).toBe('2025-01-01');
    const { notes, note } = collect();
    expect(readDate(45717, note, '更新日期')).toBe('2025-03-01');
    expect(notes[0]!.message).toContain('Excel date serial');
    for (const t of ['2025-03-01', '2025/3/1', '2025.3.1', '2025年3月1日', '20250301'])
      expect(readDate(t, note, '更新日期'), t).toBe('2025-03-01');
    expect(readDate('2025-02-30', note, '更新日期')).toBeUndefined();
  });
});

const item: ServiceItemInput = {
  mainName: '居民身份证换领',
  itemType: 'public-service',
  itemCode: '000173001002',
  legalBasis: ['《中华人民共和国居民身份证法》第十一条'],
  materials: [{ name: '居民身份证', original: true }],
  process: ['申请', '受理'],
  promisedDays: 15,
  audience: ['person'],
  legalDays: 60,
  level: 'county',
  implementingUnit: '哈尔滨市公安局道里分局',
  windowCategory: '公安服务',
  caseKind: 'promised',
  modes: ['window'],
};
const rows = () => itemsToRows([ServiceItem.parse(item)]) as (string | number)[][];
const col = (key: string) => TABULAR_COLUMNS.findIndex((c) => c.key === key);
const ctx = { file: 'f.xlsx', sheet: 'S' };

describe('cells a spreadsheet holds besides values', () => {
  it('a formula is refused naming its cell; an apostrophe marks text', () => {
    const r = rows();
    r[1]![col('mainName')] = '=HYPERLINK("http://x","居民身份证换领")';
    expect(rowsToItems(r, ctx).problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        row: 2,
        column: 'B',
        message: expect.stringContaining('the cell holds the formula "=HYPERLINK('),
      }),
    ]);
    r[1]![col('mainName')] = "'=不是公式";
    expect(rowsToItems(r, ctx).items[0]!.mainName).toBe('=不是公式');
  });
  it('an error value (#N/A) is refused naming its cell', () => {
    const r = rows();
    r[1]![col('implementingUnit')] = '#N/A';
    expect(rowsToItems(r, ctx).problems[0]).toMatchObject({
      column: 'F',
      message: 'the cell shows the error value #N/A, not a value',
    });
  });
  it('merged cells read their first cell’s value in each, with one warning per range', () => {
    const r = rows();
    const second = [...r[1]!];
    second[col('itemCode')] = '000173001003';
    second[col('implementingUnit')] = '';
    const result = rowsToItems([...r, second], { ...ctx, merges: ['F2:F3'] });
    expect(result.items.map((i) => i.implementingUnit)).toEqual([
      '哈尔滨市公安局道里分局',
      '哈尔滨市公安局道里分局',
    ]);
    expect(result.problems).toEqual([
      expect.objectContaining({ rule: 'file.merged', severity: 'warning', row: 2, column: 'F' }),
    ]);
  });
  it('every problem of a row in one run: a malformed field does not hide the cross-field rules', () => {
    const r = rows();
    r[1]![col('itemType')] = '行政审批';
    r[1]![col('promisedDays')] = 90;
    r[1]![col('materials')] = '身份证｜主要｜容缺';
    const messages = rowsToItems(r, ctx).problems.map((p) => p.message);
    expect(messages).toEqual([
      expect.stringContaining('事项类型 "行政审批" is not known'),
      expect.stringContaining('exceeds the legal time limit'),
      expect.stringContaining('cannot be tolerable'),
    ]);
  });
});

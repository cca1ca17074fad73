import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TongbanError } from '../errors/index.js';
import {
  CASE_KINDS,
  ITEM_TYPES,
  LEVELS,
  MODES,
  ServiceItem,
  type ServiceItemInput,
  SPECIAL_PROCEDURES,
} from './service-item.js';
import {
  columnLetter,
  describeTabularProblem,
  itemsToRows,
  rowsToItems,
  TABULAR_COLUMNS,
  TabularImportError,
} from './tabular.js';
import { validateCatalogue } from './validate.js';

const ctx = { file: '事项清单.xlsx', sheet: '事项清单' };

const idCard: ServiceItemInput = {
  mainName: '居民身份证换领',
  subName: '有效期满换领',
  itemType: 'public-service',
  itemCode: '000173001000',
  legalBasis: ['《中华人民共和国居民身份证法》第十一条', '《居民身份证工本费收费标准》'],
  materials: [
    { name: '居民身份证', kind: 'key', original: true, eLicence: '居民身份证' },
    { name: '户口簿', kind: 'key', original: true, copies: 1, basis: '《居民身份证法》第八条' },
    { name: '近期免冠照片', kind: 'secondary', tolerable: true, note: '可现场采集: 数码相片' },
  ],
  process: ['申请', '受理', '审核', '制证', '发证'],
  fees: [{ name: '工本费', amount: 20, basis: '发改价格〔2005〕436号' }],
  promisedDays: 15,
  forms: [{ name: '居民身份证申领登记表', url: 'https://example.gov.cn/f/1.pdf' }],
  audience: ['person'],
  legalDays: 60,
  conditions: '居民身份证有效期满前三个月内\n或已过期',
  contact: { phone: '0451-12345', place: '省政务服务中心一楼公安窗口' },
  level: 'county',
  implementingUnit: '某县公安局',
  windowCategory: '公安服务',
  caseKind: 'promised',
  modes: ['window', 'proxyLocal'],
  transferDays: 2,
  specialProcedures: [{ kind: 'inspection', maxDays: 5, note: '指纹: 复核' }],
  appointmentCapacity: 20,
  bundles: ['户籍身份一件事'],
  maxVisits: 1,
};

describe('tabular catalogue: itemsToRows and rowsToItems', () => {
  it('writes a header row of the template’s Chinese headers (with units), one row per item', () => {
    const rows = itemsToRows([ServiceItem.parse(idCard)]);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain('事项编码');
    expect(rows[0]).toContain('申报材料');
    expect(rows[0]).toContain('承诺时限（工作日）');
    const cell = (key: string) => rows[1]![TABULAR_COLUMNS.findIndex((c) => c.key === key)];
    expect(cell('materials')).toBe(
      '居民身份证｜主要｜原件｜电子证照:居民身份证\n户口簿｜主要｜原件｜复印1｜依据:《居民身份证法》第八条\n近期免冠照片｜次要｜容缺｜备注:可现场采集: 数码相片',
    );
    expect(cell('fees')).toBe('工本费:20:发改价格〔2005〕436号');
    expect(cell('itemType')).toBe('公共服务');
    expect(cell('modes')).toBe('窗口办\n异地代收-属地办理');
    expect(cell('promisedDays')).toBe(15);
    expect(cell('specialProcedures')).toBe('检验检测:5:指纹: 复核');
  });

  it('reads back exactly the same item', () => {
    const item = ServiceItem.parse(idCard);
    const back = rowsToItems(itemsToRows([item]), ctx);
    expect(back.problems).toEqual([]);
    expect(back.items).toEqual([item]);
    expect(back.rows).toEqual([2]);
  });

  it('accepts headers given as the Chinese term, the English key, or an alias; and Chinese or code enums', () => {
    const rows = [
      [
        '事项编码',
        'mainName',
        '事项类型',
        '层级',
        '实施主体',
        '窗口分类',
        '办件类型',
        '办理模式',
        '服务对象',
        '法定时限',
        '承诺时限',
        '设定依据',
        '申请材料',
        '办理流程',
        '收费情况',
      ],
      [
        '11230100MB00001',
        '食品经营许可',
        '许可',
        '市级',
        '某市市场监管局',
        '市场准入',
        'promised',
        '全程网办、窗口办',
        '法人',
        '20',
        '10',
        '《食品安全法》第三十五条',
        '营业执照｜主要|电子证照：营业执照',
        '申请\n受理\n审查\n决定',
        '不收费',
      ],
    ];
    const r = rowsToItems(rows, ctx);
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
    // the absent optional columns are said once each (no 子项名称, no 表单)
    expect(r.problems.map((p) => [p.rule, p.header])).toEqual([
      ['tabular.defaultColumn', '子项名称'],
      ['tabular.defaultColumn', '表单内容'],
    ]);
    expect(r.items[0]).toMatchObject({
      itemType: 'licensing',
      level: 'city',
      caseKind: 'promised',
      modes: ['online', 'window'],
      audience: ['organisation'],
      materials: [{ name: '营业执照', kind: 'key', eLicence: '营业执照', tolerable: false, copies: 0 }],
      fees: [],
    });
  });

  it('property: itemsToRows then rowsToItems gives the same ServiceItems (lossless round trip)', () => {
    fc.assert(
      fc.property(fc.array(arbitraryItem, { minLength: 1, maxLength: 4 }), (inputs) => {
        const items = inputs.map((i) => ServiceItem.parse(i));
        const back = rowsToItems(itemsToRows(items), ctx);
        expect(back.problems).toEqual([]);
        expect(back.items).toEqual(items);
      }),
      { numRuns: 100 },
    );
  });

  it('refuses to write a value the grammar could not read back', () => {
    const bad = ServiceItem.parse({ ...idCard, materials: [{ name: '身份证|复印件' }] });
    expect(() => itemsToRows([bad])).toThrow(TongbanError);
    const badFee = ServiceItem.parse({ ...idCard, fees: [{ name: '工本费:加急', amount: 40 }] });
    expect(() => itemsToRows([badFee])).toThrow(/separator/);
  });

  it('reads cells as exceljs gives them (rich text, formula results, numbers)', () => {
    const rows = itemsToRows([ServiceItem.parse(idCard)]) as unknown[][];
    const row = [...rows[1]!];
    const nameCol = TABULAR_COLUMNS.findIndex((c) => c.key === 'mainName');
    const daysCol = TABULAR_COLUMNS.findIndex((c) => c.key === 'legalDays');
    row[nameCol] = { richText: [{ text: '居民身份证' }, { text: '换领' }] };
    row[daysCol] = { formula: '30*2', result: 60 };
    const r = rowsToItems([rows[0]!, row], ctx);
    expect(r.problems).toEqual([]);
    expect(r.items[0]!.mainName).toBe('居民身份证换领');
    expect(r.items[0]!.legalDays).toBe(60);
  });
});

/** The rows of one item with some cells replaced by key. */
function rowsWith(changes: Record<string, unknown>, header?: (h: string) => string): unknown[][] {
  const rows = itemsToRows([ServiceItem.parse(idCard)]) as unknown[][];
  const row = [...rows[1]!];
  for (const [key, v] of Object.entries(changes)) row[TABULAR_COLUMNS.findIndex((c) => c.key === key)] = v;
  return [header ? rows[0]!.map((h) => header(String(h))) : rows[0]!, row];
}
const letterOf = (key: string) => columnLetter(TABULAR_COLUMNS.findIndex((c) => c.key === key));

describe('tabular catalogue: problems name file, sheet, row, column, reason and mend', () => {
  it('unknown headers are ignored with a warning; a missing required column is an error', () => {
    const rows = rowsWith({}, (h) => (h.startsWith('实施主体') ? '承办机构' : h));
    rows[0]!.push('备用列');
    const r = rowsToItems(rows, ctx);
    expect(r.items).toEqual([]);
    const unknown = r.problems.filter((p) => p.rule === 'tabular.unknownHeader');
    expect(unknown.map((p) => [p.severity, p.row, p.column, p.header])).toEqual([
      ['warning', 1, letterOf('implementingUnit'), '承办机构'],
      ['warning', 1, columnLetter(TABULAR_COLUMNS.length), '备用列'],
    ]);
    const missing = r.problems.find((p) => p.rule === 'tabular.missingHeader');
    expect(missing).toMatchObject({
      severity: 'error',
      file: '事项清单.xlsx',
      sheet: '事项清单',
      row: 1,
      header: '实施主体',
    });
    expect(missing!.hint).toContain('"实施主体" (or 实施机构');
  });

  it('an empty sheet has no header row', () => {
    expect(rowsToItems([], ctx).problems[0]).toMatchObject({ rule: 'tabular.noHeader', row: 1 });
  });

  it('full-width digits in numeric cells and codes are normalised with a warning', () => {
    const r = rowsToItems(
      rowsWith({ promisedDays: '１５', legalDays: '60个工作日', itemCode: '０００１７３００１０００' }),
      ctx,
    );
    expect(r.items[0]).toMatchObject({ promisedDays: 15, legalDays: 60, itemCode: '000173001000' });
    const warnings = r.problems.filter((p) => p.severity === 'warning');
    expect(warnings.map((p) => p.column).sort()).toEqual(
      [letterOf('itemCode'), letterOf('promisedDays')].sort(),
    );
    expect(warnings[0]!.hint).toMatch(/half-width/);
  });

  it('an item code typed as a number warns about lost leading zeros', () => {
    const r = rowsToItems(rowsWith({ itemCode: 173001000 }), ctx);
    expect(r.problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        column: letterOf('itemCode'),
        message: expect.stringMatching(/leading zeros/),
      }),
    ]);
  });

  it('a bad cell is an error at its row and column, with the line inside the cell', () => {
    const r = rowsToItems(
      rowsWith({ materials: '居民身份证｜主要\n户口簿｜重要｜原件', legalDays: '六十', itemType: '许可证' }),
      ctx,
    );
    expect(r.items).toEqual([]);
    const by = (key: string) => r.problems.find((p) => p.column === letterOf(key))!;
    expect(by('materials')).toMatchObject({ row: 2, line: 2, severity: 'error', itemCode: '000173001000' });
    expect(by('materials').message).toContain('unknown mark "重要"');
    expect(by('materials').hint).toContain('复印N');
    expect(by('legalDays').message).toContain('"六十" is not a whole number');
    expect(by('itemType').hint).toContain('行政许可 (licensing)');
    expect(describeTabularProblem(by('legalDays'))).toBe(
      `error: 事项清单.xlsx 事项清单!${letterOf('legalDays')}2 (法定时限（工作日）): 法定时限 "六十" is not a whole number — write only the number, e.g. 20 (working days)`,
    );
  });

  it('schema rules come back at the row and column of the field (seed 004 6.5, seed 000 4.3)', () => {
    const r = rowsToItems(
      rowsWith({ promisedDays: 90, materials: '居民身份证｜主要｜原件\n户口簿｜主要｜容缺', mainName: '' }),
      ctx,
    );
    const by = (key: string) => r.problems.find((p) => p.column === letterOf(key));
    expect(by('mainName')).toMatchObject({ row: 2, message: '主项名称 is empty' });
    // the item-level rules of the schema run once the fields are well-formed
    const r2 = rowsToItems(
      rowsWith({ promisedDays: 90, materials: '居民身份证｜主要｜原件\n户口簿｜主要｜容缺' }),
      ctx,
    );
    const promised = r2.problems.find((p) => p.column === letterOf('promisedDays'));
    expect(promised?.message).toMatch(/exceeds the legal time limit/);
    const tolerable = r2.problems.find((p) => p.column === letterOf('materials'));
    expect(tolerable).toMatchObject({ line: 2, path: 'materials[1].tolerable', clause: 'seed 004 6.5' });
  });

  it('fees accept full-width colons and a 元 suffix; 不收费 is free', () => {
    const r = rowsToItems(rowsWith({ fees: '工本费：20元：发改价格〔2005〕436号\n加急费:0.5' }), ctx);
    expect(r.items[0]!.fees).toEqual([
      { name: '工本费', amount: 20, basis: '发改价格〔2005〕436号' },
      { name: '加急费', amount: 0.5 },
    ]);
    expect(rowsToItems(rowsWith({ fees: '不收费' }), ctx).items[0]!.fees).toEqual([]);
    const bad = rowsToItems(rowsWith({ fees: '工本费' }), ctx);
    expect(bad.problems[0]).toMatchObject({
      column: letterOf('fees'),
      line: 1,
      message: expect.stringMatching(/no amount/),
    });
  });

  it('two rows of the same item (code, level, unit) are an error naming both rows (seed 004 3.10)', () => {
    const rows = itemsToRows([ServiceItem.parse(idCard), ServiceItem.parse(idCard)]);
    rows.splice(
      2,
      0,
      rows[0]!.map(() => ''),
    ); // a blank row between them is skipped
    const r = rowsToItems(rows, ctx);
    expect(r.rows).toEqual([2]);
    const dup = r.problems.filter((p) => p.rule === 'catalogue.duplicateKey');
    expect(dup).toEqual([
      expect.objectContaining({
        severity: 'error',
        row: 4,
        column: 'A',
        header: '事项编码',
        message: 'rows 2 and 4 are the same item: 事项编码 000173001000, 层级 县级, 实施主体 某县公安局',
      }),
    ]);
  });

  it('locate() places a whole-catalogue problem on its row and column', () => {
    const r = rowsToItems(itemsToRows([ServiceItem.parse(idCard)]), ctx);
    const w = validateCatalogue(r.items).warnings.find((p) => p.path.startsWith('materials['))!;
    expect(r.locate(w)).toMatchObject({ row: 2, column: letterOf('materials'), header: '申报材料' });
  });

  it('TabularImportError carries every problem and names the first', () => {
    const r = rowsToItems(rowsWith({ legalDays: 'x', promisedDays: 'y' }), ctx);
    const e = new TabularImportError(r.problems);
    expect(e.problems).toHaveLength(2);
    expect(e.where).toMatchObject({ file: '事项清单.xlsx', row: 2 });
    expect(e.message).toMatch(/^2 error\(s\)/);
  });

  it('column letters follow Excel', () => {
    expect([0, 25, 26, 27, 51, 52, 701, 702].map(columnLetter)).toEqual([
      'A',
      'Z',
      'AA',
      'AB',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
    ]);
  });
});

// ---- an arbitrary valid ServiceItem whose text the grammar can carry ----
const chars = fc.constantFrom(...'政务服务事项申请材料证明表格ABCxyz0123456789 .-（）《》、，'.split(''));
const word = fc
  .string({ unit: chars, minLength: 1, maxLength: 12 })
  .map((s) => s.trim())
  .filter((s) => s !== '');
/** A name of a list's only entry must not read as "none" (无, -). */
const listName = word.filter((w) => !/^[-/]+$/.test(w));
const wordWithColon = fc
  .tuple(word, fc.option(word, { nil: undefined }))
  .map(([a, b]) => (b ? `${a}:${b}` : a));
const uniqueWords = (min: number, max: number) => fc.uniqueArray(word, { minLength: min, maxLength: max });
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });

const material = fc.record(
  {
    kind: fc.constantFrom('key' as const, 'secondary' as const),
    tolerable: fc.boolean(),
    eLicence: opt(word),
    original: fc.boolean(),
    copies: fc.integer({ min: 0, max: 99 }),
    basis: opt(wordWithColon),
    issuer: opt(wordWithColon),
    note: opt(wordWithColon),
  },
  { requiredKeys: ['kind', 'tolerable', 'original', 'copies'] },
);

const arbitraryItem: fc.Arbitrary<ServiceItemInput> = fc
  .record({
    mainName: word,
    subName: fc.oneof(fc.constant(''), word),
    itemType: fc.constantFrom(...ITEM_TYPES),
    itemCode: fc.stringMatching(/^[0-9A-Z][0-9A-Za-z_-]{3,20}$/),
    legalBasis: uniqueWords(1, 3),
    materialNames: fc.uniqueArray(listName, { minLength: 0, maxLength: 4 }),
    materials: fc.array(material, { minLength: 4, maxLength: 4 }),
    process: fc.array(word, { minLength: 1, maxLength: 4 }),
    fees: fc.array(
      fc.oneof(
        fc.record(
          {
            name: word,
            amount: fc.integer({ min: 0, max: 100_000 }).map((f) => f / 100),
            basis: opt(wordWithColon),
          },
          { requiredKeys: ['name', 'amount'] },
        ),
        // a standard in words (按面积收取：xx元/平方米)
        fc.record(
          { name: word, standard: word.map((w) => `按${w}xx元/平方米`), basis: opt(wordWithColon) },
          { requiredKeys: ['name', 'standard'] },
        ),
      ),
      { maxLength: 2 },
    ),
    legalDays: fc.integer({ min: 0, max: 90 }),
    promisedRatio: fc.double({ min: 0, max: 1, noNaN: true }),
    forms: fc.array(fc.record({ name: listName, url: opt(word) }, { requiredKeys: ['name'] }), {
      maxLength: 2,
    }),
    audience: fc.subarray(['person', 'organisation'] as const, { minLength: 1 }),
    conditions: opt(fc.array(word, { minLength: 1, maxLength: 3 }).map((l) => l.join('\n'))),
    contact: fc.record(
      { phone: opt(word), complaintPhone: opt(word), place: opt(word), hours: opt(word) },
      { requiredKeys: [] },
    ),
    level: fc.constantFrom(...LEVELS),
    implementingUnit: word,
    windowCategory: word,
    caseKind: fc.constantFrom(...CASE_KINDS),
    jointUnits: uniqueWords(2, 3),
    modes: fc.shuffledSubarray([...MODES], { minLength: 1 }),
    transferDays: fc.integer({ min: 0, max: 10 }),
    specialProcedures: fc.array(
      fc.record(
        {
          kind: fc.constantFrom(...SPECIAL_PROCEDURES),
          maxDays: opt(fc.integer({ min: 1, max: 60 })),
          note: opt(wordWithColon),
        },
        { requiredKeys: ['kind'] },
      ),
      { maxLength: 2 },
    ),
    intermediaryServices: fc.array(fc.record({ name: word, maxDays: fc.integer({ min: 1, max: 30 }) }), {
      maxLength: 2,
    }),
    appointmentCapacity: opt(fc.integer({ min: 1, max: 500 })),
    bundles: uniqueWords(0, 2),
    maxVisits: fc.integer({ min: 0, max: 9 }),
    revisedOn: opt(
      fc
        .date({ min: new Date('1990-01-01'), max: new Date('2100-12-31'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10)),
    ),
  })
  .map(({ materialNames, materials, promisedRatio, jointUnits, transferDays, ...r }) => {
    const promisedDays = r.caseKind === 'immediate' ? 0 : Math.floor(r.legalDays * promisedRatio);
    const proxy = r.modes.some((m) => m === 'proxyLocal' || m === 'proxyRemote');
    return {
      ...r,
      promisedDays,
      materials: materialNames.map((name, i) => {
        const m = materials[i]!;
        return { ...m, name, tolerable: m.kind === 'secondary' && m.tolerable };
      }),
      jointUnits: r.caseKind === 'joint' ? jointUnits : [],
      ...(proxy ? { transferDays } : {}),
    };
  });

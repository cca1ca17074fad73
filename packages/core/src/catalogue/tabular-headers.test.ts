import { describe, expect, it } from 'vitest';
import { ServiceItem, type ServiceItemInput } from './service-item.js';
import { itemsToRows, readTableRows, rowsToItems, TABULAR_COLUMNS } from './tabular.js';
import { levelOfUnit } from './tabular-defaults.js';
import { HEADERS, isOwnUseHeader, matchHeader, normaliseHeader, templateHeader } from './tabular-headers.js';

const ctx = { file: '实施清单.xlsx', sheet: 'Sheet1' };

const item: ServiceItemInput = {
  mainName: '食品经营许可',
  subName: '新办',
  itemType: 'licensing',
  itemCode: '11230100MB0000101',
  legalBasis: ['《中华人民共和国食品安全法》第三十五条'],
  materials: [{ name: '食品经营许可申请书', original: true }],
  process: ['申请', '受理', '审查', '决定'],
  fees: [],
  promisedDays: 10,
  forms: [{ name: '食品经营许可申请书' }],
  audience: ['organisation'],
  legalDays: 20,
  level: 'city',
  implementingUnit: '哈尔滨市市场监督管理局',
  windowCategory: '市场准入',
  caseKind: 'promised',
  modes: ['window'],
  contact: { phone: '0451-12345' },
};
const parsed = ServiceItem.parse(item);
const template = () => itemsToRows([parsed]) as (string | number)[][];
const indexOf = (key: string) => TABULAR_COLUMNS.findIndex((c) => c.key === key);

describe('headers of real lists (tabular-headers.ts): every alias names its field', () => {
  for (const spec of HEADERS) {
    const names = [spec.zh, ...spec.aliases, ...(spec.fallbacks ?? [])];
    it(`${spec.key}: ${names.join(' / ')}`, () => {
      for (const name of names) {
        expect(matchHeader(name)?.spec.key, name).toBe(spec.key);
        // as people type it: a line break, a unit or a required mark, full-width spaces
        const variants = [
          `${name.slice(0, 2)}\n${name.slice(2)}`,
          `*${name}`,
          `${name}（必填）`,
          ` ${name}\u3000`,
          spec.days ? `${name}（工作日）` : `${name}(注)`,
        ];
        for (const v of variants) expect(matchHeader(v)?.spec.key, JSON.stringify(v)).toBe(spec.key);
        expect(matchHeader(name)?.fallback ?? false, name).toBe(spec.fallbacks?.includes(name) ?? false);
      }
      // The template's own header, and the layout's older `中文 englishKey` form.
      expect(matchHeader(templateHeader(spec))?.spec.key).toBe(spec.key);
      expect(matchHeader(`${spec.zh} ${spec.key}`)?.spec.key).toBe(spec.key);
    });
    if (indexOf(spec.key) < 0) continue;
    it(`${spec.key}: a file headed with any of its names reads the same item`, () => {
      for (const name of names) {
        const rows = template();
        rows[0]![indexOf(spec.key)] = name;
        const r = rowsToItems(rows, ctx);
        expect(r.problems, name).toEqual([]);
        expect(r.items, name).toEqual([parsed]);
      }
    });
  }

  it('no header names two fields (the table is built with a check)', () => {
    const seen = new Map<string, string>();
    for (const spec of HEADERS)
      for (const n of [spec.zh, ...spec.aliases, ...(spec.fallbacks ?? [])]) {
        const name = normaliseHeader(n).name;
        expect(seen.get(name) ?? spec.key, n).toBe(spec.key);
        seen.set(name, spec.key);
      }
  });

  it('序号 and the like are the list’s own columns; an unknown header is no field', () => {
    expect(isOwnUseHeader('序号')).toBe(true);
    expect(matchHeader('序号')).toBeUndefined();
    expect(matchHeader('备注')).toBeUndefined();
    expect(matchHeader('编码')).toBeUndefined();
  });

  it('a unit in brackets is kept for --explain; the days unit is checked', () => {
    expect(matchHeader('承诺办结时限\n（工作日）')).toMatchObject({ unit: '工作日' });
    const rows = template();
    rows[0]![indexOf('legalDays')] = '法定办结时限（自然日）';
    const r = rowsToItems(rows, ctx);
    expect(r.problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        rule: 'tabular.headerUnit',
        header: '法定办结时限（自然日）',
        message: expect.stringContaining('counts in 自然日'),
      }),
    ]);
  });
});

describe('the header row of an administrator’s list', () => {
  it('comes after title rows, which are skipped', () => {
    const rows = template();
    const r = rowsToItems(
      [
        ['哈尔滨市市场监督管理局政务服务事项实施清单（2025年版）'],
        ['填报单位：哈尔滨市市场监督管理局'],
        [],
        ...rows,
      ],
      ctx,
    );
    expect(r.problems).toEqual([]);
    expect(r.items).toEqual([parsed]);
    expect(r.rows).toEqual([5]);
    expect(r.explain).toMatchObject({ titleRows: [1, 2], headerRows: [4], itemRows: 1 });
  });

  it('may span two rows: 办理时限 over 法定 | 承诺, the other headers merged down', () => {
    const rows = template();
    const upper = rows[0]!.map((h, i) =>
      i === indexOf('legalDays') || i === indexOf('promisedDays') ? '办理时限' : h,
    );
    const lower = rows[0]!.map((h, i) =>
      i === indexOf('legalDays') ? '法定' : i === indexOf('promisedDays') ? '承诺' : h,
    );
    const r = rowsToItems([upper, lower, rows[1]!], ctx);
    expect(r.problems).toEqual([]);
    expect(r.items).toEqual([parsed]);
    expect(r.explain.headerRows).toEqual([1, 2]);
    expect(r.explain.columns[indexOf('legalDays')]).toMatchObject({
      header: '办理时限/法定',
      key: 'legalDays',
    });
  });

  it('explains every column: field, the list’s own, unknown (warned once), superseded fallback', () => {
    const rows = template();
    const header = ['序号', '实施编码', ...rows[0]!, '备注'];
    const row = [1, 'X-0001', ...rows[1]!, '无'];
    const r = readTableRows([header, row], ctx);
    const cols = r.explain.columns;
    expect(cols[0]).toMatchObject({ column: 'A', header: '序号', ignored: 'ownUse' });
    expect(cols[1]).toMatchObject({
      column: 'B',
      header: '实施编码',
      key: 'itemCode',
      ignored: 'superseded',
      by: 'C',
    });
    expect(cols[2]).toMatchObject({ column: 'C', header: '事项编码', key: 'itemCode' });
    expect(cols.at(-1)).toMatchObject({ header: '备注', ignored: 'unknown' });
    expect(r.tableProblems.map((p) => [p.severity, p.rule, p.header])).toEqual([
      ['warning', 'tabular.unknownHeader', '备注'],
    ]);
    expect(r.rows[0]!.input['itemCode']).toBe('11230100MB0000101');
  });

  it('a fallback header is read when the primary one is absent (实施编码 for 事项编码)', () => {
    const rows = template();
    rows[0]![indexOf('itemCode')] = '实施编码';
    expect(rowsToItems(rows, ctx).items).toEqual([parsed]);
  });

  it('设定依据 and 实施依据 together are both read, joined', () => {
    const rows = template();
    rows[0]!.push('设定依据');
    rows[1]!.push('《食品经营许可和备案管理办法》');
    const r = rowsToItems(rows, ctx);
    expect(r.items[0]!.legalBasis).toEqual([
      '《中华人民共和国食品安全法》第三十五条',
      '《食品经营许可和备案管理办法》',
    ]);
  });

  it('the same header twice is an error', () => {
    const rows = template();
    rows[0]!.push('事项名称', '主项名称');
    rows[1]!.push('x', 'y');
    const r = rowsToItems(rows, ctx);
    expect(r.problems.filter((p) => p.severity === 'error').map((p) => p.message)).toEqual([
      'column "主项名称" repeats B (主项名称)',
    ]);
  });
});

describe('optional columns take a default, said once per file (tabular-defaults.ts)', () => {
  const without = (...keys: string[]) => {
    const rows = template();
    const drop = new Set(keys.map(indexOf));
    return rows.map((r) => r.filter((_, i) => !drop.has(i)));
  };

  it('a list without 层级, 服务对象, 办件类型, 办理模式, 窗口分类, 子项名称, 表单 imports, each default warned once', () => {
    const rows = without('level', 'audience', 'caseKind', 'modes', 'windowCategory', 'subName', 'forms');
    const second = [...rows[1]!];
    second[0] = '11230100MB0000102';
    second[rows[0]!.indexOf('实施主体')] = '哈尔滨市道里区市场监督管理局';
    second[rows[0]!.indexOf('承诺时限（工作日）')] = '即办';
    const r = rowsToItems([...rows, second], ctx);
    expect(r.problems.every((p) => p.severity === 'warning' && p.rule === 'tabular.defaultColumn')).toBe(
      true,
    );
    expect(r.problems.map((p) => p.header)).toEqual([
      '子项名称',
      '层级',
      '综合窗口分类',
      '办件类型',
      '办理模式',
      '服务对象',
      '表单内容',
    ]);
    expect(
      r.items.map((i) => [i.level, i.caseKind, i.modes, i.audience, i.windowCategory, i.subName]),
    ).toEqual([
      ['city', 'promised', ['window'], ['person', 'organisation'], '综合窗口', ''],
      ['county', 'immediate', ['window'], ['person', 'organisation'], '综合窗口', ''],
    ]);
  });

  it('empty cells of such a column take the default too, warned once for the column', () => {
    const rows = template();
    const more = [2, 3, 4].map((n) => {
      const r = [...rows[1]!];
      r[indexOf('itemCode')] = `11230100MB000010${n}`;
      r[indexOf('caseKind')] = '';
      return r;
    });
    const r = rowsToItems([...rows, ...more], ctx);
    expect(r.problems).toEqual([
      expect.objectContaining({
        rule: 'tabular.defaultCell',
        row: 3,
        column: 'H',
        message: expect.stringContaining('办件类型 is empty in rows 3, 4, 5'),
      }),
    ]);
    expect(r.items.map((i) => i.caseKind)).toEqual(['promised', 'promised', 'promised', 'promised']);
  });

  it('a level the unit’s name does not tell is an error on that row', () => {
    const rows = without('level');
    rows[1]![rows[0]!.indexOf('实施主体')] = '公安局';
    const r = rowsToItems(rows, ctx);
    expect(r.problems.find((p) => p.severity === 'error')).toMatchObject({
      row: 2,
      header: '实施主体',
      message: '层级 cannot be told from the 实施主体 "公安局"',
    });
  });

  it('levelOfUnit reads the most local division of a unit’s name', () => {
    const cases: [string, string | undefined][] = [
      ['黑龙江省公安厅', 'province'],
      ['黑龙江省市场监督管理局', 'province'],
      ['哈尔滨市市场监督管理局', 'city'],
      ['哈尔滨市住房和城乡建设局', 'city'],
      ['哈尔滨市农业农村局', 'city'],
      ['哈尔滨市道里区民政局', 'county'],
      ['哈尔滨市公安局道里分局', 'county'],
      ['宾县人力资源和社会保障局', 'county'],
      ['道里区新阳路街道办事处', 'township'],
      ['宾县宾州镇人民政府', 'township'],
      ['新阳路街道友谊社区居民委员会', 'village'],
      ['宾州镇永和村村民委员会', 'village'],
      ['大兴安岭地区行政公署', 'city'],
      ['内蒙古自治区公安厅', 'province'],
      ['国家税务总局', undefined],
    ];
    expect(cases.map(([u]) => levelOfUnit(u))).toEqual(cases.map(([, l]) => l));
  });
});

/**
 * Catalogue spreadsheets as administrators keep them (fixtures/catalogue/admin-files, made by
 * fixtures/src/admin-files/build.ts): each is imported or refused by the real `tongban items import` as a person
 * would expect, and the store is byte-for-byte unchanged after every refusal.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ServiceItem } from '@tongban/core/catalogue';
import { TABULAR_COLUMNS } from '@tongban/core/catalogue';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { RECORDS } from '../../../../../fixtures/src/admin-files/records.js';
import { generateCatalogue } from '../../../../../fixtures/src/synthetic-catalogue.js';
import { ensureBuilt, repoRoot, snapshot, tempDir, tongban, tongbanJson } from '../../test-support/cli.js';
import { ImportResult, PublishResult, VersionsResult } from '../../test-support/schemas.js';

const dir = join(repoRoot, 'fixtures', 'catalogue', 'admin-files');
type P = { severity: string; rule: string; message: string; row?: number; column?: string };
/** [rule, part of the message, `row column` as the problem names its cell ('' when it names none)] */
type Expect = [rule: string, message: string, at?: string];

interface Accepted {
  items: number;
  /** Warnings that must be among the problems (others, such as seed 004 6.2 material warnings, may be too). */
  warnings: Expect[];
  check?: (items: ServiceItem[]) => void;
}
interface Refused {
  /** Every error of the file: all of them in one run, none other. */
  errors: Expect[];
}

/** `row letter` of the cell a problem names (the CLI writes the column as `M (承诺办结时限（工作日）)`). */
const at = (p: P) => `${p.row ?? ''} ${/^[A-Z]+(?= |$)/.exec(p.column ?? '')?.[0] ?? ''}`.trim();
const matches = (p: P, [rule, message, where]: Expect) =>
  p.rule === rule && p.message.includes(message) && (where === undefined || at(p) === where);
const byCode = (items: ServiceItem[], code: string) => items.find((i) => i.itemCode === code)!;
const DEFAULTS = {
  window: ['tabular.defaultColumn', 'no 综合窗口分类 column'] as Expect,
  audience: ['tabular.defaultColumn', 'no 服务对象 column'] as Expect,
  forms: ['tabular.defaultColumn', 'no 表单内容 column'] as Expect,
  level: ['tabular.defaultColumn', 'no 层级 column'] as Expect,
};

const ACCEPTED: Record<string, Accepted> = {
  '01-实施清单-道里区.xlsx': {
    items: 6,
    warnings: [DEFAULTS.window, DEFAULTS.audience, DEFAULTS.forms],
    check: (items) => {
      const id = byCode(items, '000173001002');
      expect(id).toMatchObject({
        mainName: '居民身份证换领',
        level: 'county',
        promisedDays: 15,
        legalDays: 60,
      });
      expect(id.fees).toEqual([{ name: '工本费', amount: 20 }]);
      expect(id.materials.map((m) => [m.name, m.original, m.tolerable, m.kind])).toEqual([
        ['居民身份证', true, false, 'key'],
        ['近期免冠照片', false, true, 'secondary'],
      ]);
      expect(byCode(items, '000102003001').process).toEqual(['申请', '受理', '审查', '决定', '送达']);
      expect(byCode(items, '000119001001').materials.map((m) => m.name)).toEqual([
        '本人的居民身份证',
        '本人无配偶以及与对方当事人没有直系血亲和三代以内旁系血亲关系的签字声明',
        '双方近期半身免冠合影照片',
      ]);
    },
  },
  '02-办事指南-GBK.csv': {
    items: 6,
    warnings: [DEFAULTS.level, ['tabular.defaultColumn', 'no 办件类型 column']],
    check: (items) => {
      expect(items.map((i) => i.level)).toEqual(['county', 'county', 'county', 'county', 'county', 'county']);
      expect(byCode(items, '000173001004').caseKind).toBe('immediate');
      expect(byCode(items, '000102002001').audience).toEqual(['person', 'organisation']);
      expect(byCode(items, '000173001002').contact.place).toBe('道里区政务服务中心一楼公安窗口');
    },
  },
  '03-三级十同对照表-UTF8-BOM.csv': {
    items: 10,
    warnings: [['tabular.cell', 'the note "3张" is not understood', '8 F']],
    check: (items) => {
      expect(new Set(items.map((i) => i.level))).toEqual(new Set(['county', 'township', 'city']));
      expect(byCode(items, '000160001001').materials[1]).toMatchObject({ name: '近期免冠照片', note: '3张' });
    },
  },
  '04-两行表头.xlsx': {
    items: 6,
    warnings: [DEFAULTS.level],
    check: (items) => {
      expect(byCode(items, '000173001002')).toMatchObject({ legalDays: 60, promisedDays: 15 });
      expect(byCode(items, '000173001002').fees).toEqual([
        { name: '工本费', amount: 20, basis: '《居民身份证工本费收费标准》' },
      ]);
      expect(byCode(items, '000102003001').fees).toEqual([]);
    },
  },
  '05-实施主体合并单元格.xlsx': {
    items: 6,
    warnings: [
      ['file.merged', 'cells G2:G3 are merged', '2 G'],
      ['file.merged', 'cells G6:G7 are merged', '6 G'],
    ],
    check: (items) => {
      expect(byCode(items, '000173001004').implementingUnit).toBe('哈尔滨市公安局道里分局');
      expect(byCode(items, '000119002001').implementingUnit).toBe('哈尔滨市道里区民政局');
    },
  },
  '06-分类标题和签名行.xlsx': {
    items: 6,
    warnings: [
      ['tabular.noteRow', 'row 2 holds only "一、行政许可（2项）"', '2 B'],
      ['tabular.noteRow', 'row 5 holds only "二、其他事项（4项）"', '5 B'],
      ['tabular.noteRow', 'row 11 holds only "填报人：张敏', '11 B'],
    ],
  },
  '07-材料备注.xlsx': {
    items: 6,
    warnings: [
      [
        'tabular.cell',
        'material "个体工商户登记（备案）申请书": the note "加盖公章" is not understood',
        '5 I',
      ],
    ],
    check: (items) => {
      const food = byCode(items, '000102003001').materials;
      expect(food.map((m) => m.name)).toEqual([
        '食品经营许可申请书',
        '营业执照',
        '法定代表人身份证明',
        '食品安全管理制度',
        '委托书',
      ]);
      expect(food[1]!.eLicence).toBe('营业执照');
      expect(food[2]!.original).toBe(true);
      expect(food[3]!.copies).toBe(2);
      expect(food[4]!.kind).toBe('secondary');
      const shop = byCode(items, '000102002001').materials;
      expect(shop[0]).toMatchObject({ name: '个体工商户登记（备案）申请书', note: '加盖公章' });
      expect(shop[2]).toMatchObject({ name: '经营场所使用证明', tolerable: true, kind: 'secondary' });
    },
  },
  '08-收费写法.csv': {
    items: 7,
    warnings: [],
    check: (items) => {
      expect(byCode(items, '000173001002').fees).toEqual([{ name: '费用', amount: 20 }]);
      expect(byCode(items, '000173001004').fees).toEqual([{ name: '工本费', amount: 10 }]);
      expect(byCode(items, '000102003001').fees).toEqual([{ name: '按面积收取', standard: 'xx元/平方米' }]);
      expect(byCode(items, '000102002001').fees).toEqual([]);
      expect(byCode(items, '000119002001').fees).toEqual([]);
      expect(byCode(items, '000135001001').fees).toEqual([
        { name: '住宅类', amount: 80 },
        { name: '非住宅类', amount: 550 },
      ]);
    },
  },
  '09-时限写法-GBK.csv': {
    items: 6,
    warnings: [
      ['tabular.cell', '承诺时限 "１５" used full-width characters', '2 M'],
      ['tabular.cell', '法定时限 says there is no statutory time limit', '3 L'],
    ],
    check: (items) => {
      expect(items.map((i) => [i.legalDays, i.promisedDays])).toEqual([
        [60, 15],
        [0, 0],
        [10, 5],
        [3, 0],
        [0, 0],
        [30, 25],
      ]);
    },
  },
  '10-更新日期序列号.csv': {
    items: 6,
    warnings: [
      ['tabular.cell', '更新日期 45717 is an Excel date serial number; read as 2025-03-01', '2 R'],
      ['tabular.cell', '更新日期 45352 is an Excel date serial number; read as 2024-03-01', '6 R'],
    ],
    check: (items) => {
      expect(items.map((i) => i.revisedOn)).toEqual([
        '2025-03-01',
        '2025-03-01',
        '2025-03-01',
        '2025-03-01',
        '2024-03-01',
        undefined,
      ]);
    },
  },
  '12-公式有缓存值.xlsx': {
    items: 6,
    warnings: [
      [
        'file.formulaValue',
        'the cell holds the formula =L7-5; the value Excel stored for it, "25", is read',
        '7 M',
      ],
    ],
    check: (items) => expect(byCode(items, '000119002001').promisedDays).toBe(25),
  },
  '21-国家平台导出.xlsx': {
    items: 6,
    warnings: [['tabular.defaultCell', '办件类型 is empty in rows 2, 5', '2 K']],
    check: (items) => {
      const id = byCode(items, '000173001002');
      expect(id.subName).toBe('有效期满换领');
      expect(id.legalBasis).toEqual([
        '《中华人民共和国居民身份证法》第十一条',
        '《居民身份证工本费收费标准》',
        '《黑龙江省优化营商环境条例》第二十条',
      ]);
      expect(id.fees).toEqual([{ name: '工本费', amount: 20, basis: '发改价格〔2005〕436号' }]);
      expect(id.revisedOn).toBe('2025-02-02');
      expect(id.caseKind).toBe('promised');
      expect(byCode(items, '000102002001').caseKind).toBe('immediate');
      expect(items.map((i) => i.maxVisits)).toEqual([0, 1, 0, 1, 0, 1]);
    },
  },
};

const REFUSED: Record<string, Refused> = {
  '11-超链接公式.csv': { errors: [['tabular.cell', 'the cell holds the formula "=HYPERLINK(', '4 B']] },
  '13-公式无缓存值.xlsx': {
    errors: [['tabular.cell', 'the cell holds the formula "=L7-5", not a value', '7 M']],
  },
  '14-下载中断.csv': { errors: [['file.truncated', 'the file is cut off (truncated): it ends at byte', '']] },
  '15-拷贝中断-GBK.csv': {
    errors: [['file.truncated', 'the file is cut off (truncated): its last record (record 7) stops', '']],
  },
  '16-邮件附件截断.xlsx': { errors: [['file.truncated', 'the file is cut off (truncated)', '']] },
  '17-重复行.xlsx': {
    errors: [
      ['catalogue.duplicateKey', 'rows 4 and 8 are the same item: 事项编码 000102003001, 层级 县级', '8 D'],
    ],
  },
  '18-多处错误.csv': {
    errors: [
      ['tabular.cell', '事项类型 "行政审批" is not known', '2 E'],
      ['schema.custom', 'promised time limit (90) exceeds the legal time limit (60)', '2 M'],
      ['tabular.cell', '事项编码 is empty', '4 D'],
      ['tabular.cell', '法定时限 "六十天" is not a whole number', '4 L'],
      ['tabular.cell', '办件类型 "急件" is not known', '7 N'],
    ],
  },
  '19-缺承诺时限.csv': {
    errors: [
      ['tabular.missingHeader', 'required column "法定时限" is missing', '1'],
      ['tabular.missingHeader', 'required column "承诺时限" is missing', '1'],
    ],
  },
  '20-自然日.xlsx': {
    errors: [['tabular.headerUnit', 'counts in 自然日; time limits are whole working days', '1 L']],
  },
  '22-VLOOKUP失败.csv': { errors: [['tabular.cell', 'the cell shows the error value #N/A', '6 G']] },
  '23-七类窗口.xlsx': {
    errors: [['catalogue.tooManyWindowCategories', '7 window categories, more than 6', '8 N']],
  },
};

let data = '';
let before: Record<string, string> = {};
beforeAll(async () => {
  await ensureBuilt();
  // A store with a published version and a draft, so that "unchanged" means something.
  data = tempDir();
  const good = join(tempDir(), 'good.json');
  writeFileSync(good, JSON.stringify(generateCatalogue(8, 3)));
  expect((await tongban(['items', 'import', good], { data })).code).toBe(0);
  expect((await tongban(['items', 'publish', '-m', 'base', '--by', 'test'], { data })).code).toBe(0);
  expect((await tongban(['items', 'import', good], { data })).code).toBe(0);
  before = snapshot(data);
}, 300_000);

async function draftItems(store: string): Promise<ServiceItem[]> {
  const out = join(tempDir(), 'draft.json');
  expect((await tongban(['items', 'export', '--version', 'draft', '--out', out], { data: store })).code).toBe(
    0,
  );
  return (JSON.parse(readFileSync(out, 'utf8')) as { items: ServiceItem[] }).items;
}

describe('administrators’ files (fixtures/catalogue/admin-files) through the real `tongban items import`', () => {
  it('there are at least 20, each with its expected outcome here', () => {
    const files = readFileSync(join(dir, 'README.md'), 'utf8')
      .match(/^\| `[^`]+`/gm)!
      .map((l) => l.slice(3, -1));
    expect(files.length).toBeGreaterThanOrEqual(20);
    expect(files.sort()).toEqual([...Object.keys(ACCEPTED), ...Object.keys(REFUSED)].sort());
  });

  for (const [name, e] of Object.entries(ACCEPTED)) {
    it(`${name}: imports ${e.items} items${e.warnings.length ? `, warning ${e.warnings.map((w) => w[0]).join(', ')}` : ''}`, async () => {
      const store = tempDir();
      const run = await tongbanJson(['items', 'import', join(dir, name)], { data: store });
      const r = ImportResult.parse(run.json);
      expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
      expect(run.code).toBe(0);
      expect(r).toMatchObject({ valid: true, written: true, items: e.items });
      for (const w of e.warnings)
        expect(
          r.problems.some((p) => p.severity === 'warning' && matches(p, w)),
          `${w.join(' ')} in ${JSON.stringify(r.problems.map((p) => [p.rule, at(p), p.message]))}`,
        ).toBe(true);
      const items = await draftItems(store);
      expect(items).toHaveLength(e.items);
      e.check?.(items);
    });
  }

  for (const [name, e] of Object.entries(REFUSED)) {
    it(`${name}: refused (${e.errors.map((x) => x[0]).join(', ')}), the store unchanged`, async () => {
      const run = await tongbanJson(['items', 'import', join(dir, name)], { data });
      expect(run.code).toBe(2);
      const r = ImportResult.parse(run.json);
      expect(r).toMatchObject({ valid: false, written: false });
      const errors = r.problems.filter((p) => p.severity === 'error');
      expect(errors.map((p) => [p.rule, at(p)])).toEqual(e.errors.map(([rule, , where]) => [rule, where]));
      errors.forEach((p, i) => {
        expect(matches(p, e.errors[i]!), `${p.message} / ${e.errors[i]![1]}`).toBe(true);
      });
      expect(snapshot(data)).toEqual(before);
      // In human mode the same problems go to stderr, and nothing was written.
      const human = await tongban(['items', 'import', join(dir, name)], { data });
      expect(human.code).toBe(2);
      expect(human.stderr).toContain('nothing was written');
      for (const [, message] of e.errors) expect(human.stderr).toContain(message);
      expect(snapshot(data)).toEqual(before);
    });
  }

  it('--explain shows how each column is understood and writes nothing', async () => {
    const run = await tongban(['items', 'import', '--explain', join(dir, '01-实施清单-道里区.xlsx')], {
      data,
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('sheet 实施清单: header in row 3 (title: rows 1-2); 6 item row(s)');
    expect(run.stdout).toMatch(/A\s+序号\s+ignored: the list’s own column/);
    expect(run.stdout).toMatch(/B\s+事项名称\s+主项名称 mainName/);
    expect(run.stdout).toMatch(/D\s+实施编码\s+事项编码 itemCode/);
    expect(run.stdout).toMatch(/M\s+承诺办结时限（工作日）\s+承诺时限 promisedDays\s+工作日/);
    expect(run.stdout).toContain('服务对象 audience: every item is read as serving both 自然人 and 法人');
    expect(run.stdout).toContain('Would import 6 items');
    expect(snapshot(data)).toEqual(before);
    const refused = await tongbanJson(['items', 'import', '--explain', join(dir, '20-自然日.xlsx')], {
      data,
    });
    expect(refused.code).toBe(2);
    expect(ImportResult.parse(refused.json).explain?.columns[11]).toMatchObject({
      key: 'legalDays',
      unit: '自然日',
    });
    expect(snapshot(data)).toEqual(before);
  });

  it('the template filled in as an administrator would imports; times are shown in Beijing', async () => {
    const store = tempDir();
    const file = join(store, '事项清单模板.xlsx');
    const made = await tongban(['items', 'export', '--template', '--out', file], { data: store });
    expect(made.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('事项清单')!;
    RECORDS.slice(0, 6).forEach((rec, i) => {
      TABULAR_COLUMNS.forEach((c, j) => {
        const v = rec[c.key];
        if (v !== undefined && v !== '') ws.getCell(i + 2, j + 1).value = v;
      });
    });
    await wb.xlsx.writeFile(file);
    const run = await tongbanJson(['items', 'import', file], { data: store });
    const r = ImportResult.parse(run.json);
    expect(run.code).toBe(0);
    expect(r.items).toBe(6);
    expect(r.problems.filter((p) => !p.rule.startsWith('material.'))).toEqual([]);
    const pub = await tongbanJson(['items', 'publish', '-m', '首次发布', '--by', '张敏'], { data: store });
    const at = PublishResult.parse(pub.json).publishedAt;
    expect(at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/); // --json: ISO-8601 with its offset
    const beijing = new Date(Date.parse(at) + 8 * 3_600_000).toISOString();
    const versions = await tongban(['items', 'versions'], { data: store });
    expect(versions.stdout).toContain(`${beijing.slice(0, 10)} ${beijing.slice(11, 16)}`);
    expect(
      VersionsResult.parse((await tongbanJson(['items', 'versions'], { data: store })).json).versions[0]!
        .publishedAt,
    ).toBe(at);
  });
});

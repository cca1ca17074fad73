import { describe, expect, it } from 'vitest';
import { TongbanError } from '../errors/tongban-error.js';
import { describeProblem } from './problems.js';
import { itemInput } from './test-support/items.js';
import { assertValidCatalogue, CatalogueValidationError, validateCatalogue } from './validate.js';

describe('validateCatalogue', () => {
  it('accepts a valid catalogue with defaults applied and no problems', () => {
    const r = validateCatalogue([
      itemInput(),
      itemInput({ level: 'city', implementingUnit: '哈尔滨市公安局' }),
    ]);
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.items).toHaveLength(2);
    expect(r.items[0]!.bundles).toEqual([]);
    expect(r.items[0]!.materials[0]!.copies).toBe(0);
  });

  it('reports every schema issue of every item, naming item, field path and a way to mend it', () => {
    const bad1 = itemInput({
      itemCode: '１１００',
      materials: [{ name: '照片', kind: 'key', tolerable: 'yes' as unknown as boolean }],
      level: 'district' as never,
    });
    const { mainName: _drop, ...bad2 } = itemInput({ itemCode: 'ABCD-9' });
    const r = validateCatalogue([itemInput(), bad1, bad2, 'not an item']);
    expect(r.items).toHaveLength(1);
    const at = (index: number, path: string) => r.errors.find((e) => e.index === index && e.path === path);

    const tolerable = at(1, 'materials[0].tolerable');
    expect(tolerable).toMatchObject({
      itemCode: '１１００',
      name: '居民身份证（换领）',
      rule: 'schema.invalid_type',
    });
    expect(tolerable!.message).toContain('true or false');
    expect(tolerable!.message).toContain('"yes"');

    const level = at(1, 'level');
    expect(level!.hint).toContain('province, city, county, township, village');

    const code = at(1, 'itemCode');
    expect(code!.message).toContain('half-width');
    expect(code!.hint).toContain('(here: 1100)');

    const missing = at(2, 'mainName');
    expect(missing).toMatchObject({ itemCode: 'ABCD-9', rule: 'schema.invalid_type' });
    expect(missing!.message).toBe('主项名称 main name is missing');
    expect(missing!.name).toBeUndefined();

    const whole = at(3, '');
    expect(whole!.message).toContain('an object');
    expect(r.errors.every((e) => e.hint.length > 0 && e.message.length > 0)).toBe(true);
  });

  it('keeps the seed clause of the schema’s cross-field rules (seed 004 8.5.1, 中介服务 at most 30 days)', () => {
    const r = validateCatalogue([itemInput({ intermediaryServices: [{ name: '环评', maxDays: 45 }] })]);
    const p = r.errors.find((e) => e.path === 'intermediaryServices[0].maxDays')!;
    expect(p.clause).toBe('seed 004 8.5.1');
    expect(p.message).toContain('at most 30 days');
  });

  it('explains a key material marked tolerable (seed 004 6.5, 容缺 covers secondary materials only)', () => {
    const r = validateCatalogue([
      itemInput({ materials: [{ name: '申请表', kind: 'key', tolerable: true }] }),
    ]);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ path: 'materials[0].tolerable', clause: 'seed 004 6.5' });
    expect(r.errors[0]!.hint).toContain('secondary');
  });

  it('refuses the same item code twice at the same level and unit, pointing to the first', () => {
    const r = validateCatalogue([itemInput(), itemInput({ subName: '换领 ' }), itemInput({ level: 'city' })]);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ rule: 'catalogue.duplicateKey', index: 1, path: 'itemCode' });
    expect(r.errors[0]!.message).toContain('item #1');
  });

  it('refuses a seventh window category in one hall (seed 001 5.1.1, at most six)', () => {
    const cats = ['法人事务', '社会事务', '社保医保', '纳税服务', '公安服务', '公共服务', '不动产', '公积金'];
    const items = cats.map((c, i) => itemInput({ windowCategory: c, itemCode: `1100010000${i}` }));
    items.push(itemInput({ windowCategory: '公 安服务', itemCode: '110001000099' })); // same category, spacing noise
    const r = validateCatalogue(items);
    const p = r.errors.filter((e) => e.rule === 'catalogue.tooManyWindowCategories');
    expect(p.map((e) => e.index)).toEqual([6, 7]);
    expect(p[0]!.message).toContain('8 window categories');
    expect(p[0]!.clause).toBe('seed 001 5.1.1');
    expect(p[0]!.hint).toContain('不动产');
  });

  it('counts categories per hall when told how to find an item’s hall', () => {
    const items = Array.from({ length: 8 }, (_, i) =>
      itemInput({
        windowCategory: `分类${i}`,
        itemCode: `1100010000${i}`,
        implementingUnit: i < 4 ? '甲' : '乙',
      }),
    );
    expect(validateCatalogue(items).errors).toHaveLength(2);
    expect(validateCatalogue(items, { hallOf: (i) => i.implementingUnit }).errors).toEqual([]);
  });

  it('warns about a 一件事 bundle that only one item joins (seed 003 四)', () => {
    const r = validateCatalogue([
      itemInput({ bundles: ['birth', 'retire'] }),
      itemInput({ itemCode: '11000100002', bundles: ['birth'] }),
    ]);
    const w = r.warnings.filter((x) => x.rule === 'catalogue.singleItemBundle');
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ index: 0, path: 'bundles[1]', clause: 'seed 003 四' });
    expect(w[0]!.message).toContain('retire');
  });

  it('warns about proxy modes on an immediate item and other doubtful combinations (seed 001 4.2.2)', () => {
    const r = validateCatalogue([
      itemInput({ caseKind: 'immediate', promisedDays: 0 }),
      itemInput({ itemCode: '22220001', modes: ['online'], maxVisits: 1, transferDays: 3 }),
      itemInput({ itemCode: '22220002', jointUnits: ['甲局'], promisedDays: 0 }),
    ]);
    expect(r.errors).toEqual([]);
    const rules = (i: number) => r.warnings.filter((w) => w.index === i).map((w) => w.rule);
    // the immediate item's tolerable material is warned too (seed 002 3.5; seed 004 6.5)
    expect(rules(0)).toEqual(['item.proxyImmediate', 'material.tolerance']);
    expect(rules(1)).toEqual(['item.transferWithoutProxy', 'item.onlineVisits']);
    expect(rules(2)).toEqual(['item.jointUnitsNotJoint', 'item.promisedSameDay']);
  });

  it('includes the material rules of seed 004 6.2 as warnings unless turned off', () => {
    const input = [itemInput({ materials: [{ name: '户口簿', copies: 2, eLicence: '户口簿电子证照' }] })];
    expect(validateCatalogue(input).warnings.map((w) => w.rule)).toEqual(['material.6.2b']);
    expect(validateCatalogue(input, { materialRules: false }).warnings).toEqual([]);
  });
});

describe('assertValidCatalogue', () => {
  it('returns the parsed items when there are only warnings', () => {
    const items = assertValidCatalogue([itemInput({ bundles: ['alone'] })]);
    expect(items[0]!.bundles).toEqual(['alone']);
  });

  it('throws a CatalogueValidationError (a TongbanError) carrying every problem', () => {
    const bad = [itemInput({ promisedDays: 90 }), itemInput({ itemCode: '!', bundles: ['x'] })];
    let caught: unknown;
    try {
      assertValidCatalogue(bad);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(CatalogueValidationError);
    expect(caught).toBeInstanceOf(TongbanError);
    const err = caught as CatalogueValidationError;
    expect(err.code).toBe('CATALOGUE_INVALID');
    expect(err.errors.map((e) => [e.index, e.path])).toEqual([
      [0, 'promisedDays'],
      [1, 'itemCode'],
    ]);
    expect(err.where).toMatchObject({ item: 1, itemCode: '11000100001', field: 'promisedDays' });
    expect(err.message).toContain('2 errors');
    expect(err.hint).toContain('legalDays');
    expect(err.describe()).toContain('item=1');
    expect(err.problems.length).toBe(err.errors.length + err.warnings.length);
  });

  it('describes a problem on one line: where, what, how', () => {
    const r = validateCatalogue([
      itemInput({ copies: 1 } as never),
      itemInput({ legalDays: -1, itemCode: 'A1B2C' }),
    ]);
    const line = describeProblem(r.errors[0]!);
    expect(line).toMatch(
      /^error: item #2 A1B2C “居民身份证（换领）”, legalDays: .* — use a value of at least 0$/,
    );
  });
});

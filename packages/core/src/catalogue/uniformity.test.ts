import { describe, expect, it } from 'vitest';
import { item } from './test-support/items.js';
import { checkUniformity, describeUniformity } from './uniformity.js';

const province = item({ level: 'province', implementingUnit: '黑龙江省公安厅' });
const city = item({ level: 'city', implementingUnit: '哈尔滨市公安局' });
const county = item(); // county, 道里区公安分局

describe('checkUniformity (seed 004 3.10, 三级十同)', () => {
  it('reports nothing when the ten elements agree across levels', () => {
    expect(checkUniformity([province, city, county])).toEqual([]);
  });

  it('ignores white space, full-width forms and the order of sets, and what is not one of the ten', () => {
    const noisy = item({
      level: 'city',
      implementingUnit: '哈尔滨市公安局',
      mainName: '居民 身份证',
      subName: '换\u3000领', // ideographic (full-width) space
      legalBasis: ['《中华人民共和国居民身份证法》 '],
      materials: [
        { name: '近期免冠照片', kind: 'secondary', tolerable: true, note: '白底' },
        { name: '居民户口簿', kind: 'key', eLicence: '居民户口簿电子证照' },
      ],
      forms: [{ name: '居民身份证申领登记表' }],
      fees: [{ name: '工本费', amount: 20 }],
      windowCategory: '社会事务',
      contact: { phone: '0451-1' },
      appointmentCapacity: 9,
    });
    expect(checkUniformity([province, noisy])).toEqual([]);
  });

  it('names every differing element and which level and unit holds which variant', () => {
    const cityDiff = item({
      level: 'city',
      implementingUnit: '哈尔滨市公安局',
      promisedDays: 10,
      process: ['申请', '审查', '受理', '制证', '送达'],
    });
    const countyDiff = item({
      promisedDays: 10,
      materials: [{ name: '居民户口簿', kind: 'key', eLicence: '居民户口簿电子证照', copies: 1 }],
    });
    const issues = checkUniformity([countyDiff, province, cityDiff]);
    expect(issues).toHaveLength(1);
    const issue = issues[0]!;
    expect(issue).toMatchObject({ itemCode: '11000100001', name: '居民身份证（换领）', holders: 3 });
    expect(issue.differences.map((d) => d.element)).toEqual(['materials', 'process', 'promisedDays']);
    const days = issue.differences.find((d) => d.element === 'promisedDays')!;
    expect(days.variants).toEqual([
      {
        value: 10,
        holders: [
          { level: 'city', implementingUnit: '哈尔滨市公安局' },
          { level: 'county', implementingUnit: '道里区公安分局' },
        ],
      },
      { value: 20, holders: [{ level: 'province', implementingUnit: '黑龙江省公安厅' }] },
    ]);
    const process = issue.differences.find((d) => d.element === 'process')!;
    expect(process.variants[0]!.holders.map((h) => h.level)).toEqual(['province', 'county']);
    const lines = describeUniformity(issues);
    expect(lines[0]).toBe(
      '11000100001 居民身份证（换领）: materials, process, promisedDays differ (seed 004 3.10)',
    );
    expect(lines).toContain('    promisedDays variant 2: 20 — 省·黑龙江省公安厅');
  });

  it('treats different units at the same level like different levels, and sorts by item code', () => {
    const other = item({ implementingUnit: '南岗区公安分局', subName: '补领' });
    const b = item({ itemCode: '0100', subName: 'x' });
    const b2 = item({ itemCode: '0100', level: 'city', subName: 'y' });
    const issues = checkUniformity([county, other, b2, b]);
    expect(issues.map((i) => [i.itemCode, i.differences.map((d) => d.element)])).toEqual([
      ['0100', ['subName']],
      ['11000100001', ['subName']],
    ]);
  });
});

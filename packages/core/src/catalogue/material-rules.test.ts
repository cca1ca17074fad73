import { describe, expect, it } from 'vitest';
import { materialWarnings } from './material-rules.js';
import type { ServiceItem } from './service-item.js';
import { item } from './test-support/items.js';

type M = Partial<ServiceItem['materials'][number]> & { name: string };
const withMaterials = (materials: M[], extra: Partial<Parameters<typeof item>[0]> = {}) =>
  item({ materials, ...extra });
const letters = (i: ServiceItem) => materialWarnings(i).map((w) => `${w.path}:${w.rule.slice(-1)}`);

describe('materialWarnings (seed 004 6.2)', () => {
  it('is silent for a clean material list', () => {
    expect(materialWarnings(item())).toEqual([]);
  });

  it('a) flags a material whose basis says there is none, or with no basis anywhere (seed 004 6.2 a)', () => {
    const i = withMaterials([{ name: '申请表', basis: '无' }, { name: '情况说明' }]);
    expect(letters(i)).toEqual(['materials[0].basis:a']);
    const noItemBasis = { ...withMaterials([{ name: '申请表' }]), legalBasis: [] };
    const w = materialWarnings(noItemBasis);
    expect(w.map((x) => x.rule)).toEqual(['material.6.2a']);
    expect(w[0]!.clause).toBe('seed 004 6.2 a');
    expect(w[0]!.message).toContain('(seed 004 6.2 a)');
  });

  it('b) flags paper originals or copies of what an electronic licence already proves (seed 004 6.2 b)', () => {
    const i = withMaterials([
      { name: '居民户口簿', eLicence: '户口簿电子证照', copies: 1 },
      { name: '结婚证', eLicence: '结婚证电子证照', original: true },
      { name: '不动产权证书', eLicence: '不动产权电子证照' },
    ]);
    const w = materialWarnings(i);
    expect(w.map((x) => `${x.path}:${x.rule}`)).toEqual([
      'materials[0].copies:material.6.2b',
      'materials[1].original:material.6.2b',
    ]);
    expect(w[0]!.message).toContain('1 copy');
    expect(w[0]!.hint).toContain('copies to 0');
  });

  it('c) flags proofs a written commitment can replace (seed 004 6.2 c, seed 003 五 告知承诺)', () => {
    const i = withMaterials([{ name: '无犯罪记录证明', issuer: '公安机关' }, { name: '婚姻状况说明' }]);
    const w = materialWarnings(i);
    expect(w.map((x) => `${x.path}:${x.rule}`)).toEqual(['materials[0]:material.6.2c']);
    expect(w[0]!.hint).toContain('commitment');
  });

  it('d) flags the same document twice after normalising width and spaces, or a copy of a demanded original', () => {
    const i = withMaterials([
      { name: '申请表' },
      { name: '公司章程' },
      { name: '公司章程复印件' },
      { name: 'ＡＢＣ检测报告' },
      { name: 'ABC 检测报告' },
      { name: '身份证' },
      { name: '居民身份证（原件）' },
      { name: '照片' },
      { name: '近期照片' }, // a two-character name never "covers" a longer one
    ]);
    expect(letters(i)).toEqual(['materials[2]:d', 'materials[4]:d', 'materials[6]:d']);
    expect(materialWarnings(i)[0]!.message).toContain('materials[1] “公司章程”');
  });

  it('e) flags government-issued documents without an electronic licence (seed 004 6.2 e, seed 003 九)', () => {
    expect(letters(withMaterials([{ name: '营业执照' }]))).toEqual(['materials[0]:e']);
    expect(letters(withMaterials([{ name: '营业执照', eLicence: '电子营业执照' }]))).toEqual([]);
  });

  it('f) flags certificates from bodies that cannot verify the fact (seed 004 6.2 f)', () => {
    const i = withMaterials([
      { name: '亲属关系证明', issuer: '居委会' },
      { name: '村委会出具的收入证明' },
      { name: '婚姻状况证明', issuer: '派出所' },
      { name: '户籍证明', issuer: '派出所' }, // a police station holds household records: lawful
      { name: '无犯罪记录证明', issuer: '派出所' }, // lawful issuer; only c applies
    ]);
    expect(letters(i)).toEqual([
      'materials[0]:c',
      'materials[0].issuer:f',
      'materials[1]:c',
      'materials[1]:f',
      'materials[2]:c',
      'materials[2].issuer:f',
      'materials[4]:c',
    ]);
    const f = materialWarnings(i).find((w) => w.rule === 'material.6.2f')!;
    expect(f.message).toContain('居委会');
    expect(f.message).toContain('亲属关系');
  });

  it('g) flags outputs of an earlier step of the same process (seed 004 6.2 g)', () => {
    const i = withMaterials([{ name: '受理通知书' }, { name: '审查意见书' }, { name: '审查申请表' }]);
    expect(letters(i)).toEqual(['materials[0]:g', 'materials[1]:g']);
  });

  it('names the item and, when given, its index in every warning', () => {
    const [w] = materialWarnings(withMaterials([{ name: '受理通知书' }]), 7);
    expect(w).toMatchObject({
      index: 7,
      itemCode: '11000100001',
      name: '居民身份证（换领）',
      severity: 'warning',
    });
  });
});

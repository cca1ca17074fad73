import { describe, expect, it } from 'vitest';
import { deepEqual, describeDiff, diffCatalogues } from './diff.js';
import { itemKey } from './service-item.js';
import { item } from './test-support/items.js';

const a1 = item();
const a2 = item({ itemCode: '22000100001', mainName: '户口迁移', subName: '', windowCategory: '公安服务' });
const a3 = item({ itemCode: '33000100001', mainName: '营业执照', subName: '' });

describe('diffCatalogues (seed 000 4.2, dynamic catalogue with an update record)', () => {
  it('finds nothing between a catalogue and itself, whatever the order', () => {
    const d = diffCatalogues([a1, a2, a3], [a3, a1, a2]);
    expect(d).toEqual({ added: [], removed: [], changed: [], unchanged: 3 });
  });

  it('lists added and removed items by itemKey, sorted', () => {
    const cityA1 = item({ level: 'city', implementingUnit: '哈尔滨市公安局' });
    const d = diffCatalogues([a3, a1], [cityA1, a2, a1]);
    expect(d.added.map(itemKey)).toEqual([itemKey(cityA1), itemKey(a2)].sort());
    expect(d.removed.map(itemKey)).toEqual([itemKey(a3)]);
    expect(d.unchanged).toBe(1);
  });

  it('lists changed fields one by one, in schema order, nested objects by path', () => {
    const b1 = item({
      promisedDays: 15,
      modes: ['window', 'online'],
      contact: { phone: '0451-1234' },
      windowCategory: '社会事务',
    });
    const d = diffCatalogues([a1], [b1]);
    expect(d.changed).toHaveLength(1);
    const c = d.changed[0]!;
    expect(c).toMatchObject({ key: itemKey(a1), itemCode: a1.itemCode, name: '居民身份证（换领）' });
    expect(c.changes.map((f) => f.path)).toEqual([
      'promisedDays',
      'contact.phone',
      'windowCategory',
      'modes',
    ]);
    expect(c.changes[0]).toEqual({ kind: 'value', path: 'promisedDays', before: 20, after: 15 });
    expect(c.changes[1]).toEqual({
      kind: 'value',
      path: 'contact.phone',
      before: undefined,
      after: '0451-1234',
    });
    expect(c.changes[3]).toEqual({
      kind: 'list',
      path: 'modes',
      added: ['online'],
      removed: ['proxyLocal'],
      changed: [],
      reordered: false,
    });
  });

  it('shows which materials were added, removed and changed, by name, with the changed attributes', () => {
    const b1 = item({
      materials: [
        { name: '近期免冠照片', kind: 'secondary', tolerable: false, copies: 2 },
        { name: '居民户口簿', kind: 'key', eLicence: '居民户口簿电子证照' },
        { name: '申请表', kind: 'key' },
      ],
    });
    const [c] = diffCatalogues([a1], [b1]).changed;
    expect(c!.changes).toEqual([
      {
        kind: 'list',
        path: 'materials',
        added: ['申请表'],
        removed: [],
        changed: [
          {
            key: '近期免冠照片',
            changes: [
              { kind: 'value', path: 'materials[近期免冠照片].copies', before: 0, after: 2 },
              { kind: 'value', path: 'materials[近期免冠照片].tolerable', before: true, after: false },
            ],
          },
        ],
        reordered: true,
      },
    ]);
  });

  it('reports a reordered process as a change even when the steps are the same', () => {
    const b1 = item({ process: ['申请', '审查', '受理', '制证', '送达'] });
    const [c] = diffCatalogues([a1], [b1]).changed;
    expect(c!.changes).toEqual([
      { kind: 'list', path: 'process', added: [], removed: [], changed: [], reordered: true },
    ]);
  });

  it('keeps repeated list entries apart (#2) instead of losing them', () => {
    const b1 = item({ legalBasis: ['《中华人民共和国居民身份证法》', '《中华人民共和国居民身份证法》'] });
    const [c] = diffCatalogues([a1], [b1]).changed;
    expect(c!.changes[0]).toMatchObject({ path: 'legalBasis', added: ['《中华人民共和国居民身份证法》#2'] });
  });

  it('is deterministic and describable line by line', () => {
    const b1 = item({ promisedDays: 15, fees: [] });
    const d1 = diffCatalogues([a1, a3], [b1, a2]);
    const d2 = diffCatalogues([a3, a1], [a2, b1]);
    expect(d1).toEqual(d2);
    expect(describeDiff(d1)).toEqual([
      `+ ${itemKey(a2)} 户口迁移`,
      `- ${itemKey(a3)} 营业执照`,
      `~ ${itemKey(a1)} 居民身份证（换领）`,
      '    fees: - 工本费',
      '    promisedDays: 20 -> 15',
    ]);
  });
});

describe('deepEqual', () => {
  it('treats an absent property as undefined but tells arrays from objects', () => {
    expect(deepEqual({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(deepEqual([1, [2, { c: 3 }]], [1, [2, { c: 3 }]])).toBe(true);
    expect(deepEqual([], {})).toBe(false);
    expect(deepEqual({ a: [1] }, { a: [1, 2] })).toBe(false);
    expect(deepEqual(Number.NaN, Number.NaN)).toBe(true);
  });
});

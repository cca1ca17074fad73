import { describe, expect, it } from 'vitest';
import { buildSearchIndex, searchItems } from './search.js';
import type { ServiceItem } from './service-item.js';
import { item } from './test-support/items.js';

const items: ServiceItem[] = [
  item({ itemCode: '11000100001', mainName: '居民身份证', subName: '换领' }),
  item({ itemCode: '11000100002', mainName: '居民身份证', subName: '首次申领' }),
  item({
    itemCode: '11000100002',
    mainName: '居民身份证',
    subName: '首次申领',
    level: 'city',
    implementingUnit: '市局',
  }),
  item({ itemCode: '1100010', mainName: '临时居民身份证', subName: '' }),
  item({ itemCode: '22000300001', mainName: '不动产登记', subName: '转移登记' }),
  item({ itemCode: '22000300002', mainName: '申请身份证明开具', subName: '' }),
  item({ itemCode: '33000500001', mainName: '社会保障卡', subName: '申领' }),
  item({ itemCode: 'ABC-001', mainName: '律师执业许可', subName: '' }),
];
const names = (hits: ReturnType<typeof searchItems>) =>
  hits.map((h) => `${h.tier}:${h.item.mainName}${h.item.subName ? `/${h.item.subName}` : ''}`);

describe('searchItems', () => {
  const index = buildSearchIndex(items);

  it('ranks exact code, then code prefix, then the rest', () => {
    expect(names(searchItems(index, '1100010'))).toEqual([
      'exactCode:临时居民身份证',
      'codePrefix:居民身份证/换领',
      'codePrefix:居民身份证/首次申领',
      'codePrefix:居民身份证/首次申领',
    ]);
  });

  it('finds names by prefix before substring, shorter names first', () => {
    expect(names(searchItems(index, '居民身份证'))).toEqual([
      'namePrefix:居民身份证/换领',
      'namePrefix:居民身份证/首次申领',
      'namePrefix:居民身份证/首次申领',
      'substring:临时居民身份证',
    ]);
    // Ties on name length and code: by level, province first.
    expect(searchItems(index, '居民身份证').map((h) => h.item.level)).toEqual([
      'county',
      'city',
      'county',
      'county',
    ]);
    expect(names(searchItems(index, '申领'))).toEqual([
      'namePrefix:社会保障卡/申领',
      'substring:居民身份证/首次申领',
      'substring:居民身份证/首次申领',
    ]);
  });

  it('finds by pinyin initials: sfz finds every 身份证 item, shorter names first', () => {
    expect(names(searchItems(index, 'sfz'))).toEqual([
      'substring:临时居民身份证',
      'substring:申请身份证明开具',
      'substring:居民身份证/换领',
      'substring:居民身份证/首次申领',
      'substring:居民身份证/首次申领',
    ]);
    expect(names(searchItems(index, 'sq'))).toEqual(['pinyinPrefix:申请身份证明开具']);
    expect(names(searchItems(index, 'sl'))).toEqual([
      'pinyinPrefix:社会保障卡/申领', // the sub name's initials
      'substring:居民身份证/首次申领',
      'substring:居民身份证/首次申领',
    ]);
    expect(names(searchItems(index, 'jmsfz')).slice(0, 1)).toEqual(['pinyinPrefix:居民身份证/换领']);
    expect(names(searchItems(index, 'bdc'))).toEqual(['pinyinPrefix:不动产登记/转移登记']);
  });

  it('finds by full pinyin at syllable starts only, with ü typed as v', () => {
    expect(names(searchItems(index, 'shenfen')).length).toBe(5);
    expect(names(searchItems(index, 'budong'))).toEqual(['pinyinPrefix:不动产登记/转移登记']);
    expect(names(searchItems(index, 'dongchan'))).toEqual(['substring:不动产登记/转移登记']);
    expect(searchItems(index, 'ongchan')).toEqual([]); // not at a syllable start
    expect(names(searchItems(index, 'lvshi'))).toEqual(['pinyinPrefix:律师执业许可']);
  });

  it('finds a main name and sub name typed in one go, by characters or pinyin', () => {
    expect(names(searchItems(index, '居民身份证换领'))).toEqual(['namePrefix:居民身份证/换领']);
    expect(names(searchItems(index, 'jmsfzhl'))).toEqual(['pinyinPrefix:居民身份证/换领']);
    expect(names(searchItems(index, 'shenfenzhenghuan'))).toEqual(['substring:居民身份证/换领']);
  });

  it('folds case and full-width forms of the query, and ignores spaces', () => {
    expect(names(searchItems(index, 'ＡＢＣ－００１'))).toEqual(['exactCode:律师执业许可']);
    expect(names(searchItems(index, 'abc-001'))).toEqual(['exactCode:律师执业许可']);
    expect(names(searchItems(index, ' ＳＦＺ '))).toEqual(names(searchItems(index, 'sfz')));
    expect(names(searchItems(index, '不动产 登记'))).toEqual(['namePrefix:不动产登记/转移登记']);
  });

  it('respects limit and filter, and returns nothing for an empty query', () => {
    expect(searchItems(index, 'sfz', { limit: 2 })).toHaveLength(2);
    expect(searchItems(index, '   ')).toEqual([]);
    const city = searchItems(index, '居民', { filter: (i) => i.level === 'city' });
    expect(city.map((h) => h.item.implementingUnit)).toEqual(['市局']);
  });

  it('accepts the items themselves and builds their index once', () => {
    const list = items.slice();
    expect(searchItems(list, 'bdc')[0]!.item.itemCode).toBe('22000300001');
    list.push(item({ itemCode: '99990001', mainName: '不动产查询' })); // same array: cached index
    expect(searchItems(list, 'bdc')).toHaveLength(1);
    expect(searchItems(list.slice(), 'bdc')).toHaveLength(2);
  });

  it('keeps the limit per tier without losing better hits found late in the scan', () => {
    const many = Array.from({ length: 50 }, (_, i) =>
      item({
        itemCode: `5500${String(i).padStart(4, '0')}`,
        mainName: `甲${'乙'.repeat(i % 5)}身份证`,
        subName: '',
      }),
    );
    many.push(item({ itemCode: '5500X', mainName: '身份证明开具甲乙丙丁戊己庚辛', subName: '' }));
    const hits = searchItems(many, '身份证', { limit: 3 });
    expect(hits[0]!.item.itemCode).toBe('5500X');
    expect(hits.map((h) => h.tier)).toEqual(['namePrefix', 'substring', 'substring']);
    expect(hits[1]!.item.mainName).toBe('甲身份证');
  });
});

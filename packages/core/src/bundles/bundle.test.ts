import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WorkCalendar } from '../calendar/index.js';
import { parseApplicationNumber } from '../cases/application-number.js';
import { ServiceItem } from '../catalogue/service-item.js';
import type { Store } from '../store/store.js';
import { openMemoryStore } from '../store/test-support/memory-store.js';
import { bundleCases, submitBundle } from './bundle.js';
import { combineMaterials, normaliseMaterialName } from './combined-materials.js';

const calendar = WorkCalendar.default();
const base = {
  itemType: 'licensing',
  legalBasis: ['某法'],
  process: ['申请', '决定'],
  promisedDays: 3,
  audience: ['person'],
  legalDays: 10,
  level: 'county',
  windowCategory: '法人事务',
  caseKind: 'promised',
  modes: ['window'],
  bundles: ['开餐馆一件事'],
} as const;
const licence = ServiceItem.parse({
  ...base,
  mainName: '个体工商户登记',
  itemCode: 'A0001',
  implementingUnit: '市场监管局',
  materials: [
    { name: '身份证', kind: 'key', eLicence: '居民身份证' },
    { name: '《经营场所证明》', kind: 'key' },
  ],
});
const food = ServiceItem.parse({
  ...base,
  mainName: '食品经营许可',
  itemCode: 'B0002',
  implementingUnit: '市场监管局',
  materials: [
    { name: '居民身份证复印件', kind: 'key', eLicence: '居民身份证' },
    { name: '经营场所证明', kind: 'secondary', tolerable: true },
    { name: '食品安全管理制度', kind: 'key' },
  ],
});
const sign = ServiceItem.parse({
  ...base,
  mainName: '户外招牌设置',
  itemCode: 'C0003',
  implementingUnit: '城管局',
  materials: [{ name: '招牌设计图', kind: 'key' }],
  bundles: [],
});
const applicant = { idNumber: '230102199001011234', name: '李四', phone: '13900000000' };

let store: Store;
beforeEach(async () => {
  store = openMemoryStore();
  await store.publish({ items: [licence, food, sign], publishedBy: 'admin', message: 'v1' });
});
afterEach(async () => {
  await store.close();
});

describe('一件事 bundles (seed 003 四)', () => {
  it('asks for a material needed by several items once, matching by e-licence or normalised name', () => {
    expect(normaliseMaterialName('《经营场所证明》')).toBe(normaliseMaterialName('经营场所证明'));
    const list = combineMaterials([licence, food]);
    expect(list.map((m) => m.name)).toEqual(['身份证', '《经营场所证明》', '食品安全管理制度']);
    expect(list[0]?.items).toEqual(['A0001', 'B0002']);
    expect(list[1]).toMatchObject({ kind: 'key', tolerable: false, items: ['A0001', 'B0002'] }); // key for one → key
  });

  it('one application creates one linked case per item under one bundle number', async () => {
    const app = await submitBundle(store, calendar, undefined, {
      bundleName: '开餐馆一件事',
      items: ['A0001', 'B0002'],
      mode: 'window',
      applicant,
      submitted: ['身份证', '经营场所证明', '食品安全管理制度'],
      unit: 'window',
      actor: 'w1',
      site: 'HRB1',
      at: '2025-03-10T01:00:00Z',
    });
    expect(parseApplicationNumber(app.bundleNumber).kind).toBe('bundle');
    expect(app.cases).toHaveLength(2);
    expect(new Set(app.cases.map((c) => c.id)).size).toBe(2);
    for (const c of app.cases) {
      expect(c.bundleId).toBe(app.bundleNumber);
      expect(c.materials.missing).toEqual([]);
    }
    expect(app.cases[1]?.materials.submitted).toEqual([
      '居民身份证复印件',
      '经营场所证明',
      '食品安全管理制度',
    ]);
    const linked = await bundleCases(store, app.bundleNumber);
    expect(linked.map((s) => s.itemCode).sort()).toEqual(['A0001', 'B0002']);
  });

  it('refuses an item outside the bundle and writes nothing', async () => {
    await expect(
      submitBundle(store, calendar, undefined, {
        bundleName: '开餐馆一件事',
        items: ['A0001', 'C0003'],
        mode: 'window',
        applicant,
        submitted: [],
        unit: 'window',
        actor: 'w1',
        site: 'HRB1',
      }),
    ).rejects.toThrow(/not part of 一件事/);
    expect(await store.findCases({})).toEqual([]);
  });
});

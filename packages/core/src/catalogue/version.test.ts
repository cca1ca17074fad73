import { describe, expect, it } from 'vitest';
import type { CatalogueVersion } from '../store/store.js';
import { item } from './test-support/items.js';
import { describeVersionChange, summariseCatalogue, summariseVersion } from './version.js';

const v1: CatalogueVersion = {
  version: 1,
  publishedBy: 'admin-zhang',
  publishedAt: '2025-01-06T02:00:00.000Z',
  message: '首次发布',
  items: [
    item({ bundles: ['birth'] }),
    item({ level: 'city', implementingUnit: '市局', bundles: ['birth'] }),
  ],
};
const v2: CatalogueVersion = {
  ...v1,
  version: 2,
  publishedAt: '2025-01-13T02:00:00.000Z',
  message: '调整承诺时限',
  items: [
    item({ promisedDays: 10 }),
    item({
      itemCode: '99990001',
      caseKind: 'immediate',
      promisedDays: 0,
      modes: ['online'],
      transferDays: undefined,
    }),
  ],
};

describe('catalogue versions (seed 000 4.2: who, when, why)', () => {
  it('summarises a version without its items', () => {
    const s = summariseVersion(v1);
    expect(s).not.toHaveProperty('items');
    expect(s).toMatchObject({
      version: 1,
      publishedBy: 'admin-zhang',
      message: '首次发布',
      itemCount: 2,
      codeCount: 1,
      byLevel: { city: 1, county: 1 },
      byMode: { proxyLocal: 2, window: 2 },
      bundles: { birth: 2 },
    });
    expect(Object.keys(summariseCatalogue(v2.items).byCaseKind)).toEqual(['immediate', 'promised']);
  });

  it('describes a version change by counting the diff', () => {
    expect(describeVersionChange(v1, v2)).toBe(
      'v2 by admin-zhang at 2025-01-13T02:00:00.000Z: +1 -1 ~1 (0 unchanged) — 调整承诺时限',
    );
    expect(describeVersionChange(undefined, v1)).toContain('+2 -0 ~0');
  });
});

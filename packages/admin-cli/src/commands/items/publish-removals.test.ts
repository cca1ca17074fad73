/**
 * Issue 25 "An empty catalogue stops every kiosk": `tongban items publish` refuses a draft with no items, and one that
 * removes more than a share of the published items (default 20%) unless --confirm-removals names the count. The
 * published versions are unchanged after each refusal.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openStore } from '@tongban/store';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateCatalogue } from '../../../../../fixtures/src/synthetic-catalogue.js';
import { ensureBuilt, tempDir, tongbanJson } from '../../test-support/cli.js';

beforeAll(ensureBuilt, 300_000);

const publish = (data: string, ...more: string[]) =>
  tongbanJson(['items', 'publish', '-m', 'weekly', '--by', '张敏', ...more], { data });

async function versions(data: string): Promise<number[]> {
  const r = await tongbanJson(['items', 'versions'], { data });
  return (r.json as { versions: Array<{ itemCount: number }> }).versions.map((v) => v.itemCount);
}

async function published(n: number) {
  const data = tempDir();
  const dir = tempDir();
  const items = generateCatalogue(n, 25);
  const file = join(dir, 'v1.json');
  writeFileSync(file, JSON.stringify(items));
  expect((await tongbanJson(['items', 'import', file], { data })).code).toBe(0);
  expect((await publish(data)).code).toBe(0);
  return { data, dir, items };
}

describe('items publish guards the kiosks against a wrong draft', () => {
  it('refuses a draft with no items (exit 2), whatever is confirmed', async () => {
    const { data } = await published(10);
    const store = await openStore({ data });
    await store.saveDraft([]);
    await store.close();
    for (const extra of [[], ['--confirm-removals', '10']]) {
      const r = await publish(data, ...extra);
      expect(r.code).toBe(2);
      expect((r.json as { error: { code: string } }).error.code).toBe('catalogue.emptyDraft');
    }
    expect(await versions(data)).toEqual([10]);
  });

  it('needs --confirm-removals N above 20% removed, with the exact count', async () => {
    const { data, dir, items } = await published(10);
    const file = join(dir, 'v2.json');
    writeFileSync(file, JSON.stringify(items.slice(0, 7))); // 3 of 10 removed: 30%
    expect((await tongbanJson(['items', 'import', file], { data })).code).toBe(0);
    const refused = await publish(data);
    expect(refused.code).toBe(2);
    const err = (refused.json as { error: { code: string; message: string; hint: string } }).error;
    expect(err.code).toBe('catalogue.removalsUnconfirmed');
    expect(err.message).toContain('3 of 10');
    expect(err.hint).toContain('--confirm-removals 3');
    expect((await publish(data, '--confirm-removals', '2')).code).toBe(2); // a wrong count is refused too
    expect(await versions(data)).toEqual([10]);
    const ok = await publish(data, '--confirm-removals', '3');
    expect(ok.code).toBe(0);
    expect(ok.json).toMatchObject({ removed: 3, itemCount: 7 });
  });

  it('publishes up to the share without confirming, and the share is configurable', async () => {
    const { data, dir, items } = await published(10);
    const file = join(dir, 'v2.json');
    writeFileSync(file, JSON.stringify(items.slice(0, 8))); // 2 of 10: 20%, at the limit
    expect((await tongbanJson(['items', 'import', file], { data })).code).toBe(0);
    expect((await publish(data, '--removal-share', '10')).code).toBe(2);
    expect((await publish(data)).code).toBe(0);
  });
});

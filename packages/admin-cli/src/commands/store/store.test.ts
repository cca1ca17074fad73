import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CaseEvent } from '@tongban/core/cases';
import type { CaseSummary } from '@tongban/core/store';
import { openStore } from '@tongban/store';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ensureBuilt, tempDir, tongban, tongbanJson } from '../../test-support/cli.js';

const RebuildResult = z.strictObject({
  data: z.string().min(1),
  cases: z.number().int().min(0),
  ms: z.number().int().min(0),
});

const event = (caseId: string, n: number): CaseEvent => ({
  id: `${caseId}#${n}`,
  caseId,
  type: 'note',
  unit: 'window',
  actor: 'clerk-7',
  at: '2025-03-03T01:00:00.000Z',
  payload: { n },
});
const summary = (caseId: string, length: number, state = 'submitted'): CaseSummary => ({
  caseId,
  itemCode: '11100000000000000000000000000000001',
  mode: 'window',
  state,
  applicantId: '110105********002X',
  createdAt: '2025-03-03T01:00:00.000Z',
  updatedAt: '2025-03-03T01:00:00.000Z',
  units: ['applicant', 'window'],
  length,
});

async function storeWithCases(ids: string[]): Promise<string> {
  const data = tempDir();
  const store = await openStore({ data, durable: false });
  for (const [i, id] of ids.entries()) {
    await store.append(id, [event(id, 1), event(id, 2)], summary(id, 2, i % 2 ? 'accepted' : 'submitted'));
  }
  await store.close();
  return data;
}

const shardFiles = (data: string) =>
  readdirSync(join(data, 'cases', 'index')).map((n) => join(data, 'cases', 'index', n));

beforeAll(async () => {
  await ensureBuilt();
}, 300_000);

describe('tongban store rebuild-index', () => {
  const ids = Array.from({ length: 12 }, (_, i) => `2025030300${String(i).padStart(4, '0')}`);

  it('rebuilds a damaged and a deleted index shard from the case logs; the store error names the command', async () => {
    const data = await storeWithCases(ids);
    const shards = shardFiles(data);
    expect(shards.length).toBeGreaterThan(1);
    writeFileSync(shards[0]!, '{"cases": {"truncated'); // a damaged shard
    rmSync(shards[1]!); // a lost shard

    const store = await openStore({ data, durable: false });
    const err = (await store.findCases({}).catch((e: unknown) => e)) as { code?: string; hint?: string };
    await store.close();
    expect(err.code).toBe('STORE_CORRUPT');
    expect(err.hint).toContain('tongban store rebuild-index');

    const run = await tongbanJson(['store', 'rebuild-index'], { data });
    expect(run.code).toBe(0);
    const result = RebuildResult.parse(run.json);
    expect(result.cases).toBe(ids.length);
    expect(result.data).toBe(data);

    const after = await openStore({ data, durable: false });
    const found = await after.findCases({});
    expect(found.map((s) => s.caseId).sort()).toEqual([...ids].sort());
    expect((await after.findCases({ state: 'accepted' })).length).toBe(ids.length / 2);
    expect(await after.events(ids[3]!)).toHaveLength(2);
    await after.close();
  }, 120_000);

  it('rebuilds an index directory deleted as a whole, in human mode', async () => {
    const data = await storeWithCases(ids.slice(0, 3));
    rmSync(join(data, 'cases', 'index'), { recursive: true, force: true });
    const run = await tongban(['store', 'rebuild-index'], { data });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Rebuilt the case index of ${data}: 3 case(s) from their event logs`);
    expect(existsSync(join(data, 'cases', 'index'))).toBe(true);
    const store = await openStore({ data, durable: false });
    expect((await store.findCases({})).length).toBe(3);
    await store.close();
  }, 120_000);

  it('an empty data directory has nothing to rebuild: 0 cases', async () => {
    const run = await tongbanJson(['store', 'rebuild-index'], { data: tempDir() });
    expect(run.code).toBe(0);
    expect(RebuildResult.parse(run.json).cases).toBe(0);
  }, 60_000);
});

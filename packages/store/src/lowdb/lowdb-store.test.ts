import { existsSync, mkdirSync, readdirSync, statSync, utimesSync } from 'node:fs';
import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TongbanError } from '@tongban/core/errors';
import { StoreCorruptError } from '@tongban/core/store';
import { describeStoreContract, event, events, summary } from '@tongban/core/store/test-support';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, resolveDataDir } from '../open-store.js';
import { bulkLoadCases } from './bulk-load.js';
import { Journal } from './journal.js';
import { caseFile, summaryShardFile, summaryShardOf } from './layout.js';
import { openLowdbStore } from './lowdb-store.js';

const temps: string[] = [];
async function tempDir(): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), 'tongban-lowdb-'));
  temps.push(d);
  return d;
}
afterEach(async () => {
  for (const d of temps.splice(0)) await rm(d, { recursive: true, force: true });
});

describeStoreContract('lowdb', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'tongban-contract-'));
  return {
    store: await openLowdbStore({ dir }),
    reopen: () => openLowdbStore({ dir }),
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
});

/** Every file under dir with its mtime, for "what did a commit touch". */
function files(dir: string, rel = ''): Map<string, number> {
  const out = new Map<string, number>();
  for (const name of readdirSync(join(dir, rel))) {
    const r = rel ? `${rel}/${name}` : name;
    const st = statSync(join(dir, r));
    if (st.isDirectory()) for (const [k, v] of files(dir, r)) out.set(k, v);
    else out.set(r, st.mtimeMs);
  }
  return out;
}

describe('lowdb adapter: layout and crash safety', () => {
  it('a commit touches the case log and one summary shard only, not the history', async () => {
    const dir = await tempDir();
    const store = await openLowdbStore({ dir, summaryShards: 16 });
    for (let i = 0; i < 40; i++) await store.append(`C${i}`, [event(`C${i}`, 1)], summary(`C${i}`, 1));
    const before = files(dir);
    await new Promise((r) => setTimeout(r, 20));
    await store.append('C7', [event('C7', 2)], summary('C7', 2));
    const after = files(dir);
    const changed = [...after]
      .filter(([f, m]) => before.get(f) !== m)
      .map(([f]) => f.replace(/^tenures\/[^/]+\//, 'tenures/<writer>/'));
    // The writer's journal (in its tenure, fence.ts) is written in place and back to idle: the commit is applied.
    expect(changed.sort()).toEqual(
      [
        caseFile('C7'),
        summaryShardFile(summaryShardOf('C7', 16)),
        'generations.bin',
        'tenures/<writer>/idle',
      ].sort(),
    );
    await store.close();
  });

  it('ignores a commit line torn by a crash, and the next writer cuts it off', async () => {
    const dir = await tempDir();
    const store = await openLowdbStore({ dir });
    await store.append('C1', events('C1', 1, 2), summary('C1', 2));
    await appendFile(join(dir, caseFile('C1')), '{"events":[{"id":"C1#3"');
    expect(await store.events('C1')).toHaveLength(2);
    await store.append('C1', [event('C1', 3)], summary('C1', 3), { expectedLength: 2 });
    expect((await store.events('C1')).map((e) => e.id)).toEqual(['C1#1', 'C1#2', 'C1#3']);
    const lines = (await readFile(join(dir, caseFile('C1')), 'utf8')).split('\n');
    expect(lines.filter(Boolean).every((l) => JSON.parse(l))).toBe(true);
    await store.close();
  });

  it('redoes the commit a crashed writer left in the journal when the directory is opened', async () => {
    const dir = await tempDir();
    const first = await openLowdbStore({ dir });
    await first.append('C1', [event('C1', 1)], summary('C1', 1));
    await first.close();
    // A writer died after journaling: the case log got the line, the summary shard did not.
    const op = {
      op: 'append',
      caseId: 'C1',
      events: [event('C1', 2)],
      summary: summary('C1', 2, { state: 'accepted' }),
    };
    await appendFile(
      join(dir, caseFile('C1')),
      `${JSON.stringify({ events: op.events, summary: op.summary })}\n`,
    );
    new Journal(join(dir, 'journal'), 'journal').write({ ops: [op] }, false);
    const store = await openLowdbStore({ dir });
    expect(new Journal(join(dir, 'journal'), 'journal').read()).toBeUndefined();
    expect((await store.events('C1')).map((e) => e.id)).toEqual(['C1#1', 'C1#2']);
    expect((await store.findCases({ state: 'accepted' })).map((s) => s.caseId)).toEqual(['C1']);
    await store.close();
  });

  it('drops a journal torn before its commit began to apply', async () => {
    const dir = await tempDir();
    const store = await openLowdbStore({ dir });
    await store.append('C1', [event('C1', 1)], summary('C1', 1));
    await store.close();
    const j = new Journal(join(dir, 'journal'), 'journal');
    j.write({ ops: [{ op: 'putRecord', kind: 'tasks', record: { id: 'never', revision: 1 } }] }, false);
    j.close();
    const raw = await readFile(join(dir, 'journal'));
    await writeFile(join(dir, 'journal'), raw.subarray(0, 32 + 10)); // header and 10 bytes of the body
    const again = await openLowdbStore({ dir });
    expect(await again.getRecord('tasks', 'never')).toBeUndefined();
    expect(await again.events('C1')).toHaveLength(1);
    await again.close();
  });

  it('takes over a lock left by a dead process once it is stale', async () => {
    const dir = await tempDir();
    const store = await openLowdbStore({ dir, staleMs: 2000 });
    mkdirSync(join(dir, 'write.lock'));
    const old = new Date(Date.now() - 60_000);
    utimesSync(join(dir, 'write.lock'), old, old);
    await store.putRecord('tasks', { id: 't' });
    expect((await store.getRecord('tasks', 't'))?.revision).toBe(1);
    expect(existsSync(join(dir, 'write.lock'))).toBe(false);
    await store.close();
  });

  it('waits for a live lock and reports STORE_LOCKED when it is never released', async () => {
    const dir = await tempDir();
    const store = await openLowdbStore({ dir, staleMs: 60_000, lockWaitMs: 300 });
    mkdirSync(join(dir, 'write.lock'));
    const err = await store.putRecord('tasks', { id: 't' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TongbanError);
    expect((err as TongbanError).code).toBe('STORE_LOCKED');
    expect((err as TongbanError).where.file).toBe(join(dir, 'write.lock'));
    await store.close();
  });

  it('names a damaged file and how to mend it, and touches nothing else', async () => {
    const dir = await tempDir();
    const store = await openLowdbStore({ dir, summaryShards: 4 });
    await store.append('C1', [event('C1', 1)], summary('C1', 1));
    const shard = summaryShardFile(summaryShardOf('C1', 4));
    await writeFile(join(dir, shard), '{"cases": {oops');
    await utimesSync(join(dir, 'generations.bin'), new Date(), new Date());
    const other = await openLowdbStore({ dir });
    const err = await other.findCases({}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreCorruptError);
    expect((err as StoreCorruptError).where.file).toBe(shard);
    expect((err as StoreCorruptError).hint).toContain('rebuild');
    const logBefore = await readFile(join(dir, caseFile('C1')), 'utf8');
    await expect(other.append('C1', [event('C1', 2)], summary('C1', 2))).rejects.toBeInstanceOf(
      StoreCorruptError,
    );
    expect(await readFile(join(dir, caseFile('C1')), 'utf8')).toBe(logBefore);
    expect(new Journal(join(dir, 'journal'), 'journal').read()).toBeUndefined();
    // Mend as the hint says: delete the shard and rebuild the index from the case logs.
    await rm(join(dir, shard));
    expect(await other.rebuildIndex()).toBe(1);
    expect((await other.findCases({})).map((s) => s.caseId)).toEqual(['C1']);
    await writeFile(join(dir, caseFile('C1')), 'not json\n');
    const bad = (await other.events('C1').catch((e: unknown) => e)) as StoreCorruptError;
    expect(bad).toBeInstanceOf(StoreCorruptError);
    expect(bad.where).toMatchObject({ file: caseFile('C1'), line: 1 });
    await other.close();
    await store.close();
  });

  it('bulk-loads cases into an empty store and refuses a second load', async () => {
    const dir = await tempDir();
    const store = await openLowdbStore({ dir, durable: false });
    const cases = Array.from({ length: 500 }, (_, i) => ({
      events: events(`B${i}`, 1, 3),
      summary: summary(`B${i}`, 3, { state: i % 2 ? 'accepted' : 'archived' }),
    }));
    expect(await bulkLoadCases(store, cases)).toBe(500);
    expect(await store.findCases({ state: 'accepted' })).toHaveLength(250);
    expect(await store.events('B42')).toHaveLength(3);
    await store.append('B42', [event('B42', 4)], summary('B42', 4), { expectedLength: 3 });
    await expect(bulkLoadCases(store, cases.slice(0, 1))).rejects.toMatchObject({ code: 'STORE_NOT_EMPTY' });
    await store.close();
  });
});

describe('openStore', () => {
  it('takes the directory from the argument, else TONGBAN_DATA, else ./.tongban', async () => {
    expect(resolveDataDir('/srv/hall', { TONGBAN_DATA: '/other' })).toBe('/srv/hall');
    expect(resolveDataDir(undefined, { TONGBAN_DATA: '/srv/env' })).toBe('/srv/env');
    expect(resolveDataDir(undefined, {})).toBe(join(process.cwd(), '.tongban'));
    const dir = await tempDir();
    const store = await openStore({ env: { TONGBAN_DATA: dir } });
    await store.putRecord('settings', { id: 's' });
    expect(existsSync(join(dir, 'tongban-store.json'))).toBe(true);
    await store.close();
  });
});

/**
 * Fenced commits (fence.ts, issue 15 section 4), step by step: two tenures on one data directory, the second
 * taking over while the first is frozen at each point of a commit. The process-level test with SIGSTOP is
 * paused-writer.test.ts; these pin each case of the argument down deterministically.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { event, summary } from '@tongban/core/store/test-support';
import { afterEach, describe, expect, it } from 'vitest';
import { Engine, type Op } from './engine.js';
import { FencedError, Tenure } from './fence.js';
import { caseFile } from './layout.js';
import { openLowdbStore } from './lowdb-store.js';

const temps: string[] = [];
async function tempDir(): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), 'tongban-fence-'));
  temps.push(d);
  return d;
}
afterEach(async () => {
  for (const d of temps.splice(0)) await rm(d, { recursive: true, force: true });
});

const fenced = (decided: boolean) =>
  expect.objectContaining({ constructor: FencedError, decided }) as unknown as FencedError;

function thrown(f: () => void): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
}

describe('a tenure taken over while its writer is frozen', () => {
  it('before the decision: its staged write can never land, and it learns so (FencedError, not decided)', async () => {
    const dir = await tempDir();
    const target = join(dir, 'doc.json');
    writeFileSync(target, 'old');
    const frozen = new Tenure(dir, false);
    frozen.begin();
    frozen.replace(target, 'first');
    const taker = new Tenure(dir, false);
    expect(taker.begin().revoked).toBe(true);
    expect(thrown(() => frozen.replace(target, 'stale'))).toEqual(fenced(false));
    expect(readFileSync(target, 'utf8')).toBe('first'); // what it wrote before the takeover stays
    taker.replace(target, 'new');
    taker.finish();
    expect(readFileSync(target, 'utf8')).toBe('new');
    expect(readdirSync(join(dir, 'tenures'))).toHaveLength(1); // the frozen one's directory is gone
  });

  it('cannot decide once revoked, even with its journal already written in place', async () => {
    const dir = await tempDir();
    const frozen = new Tenure(dir, false);
    frozen.begin();
    const taker = new Tenure(dir, false);
    taker.begin();
    expect(thrown(() => frozen.decide({ ops: [] }, false))).toEqual(fenced(false));
    taker.finish();
  });

  it('after the decision: the taker inherits the journal to redo, the frozen writer learns its commit stands', async () => {
    const dir = await tempDir();
    const frozen = new Tenure(dir, false);
    frozen.begin();
    frozen.decide({ ops: ['x'] }, false);
    const taker = new Tenure(dir, false);
    const { inherited } = taker.begin<{ ops: string[] }>();
    expect(inherited.map((i) => i.value)).toEqual([{ ops: ['x'] }]);
    expect(thrown(() => frozen.finish())).toEqual(fenced(true));
    // A taker frozen before it redid the journal is itself taken over: the journal passes on, once.
    const third = new Tenure(dir, false);
    expect(third.begin<{ ops: string[] }>().inherited.map((i) => i.value)).toEqual([{ ops: ['x'] }]);
    expect(thrown(() => taker.consumed(inherited[0]!.file))).toEqual(fenced(false));
  });

  it('leaves idle tenures alone: writers that take turns under the lock never revoke each other', async () => {
    const dir = await tempDir();
    const a = new Tenure(dir, false);
    const b = new Tenure(dir, false);
    for (let i = 0; i < 3; i++) {
      expect(a.begin().revoked).toBe(false);
      a.replace(join(dir, 'doc'), `a${i}`);
      a.finish();
      expect(b.begin().revoked).toBe(false);
      b.replace(join(dir, 'doc'), `b${i}`);
      b.finish();
    }
    expect(readdirSync(join(dir, 'tenures'))).toHaveLength(2);
    a.close();
    b.close();
    expect(readdirSync(join(dir, 'tenures'))).toHaveLength(0);
  });

  it('removes an idle tenure whose process is gone, and a directory left half-made', async () => {
    const dir = await tempDir();
    mkdirSync(join(dir, 'tenures', '999999999-dead'), { recursive: true });
    writeFileSync(join(dir, 'tenures', '999999999-dead', 'idle'), '');
    mkdirSync(join(dir, 'tenures', `${process.pid}-halfmade`));
    const t = new Tenure(dir, false);
    t.begin();
    t.finish();
    expect(readdirSync(join(dir, 'tenures'))).toHaveLength(1);
  });
});

describe('a writer killed (kill -9) after deciding its commit', () => {
  it('has its commit redone, whole, when the directory is opened next', async () => {
    const dir = await tempDir();
    const store = await openLowdbStore({ dir, durable: false });
    await store.append('C1', [event('C1', 1)], summary('C1', 1));
    await store.close();
    // A writer that decided a commit of two cases and died after applying only the first one's log.
    const meta = JSON.parse(readFileSync(join(dir, 'tongban-store.json'), 'utf8'));
    const dead = new Engine(dir, meta, false);
    const ops: Op[] = [
      {
        op: 'append',
        caseId: 'C1',
        events: [event('C1', 2)],
        summary: summary('C1', 2, { state: 'accepted' }),
      },
      { op: 'append', caseId: 'C2', events: [event('C2', 1)], summary: summary('C2', 1) },
    ];
    dead.begin();
    dead.tenure.decide({ ops }, true);
    const line = { events: [event('C1', 2)], summary: summary('C1', 2, { state: 'accepted' }) };
    const log = join(dir, caseFile('C1'));
    dead.tenure.replace(log, `${readFileSync(log, 'utf8')}${JSON.stringify(line)}\n`);
    // (no finish, no close: the process is gone)
    const again = await openLowdbStore({ dir, durable: false });
    expect((await again.events('C1')).map((e) => e.id)).toEqual(['C1#1', 'C1#2']);
    expect((await again.events('C2')).map((e) => e.id)).toEqual(['C2#1']);
    expect((await again.findCases({ state: 'accepted' })).map((s) => s.caseId)).toEqual(['C1']);
    expect((await again.findCases({})).map((s) => s.caseId).sort()).toEqual(['C1', 'C2']);
    expect(existsSync(join(dir, 'journal'))).toBe(false);
    await again.close();
  });

  it('before deciding: nothing of its commit appears, and its tenure is cleared', async () => {
    const dir = await tempDir();
    const store = await openLowdbStore({ dir, durable: false });
    await store.append('C1', [event('C1', 1)], summary('C1', 1));
    await store.close();
    const meta = JSON.parse(readFileSync(join(dir, 'tongban-store.json'), 'utf8'));
    const dead = new Engine(dir, meta, false);
    dead.begin(); // announced, one file staged (not yet renamed), not decided
    const [deadTenure] = readdirSync(join(dir, 'tenures'));
    writeFileSync(join(dir, 'tenures', deadTenure!, '0.tmp'), 'never\n');
    const again = await openLowdbStore({ dir, durable: false });
    expect((await again.events('C1')).map((e) => e.id)).toEqual(['C1#1']);
    expect(readdirSync(join(dir, 'tenures'))).not.toContain(deadTenure);
    await again.append('C1', [event('C1', 2)], summary('C1', 2), { expectedLength: 1 });
    expect(await again.events('C1')).toHaveLength(2);
    await again.close();
  });
});

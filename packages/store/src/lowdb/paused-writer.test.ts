/**
 * Issue 15 section 4, "a paused writer loses an update": four writer processes append to the same cases of one data
 * directory while a controller freezes one of them (SIGSTOP, as a sleeping kiosk or a debugger would) for longer
 * than the lock's stale time, lets the others take the lock over, and thaws it (SIGCONT), again and again. Half of
 * the pauses catch the victim holding the lock in the middle of a transaction, after it read the log (it says
 * `hold` and waits for the controller there); the other half land wherever it happens to be. Every operation a
 * writer acknowledged must be in its case's log exactly once, at the position it was acknowledged at.
 * Waits for events (the writers' `hold` and `ack` lines), never for a clock: the others' acknowledgements after a
 * stop are the proof that they took the lock over (the victim held it) or did not need to.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { StoredRecord } from '@tongban/core/store';
import { afterAll, describe, expect, it } from 'vitest';
import { openLowdbStore } from './lowdb-store.js';

const writerScript = fileURLToPath(new URL('./test-support/paused-writer.ts', import.meta.url));
const WRITERS = 4;
const ROUNDS = Number(process.env.TONGBAN_PAUSE_ROUNDS ?? 8);
const HOLD_EVERY = 12;
/** Acknowledgements of the other writers to wait for while the victim is stopped. */
const OTHERS_ACKS = 12;

interface Ack {
  id: string;
  caseId: string;
  position: number;
  attempts: number;
}

class Writers {
  readonly procs: ChildProcess[] = [];
  readonly acks: number[] = Array(WRITERS).fill(0);
  readonly stderr: string[] = Array(WRITERS).fill('');
  holds = 0;
  private waiters: (() => void)[] = [];
  readonly exited: Promise<(number | null)[]>;

  constructor(dir: string, files: string[], stopFile: string) {
    for (let w = 0; w < WRITERS; w++) {
      const args = [writerScript, dir, `w${w}`, files[w]!, stopFile, w === 0 ? String(HOLD_EVERY) : '0'];
      const p = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', ...args], {
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      p.stderr!.on('data', (d) => {
        this.stderr[w] += d;
      });
      createInterface({ input: p.stdout! }).on('line', (line) => {
        if (line === 'ack') this.acks[w]!++;
        if (line === 'hold') this.holds++;
        this.wake();
      });
      p.on('exit', () => this.wake());
      this.procs.push(p);
    }
    this.exited = Promise.all(
      this.procs.map((p) => new Promise<number | null>((r) => p.on('exit', (code) => r(code)))),
    );
  }

  private wake(): void {
    for (const w of this.waiters.splice(0)) w();
  }

  /** Resolves once pred holds, checked on every line a writer prints; fails when a writer died. */
  async until(pred: () => boolean): Promise<void> {
    while (!pred()) {
      const dead = this.procs.findIndex((p) => p.exitCode !== null || p.signalCode !== null);
      if (dead >= 0) throw new Error(`writer w${dead} exited early:\n${this.stderr[dead]}`);
      await new Promise<void>((r) => this.waiters.push(r));
    }
  }

  others(): number {
    return this.acks.slice(1).reduce((a, b) => a + b, 0);
  }

  /** Stop the victim, wait until the others acknowledged OTHERS_ACKS more operations, thaw it. */
  async pause(release?: () => void): Promise<void> {
    const victim = this.procs[0]!;
    victim.kill('SIGSTOP');
    const base = this.others();
    await this.until(() => this.others() >= base + OTHERS_ACKS);
    release?.();
    victim.kill('SIGCONT');
  }
}

describe('a writer frozen past the stale time while it holds the write lock (issue 15 section 4)', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  it('loses no acknowledged update: every acked event once, at its acked position', async () => {
    const root = await mkdtemp(join(tmpdir(), 'tongban-paused-'));
    dirs.push(root);
    const dir = join(root, 'data');
    const files = Array.from({ length: WRITERS }, (_, w) => join(root, `acks-w${w}.jsonl`));
    for (const f of files) writeFileSync(f, '');
    const stopFile = join(root, 'stop');
    const writers = new Writers(dir, files, stopFile);
    let pauses = 0;
    try {
      for (let round = 0; round < ROUNDS; round++) {
        // Frozen inside a transaction, holding the lock, after reading the log.
        const handled = round;
        await writers.until(() => writers.holds > handled);
        await writers.pause(() => writers.procs[0]!.stdin!.write('g'));
        pauses++;
        // Frozen wherever it is a few lines after its next acknowledgement (waiting, reading, committing).
        const mine = writers.acks[0]!;
        const lines = round % 4;
        await writers.until(() => writers.acks[0]! > mine || writers.holds > handled + 1);
        if (writers.holds > handled + 1) continue;
        const seen = writers.others();
        await writers.until(() => writers.others() >= seen + lines);
        await writers.pause();
        pauses++;
      }
    } finally {
      writeFileSync(stopFile, '');
      writers.procs[0]!.stdin!.end('g');
      writers.procs[0]!.kill('SIGCONT');
    }
    const codes = await writers.exited;
    for (let w = 0; w < WRITERS; w++) expect(writers.stderr[w], `writer w${w}`).toBe('');
    expect(codes).toEqual(Array(WRITERS).fill(0));

    const acks: Ack[] = files.flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Ack),
    );
    const store = await openLowdbStore({ dir });
    try {
      const caseIds = [...new Set(acks.map((a) => a.caseId))].sort();
      const where = new Map<string, number[]>();
      let lengthsWrong = 0;
      for (const caseId of caseIds) {
        const evs = await store.events(caseId);
        for (const [i, e] of evs.entries()) where.set(e.id, [...(where.get(e.id) ?? []), i + 1]);
        if ((await store.summary(caseId))?.length !== evs.length) lengthsWrong++;
      }
      const lost = acks.filter((a) => !where.has(a.id));
      const twice = [...where].filter(([, at]) => at.length > 1);
      const moved = acks.filter((a) => where.get(a.id)?.[0] !== a.position);
      const positions = new Map<string, number>();
      for (const a of acks)
        positions.set(`${a.caseId}@${a.position}`, (positions.get(`${a.caseId}@${a.position}`) ?? 0) + 1);
      const samePosition = [...positions.values()].filter((n) => n > 1).length;
      const ackedIds = new Set(acks.map((a) => a.id));
      const unacked = [...where.keys()].filter((id) => !ackedIds.has(id)).length;
      const counter = await store.getRecord<StoredRecord & { value: number }>('ledger', 'counter');
      const retried = acks.filter((a) => a.id.startsWith('w0-') && a.attempts > 1).length;
      console.log(
        `paused writer: ${acks.length} acknowledged operations, ${pauses} pauses, ${retried} victim operations ` +
          `retried after losing the lock; lost ${lost.length}, twice ${twice.length}, at another position ` +
          `${moved.length}, positions acknowledged twice ${samePosition}, unacknowledged ${unacked}, ` +
          `counter ${counter?.value} for ${acks.length}, summaries wrong ${lengthsWrong}`,
      );
      expect({
        lost: lost.length,
        twice: twice.length,
        moved: moved.length,
        samePosition,
        unacked,
        counter: counter?.value,
        lengthsWrong,
      }).toEqual({
        lost: 0,
        twice: 0,
        moved: 0,
        samePosition: 0,
        unacked: 0,
        counter: acks.length,
        lengthsWrong: 0,
      });
      // The pauses did catch the victim holding the lock: its stale transactions were turned away and redone.
      expect(retried).toBeGreaterThan(0);
    } finally {
      await store.close();
    }
  }, 600_000);
});

import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type LowdbStore, openLowdbStore } from './lowdb-store.js';

// Appointments from several kiosk processes on one data directory: the lowdb store's cross-process transaction
// under the real booking rules of @tongban/core/appointments (moved here from core's appointments tests, which run
// on the memory store).
const now = '2026-11-23T02:00:00.000Z'; // Monday 10:00 in Asia/Shanghai
const TUE = '2026-11-24';

let dir: string;
let store: LowdbStore;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tongban-appt-'));
  store = await openLowdbStore({ dir, durable: false });
});
afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

const worker = fileURLToPath(new URL('./test-support/kiosk-worker.ts', import.meta.url));
/** A kiosk process (kiosk-worker.ts): `ready` once its store is open; `go()` lets it book; `done` when it exits. */
function kiosk(args: string[]) {
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', worker, ...args], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  child.stdin.on('error', () => undefined); // a kiosk that died first: what it said is in err
  let out = '';
  let err = '';
  let onReady: () => void = () => undefined;
  const ready = new Promise<void>((r) => {
    onReady = r;
  });
  child.stdout.on('data', (d) => {
    out += d;
    if (out.startsWith('ready\n')) onReady();
  });
  child.stderr.on('data', (d) => {
    err += d;
  });
  const done = new Promise<{ code: number | null; out: string; err: string }>((resolve) =>
    child.on('close', (code) => {
      onReady(); // a kiosk that died before it was ready: its error is in err
      resolve({ code, out, err });
    }),
  );
  return { ready, go: () => child.stdin.end('go\n'), done };
}

describe('two kiosks on one data directory', () => {
  it('never overbook a slot: capacity check and insert run in one store transaction (seed 002 8.2.2)', async () => {
    // three kiosk processes each try to book 4 IDs into a slot with 5 places: exactly 5 bookings may exist
    const kiosks = ['k1', 'k2', 'k3'].map((k) => kiosk([dir, k, '4', TUE, '09:00', now]));
    // all three start booking together, once each has started (on a loaded machine that can take seconds)
    await Promise.all(kiosks.map((k) => k.ready));
    for (const k of kiosks) k.go();
    const runs = await Promise.all(kiosks.map((k) => k.done));
    for (const r of runs) expect(r.err).toBe('');
    const results = runs.map(
      (r) => JSON.parse(r.out.split('\n')[1] ?? '') as { booked: number; full: number },
    );
    expect(results.reduce((s, r) => s + r.booked, 0)).toBe(5);
    expect(results.reduce((s, r) => s + r.full, 0)).toBe(7);
    const stored = await store.listRecords('appointments', { day: TUE });
    expect(stored).toHaveLength(5);
    expect(new Set(stored.map((a) => a.id)).size).toBe(5);
  });
});

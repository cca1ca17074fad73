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
function kiosk(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', worker, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      err += d;
    });
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

describe('two kiosks on one data directory', () => {
  it('never overbook a slot: capacity check and insert run in one store transaction (seed 002 8.2.2)', async () => {
    // three kiosk processes each try to book 4 IDs into a slot with 5 places: exactly 5 bookings may exist
    const start = String(Date.now() + 4000); // all three start booking at the same instant
    const runs = await Promise.all(
      ['k1', 'k2', 'k3'].map((k) => kiosk([dir, k, '4', TUE, '09:00', now, start])),
    );
    for (const r of runs) expect(r.err).toBe('');
    const results = runs.map((r) => JSON.parse(r.out) as { booked: number; full: number });
    expect(results.reduce((s, r) => s + r.booked, 0)).toBe(5);
    expect(results.reduce((s, r) => s + r.full, 0)).toBe(7);
    const stored = await store.listRecords('appointments', { day: TUE });
    expect(stored).toHaveLength(5);
    expect(new Set(stored.map((a) => a.id)).size).toBe(5);
  });
});

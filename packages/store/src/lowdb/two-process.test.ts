import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StoredRecord } from '@tongban/core/store';
import { afterAll, describe, expect, it } from 'vitest';
import { openLowdbStore } from './lowdb-store.js';

const worker = fileURLToPath(new URL('./test-support/worker.ts', import.meta.url));

function run(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', worker, ...args], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('several processes on one data directory (kiosk and CLI)', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  it('loses no update: every event once, versions without gaps, counter = increments', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tongban-mp-'));
    dirs.push(dir);
    const workers = ['kiosk', 'cli', 'window'];
    const [appends, publishes, increments] = [150, 5, 40];
    const results = await Promise.all(
      workers.map((w) => run([dir, w, String(appends), String(publishes), String(increments)])),
    );
    for (const r of results) expect(r.stderr).toBe('');
    for (const r of results) expect(r.code).toBe(0);

    const store = await openLowdbStore({ dir });
    try {
      const ids: string[] = [];
      for (let c = 0; c < 7; c++) {
        const evs = await store.events(`W-${c}`);
        ids.push(...evs.map((e) => e.id));
        expect((await store.summary(`W-${c}`))?.length).toBe(evs.length);
      }
      const expected = workers.flatMap((w) => Array.from({ length: appends }, (_, i) => `${w}-${i}`));
      expect(ids.sort()).toEqual(expected.sort());
      const shared = (await store.events('SHARED')).map((e) => e.id);
      expect(shared.sort()).toEqual(Array.from({ length: appends / 10 }, (_, i) => `shared-${i}`).sort());
      const versions = (await store.versions()).map((v) => v.version);
      expect(versions).toEqual(Array.from({ length: workers.length * publishes }, (_, i) => i + 1));
      const counter = await store.getRecord<StoredRecord & { value: number }>('ledger', 'counter');
      expect(counter?.value).toBe(workers.length * increments);
      expect(counter?.revision).toBe(workers.length * increments);
      const found = await store.findCases({});
      expect(found.map((s) => s.caseId).sort()).toEqual([
        'SHARED',
        'W-0',
        'W-1',
        'W-2',
        'W-3',
        'W-4',
        'W-5',
        'W-6',
      ]);
      for (const s of found) expect(s.length).toBe((await store.events(s.caseId)).length);
    } finally {
      await store.close();
    }
  }, 180_000);
});

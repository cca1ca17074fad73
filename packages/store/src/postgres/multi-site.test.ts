import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { WorkCalendar } from '@tongban/core/calendar';
import { caseHistory, loadCase } from '@tongban/core/cases';
import { testItem } from '@tongban/core/cases/testing';
import { describe, expect, it } from 'vitest';
import { freshStore, useSharedCluster } from './test-support/shared-cluster.js';

const cluster = useSharedCluster();
const worker = fileURLToPath(new URL('./test-support/site-worker.ts', import.meta.url));

const ITEM = testItem({ modes: ['window', 'proxyLocal', 'proxyRemote'], bundles: [] });

function run(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', worker, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (err += d));
    p.on('close', (code) => resolve({ code, out, err }));
  });
}

describe('multi-site: one database for a province (issue 9; seed 000 3.2, tables 2-3 全省通办)', () => {
  it('a kiosk and a window at site A and a department at site B drive proxyLocal and proxyRemote cases from intake to archive', async () => {
    const { url, store } = await freshStore(await cluster());
    try {
      await store.publish({ items: [ITEM], publishedBy: 'admin', message: 'v1' });
      const count = 6;
      // Three processes at once: sites A and B poll while the kiosk is still submitting.
      const [kiosk, siteA, siteB] = await Promise.all([
        run([url, 'kiosk', String(count)]),
        run([url, 'siteA', String(count)]),
        run([url, 'siteB', String(count)]),
      ]);
      for (const r of [kiosk, siteA, siteB]) expect(r.err + (r.code === 0 ? '' : r.out)).toBe('');
      expect(JSON.parse(kiosk.out).steps).toBe(2 * count);
      const cases = await store.findCases({ itemCode: ITEM.itemCode });
      expect(cases).toHaveLength(2 * count);
      expect(cases.every((s) => s.state === 'archived' && s.closedAt !== undefined)).toBe(true);
      const calendar = WorkCalendar.default();
      for (const s of cases) {
        expect(s.caseId).toMatch(/^HRBA-/);
        const c = await loadCase(store, calendar, s.caseId);
        const units = new Set(caseHistory(c).map((e) => e.unit));
        // Every site's units wrote into the one case log, in one order without gaps.
        expect(units.has('applicant')).toBe(true);
        expect(units.has('remoteWindow')).toBe(true);
        expect(units.has(s.mode === 'proxyLocal' ? 'localDepartment' : 'remoteDepartment')).toBe(true);
        expect(units.has('localWindow')).toBe(true);
        expect((await store.events(s.caseId)).length).toBe(s.length);
      }
      expect((await store.findCases({ mode: 'proxyRemote', unit: 'localDepartment' })).length).toBe(count);
      // Steps by A and B together with the submits add up to every stored event (each written once).
      const stored = cases.reduce((n, s) => n + s.length, 0);
      expect(JSON.parse(siteA.out).steps + JSON.parse(siteB.out).steps + 2 * count).toBe(stored);
    } finally {
      await store.close();
    }
  }, 180_000);
});

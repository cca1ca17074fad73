import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Moved from core's store/validate.test.ts with openStore: the contract's checks (core) load zod only for a write.
describe('store argument checks without zod on read paths', () => {
  it('importing @tongban/core/store and opening a lowdb store load no zod; the first write loads it (real process)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tongban-lazy-zod-'));
    try {
      const index = fileURLToPath(new URL('../../core/src/store/index.ts', import.meta.url));
      const open = fileURLToPath(new URL('./index.ts', import.meta.url));
      const script = join(dir, 'probe.mjs');
      writeFileSync(
        script,
        `import { register } from 'node:module';
const urls = [];
const { port1, port2 } = new MessageChannel();
port1.on('message', (u) => urls.push(u));
port1.unref();
register('data:text/javascript,' + encodeURIComponent(
  'let port; export function initialize(d) { port = d.port; }' +
  'export async function resolve(s, c, n) { const r = await n(s, c); port.postMessage(r.url); return r; }'),
  { data: { port: port2 }, transferList: [port2] });
// the hooks report each resolve in order: once a module imported now is reported, so is every one before it
let marks = 0;
const settle = async () => {
  const mark = 'data:text/javascript,export default ' + ++marks;
  port1.ref();
  const seen = new Promise((r) => {
    const on = (u) => u === mark && (port1.off('message', on), r());
    port1.on('message', on);
  });
  await import(mark);
  await seen;
  port1.unref();
};
const store = await import(${JSON.stringify(index)});
const { openStore } = await import(${JSON.stringify(open)});
const s = await openStore({ data: ${JSON.stringify(join(dir, 'data'))}, durable: false });
let early = 'no error';
try { store.checkAppend('C1', [], {}); } catch (e) { early = e.message; }
await s.versions();
await s.findCases({ dueBefore: '2025-03-01T00:00:00Z' });
await settle();
const beforeWrite = urls.filter((u) => u.includes('/zod/')).length;
await s.saveDraft([]);
await settle();
const afterWrite = urls.filter((u) => u.includes('/zod/')).length;
await s.close();
console.log(JSON.stringify({ beforeWrite, afterWrite, early }));
`,
      );
      const r = spawnSync(process.execPath, ['--conditions=source', '--import', 'tsx', script], {
        encoding: 'utf8',
      });
      expect(r.stderr).toBe('');
      const out = JSON.parse(r.stdout.trim().split('\n').at(-1)!);
      expect(out.beforeWrite).toBe(0);
      expect(out.afterWrite).toBeGreaterThan(0);
      expect(out.early).toMatch(/loadStoreValidation/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

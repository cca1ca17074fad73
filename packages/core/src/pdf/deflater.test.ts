import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { sampleNotices } from '../notices/test-support/samples.js';
import { deflateItems, standalone } from './deflate-items.js';
import { DeflateThread } from './deflater.js';
import { NoticePdfRenderer, writeNoticeFiles } from './index.js';

const text = (s: string) => Buffer.from(s.repeat(200), 'utf8');

describe('deflate thread', () => {
  it('deflates what this thread would, byte for byte, and the parts inflate back', async () => {
    const items = [
      { bytes: text('收件（受理）通知书 '), mode: 'zlib' as const },
      { bytes: text('BT /F1 12 Tf <00010002> Tj ET\n'), mode: 'part' as const },
      { bytes: text('glyf'), mode: 'final' as const },
    ];
    const here = deflateItems(items);
    const thread = new DeflateThread();
    try {
      const there = await thread.deflate(items.map((i) => ({ ...i, bytes: Buffer.from(i.bytes) })));
      expect(there.map((d) => Buffer.from(d.deflated).toString('hex'))).toEqual(
        here.map((d) => Buffer.from(d.deflated).toString('hex')),
      );
      expect(there.map((d) => [d.adler, d.length])).toEqual(here.map((d) => [d.adler, d.length]));
      expect(inflateSync(there[0]?.deflated as Uint8Array).equals(items[0]?.bytes as Buffer)).toBe(true);
      expect(
        inflateRawSync(there[1]?.deflated as Uint8Array, { finishFlush: 2 }).equals(
          items[1]?.bytes as Buffer,
        ),
      ).toBe(true);
    } finally {
      await thread.close();
    }
    await expect(thread.deflate(items)).rejects.toThrow(/closed/);
  });

  it('deflates in the caller’s thread when its thread has stopped, so a batch goes on', async () => {
    const thread = new DeflateThread();
    const items = [{ bytes: text('通知书'), mode: 'zlib' as const }];
    await thread.deflate(items);
    // the thread dies (killed, out of memory): what comes next is deflated here
    await (thread as unknown as { worker: { terminate(): Promise<number> } }).worker.terminate();
    await new Promise((r) => setTimeout(r, 20));
    expect(thread.failure?.message).toMatch(/exited/);
    const [out] = await thread.deflate(items);
    expect(inflateSync(out?.deflated as Uint8Array).equals(items[0]?.bytes as Buffer)).toBe(true);
    await thread.close();
  });

  it('starts in a process run as node --input-type=module -e (an option threads do not take)', () => {
    const script = `
      import { DeflateThread } from ${JSON.stringify(new URL('./deflater.ts', import.meta.url).href)};
      const t = new DeflateThread();
      const [d] = await t.deflate([{ bytes: new Uint8Array(1000), mode: 'zlib' }]);
      await t.close();
      console.log(t.failure ? 'failed: ' + t.failure.message : 'ok ' + d.deflated.length);`;
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
    });
    expect(out.trim()).toMatch(/^ok \d+$/);
  });

  it('moves a copy of a view of a larger buffer, never the larger buffer (Node keeps small Buffers in a pool)', () => {
    const pooled = Buffer.from('short'); // a slice of the shared pool
    expect(pooled.buffer.byteLength).toBeGreaterThan(pooled.length);
    const own = standalone(pooled);
    expect(own.buffer.byteLength).toBe(5);
    expect(Buffer.from(own).toString()).toBe('short');
    const whole = new Uint8Array(8);
    expect(standalone(whole)).toBe(whole);
  });

  it('a batch on two cores (this thread + the deflate thread) writes the same bytes as one renderer', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tongban-deflate-'));
    const notices = [...sampleNotices(7), ...sampleNotices(8)];
    const jobs = notices.map((notice, i) => ({ notice, path: join(dir, `${i}-${notice.type}.pdf`) }));
    const results = await writeNoticeFiles(jobs, { threads: 2 });
    expect(results.map((r) => r.status)).toEqual(jobs.map(() => 'written'));
    const renderer = new NoticePdfRenderer();
    for (const j of jobs) expect(readFileSync(j.path).equals(await renderer.render(j.notice))).toBe(true);
  });
});

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import type { Notice } from '@tongban/core/notices';
import { sampleNotices } from '@tongban/core/notices/test-support';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { DEFLATE_THREAD, type Deflater, DeflateThread } from './deflater.js';
import { defaultFontPaths, NoticePdfRenderer, writeNoticeFiles } from './index.js';
import { RequestThread, ThreadStopped } from './request-thread.js';
import { type DeflatedStreams, deflateStreams, type StreamsRequest, standalone } from './streams.js';
import { TtfSource } from './ttf-subset.js';

const text = (s: string) => Buffer.from(s.repeat(200), 'utf8');
const fontPath = defaultFontPaths().regular;
const source = TtfSource.forFile(fontPath, (p) => readFileSync(p));
const font = fontkit.create(readFileSync(fontPath)) as fontkit.Font;

/** A request as a renderer makes it: two contents, a font subset with a fixed prefix and its characters. */
function request(): StreamsRequest {
  const chars = Array.from('收件（受理）通知书张伟2026');
  const subset = source.createSubset();
  const id = (c: string) => font.glyphForCodePoint(c.codePointAt(0) as number).id;
  for (const c of chars.slice(0, 9)) subset.includeGlyph(id(c));
  subset.fix();
  for (const c of chars.slice(9)) subset.includeGlyph(id(c));
  const characters = Uint32Array.from(
    [0, ...new Set(chars)].map((c) => (c === 0 ? 0 : ((c as string).codePointAt(0) as number))),
  );
  return {
    contents: [text('BT /F1 12 Tf <00010002> Tj ET\n'), text('q 1 0 0 -1 0 841.89 cm Q\n')],
    fonts: [{ path: fontPath, ids: Uint32Array.from(subset.glyphIds), fixed: subset.fixedCount, characters }],
  };
}

/** A deflate thread whose thread dies holding the first request it is sent (test-support/exiting-thread). */
class DyingDeflateThread extends RequestThread<StreamsRequest, DeflatedStreams> implements Deflater {
  constructor() {
    super({ ...DEFLATE_THREAD, module: 'test-support/exiting-thread' });
  }
  deflate(streams: StreamsRequest): Promise<DeflatedStreams> {
    return this.request(streams);
  }
}

describe('deflate thread', () => {
  it('builds and deflates what this thread would, byte for byte: contents, font program, CMap', async () => {
    const here = deflateStreams(request());
    const thread = new DeflateThread();
    try {
      const there = await thread.deflate(request());
      const hex = (d: DeflatedStreams) => [
        ...d.contents.map((c) => Buffer.from(c).toString('hex')),
        ...d.fonts.flatMap((f) => [
          Buffer.from(f.program).toString('hex'),
          f.length,
          Buffer.from(f.cmap).toString('hex'),
        ]),
      ];
      expect(hex(there)).toEqual(hex(here));
      expect(inflateSync(there.contents[0] as Uint8Array).equals(request().contents[0] as Buffer)).toBe(true);
      const program = inflateSync(there.fonts[0]?.program as Uint8Array);
      expect(program.length).toBe(there.fonts[0]?.length);
      expect((fontkit.create(program) as fontkit.Font).numGlyphs).toBe(request().fonts[0]?.ids.length);
      const cmap = inflateSync(there.fonts[0]?.cmap as Uint8Array).toString('latin1');
      expect(cmap).toContain('<6536>'); // 收
      expect(cmap).toContain('beginbfrange');
    } finally {
      await thread.close();
    }
    await expect(thread.deflate(request())).rejects.toThrow(/closed/);
  });

  it('documents on a thread that stops are rendered again; what comes next is deflated in the caller’s thread', async () => {
    // the thread dies (killed, out of memory) with a request on it
    const thread = new DyingDeflateThread();
    const lost = thread.deflate(request());
    await expect(lost).rejects.toBeInstanceOf(ThreadStopped);
    expect(thread.failure?.message).toMatch(/exited with code 70/);
    const after = await thread.deflate(request());
    expect(inflateSync(after.contents[1] as Uint8Array).equals(request().contents[1] as Buffer)).toBe(true);
    // a renderer whose deflate thread stops renders the notice again, here: same bytes as ever
    const renderer = new NoticePdfRenderer();
    const notice = sampleNotices(3)[2] as Notice;
    const want = await renderer.render(notice);
    const dying = new DyingDeflateThread();
    renderer.deflater = dying;
    expect((await renderer.render(notice)).equals(want)).toBe(true);
    expect(dying.failure?.message).toMatch(/exited/);
    await thread.close();
    await dying.close();
  });

  it('starts in a process run as node --input-type=module -e (an option threads do not take)', () => {
    const script = `
      import { DeflateThread } from ${JSON.stringify(new URL('./deflater.ts', import.meta.url).href)};
      const t = new DeflateThread();
      const d = await t.deflate({ contents: [new Uint8Array(1000)], fonts: [] });
      await t.close();
      console.log(t.failure ? 'failed: ' + t.failure.message : 'ok ' + d.contents[0].length);`;
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

  it('a file that cannot be written fails alone, saying which and why; the others are written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tongban-deflate-'));
    writeFileSync(join(dir, 'not-a-dir'), 'x');
    const notices = sampleNotices(9);
    const jobs = notices.map((notice, i) => ({
      notice,
      path: i === 2 ? join(dir, 'not-a-dir', 'x.pdf') : join(dir, `${i}.pdf`),
    }));
    const results = await writeNoticeFiles(jobs, { threads: 2 });
    expect(results.map((r) => r.status)).toEqual(jobs.map((_, i) => (i === 2 ? 'failed' : 'written')));
    expect(results[2]?.error).toMatch(/ENOTDIR|EEXIST/);
    expect(results[2]?.error).toContain('not-a-dir');
  });
});

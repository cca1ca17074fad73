import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { sampleNotices } from '@tongban/core/notices/test-support';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DeflateThread } from './deflater.js';
import { NoticePdfPool, NoticePdfRenderer, writeNoticeFiles } from './index.js';
import { FileWriterThread } from './writer.js';

/**
 * Issue 15: a thread terminated while it was inside node:zlib (deflateSync between the making of its native handle
 * and its init) aborted the test process ("Assertion failed: init_done_ && "close before init"", node_zlib.cc). No
 * thread of a batch is terminated: each finishes what it was sent and exits by itself, with code 0.
 */
function watchThreads() {
  const terminate = vi.spyOn(Worker.prototype, 'terminate');
  const exits: number[] = [];
  const emit = Worker.prototype.emit;
  vi.spyOn(Worker.prototype, 'emit').mockImplementation(function (this: Worker, event, ...args) {
    if (event === 'exit') exits.push(args[0] as number);
    return emit.call(this, event, ...args);
  });
  return { terminate, exits };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('threads of a batch exit by themselves', () => {
  it('a batch on two cores: the deflate and writer threads are never terminated and exit with code 0', async () => {
    const watch = watchThreads();
    const dir = mkdtempSync(join(tmpdir(), 'tongban-threads-'));
    const jobs = sampleNotices(2).map((notice, i) => ({ notice, path: join(dir, `${i}.pdf`) }));
    const results = await writeNoticeFiles(jobs, { threads: 2 });
    expect(results.map((r) => r.status)).toEqual(jobs.map(() => 'written'));
    expect(watch.terminate).not.toHaveBeenCalled();
    expect(watch.exits).toEqual([0, 0]);
  });

  it('a rendering pool closed after its batch: every thread exits with code 0, none terminated', async () => {
    const watch = watchThreads();
    const dir = mkdtempSync(join(tmpdir(), 'tongban-threads-'));
    const pool = new NoticePdfPool({ threads: 2 });
    const jobs = sampleNotices(5).map((notice, i) => ({ notice, path: join(dir, `${i}.pdf`) }));
    const results = await pool.write(jobs);
    expect(results.map((r) => r.status)).toEqual(jobs.map(() => 'written'));
    await pool.close();
    expect(watch.terminate).not.toHaveBeenCalled();
    expect(watch.exits).toEqual([0, 0]);
  });

  it('a pool closed in the middle of a batch finishes the job on its thread, exits, and the batch says so', async () => {
    const watch = watchThreads();
    const dir = mkdtempSync(join(tmpdir(), 'tongban-threads-'));
    const pool = new NoticePdfPool({ threads: 1 });
    const jobs = sampleNotices(6).map((notice, i) => ({ notice, path: join(dir, `${i}.pdf`) }));
    let closed: Promise<void> | undefined;
    // closed as the first file is done: the next job is sent after the close, and the thread never takes it
    const batch = pool.write(jobs, (done) => {
      if (done === 1) closed = pool.close();
    });
    await expect(batch).rejects.toThrow(/stopped \(exit code 0\) before the batch was done/);
    await closed;
    expect(watch.terminate).not.toHaveBeenCalled();
    expect(watch.exits).toEqual([0]);
    // what was written is whole
    const renderer = new NoticePdfRenderer();
    const done = jobs.filter((j) => existsSync(j.path));
    expect(done.length).toBe(1);
    for (const j of done) expect(readFileSync(j.path).equals(await renderer.render(j.notice))).toBe(true);
  });

  it('close answers what was asked before it, then the thread exits; later requests are refused', async () => {
    const watch = watchThreads();
    const dir = mkdtempSync(join(tmpdir(), 'tongban-threads-'));
    const deflater = new DeflateThread();
    const writer = new FileWriterThread();
    const deflated = Array.from({ length: 5 }, (_, i) =>
      deflater.deflate({ contents: [Buffer.alloc(1000 + i, i)], fonts: [] }),
    );
    const written = Array.from({ length: 5 }, (_, i) =>
      writer.write({ path: join(dir, `${i}.bin`), data: Buffer.from([i]), exists: false }),
    );
    const closing = Promise.all([deflater.close(), writer.close()]);
    expect((await Promise.all(deflated)).map((d) => d.contents.length)).toEqual([1, 1, 1, 1, 1]);
    expect(await Promise.all(written)).toEqual(['written', 'written', 'written', 'written', 'written']);
    await closing;
    expect(watch.exits).toEqual([0, 0]);
    expect(deflater.failure).toBeUndefined();
    await expect(deflater.deflate({ contents: [], fonts: [] })).rejects.toThrow(/closed/);
  });
});

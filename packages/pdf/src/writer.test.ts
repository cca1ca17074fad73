import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { WriteStatus } from './files.js';
import { RequestThread } from './request-thread.js';
import { FILE_WRITER_THREAD, FileWriterThread, type WriteRequest } from './writer.js';

/** A file writer whose thread dies holding the first message it is sent (test-support/exiting-thread). */
class DyingWriterThread extends RequestThread<WriteRequest, WriteStatus> {
  constructor() {
    super({ ...FILE_WRITER_THREAD, module: 'test-support/exiting-thread' });
  }
  write(req: WriteRequest): Promise<WriteStatus> {
    return this.request(req);
  }
}

describe('file writer thread', () => {
  it('writes the files of a turn in one message, each as it is asked, and leaves an equal file alone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tongban-writer-'));
    const writer = new FileWriterThread();
    try {
      const files = Array.from({ length: 20 }, (_, i) => ({
        path: join(dir, `${i}.pdf`),
        data: Buffer.from(`%PDF-1.7 notice ${i}\n%%EOF\n`),
        exists: false,
      }));
      expect(await Promise.all(files.map((f) => writer.write(f)))).toEqual(files.map(() => 'written'));
      for (const f of files) expect(readFileSync(f.path).equals(f.data)).toBe(true);
      expect(await writer.write({ ...(files[3] as (typeof files)[number]), exists: true })).toBe('unchanged');
    } finally {
      await writer.close();
    }
  });

  it('when its thread dies, what it was given is written here, and so is what comes next', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tongban-writer-'));
    const writer = new DyingWriterThread();
    const data = (i: number) => Buffer.from(`%PDF-1.7 ${i}\n%%EOF\n`);
    const given = Array.from({ length: 10 }, (_, i) =>
      writer.write({ path: join(dir, `${i}.pdf`), data: data(i), exists: false }),
    );
    await Promise.all(given);
    const after = writer.write({ path: join(dir, 'after.pdf'), data: data(99), exists: false });
    expect(await Promise.all([...given, after])).toEqual([...given.map(() => 'written'), 'written']);
    for (let i = 0; i < 10; i++) expect(readFileSync(join(dir, `${i}.pdf`)).equals(data(i))).toBe(true);
    expect(readFileSync(join(dir, 'after.pdf')).equals(data(99))).toBe(true);
    expect(writer.failure?.message).toMatch(/exited/);
    await writer.close();
  });
});

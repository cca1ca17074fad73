import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { Header, Pax } from 'tar';

const BLOCK = 512;
const ZEROS = Buffer.alloc(BLOCK * 2);

/**
 * Writes a POSIX (ustar + pax) tar stream entry by entry with back-pressure, so a bundle of any size streams from its
 * sources to the file without being held in memory. Headers are encoded by the `tar` package (Header, Pax); only
 * regular files are ever written (the reader refuses anything else).
 */
export class TarWriter {
  private written = 0;
  constructor(private readonly out: Writable) {}

  get bytes(): number {
    return this.written;
  }

  private async write(chunk: Buffer): Promise<void> {
    this.written += chunk.length;
    if (!this.out.write(chunk)) await once(this.out, 'drain');
  }

  /** Header of one regular file; the caller then writes exactly `size` bytes with `body` and calls `end`. */
  async begin(path: string, size: number, mtime: Date): Promise<void> {
    const h = new Header({ path, mode: 0o644, size, mtime, type: 'File', uid: 0, gid: 0 });
    const needPax = h.encode();
    // Non-ASCII names (Chinese material names) always travel in a pax record, in UTF-8.
    if (needPax || /[^\x00-\x7f]/.test(path)) await this.write(new Pax({ path, size, mtime }).encode());
    await this.write(h.block as Buffer);
  }

  async body(chunk: Buffer): Promise<void> {
    await this.write(chunk);
  }

  async end(size: number): Promise<void> {
    const pad = (BLOCK - (size % BLOCK)) % BLOCK;
    if (pad) await this.write(ZEROS.subarray(0, pad));
  }

  async file(path: string, data: Buffer, mtime: Date): Promise<void> {
    await this.begin(path, data.length, mtime);
    await this.body(data);
    await this.end(data.length);
  }

  /** The two zero blocks that end an archive. */
  async finish(): Promise<void> {
    await this.write(ZEROS);
  }
}

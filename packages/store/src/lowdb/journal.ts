import { closeSync, fdatasyncSync, openSync, readSync, writeSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import { StoreCorruptError } from '@tongban/core/store';

/**
 * The redo journal: one file kept open and overwritten in place, so a commit costs no directory operation.
 * Layout: a 32-byte header `TBJ1 <length> <crc32>` (space-padded, newline) then `length` bytes of JSON.
 * Length 0 means empty. A header whose body does not match its checksum is a journal write torn by a crash:
 * the commit had not started to apply, so it is dropped.
 */
const HEADER = 32;

export class Journal {
  private fd: number;

  constructor(
    readonly file: string,
    readonly label: string,
  ) {
    this.fd = openSync(file, 'a+');
    closeSync(this.fd);
    this.fd = openSync(file, 'r+');
  }

  /** The ops of an unfinished commit, or undefined. */
  read<T>(): T | undefined {
    const head = Buffer.alloc(HEADER);
    const got = readSync(this.fd, head, 0, HEADER, 0);
    if (got < HEADER) return undefined;
    const m = /^TBJ1 (\d+) (\d+) *\n$/.exec(head.toString('latin1'));
    if (!m) {
      throw new StoreCorruptError(this.label, 'the header is not a Tongban journal header', {
        hint: 'this file holds the commit a crashed process was making; delete it if no process is running (that commit is then lost; run `tongban store rebuild-index` afterwards)',
      });
    }
    const length = Number(m[1]);
    if (length === 0) return undefined;
    const body = Buffer.alloc(length);
    const n = readSync(this.fd, body, 0, length, HEADER);
    if (n < length || crc32(body) !== Number(m[2])) return undefined; // torn before the commit began
    return JSON.parse(body.toString('utf8')) as T;
  }

  write(value: unknown, durable: boolean): void {
    const body = Buffer.from(JSON.stringify(value), 'utf8');
    const head = `TBJ1 ${body.length} ${crc32(body)}`.padEnd(HEADER - 1, ' ') + '\n';
    const buf = Buffer.concat([Buffer.from(head, 'latin1'), body]);
    writeSync(this.fd, buf, 0, buf.length, 0);
    if (durable) fdatasyncSync(this.fd);
  }

  clear(): void {
    writeSync(this.fd, `${'TBJ1 0 0'.padEnd(HEADER - 1, ' ')}\n`, 0);
  }

  close(): void {
    closeSync(this.fd);
  }
}

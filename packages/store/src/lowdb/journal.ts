import { closeSync, fdatasyncSync, ftruncateSync, openSync, readSync, writeSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import { StoreCorruptError } from '@tongban/core/store';

/**
 * A redo journal: a 32-byte header `TBJ1 <length> <crc32>` (space-padded, newline) then `length` bytes of JSON.
 * Length 0 means empty. A header whose body does not match its checksum is a journal write torn by a crash: the
 * commit had not started to apply, so it is dropped. Each writer's tenure keeps one such file open and overwrites
 * it in place (fence.ts: its name says whether it is decided), so a commit costs no file creation for it. The
 * file `journal` at the top of a data directory is the single journal of Tongban before fenced commits: a commit
 * left there by a crash is redone when the directory is opened.
 */
const HEADER = 32;
const EMPTY_HEADER = `${'TBJ1 0 0'.padEnd(HEADER - 1, ' ')}\n`;

export function encodeJournal(value: unknown): Buffer {
  const body = Buffer.from(JSON.stringify(value), 'utf8');
  const head = `TBJ1 ${body.length} ${crc32(body)}`.padEnd(HEADER - 1, ' ') + '\n';
  return Buffer.concat([Buffer.from(head, 'latin1'), body]);
}

/** The value of a journal's bytes, or undefined when it is empty or torn. */
export function decodeJournal<T>(buf: Buffer, label: string): T | undefined {
  if (buf.length < HEADER) return undefined;
  const m = /^TBJ1 (\d+) (\d+) *\n$/.exec(buf.toString('latin1', 0, HEADER));
  if (!m) {
    throw new StoreCorruptError(label, 'the header is not a Tongban journal header', {
      hint: 'this file holds the commit a crashed process was making; delete it if no process is running (that commit is then lost; run `tongban store rebuild-index` afterwards)',
    });
  }
  const length = Number(m[1]);
  if (length === 0) return undefined;
  const body = buf.subarray(HEADER, HEADER + length);
  if (body.length < length || crc32(body) !== Number(m[2])) return undefined; // torn before the commit began
  return JSON.parse(body.toString('utf8')) as T;
}

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
    if (readSync(this.fd, head, 0, HEADER, 0) < HEADER) return undefined;
    const m = /^TBJ1 (\d+) /.exec(head.toString('latin1'));
    const length = m ? Number(m[1]) : 0;
    const buf = Buffer.alloc(HEADER + length);
    head.copy(buf);
    if (length > 0) readSync(this.fd, buf, HEADER, length, HEADER);
    return decodeJournal<T>(buf, this.label);
  }

  write(value: unknown, durable: boolean): void {
    const buf = encodeJournal(value);
    writeSync(this.fd, buf, 0, buf.length, 0);
    if (durable) fdatasyncSync(this.fd);
  }

  /**
   * Empties the journal: truncated, so no body of an applied commit (events with full ID numbers) stays on disk
   * behind an empty header (issue 25 "Personal data, the small leaks").
   */
  clear(): void {
    writeSync(this.fd, EMPTY_HEADER, 0);
    ftruncateSync(this.fd, EMPTY_HEADER.length);
  }

  close(): void {
    closeSync(this.fd);
  }
}

import {
  closeSync,
  existsSync,
  linkSync,
  openSync,
  readSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { fnv1a } from './layout.js';

/**
 * Change counters shared by all processes on one data directory: 4096 little-endian u32 slots; a file's slot is
 * the hash of its path. A writer (holding the lock) bumps the slot after replacing a file; a reader compares the
 * slot with the value it saw when it cached the file and reloads only on a difference. Two files sharing a slot
 * only cost an extra reload. This replaces mtime checks, which miss two writes within one clock tick.
 */
export const SLOTS = 4096;

export const slotOf = (rel: string) => fnv1a(rel) % SLOTS;

export class Generations {
  private fd: number;

  constructor(readonly file: string) {
    if (!existsSync(file)) {
      // Create all at once (link refuses to replace), so no process ever reads a half-written table.
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, Buffer.alloc(SLOTS * 4));
      try {
        linkSync(tmp, file);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      } finally {
        unlinkSync(tmp);
      }
    }
    this.fd = openSync(file, 'r+');
  }

  /** The current counters (one 16 KiB read). */
  snapshot(): Buffer {
    const buf = Buffer.alloc(SLOTS * 4);
    readSync(this.fd, buf, 0, buf.length, 0);
    return buf;
  }

  static value(snap: Buffer, slot: number): number {
    return snap.readUInt32LE(slot * 4);
  }

  /** Bump one slot (caller holds the write lock and passes a snapshot taken under it). */
  bump(snap: Buffer, slot: number): void {
    const v = (snap.readUInt32LE(slot * 4) + 1) >>> 0;
    snap.writeUInt32LE(v, slot * 4);
    writeSync(this.fd, snap, slot * 4, 4, slot * 4);
  }

  /** Bump every slot (bulk load, index rebuild). */
  bumpAll(snap: Buffer): void {
    for (let s = 0; s < SLOTS; s++) snap.writeUInt32LE((snap.readUInt32LE(s * 4) + 1) >>> 0, s * 4);
    writeSync(this.fd, snap, 0, snap.length, 0);
  }

  close(): void {
    closeSync(this.fd);
  }
}

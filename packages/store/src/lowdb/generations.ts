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
 *
 * A bump writes a random value other than the slot's, not the next number: the slots are written in place, so a
 * writer frozen past the stale time (fence.ts) may still write one late from its old snapshot. A counter would
 * then step back to a value a reader has cached (and that reader would keep a changed file); a random value only
 * causes a needless reload, unless it equals the cached one (1 in 2^32). A bump a frozen writer never made is
 * covered by its revoker, which bumps every slot.
 */
export const SLOTS = 4096;

export const slotOf = (rel: string) => fnv1a(rel) % SLOTS;

/** A random u32 other than `v`. */
function other(v: number): number {
  for (;;) {
    const r = (Math.random() * 0x1_0000_0000) >>> 0;
    if (r !== v) return r;
  }
}

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
    snap.writeUInt32LE(other(snap.readUInt32LE(slot * 4)), slot * 4);
    writeSync(this.fd, snap, slot * 4, 4, slot * 4);
  }

  /** Bump every slot (bulk load, index rebuild, after a takeover). */
  bumpAll(snap: Buffer): void {
    for (let s = 0; s < SLOTS; s++) snap.writeUInt32LE(other(snap.readUInt32LE(s * 4)), s * 4);
    writeSync(this.fd, snap, 0, snap.length, 0);
  }

  close(): void {
    closeSync(this.fd);
  }
}

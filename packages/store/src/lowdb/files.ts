import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { StoreCorruptError } from '@tongban/core/store';
import { LowSync, type SyncAdapter } from 'lowdb';
import type { Stage } from './fence.js';
import { Generations, slotOf } from './generations.js';

/**
 * Atomic replacement: write a temporary file beside the target, flush it to disk (durable mode), rename it over
 * the target. A crash leaves the old or the new document, never a torn one (steno's method, plus fsync).
 * Only for files written outside the write lock (the store's meta file); every write under the lock goes through
 * the writer's tenure (fence.ts `Stage.replace`), the same way but fenced.
 */
export function atomicWrite(file: string, text: string, durable: boolean): void {
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  let fd: number;
  try {
    fd = openSync(tmp, 'w');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    mkdirSync(dirname(file), { recursive: true });
    fd = openSync(tmp, 'w');
  }
  try {
    writeSync(fd, text);
    if (durable) fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
}

/**
 * lowdb adapter for one JSON document: bad JSON reported as StoreCorruptError. `stage` is the writer's tenure in
 * the store (writes staged there and renamed over the document: atomic, durable, fenced), or for a document kept
 * outside the store (the kiosk's outbox) whether atomicWrite flushes it.
 */
export class JsonDocFile<T> implements SyncAdapter<T> {
  constructor(
    readonly file: string,
    readonly label: string,
    readonly stage: Stage | boolean,
    readonly hint?: string,
  ) {}

  read(): T | null {
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
    try {
      return JSON.parse(text) as T;
    } catch (e) {
      throw new StoreCorruptError(this.label, `not valid JSON (${(e as Error).message})`, {
        cause: e,
        ...(this.hint ? { hint: this.hint } : {}),
      });
    }
  }

  write(data: T): void {
    if (typeof this.stage === 'boolean') atomicWrite(this.file, JSON.stringify(data), this.stage);
    else this.stage.replace(this.file, JSON.stringify(data));
  }
}

interface Cached {
  gen: number;
  data: unknown;
}

/**
 * The JSON documents of a data directory, each a lowdb (LowSync) database, with an in-process cache that is
 * invalidated through the shared generation counters, so a process sees the other processes' committed writes.
 */
export class DocStore {
  private cache = new Map<string, Cached>();
  readonly generations: Generations;

  constructor(
    readonly dir: string,
    readonly stage: Stage,
  ) {
    this.generations = new Generations(join(dir, 'generations.bin'));
  }

  private low<T>(rel: string, empty: T, hint?: string) {
    return new LowSync<T>(new JsonDocFile<T>(join(this.dir, rel), rel, this.stage, hint), empty);
  }

  /** Read a document through the cache; `snap` is a generations snapshot taken before reading. */
  read<T>(rel: string, empty: () => T, snap: Buffer, hint?: string): T {
    const gen = Generations.value(snap, slotOf(rel));
    const hit = this.cache.get(rel);
    if (hit && hit.gen === gen) return hit.data as T;
    const db = this.low<T>(rel, empty(), hint);
    db.read();
    this.cache.set(rel, { gen, data: db.data });
    return db.data;
  }

  /** Read bypassing the cache (files never rewritten, such as catalogue versions). */
  readOnce<T>(rel: string): T | undefined {
    const db = this.low<T | null>(rel, null);
    db.read();
    return db.data ?? undefined;
  }

  /** Replace a document (caller holds the write lock; `snap` was taken under it), then bump its counter. */
  write<T>(rel: string, data: T, snap: Buffer): void {
    const db = this.low<T>(rel, data);
    db.write();
    const slot = slotOf(rel);
    this.generations.bump(snap, slot);
    this.cache.set(rel, { gen: Generations.value(snap, slot), data });
  }

  forget(): void {
    this.cache.clear();
  }

  close(): void {
    this.generations.close();
    this.cache.clear();
  }
}

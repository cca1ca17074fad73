import { AsyncLocalStorage } from 'node:async_hooks';
import { linkSync, mkdirSync, unlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CaseEvent } from '@tongban/core/cases';
import type { ServiceItem } from '@tongban/core/catalogue';
import type {
  AppendOptions,
  CaseQuery,
  CaseSummary,
  RecordKind,
  Store,
  StoredRecord,
} from '@tongban/core/store';
import { loadStoreValidation, StoreError } from '@tongban/core/store';
import { Engine, type Op } from './engine.js';
import { FencedError } from './fence.js';
import { atomicWrite, JsonDocFile } from './files.js';
import { DEFAULT_SUMMARY_SHARDS, META_FILE, STORE_FORMAT, type StoreMeta } from './layout.js';
import { acquireLock, type HeldLock, type LockOptions } from './lock.js';
import { LowdbTx } from './transaction.js';

export interface LowdbStoreOptions {
  /** The data directory; created when missing. */
  dir: string;
  /**
   * Flush every file to disk (fsync) before it replaces the old one or before a commit is acknowledged.
   * Default true: a kiosk must not print a receipt for a case a power cut could lose. Tests may turn it off.
   */
  durable?: boolean;
  /** Lock takeover after a crashed writer, ms (default 10 000, min 2 000). */
  staleMs?: number;
  /** How long a writer waits for the lock before a STORE_LOCKED error, ms (default 30 000). */
  lockWaitMs?: number;
  /** Number of summary shards of a NEW data directory (default 1024); an existing one keeps its own. */
  summaryShards?: number;
}

/** Retries of a unit of work whose tenure was revoked each time (each needs the lock taken over again). */
const MAX_ATTEMPTS = 10;

/** What a unit of work under the lock returns: its result, and the ops to commit (transact). */
interface Work<T> {
  value: T;
  ops?: Op[];
}

/** The transaction running in the current async context, so store calls inside transact re-enter it. */
const running = new AsyncLocalStorage<{ dir: string; tx: LowdbTx }>();

/**
 * The embedded store (DESIGN "Packages"): JSON documents kept by lowdb in a data directory shared by the kiosk
 * and the CLI. See layout.ts for the files and docs/store.md for why they are laid out so.
 */
export class LowdbStore implements Store {
  private closed = false;

  constructor(
    readonly dir: string,
    private readonly engine: Engine,
    private readonly lock: LockOptions,
  ) {}

  private guard(): void {
    if (this.closed) {
      throw new StoreError('STORE_CLOSED', `The store of ${this.dir} was closed.`, { hint: 'open it again' });
    }
  }

  /** The active transaction of this directory in this async context, or a fresh read view. */
  private reader(): LowdbTx {
    this.guard();
    const ctx = running.getStore();
    if (ctx?.tx.active && ctx.dir === this.dir) return ctx.tx;
    return new LowdbTx(this.engine, this.engine.snapshot(), false);
  }

  /**
   * Run work under the write lock in a tenure (fence.ts), then commit the ops it returns. When the lock was taken
   * over from this process (it was frozen past the stale time) the commit is fenced off: undecided, nothing of it
   * was written and the work runs again from fresh state (so a transact function may run more than once, as a
   * database's serialization retry would run it); decided, it stands (the new holder redoes what was not yet
   * applied) and one more tenure waits for that before returning.
   */
  private async locked<T>(
    work: (snap: Buffer, held: HeldLock) => Work<T> | Promise<Work<T>>,
    retry = true,
  ): Promise<T> {
    await loadStoreValidation(); // zod, only on write paths (validate.ts)
    let settled: { value: T } | undefined;
    for (let attempt = 1; ; attempt++) {
      const held = await acquireLock(this.dir, this.lock);
      let done: Work<T> | undefined;
      try {
        const snap = this.engine.begin();
        if (settled) {
          this.engine.finish();
          return settled.value;
        }
        done = await work(snap, held);
        if (done.ops && done.ops.length > 0) {
          if (held.compromised) throw new FencedError(false);
          this.engine.commit(done.ops, snap);
        }
        this.engine.finish();
        return done.value;
      } catch (e) {
        this.engine.abandon();
        if (!(e instanceof FencedError)) throw e;
        if (settled) return settled.value; // decided, and revoked again while waiting for the redo
        if (e.decided && done) settled = { value: done.value };
        else if (!retry || attempt >= MAX_ATTEMPTS) throw this.lockLost(e, held);
      } finally {
        await held.release();
      }
    }
  }

  private lockLost(e: FencedError, held: HeldLock): StoreError {
    return new StoreError(
      'STORE_LOCK_LOST',
      'The write lock was taken over while this change was prepared.',
      {
        where: { file: this.dir },
        hint: `the process stalled longer than ${this.lock.staleMs} ms; nothing was written, retry`,
        cause: held.compromised ?? e,
      },
    );
  }

  async transact<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
    this.guard();
    const ctx = running.getStore();
    if (ctx?.tx.active && ctx.dir === this.dir) return ctx.tx.transact(fn);
    return this.locked(async (snap) => {
      const tx = new LowdbTx(this.engine, snap, true);
      try {
        return { value: await running.run({ dir: this.dir, tx }, () => fn(tx)), ops: tx.ops };
      } finally {
        tx.active = false;
      }
    });
  }

  private write<T>(fn: (tx: LowdbTx) => Promise<T>): Promise<T> {
    return this.transact((tx) => fn(tx as LowdbTx));
  }

  getDraft() {
    return this.reader().getDraft();
  }
  saveDraft(items: ServiceItem[]) {
    return this.write((tx) => tx.saveDraft(items));
  }
  publish(input: { items: ServiceItem[]; publishedBy: string; message: string; at?: string }) {
    return this.write((tx) => tx.publish(input));
  }
  catalogue(version?: number) {
    return this.reader().catalogue(version);
  }
  versions() {
    return this.reader().versions();
  }
  append(caseId: string, events: CaseEvent[], summary: CaseSummary, options?: AppendOptions) {
    return this.write((tx) => tx.append(caseId, events, summary, options));
  }
  events(caseId: string) {
    return this.reader().events(caseId);
  }
  summary(caseId: string) {
    return this.reader().summary(caseId);
  }
  findCases(query: CaseQuery) {
    return this.reader().findCases(query);
  }
  getRecord<T extends StoredRecord>(kind: RecordKind, id: string) {
    return this.reader().getRecord<T>(kind, id);
  }
  listRecords<T extends StoredRecord>(kind: RecordKind, filter?: Partial<Record<string, unknown>>) {
    return this.reader().listRecords<T>(kind, filter);
  }
  putRecord<T extends StoredRecord>(
    kind: RecordKind,
    record: Omit<T, 'revision'>,
    options?: { expectedRevision?: number },
  ) {
    return this.write((tx) => tx.putRecord<T>(kind, record, options));
  }

  /** Recompute the summary index from the case logs (after a damaged index shard was deleted). */
  rebuildIndex(): Promise<number> {
    this.guard();
    return this.locked((snap) => ({ value: this.engine.rebuildIndex(snap) }));
  }

  /** For the bulk loader: run fn with the lock held and the engine's internals (not run again on a lost lock). */
  async withEngine<T>(fn: (engine: Engine, snap: Buffer) => T): Promise<T> {
    this.guard();
    return this.locked((snap) => ({ value: fn(this.engine, snap) }), false);
  }

  /** Revoke what a crashed or frozen writer left and redo its decided commit (also a legacy top-level journal). */
  async recover(): Promise<void> {
    this.guard();
    await this.locked((snap) => ({ value: this.engine.recoverLegacy(snap) }));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.engine.close();
  }
}

function readMeta(dir: string): StoreMeta | null {
  return new JsonDocFile<StoreMeta>(join(dir, META_FILE), META_FILE, false).read();
}

/** Open (creating when missing) the data directory `dir` as a lowdb store. */
export async function openLowdbStore(options: LowdbStoreOptions): Promise<LowdbStore> {
  const dir = resolve(options.dir);
  const lock: LockOptions = { staleMs: options.staleMs ?? 10_000, waitMs: options.lockWaitMs ?? 30_000 };
  const durable = options.durable ?? true;
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new StoreError('STORE_DIR', `Cannot create the data directory ${dir}.`, {
      where: { file: dir },
      hint: 'choose a writable directory with --data or TONGBAN_DATA',
      cause: e,
    });
  }
  let meta = readMeta(dir);
  if (!meta) {
    const fresh: StoreMeta = {
      format: STORE_FORMAT,
      engine: 'lowdb',
      summaryShards: options.summaryShards ?? DEFAULT_SUMMARY_SHARDS,
      createdAt: new Date().toISOString(),
    };
    // link refuses to replace: when two processes create the directory at once, the first meta wins.
    const tmp = join(dir, `.${META_FILE}.${process.pid}.new`);
    atomicWrite(tmp, JSON.stringify(fresh, null, 2), durable);
    try {
      linkSync(tmp, join(dir, META_FILE));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    } finally {
      unlinkSync(tmp);
    }
    meta = readMeta(dir)!;
  }
  if (meta.format !== STORE_FORMAT || meta.engine !== 'lowdb' || !(meta.summaryShards > 0)) {
    throw new StoreError(
      'STORE_FORMAT',
      `The data directory ${dir} has store format ${meta.format}, this Tongban reads ${STORE_FORMAT}.`,
      {
        where: { file: join(dir, META_FILE) },
        hint: 'use the Tongban version that wrote it, or a new data directory',
      },
    );
  }
  const engine = new Engine(dir, meta, durable);
  const store = new LowdbStore(dir, engine, lock);
  // A crashed writer's commit is redone now rather than at the next write, so readers see it.
  if (engine.hasPendingCommit()) await store.recover();
  return store;
}

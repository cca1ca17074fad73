import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CaseEvent } from '@tongban/core/cases';
import type { CaseSummary, CatalogueVersion } from '@tongban/core/store';
import { StoreError } from '@tongban/core/store';
import { LowSync } from 'lowdb';
import { JsonDocFile } from '../lowdb/files.js';
import { acquireLock } from '../lowdb/lock.js';

/**
 * A kiosk's outbox (离线暂存): the case events written while the central store could not be reached, kept in a
 * lowdb JSON document under the kiosk's data directory until they are pushed (seed 003 一: 全时在线). Each entry is
 * written durably (temporary file, fsync, rename) before the kiosk prints a receipt, so a printed receipt always has
 * its events either in the central store or here. A lock directory keeps the kiosk and `tongban sync push` from
 * writing at once.
 */

export interface OutboxEntry {
  /** Order of writing; pushed in this order. */
  seq: number;
  caseId: string;
  events: CaseEvent[];
  /** The projection the kiosk computed; recomputed from the central log when pushed onto an existing case. */
  summary: CaseSummary;
  queuedAt: string;
  attempts: number;
  lastError?: string;
  /** Set when the central store refused the events for good (e.g. the case moved on): kept for staff. */
  conflict?: string;
}

interface OutboxDoc {
  kioskId: string;
  nextSeq: number;
  entries: OutboxEntry[];
  pushedTotal: number;
  lastPushAt?: string;
  lastReachedAt?: string;
}

export interface OutboxStatus {
  kioskId: string;
  dir: string;
  pending: number;
  conflicts: number;
  oldestQueuedAt?: string;
  pushedTotal: number;
  lastPushAt?: string;
  lastReachedAt?: string;
  entries: {
    seq: number;
    caseId: string;
    events: number;
    queuedAt: string;
    attempts: number;
    lastError?: string;
    conflict?: string;
  }[];
}

const OUTBOX_FILE = 'outbox.json';
const CATALOGUE_FILE = 'catalogue-cache.json';

export class Outbox {
  readonly dir: string;
  private readonly db: LowSync<OutboxDoc>;
  private readonly catalogueDb: LowSync<CatalogueVersion | null>;

  constructor(dir: string, kioskId = 'kiosk') {
    this.dir = resolve(dir);
    mkdirSync(this.dir, { recursive: true });
    const hint = `the outbox of kiosk ${kioskId} is damaged; keep a copy of ${this.dir} for staff before removing it`;
    this.db = new LowSync<OutboxDoc>(
      new JsonDocFile(join(this.dir, OUTBOX_FILE), join(this.dir, OUTBOX_FILE), true, hint),
      { kioskId, nextSeq: 1, entries: [], pushedTotal: 0 },
    );
    this.catalogueDb = new LowSync<CatalogueVersion | null>(
      new JsonDocFile(join(this.dir, CATALOGUE_FILE), join(this.dir, CATALOGUE_FILE), true),
      null,
    );
  }

  private async locked<T>(fn: () => T): Promise<T> {
    const lock = await acquireLock(this.dir, { staleMs: 10_000, waitMs: 30_000 });
    try {
      this.db.read();
      const result = fn();
      if (lock.compromised)
        throw new StoreError(
          'OUTBOX_LOCK_LOST',
          `The outbox lock of ${this.dir} was taken over while writing.`,
          {
            where: { file: this.dir },
            hint: 'another process took the lock after a long stall; retry the operation',
          },
        );
      return result;
    } finally {
      await lock.release();
    }
  }

  /** Queue events of one case; written durably before it returns. Events already queued (by id) are skipped. */
  async enqueue(caseId: string, events: CaseEvent[], summary: CaseSummary, at = new Date().toISOString()) {
    return this.locked(() => {
      const data = this.db.data;
      const queued = new Set(
        data.entries.filter((e) => e.caseId === caseId).flatMap((e) => e.events.map((x) => x.id)),
      );
      const fresh = events.filter((e) => !queued.has(e.id));
      if (fresh.length === 0) return undefined;
      const entry: OutboxEntry = {
        seq: data.nextSeq,
        caseId,
        events: fresh,
        summary,
        queuedAt: at,
        attempts: 0,
      };
      data.nextSeq += 1;
      data.entries.push(entry);
      this.db.write();
      return entry;
    });
  }

  /** The pending entries in push order (a snapshot read from disk). */
  entries(): OutboxEntry[] {
    this.db.read();
    return this.db.data.entries.map((e) => ({ ...e }));
  }

  /** Events queued for a case, in order. */
  eventsOf(caseId: string): CaseEvent[] {
    return this.entries()
      .filter((e) => e.caseId === caseId)
      .flatMap((e) => e.events);
  }

  /** The newest queued summary of each case. */
  summaries(): CaseSummary[] {
    const latest = new Map<string, CaseSummary>();
    for (const e of this.entries()) latest.set(e.caseId, e.summary);
    return [...latest.values()];
  }

  isPending(caseId: string): boolean {
    return this.entries().some((e) => e.caseId === caseId);
  }

  /** Remove an entry once the central store holds its events. */
  async done(seq: number, at = new Date().toISOString()): Promise<void> {
    await this.locked(() => {
      const data = this.db.data;
      const before = data.entries.length;
      data.entries = data.entries.filter((e) => e.seq !== seq);
      if (data.entries.length !== before) data.pushedTotal += 1;
      data.lastPushAt = at;
      data.lastReachedAt = at;
      this.db.write();
    });
  }

  async failed(seq: number, reason: string, options: { conflict?: boolean } = {}): Promise<void> {
    await this.locked(() => {
      const entry = this.db.data.entries.find((e) => e.seq === seq);
      if (!entry) return;
      entry.attempts += 1;
      entry.lastError = reason;
      if (options.conflict) entry.conflict = reason;
      this.db.write();
    });
  }

  async reached(at = new Date().toISOString()): Promise<void> {
    await this.locked(() => {
      this.db.data.lastReachedAt = at;
      this.db.write();
    });
  }

  status(): OutboxStatus {
    this.db.read();
    const d = this.db.data;
    const status: OutboxStatus = {
      kioskId: d.kioskId,
      dir: this.dir,
      pending: d.entries.length,
      conflicts: d.entries.filter((e) => e.conflict).length,
      pushedTotal: d.pushedTotal,
      entries: d.entries.map((e) => ({
        seq: e.seq,
        caseId: e.caseId,
        events: e.events.length,
        queuedAt: e.queuedAt,
        attempts: e.attempts,
        ...(e.lastError ? { lastError: e.lastError } : {}),
        ...(e.conflict ? { conflict: e.conflict } : {}),
      })),
    };
    if (d.entries[0]) status.oldestQueuedAt = d.entries[0].queuedAt;
    if (d.lastPushAt) status.lastPushAt = d.lastPushAt;
    if (d.lastReachedAt) status.lastReachedAt = d.lastReachedAt;
    return status;
  }

  /** The last catalogue seen from the central store, so a kiosk started offline still serves the guide. */
  cachedCatalogue(): CatalogueVersion | undefined {
    this.catalogueDb.read();
    return this.catalogueDb.data ?? undefined;
  }

  cacheCatalogue(version: CatalogueVersion): void {
    this.catalogueDb.read();
    if (this.catalogueDb.data?.version === version.version) return;
    this.catalogueDb.data = version;
    this.catalogueDb.write();
  }
}

import type { CaseEvent } from '@tongban/core/cases';
import type { ServiceItem } from '@tongban/core/catalogue';
import type {
  AppendOptions,
  AppendResult,
  CaseQuery,
  CaseSummary,
  CatalogueVersion,
  CatalogueVersionInfo,
  RecordKind,
  Store,
  StoredRecord,
} from '@tongban/core/store';
import {
  checkAppend,
  checkKind,
  checkPublish,
  checkQuery,
  checkRecord,
  checkSummaryLength,
  compareRecords,
  matchesCaseQuery,
  matchesRecordFilter,
  orderAndLimit,
  StoreConflictError,
  StoreError,
} from '@tongban/core/store';
import type { CaseLog } from './case-log.js';
import type { Engine, Op } from './engine.js';

const clone = <T>(v: T): T => structuredClone(v);

/**
 * A view of the store at one generations snapshot, plus the writes it has buffered (`ops`). As a transaction
 * (write lock held) its writes are committed together when the function returns, or dropped when it throws; as a
 * read view (no lock) it only reads. Reads see the buffered writes first.
 */
export class LowdbTx implements Store {
  readonly ops: Op[] = [];
  active = true;
  private logs = new Map<string, CaseLog>();

  constructor(
    readonly engine: Engine,
    readonly snap: Buffer,
    readonly writable: boolean,
  ) {}

  private guard(write: boolean): void {
    if (!this.active) {
      throw new StoreError(
        'STORE_TX_CLOSED',
        'This transaction has ended; its store object cannot be used now.',
        {
          hint: 'use the tx object only inside the function passed to transact, and await every call',
        },
      );
    }
    if (write && !this.writable) throw new Error('internal: write on a read view');
  }

  // ---- catalogue ----

  async getDraft(): Promise<ServiceItem[] | undefined> {
    this.guard(false);
    const pending = this.ops.findLast((o) => o.op === 'saveDraft');
    const items = pending ? pending.items : this.engine.draft(this.snap)?.items;
    return items === undefined ? undefined : clone(items);
  }

  async saveDraft(items: ServiceItem[]): Promise<void> {
    this.guard(true);
    if (!Array.isArray(items)) {
      throw new StoreError('STORE_INVALID', 'A draft is an array of service items.', {
        hint: 'pass the imported items',
      });
    }
    this.ops.push({ op: 'saveDraft', items: clone(items), savedAt: new Date().toISOString() });
  }

  private pendingVersions(): CatalogueVersion[] {
    return this.ops.flatMap((o) => (o.op === 'publish' ? [o.version] : []));
  }

  async publish(input: { items: ServiceItem[]; publishedBy: string; message: string; at?: string }) {
    this.guard(true);
    checkPublish(input);
    const infos = await this.versions();
    const version: CatalogueVersion = {
      version: (infos.at(-1)?.version ?? 0) + 1,
      publishedBy: input.publishedBy.trim(),
      publishedAt: input.at ?? new Date().toISOString(),
      message: input.message.trim(),
      items: clone(input.items),
    };
    this.ops.push({ op: 'publish', version });
    return clone(version);
  }

  async catalogue(version?: number): Promise<CatalogueVersion | undefined> {
    this.guard(false);
    const n = version ?? (await this.versions()).at(-1)?.version;
    if (n === undefined) return undefined;
    const found = this.pendingVersions().find((v) => v.version === n) ?? this.engine.version(n);
    return found && clone(found);
  }

  async versions(): Promise<CatalogueVersionInfo[]> {
    this.guard(false);
    const pending = this.pendingVersions().map(({ items, ...info }) => ({
      ...info,
      itemCount: items.length,
    }));
    return clone([...this.engine.versionInfos(this.snap), ...pending]);
  }

  // ---- cases ----

  private caseLog(caseId: string): CaseLog {
    let log = this.logs.get(caseId);
    if (!log) {
      log = this.engine.readCase(caseId);
      if (this.writable) this.logs.set(caseId, log); // stable under the lock; a read view always re-reads
    }
    return log;
  }

  private pendingAppends(caseId: string) {
    return this.ops.flatMap((o) => (o.op === 'append' && o.caseId === caseId ? [o] : []));
  }

  private currentEvents(caseId: string): CaseEvent[] {
    return [...this.caseLog(caseId).events, ...this.pendingAppends(caseId).flatMap((o) => o.events)];
  }

  async append(
    caseId: string,
    events: CaseEvent[],
    summary: CaseSummary,
    options: AppendOptions = {},
  ): Promise<AppendResult> {
    this.guard(true);
    checkAppend(caseId, events, summary);
    const current = this.currentEvents(caseId);
    const seen = new Set(current.map((e) => e.id));
    const fresh = events.filter((e) => !seen.has(e.id) && seen.add(e.id));
    if (fresh.length === 0) return { appended: 0, length: current.length };
    if (options.expectedLength !== undefined && options.expectedLength !== current.length) {
      throw new StoreConflictError({ caseId }, options.expectedLength, current.length);
    }
    checkSummaryLength(caseId, summary, current.length + fresh.length);
    this.ops.push({ op: 'append', caseId, events: clone(fresh), summary: clone(summary) });
    return { appended: fresh.length, length: current.length + fresh.length };
  }

  async events(caseId: string): Promise<CaseEvent[]> {
    this.guard(false);
    return clone(this.currentEvents(caseId));
  }

  async summary(caseId: string): Promise<CaseSummary | undefined> {
    this.guard(false);
    const s = this.pendingAppends(caseId).at(-1)?.summary ?? this.caseLog(caseId).summary;
    return s && clone(s);
  }

  async findCases(query: CaseQuery): Promise<CaseSummary[]> {
    this.guard(false);
    checkQuery(query);
    const pending = new Map<string, CaseSummary>();
    for (const o of this.ops) if (o.op === 'append') pending.set(o.caseId, o.summary);
    const out: CaseSummary[] = [];
    for (const s of this.engine.summaries(this.snap)) {
      if (!pending.has(s.caseId) && matchesCaseQuery(s, query)) out.push(s);
    }
    for (const s of pending.values()) if (matchesCaseQuery(s, query)) out.push(s);
    return clone(orderAndLimit(out, query));
  }

  // ---- records ----

  private pendingRecords(kind: string): Map<string, StoredRecord> {
    const m = new Map<string, StoredRecord>();
    for (const o of this.ops) if (o.op === 'putRecord' && o.kind === kind) m.set(o.record.id, o.record);
    return m;
  }

  async getRecord<T extends StoredRecord>(kind: RecordKind, id: string): Promise<T | undefined> {
    this.guard(false);
    checkKind(kind);
    const r = this.pendingRecords(kind).get(id) ?? this.engine.getRecord(kind, id, this.snap);
    return r && (clone(r) as T);
  }

  async listRecords<T extends StoredRecord>(
    kind: RecordKind,
    filter?: Partial<Record<string, unknown>>,
  ): Promise<T[]> {
    this.guard(false);
    checkKind(kind);
    const pending = this.pendingRecords(kind);
    const out: StoredRecord[] = [];
    for (const r of this.engine.records(kind, this.snap)) {
      if (!pending.has(r.id) && matchesRecordFilter(r, filter)) out.push(r);
    }
    for (const r of pending.values()) if (matchesRecordFilter(r, filter)) out.push(r);
    return clone(out.sort(compareRecords)) as T[];
  }

  async putRecord<T extends StoredRecord>(
    kind: RecordKind,
    record: Omit<T, 'revision'>,
    options: { expectedRevision?: number } = {},
  ): Promise<T> {
    this.guard(true);
    checkRecord(kind, record, options.expectedRevision);
    const id = (record as unknown as { id: string }).id;
    const actual = (await this.getRecord(kind, id))?.revision ?? 0;
    if (options.expectedRevision !== undefined && options.expectedRevision !== actual) {
      throw new StoreConflictError({ kind, id }, options.expectedRevision, actual);
    }
    const stored = { ...clone(record), revision: actual + 1 } as unknown as StoredRecord;
    this.ops.push({ op: 'putRecord', kind, record: stored });
    return clone(stored) as T;
  }

  /** Nested transaction: runs at once (the lock is already held); its writes are dropped if it throws. */
  async transact<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
    this.guard(true);
    const mark = this.ops.length;
    try {
      return await fn(this);
    } catch (e) {
      this.ops.length = mark;
      this.logs.clear();
      throw e;
    }
  }

  async close(): Promise<void> {
    // The store owns the files; closing a transaction's view is a no-op.
  }
}

import { AsyncLocalStorage } from 'node:async_hooks';
import type { CaseEvent } from '../../cases/case-event.js';
import type { ServiceItem } from '../../catalogue/service-item.js';
import { StoreConflictError, StoreError } from '../errors.js';
import { compareRecords, matchesCaseQuery, matchesRecordFilter, orderAndLimit } from '../query.js';
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
} from '../store.js';
import {
  checkAppend,
  checkKind,
  checkPublish,
  checkQuery,
  checkRecord,
  checkSummaryLength,
  loadStoreValidation,
} from '../validate.js';

/**
 * The Store contract kept in memory, for the domain's own tests (core depends on no adapter: the real ones live
 * in @tongban/store and pass the same contract suite, as this one does in memory-store.test.ts). Values pass
 * through JSON on the way in, as they would on their way to a file or a jsonb column.
 */
interface CaseEntry {
  events: CaseEvent[];
  summary: CaseSummary;
}
interface Layer {
  draft?: ServiceItem[];
  versions: CatalogueVersion[];
  cases: Map<string, CaseEntry>;
  records: Map<string, Map<string, StoredRecord>>;
}
/** The shared data of one memory store (what a data directory is to lowdb): reopen() gives another object on it. */
export interface MemoryData extends Layer {
  writers: Promise<unknown>;
}

const json = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
const copy = <T>(v: T): T => structuredClone(v);
const emptyLayer = (): Layer => ({ versions: [], cases: new Map(), records: new Map() });
const running = new AsyncLocalStorage<{ data: MemoryData; tx: MemoryTx }>();

class MemoryTx implements Store {
  active = true;
  layer: Layer = emptyLayer();

  constructor(
    readonly data: MemoryData,
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

  async getDraft() {
    this.guard(false);
    const items = this.layer.draft ?? this.data.draft;
    return items && copy(items);
  }
  async saveDraft(items: ServiceItem[]) {
    this.guard(true);
    if (!Array.isArray(items)) {
      throw new StoreError('STORE_INVALID', 'A draft is an array of service items.', {
        hint: 'pass the imported items',
      });
    }
    this.layer.draft = json(items);
  }
  async publish(input: { items: ServiceItem[]; publishedBy: string; message: string; at?: string }) {
    this.guard(true);
    checkPublish(input);
    const version: CatalogueVersion = json({
      version: this.allVersions().length + 1,
      publishedBy: input.publishedBy.trim(),
      publishedAt: input.at ?? new Date().toISOString(),
      message: input.message.trim(),
      items: input.items,
    });
    this.layer.versions.push(version);
    return copy(version);
  }
  private allVersions(): CatalogueVersion[] {
    return [...this.data.versions, ...this.layer.versions];
  }
  async catalogue(version?: number) {
    this.guard(false);
    const all = this.allVersions();
    const found = version === undefined ? all.at(-1) : all.find((v) => v.version === version);
    return found && copy(found);
  }
  async versions(): Promise<CatalogueVersionInfo[]> {
    this.guard(false);
    return this.allVersions().map(({ items, ...info }) => ({ ...copy(info), itemCount: items.length }));
  }

  private entry(caseId: string): CaseEntry | undefined {
    return this.layer.cases.get(caseId) ?? this.data.cases.get(caseId);
  }
  async append(caseId: string, events: CaseEvent[], summary: CaseSummary, options: AppendOptions = {}) {
    this.guard(true);
    checkAppend(caseId, events, summary);
    const current = this.entry(caseId)?.events ?? [];
    const seen = new Set(current.map((e) => e.id));
    const fresh = events.filter((e) => !seen.has(e.id) && seen.add(e.id));
    if (fresh.length === 0) return { appended: 0, length: current.length } satisfies AppendResult;
    if (options.expectedLength !== undefined && options.expectedLength !== current.length) {
      throw new StoreConflictError({ caseId }, options.expectedLength, current.length);
    }
    checkSummaryLength(caseId, summary, current.length + fresh.length);
    this.layer.cases.set(caseId, { events: [...current, ...json(fresh)], summary: json(summary) });
    return { appended: fresh.length, length: current.length + fresh.length } satisfies AppendResult;
  }
  async events(caseId: string) {
    this.guard(false);
    return copy(this.entry(caseId)?.events ?? []);
  }
  async summary(caseId: string) {
    this.guard(false);
    const s = this.entry(caseId)?.summary;
    return s && copy(s);
  }
  async findCases(query: CaseQuery) {
    this.guard(false);
    checkQuery(query);
    const all = new Map([...this.data.cases, ...this.layer.cases]);
    const out = [...all.values()].map((e) => e.summary).filter((s) => matchesCaseQuery(s, query));
    return copy(orderAndLimit(out, query));
  }

  private kindRecords(kind: string): Map<string, StoredRecord> {
    return new Map([...(this.data.records.get(kind) ?? []), ...(this.layer.records.get(kind) ?? [])]);
  }
  async getRecord<T extends StoredRecord>(kind: RecordKind, id: string) {
    this.guard(false);
    checkKind(kind);
    const r = this.layer.records.get(kind)?.get(id) ?? this.data.records.get(kind)?.get(id);
    return r && (copy(r) as T);
  }
  async listRecords<T extends StoredRecord>(kind: RecordKind, filter?: Partial<Record<string, unknown>>) {
    this.guard(false);
    checkKind(kind);
    const out = [...this.kindRecords(kind).values()].filter((r) => matchesRecordFilter(r, filter));
    return copy(out.sort(compareRecords)) as T[];
  }
  async putRecord<T extends StoredRecord>(
    kind: RecordKind,
    record: Omit<T, 'revision'>,
    options: { expectedRevision?: number } = {},
  ) {
    this.guard(true);
    checkRecord(kind, record, options.expectedRevision);
    const id = (record as unknown as { id: string }).id;
    const actual = (await this.getRecord(kind, id))?.revision ?? 0;
    if (options.expectedRevision !== undefined && options.expectedRevision !== actual) {
      throw new StoreConflictError({ kind, id }, options.expectedRevision, actual);
    }
    const stored = { ...json(record), revision: actual + 1 } as unknown as StoredRecord;
    const layer = this.layer.records.get(kind) ?? new Map<string, StoredRecord>();
    this.layer.records.set(kind, layer.set(id, stored));
    return copy(stored) as T;
  }

  /** Nested: runs at once; its writes are dropped if it throws. */
  async transact<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
    this.guard(true);
    const saved: Layer = {
      ...this.layer,
      versions: [...this.layer.versions],
      cases: new Map(this.layer.cases),
      records: new Map([...this.layer.records].map(([k, m]) => [k, new Map(m)])),
    };
    try {
      return await fn(this);
    } catch (e) {
      this.layer = saved;
      throw e;
    }
  }

  /** Moves this transaction's writes into the shared data. */
  commit(): void {
    const { draft, versions, cases, records } = this.layer;
    if (draft !== undefined) this.data.draft = draft;
    this.data.versions.push(...versions);
    for (const [id, e] of cases) this.data.cases.set(id, e);
    for (const [kind, m] of records) {
      const into = this.data.records.get(kind) ?? new Map<string, StoredRecord>();
      for (const [id, r] of m) into.set(id, r);
      this.data.records.set(kind, into);
    }
  }

  async close(): Promise<void> {}
}

export class MemoryStore extends MemoryTx {
  private closed = false;

  constructor(data: MemoryData) {
    super(data, false);
  }

  /** Another store object on the same data, as another process would open the same data directory. */
  reopen(): MemoryStore {
    return new MemoryStore(this.data);
  }

  private current(): MemoryTx | undefined {
    if (this.closed)
      throw new StoreError('STORE_CLOSED', 'This memory store was closed.', { hint: 'open it again' });
    const ctx = running.getStore();
    return ctx?.tx.active && ctx.data === this.data ? ctx.tx : undefined;
  }

  override async transact<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
    const inner = this.current();
    if (inner) return inner.transact(fn);
    await loadStoreValidation();
    const run = this.data.writers.then(async () => {
      const tx = new MemoryTx(this.data, true);
      try {
        const result = await running.run({ data: this.data, tx }, () => fn(tx));
        tx.commit();
        return result;
      } finally {
        tx.active = false;
      }
    });
    this.data.writers = run.catch(() => undefined);
    return run;
  }
  private read(): Store {
    return this.current() ?? new MemoryTx(this.data, false);
  }
  private write<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
    return this.transact(fn);
  }

  override getDraft() {
    return this.read().getDraft();
  }
  override saveDraft(items: ServiceItem[]) {
    return this.write((tx) => tx.saveDraft(items));
  }
  override publish(input: { items: ServiceItem[]; publishedBy: string; message: string; at?: string }) {
    return this.write((tx) => tx.publish(input));
  }
  override catalogue(version?: number) {
    return this.read().catalogue(version);
  }
  override versions() {
    return this.read().versions();
  }
  override append(caseId: string, events: CaseEvent[], summary: CaseSummary, options?: AppendOptions) {
    return this.write((tx) => tx.append(caseId, events, summary, options));
  }
  override events(caseId: string) {
    return this.read().events(caseId);
  }
  override summary(caseId: string) {
    return this.read().summary(caseId);
  }
  override findCases(query: CaseQuery) {
    return this.read().findCases(query);
  }
  override getRecord<T extends StoredRecord>(kind: RecordKind, id: string) {
    return this.read().getRecord<T>(kind, id);
  }
  override listRecords<T extends StoredRecord>(kind: RecordKind, filter?: Partial<Record<string, unknown>>) {
    return this.read().listRecords<T>(kind, filter);
  }
  override putRecord<T extends StoredRecord>(
    kind: RecordKind,
    record: Omit<T, 'revision'>,
    options?: { expectedRevision?: number },
  ) {
    return this.write((tx) => tx.putRecord<T>(kind, record, options));
  }
  override async close(): Promise<void> {
    this.closed = true;
  }
}

/** A fresh, empty memory store. */
export function openMemoryStore(): MemoryStore {
  return new MemoryStore({ ...emptyLayer(), writers: Promise.resolve() });
}

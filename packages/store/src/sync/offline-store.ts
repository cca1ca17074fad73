import type { CaseEvent, DeadlineCalendar } from '@tongban/core/cases';
import { TongbanError } from '@tongban/core/errors';
import type {
  AppendOptions,
  AppendResult,
  CaseQuery,
  CaseSummary,
  CatalogueVersion,
  RecordKind,
  Store,
  StoredRecord,
} from '@tongban/core/store';
import { matchesCaseQuery, orderAndLimit, StoreConflictError } from '@tongban/core/store';
import type { Outbox } from './outbox.js';

export type { KioskSyncRecord } from './push.js';

import { type PushReport, pushOutbox, reportOutbox } from './push.js';
import { isUnreachable } from './unreachable.js';

/** The central store could not be reached and the outbox cannot answer this call. */
export class CentralUnreachableError extends TongbanError {
  constructor(what: string, cause?: unknown) {
    super(
      'CENTRAL_UNREACHABLE',
      `The central store cannot be reached now, so ${what} is not available at this kiosk.`,
      {
        hint: 'new applications still work and are synced later; try this again when the link is back (tongban sync status shows it)',
        cause,
      },
    );
  }
}

export interface OfflineFirstStoreOptions {
  /** The central store, or how to open it (retried after a failure to connect). */
  central: Store | (() => Promise<Store>);
  outbox: Outbox;
  /** The work calendar, to refold a case when queued events land on an existing central log. */
  calendar: DeadlineCalendar;
}

export type Connectivity = 'online' | 'offline';

/**
 * The store of a kiosk tied to a central (PostgreSQL) store: every call goes to the central store; when it cannot
 * be reached, case writes go to the kiosk's outbox (durably, before the receipt prints) and reads of those cases
 * answer from the outbox (seed 003 一: 全时在线). `sync()` pushes the outbox in order once the link is back.
 * Catalogue reads fall back to the last catalogue seen. Records (appointments, complaints) need the link.
 */
export class OfflineFirstStore implements Store {
  private centralStore: Promise<Store> | undefined;
  private state: Connectivity = 'online';
  private pushing: Promise<PushReport> | undefined;

  constructor(private readonly options: OfflineFirstStoreOptions) {}

  get outbox(): Outbox {
    return this.options.outbox;
  }

  /** Whether the last call reached the central store. */
  connectivity(): Connectivity {
    return this.state;
  }

  /** Whether a case's events are waiting in the outbox (the receipt says it will be synced). */
  isPending(caseId: string): boolean {
    return this.options.outbox.isPending(caseId);
  }

  private central(): Promise<Store> {
    const { central } = this.options;
    if (typeof central !== 'function') return Promise.resolve(central);
    if (!this.centralStore) {
      this.centralStore = central().catch((e) => {
        this.centralStore = undefined;
        throw e;
      });
    }
    return this.centralStore;
  }

  /** Run on the central store; mark the link up or down by the outcome. */
  private async remote<T>(fn: (s: Store) => Promise<T>): Promise<T> {
    try {
      const result = await fn(await this.central());
      this.state = 'online';
      return result;
    } catch (e) {
      if (isUnreachable(e)) this.state = 'offline';
      throw e;
    }
  }

  private async orOffline<T>(what: string, fn: (s: Store) => Promise<T>): Promise<T> {
    try {
      return await this.remote(fn);
    } catch (e) {
      if (isUnreachable(e)) throw new CentralUnreachableError(what, e);
      throw e;
    }
  }

  // ---- catalogue ----
  getDraft() {
    return this.orOffline('the catalogue draft', (s) => s.getDraft());
  }
  saveDraft(items: Parameters<Store['saveDraft']>[0]) {
    return this.orOffline('saving the catalogue draft', (s) => s.saveDraft(items));
  }
  publish(input: Parameters<Store['publish']>[0]) {
    return this.orOffline('publishing the catalogue', (s) => s.publish(input));
  }
  versions() {
    return this.orOffline('the list of catalogue versions', (s) => s.versions());
  }

  async catalogue(version?: number): Promise<CatalogueVersion | undefined> {
    try {
      const found = await this.remote((s) => s.catalogue(version));
      if (found && version === undefined) this.options.outbox.cacheCatalogue(found);
      return found;
    } catch (e) {
      if (!isUnreachable(e)) throw e;
      const cached = this.options.outbox.cachedCatalogue();
      if (cached && (version === undefined || cached.version === version)) return cached;
      throw new CentralUnreachableError(`catalogue version ${version ?? '(latest)'}`, e);
    }
  }

  // ---- cases ----
  async append(
    caseId: string,
    events: CaseEvent[],
    summary: CaseSummary,
    options?: AppendOptions,
  ): Promise<AppendResult> {
    const outbox = this.options.outbox;
    // Once a case has queued events, later ones queue behind them so the order holds.
    if (!outbox.isPending(caseId)) {
      try {
        return await this.remote((s) => s.append(caseId, events, summary, options));
      } catch (e) {
        if (!isUnreachable(e)) throw e;
        // Offline, only what the kiosk itself can vouch for may queue: a new case, or steps on a queued one.
        if (options?.expectedLength !== 0) throw new CentralUnreachableError(`a step on case ${caseId}`, e);
      }
    } else if (options?.expectedLength !== undefined) {
      const queued = outbox.eventsOf(caseId).length;
      if (queued !== options.expectedLength)
        throw new StoreConflictError({ caseId }, options.expectedLength, queued);
    }
    const entry = await outbox.enqueue(caseId, events, summary);
    return { appended: entry?.events.length ?? 0, length: summary.length };
  }

  async events(caseId: string): Promise<CaseEvent[]> {
    const queued = this.options.outbox.eventsOf(caseId);
    try {
      const central = await this.remote((s) => s.events(caseId));
      const known = new Set(central.map((e) => e.id));
      return [...central, ...queued.filter((e) => !known.has(e.id))];
    } catch (e) {
      // A case opened offline is whole in the outbox (it starts with its submit event).
      if (isUnreachable(e) && queued[0]?.type === 'submit') return queued;
      if (isUnreachable(e)) throw new CentralUnreachableError(`the progress of case ${caseId}`, e);
      throw e;
    }
  }

  async summary(caseId: string): Promise<CaseSummary | undefined> {
    const queued = this.options.outbox.summaries().find((s) => s.caseId === caseId);
    if (queued) return queued;
    return this.orOffline(`the progress of case ${caseId}`, (s) => s.summary(caseId));
  }

  async findCases(query: CaseQuery): Promise<CaseSummary[]> {
    const queued = this.options.outbox.summaries().filter((s) => matchesCaseQuery(s, query));
    let central: CaseSummary[] = [];
    try {
      central = await this.remote((s) => s.findCases(queued.length ? { ...query, limit: undefined } : query));
    } catch (e) {
      if (!isUnreachable(e) || queued.length === 0) {
        if (isUnreachable(e)) throw new CentralUnreachableError('the list of cases', e);
        throw e;
      }
    }
    const byId = new Map(central.map((s) => [s.caseId, s]));
    for (const s of queued) byId.set(s.caseId, s);
    return orderAndLimit([...byId.values()], query);
  }

  // ---- records ----
  getRecord<T extends StoredRecord>(kind: RecordKind, id: string) {
    return this.orOffline(`${kind} records`, (s) => s.getRecord<T>(kind, id));
  }
  listRecords<T extends StoredRecord>(kind: RecordKind, filter?: Partial<Record<string, unknown>>) {
    return this.orOffline(`${kind} records`, (s) => s.listRecords<T>(kind, filter));
  }
  putRecord<T extends StoredRecord>(
    kind: RecordKind,
    record: Omit<T, 'revision'>,
    options?: { expectedRevision?: number },
  ) {
    return this.orOffline(`saving ${kind}`, (s) => s.putRecord<T>(kind, record, options));
  }
  transact<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
    return this.orOffline('this operation', (s) => s.transact(fn));
  }

  /** Push the outbox now (one push at a time); resolves with what happened. */
  sync(): Promise<PushReport> {
    if (!this.pushing) {
      this.pushing = (async () => {
        try {
          const central = await this.central();
          const report = await pushOutbox(this.options.outbox, central, this.options.calendar);
          this.state = report.reachable ? 'online' : 'offline';
          if (report.reachable) await reportOutbox(this.options.outbox, central).catch(() => {});
          return report;
        } catch (e) {
          if (!isUnreachable(e)) throw e;
          this.state = 'offline';
          const s = this.options.outbox.status();
          return { pushed: 0, appended: 0, remaining: s.pending, conflicts: s.conflicts, reachable: false };
        }
      })().finally(() => {
        this.pushing = undefined;
      });
    }
    return this.pushing;
  }

  /** Every intervalMs: push what is pending and report this kiosk's outbox; returns a stop function. */
  startSync(intervalMs = 5_000, onReport?: (r: PushReport) => void): () => void {
    const timer = setInterval(() => {
      this.sync().then(onReport, () => {});
    }, intervalMs);
    timer.unref();
    return () => clearInterval(timer);
  }

  async close(): Promise<void> {
    await this.pushing?.catch(() => {});
    if (this.centralStore) await (await this.centralStore.catch(() => undefined))?.close();
    else if (typeof this.options.central !== 'function') await this.options.central.close();
  }
}

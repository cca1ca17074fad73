import type { CaseEvent } from '../cases/case-event.js';
import type { ServiceItem } from '../catalogue/service-item.js';

/** A published, immutable catalogue version (seed 000 4.2: dynamic management with an update record). */
export interface CatalogueVersion {
  version: number;
  publishedBy: string;
  publishedAt: string; // UTC ISO-8601
  message: string;
  items: ServiceItem[];
}
export type CatalogueVersionInfo = Omit<CatalogueVersion, 'items'> & { itemCount: number };

/**
 * The projection of a case that queries need, computed by the case engine on every append and stored beside the
 * events. The store never interprets events; it only indexes these fields.
 */
export interface CaseSummary {
  caseId: string; // = application number (申请编号)
  itemCode: string;
  mode: string;
  state: string;
  /** Which unit the case waits on now (undefined when closed). */
  waitingOn?: string;
  /** ID number of the applicant, stored for lookup at the kiosk; masked whenever shown. */
  applicantId: string;
  /** Bundle application this case belongs to (一件事), if any. */
  bundleId?: string;
  createdAt: string;
  updatedAt: string;
  /** Promised due date (UTC ISO-8601) once accepted; undefined before acceptance or when the clock is paused. */
  dueAt?: string;
  closedAt?: string;
  /** Units that have touched the case (for per-unit metrics and lists). */
  units: string[];
  /** Number of events in the log after this append. */
  length: number;
}

/**
 * Filters of findCases; all given fields must hold (see query.ts `matchesCaseQuery`, the reference meaning every
 * adapter follows). Results are ordered by createdAt, then caseId.
 */
export interface CaseQuery {
  /** Equality on the applicant's ID number. */
  applicantId?: string;
  /** One state or any of several. */
  state?: string | string[];
  mode?: string;
  itemCode?: string;
  /** The unit has touched the case (`units` contains it). */
  unit?: string;
  /** The case waits on this unit now (a unit's worklist). Added for the worklists; optional. */
  waitingOn?: string;
  bundleId?: string;
  /** Open cases whose dueAt is strictly before this instant (overdue / due soon). */
  dueBefore?: string;
  /** createdFrom <= createdAt (inclusive). */
  createdFrom?: string;
  /** createdAt < createdTo (exclusive): periods are half-open for metrics. */
  createdTo?: string;
  /** true: no closedAt; false: closed. */
  open?: boolean;
  /** At most this many, the first in order. */
  limit?: number;
}

export interface AppendOptions {
  /**
   * Optimistic concurrency: the log length the caller folded before deciding. When the log has grown since,
   * the append fails with a StoreConflictError and the caller re-reads and retries.
   * Events whose ids are already stored are skipped first (idempotent append).
   */
  expectedLength?: number;
}

export interface AppendResult {
  /** Events actually added (duplicates by id are skipped). */
  appended: number;
  length: number;
}

/** The kinds of small documents the store keeps beside cases. */
export type RecordKind =
  | 'appointments'
  | 'capacity'
  | 'complaints'
  | 'ratings'
  | 'tasks'
  | 'ledger'
  | 'settings'
  | 'archives'
  | 'transfers'
  | 'sync';

export interface StoredRecord {
  id: string;
  /** Increments on every put; pass it back as expectedRevision for optimistic concurrency. */
  revision: number;
  [field: string]: unknown;
}

/**
 * The store contract. Adapters: lowdb (embedded default) and PostgreSQL (a province), in @tongban/store.
 * Every method is atomic; a failed call changes nothing.
 */
export interface Store {
  // ---- catalogue ----
  /** The working draft that `items import` writes and `items publish` freezes. */
  getDraft(): Promise<ServiceItem[] | undefined>;
  saveDraft(items: ServiceItem[]): Promise<void>;
  publish(input: {
    items: ServiceItem[];
    publishedBy: string;
    message: string;
    at?: string;
  }): Promise<CatalogueVersion>;
  /** A version by number, or the latest when omitted. */
  catalogue(version?: number): Promise<CatalogueVersion | undefined>;
  versions(): Promise<CatalogueVersionInfo[]>;

  // ---- cases ----
  append(
    caseId: string,
    events: CaseEvent[],
    summary: CaseSummary,
    options?: AppendOptions,
  ): Promise<AppendResult>;
  events(caseId: string): Promise<CaseEvent[]>;
  summary(caseId: string): Promise<CaseSummary | undefined>;
  findCases(query: CaseQuery): Promise<CaseSummary[]>;

  // ---- records ----
  getRecord<T extends StoredRecord>(kind: RecordKind, id: string): Promise<T | undefined>;
  listRecords<T extends StoredRecord>(
    kind: RecordKind,
    filter?: Partial<Record<string, unknown>>,
  ): Promise<T[]>;
  /** Insert or replace; with expectedRevision, fails with StoreConflictError when the record moved on. */
  putRecord<T extends StoredRecord>(
    kind: RecordKind,
    record: Omit<T, 'revision'>,
    options?: { expectedRevision?: number },
  ): Promise<T>;

  /**
   * Run fn with exclusive access across processes (kiosk and CLI on one data directory): reads inside see every
   * write before, and other writers wait. Use it for check-then-write rules such as appointment capacity.
   */
  transact<T>(fn: (tx: Store) => Promise<T>): Promise<T>;

  close(): Promise<void>;
}

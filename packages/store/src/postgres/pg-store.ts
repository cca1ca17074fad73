import { AsyncLocalStorage } from 'node:async_hooks';
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
import { loadStoreValidation, StoreConflictError, StoreError } from '@tongban/core/store';
import pg from 'pg';
import { isConnectionError, isRace, mapPgError, StoreSchemaError } from './errors.js';
import { LATEST_SCHEMA, migrate, schemaStatus } from './migrations.js';
import type { Exec } from './pg-ops.js';
import * as ops from './pg-ops.js';

export interface PostgresStoreOptions {
  /** postgresql://user:password@host:port/database (TONGBAN_DATABASE_URL). */
  url: string;
  /** Connections kept by this process (default 10; a kiosk needs 2-4). */
  poolSize?: number;
  /** Give up connecting after this many ms with STORE_UNAVAILABLE (default 5000). */
  connectTimeoutMs?: number;
  /** Apply pending migrations on first use instead of refusing (tests, single-machine set-ups). Default false. */
  migrate?: boolean;
}

/** The transaction running in the current async context, so store calls inside transact re-enter it. */
const running = new AsyncLocalStorage<{ url: string; tx: PgTx }>();

const RACE_RETRIES = 20;

/**
 * The PostgreSQL store (issue 9: a province's cases in one database shared by windows, departments and kiosks).
 * - append with expectedLength (case-service performStep): one statement, no explicit transaction: update the
 *   summary where the log is still at that length and insert the events behind it (sql.ts APPEND_NEXT_SQL). When
 *   it writes nothing (the log moved on, or an event id is stored) the general path decides: read the log length
 *   and the stored event ids, then insert the events at seq length+1.. together with the summary. (case_id, seq) is
 *   unique, so of two writers of one case one wins and the other collides: with expectedLength it gets
 *   StoreConflictError, without it is retried.
 * - The statements of a transition are named prepared statements (parsed and planned once per connection).
 * - transact: BEGIN; lock the 'transact' row of store_locks FOR UPDATE; fn; COMMIT (READ COMMITTED, so each
 *   statement after the lock sees every earlier commit). Record and catalogue writes outside transact hold the
 *   same row FOR SHARE: they run side by side but never inside someone's transact (lowdb's guarantee).
 * - Connection trouble is STORE_UNAVAILABLE (StoreUnavailableError), retryable thanks to event ids.
 */
export class PostgresStore implements Store {
  private closed = false;
  private schemaReady: Promise<void> | undefined;

  constructor(
    readonly url: string,
    readonly pool: pg.Pool,
    private readonly autoMigrate: boolean,
  ) {}

  private guard(): void {
    if (this.closed) {
      throw new StoreError('STORE_CLOSED', 'The PostgreSQL store was closed.', { hint: 'open it again' });
    }
  }

  /** Checked once, on first use (so opening a store never needs the network; an offline kiosk can start). */
  private ready(): Promise<void> {
    this.schemaReady ??= (async () => {
      if (this.autoMigrate) await migrate(this.pool);
      const status = await schemaStatus(this.pool);
      if (status.current < LATEST_SCHEMA) {
        throw new StoreSchemaError(
          `The database has schema version ${status.current}; this Tongban needs ${LATEST_SCHEMA}.`,
          'run `tongban db migrate` with the same TONGBAN_DATABASE_URL (or --database-url) first',
        );
      }
      if (status.current > LATEST_SCHEMA) {
        throw new StoreSchemaError(
          `The database has schema version ${status.current}, newer than this Tongban knows (${LATEST_SCHEMA}).`,
          'upgrade this Tongban to the version that migrated the database',
        );
      }
    })().catch((e) => {
      this.schemaReady = undefined; // try again on the next call (the server may come back)
      throw mapPgError(e);
    });
    return this.schemaReady;
  }

  /** Autocommit statements on the pool. */
  readonly exec: Exec = async <R extends object>(text: string, values?: unknown[], name?: string) => {
    try {
      return (await this.pool.query<R>({ text, values, name })).rows;
    } catch (e) {
      throw mapPgError(e);
    }
  };

  /** The transaction of this database running in this async context, if any. */
  private current(): PgTx | undefined {
    const ctx = running.getStore();
    return ctx?.tx.active && ctx.url === this.url ? ctx.tx : undefined;
  }

  private async read<T>(fn: (q: Exec) => Promise<T>): Promise<T> {
    this.guard();
    const tx = this.current();
    if (tx) return tx.run(fn);
    await this.ready();
    return fn(this.exec);
  }

  /** A transaction on one client holding the transact lock row (FOR UPDATE) or sharing it (FOR SHARE). */
  private async inTransaction<T>(mode: 'UPDATE' | 'SHARE', fn: (tx: PgTx) => Promise<T>): Promise<T> {
    await this.ready();
    await loadStoreValidation();
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (e) {
      throw mapPgError(e);
    }
    const tx = new PgTx(this, client);
    let broken: unknown;
    try {
      await tx.exec('BEGIN');
      await tx.exec(`SELECT name FROM store_locks WHERE name = 'transact' FOR ${mode}`);
      let result: T;
      try {
        result = await running.run({ url: this.url, tx }, () => fn(tx));
      } finally {
        tx.active = false;
      }
      await tx.settle();
      await tx.exec('COMMIT');
      return result;
    } catch (e) {
      if (isConnectionError(e)) broken = e;
      else await client.query('ROLLBACK').catch((r: unknown) => (broken = r));
      throw mapPgError(e);
    } finally {
      client.release(broken instanceof Error ? broken : undefined);
    }
  }

  transact<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
    this.guard();
    const tx = this.current();
    if (tx) return tx.transact(fn);
    return this.inTransaction('UPDATE', fn);
  }

  private write<T>(fn: (q: Exec) => Promise<T>): Promise<T> {
    this.guard();
    const tx = this.current();
    if (tx) return tx.run(fn);
    return this.inTransaction('SHARE', (t) => t.run(fn));
  }

  getDraft() {
    return this.read(ops.getDraft);
  }
  saveDraft(items: ServiceItem[]) {
    return this.write((q) => ops.saveDraft(q, items));
  }
  publish(input: { items: ServiceItem[]; publishedBy: string; message: string; at?: string }) {
    return this.write((q) => ops.publish(q, input));
  }
  catalogue(version?: number) {
    return this.read((q) => ops.catalogue(q, version));
  }
  versions() {
    return this.read(ops.versions);
  }

  async append(caseId: string, events: CaseEvent[], summary: CaseSummary, options: AppendOptions = {}) {
    this.guard();
    const tx = this.current();
    if (tx) return tx.append(caseId, events, summary, options);
    await this.ready();
    await loadStoreValidation();
    try {
      const done = await ops.appendFast(this.exec, caseId, events, summary, options.expectedLength);
      if (done) return done;
    } catch (e) {
      if (!isRace(e)) throw mapPgError(e); // a stored event id or a concurrent writer: decide below
    }
    for (let attempt = 0; ; attempt++) {
      try {
        return await ops.appendOnce(this.exec, caseId, events, summary, options);
      } catch (e) {
        // Lost a race with another writer of this case: the next attempt re-reads the length and the ids, so
        // it returns {appended: 0} for events now stored, or StoreConflictError when expectedLength is stale.
        if (!isRace(e) || attempt >= RACE_RETRIES) throw mapPgError(e);
      }
    }
  }
  events(caseId: string) {
    return this.read((q) => ops.events(q, caseId));
  }
  summary(caseId: string) {
    return this.read((q) => ops.summary(q, caseId));
  }
  findCases(query: CaseQuery) {
    return this.read((q) => ops.findCases(q, query));
  }
  getRecord<T extends StoredRecord>(kind: RecordKind, id: string) {
    return this.read((q) => ops.getRecord(q, kind, id)) as Promise<T | undefined>;
  }
  listRecords<T extends StoredRecord>(kind: RecordKind, filter?: Partial<Record<string, unknown>>) {
    return this.read((q) => ops.listRecords(q, kind, filter)) as Promise<T[]>;
  }
  putRecord<T extends StoredRecord>(
    kind: RecordKind,
    record: Omit<T, 'revision'>,
    options: { expectedRevision?: number } = {},
  ) {
    return this.write((q) => ops.putRecord(q, kind, record, options.expectedRevision)) as Promise<T>;
  }

  /** Driver errors as TongbanErrors (STORE_UNAVAILABLE for connection trouble), for callers using `pool`. */
  mapError(e: unknown): unknown {
    return mapPgError(e);
  }

  /** Apply the pending schema migrations now (what `tongban db migrate` does); returns the versions applied. */
  async migrate(): Promise<number[]> {
    this.guard();
    try {
      const applied = await migrate(this.pool);
      this.schemaReady = undefined;
      return applied;
    } catch (e) {
      throw mapPgError(e);
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}

/**
 * A store view bound to one transaction's client. Calls are run one after another (a compound call such as
 * append reads then writes and must not interleave with another); a nested transact is a SAVEPOINT.
 */
export class PgTx implements Store {
  active = true;
  private queue: Promise<unknown> = Promise.resolve();
  private savepoints = 0;

  constructor(
    private readonly store: PostgresStore,
    private readonly client: pg.PoolClient,
  ) {}

  readonly exec: Exec = async <R extends object>(text: string, values?: unknown[], name?: string) => {
    try {
      return (await this.client.query<R>({ text, values, name })).rows;
    } catch (e) {
      throw mapPgError(e);
    }
  };

  private guard(): void {
    if (!this.active) {
      throw new StoreError(
        'STORE_TX_CLOSED',
        'This transaction has ended; its store object cannot be used now.',
        {
          hint: 'use the tx object only inside the function passed to transact, and await every call',
        },
      );
    }
  }

  /** Run fn on this transaction's client after the calls queued before it. */
  run<T>(fn: (q: Exec) => Promise<T>): Promise<T> {
    try {
      this.guard();
    } catch (e) {
      return Promise.reject(e);
    }
    const next = this.queue.then(() => fn(this.exec));
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Wait for the queued calls (before COMMIT). */
  async settle(): Promise<void> {
    await this.queue;
  }

  async append(caseId: string, events: CaseEvent[], summary: CaseSummary, options: AppendOptions = {}) {
    return this.run(async (q) => {
      try {
        return await ops.appendOnce(q, caseId, events, summary, options);
      } catch (e) {
        // A writer outside transact appended to this case meanwhile; the transaction cannot go on.
        if (!isRace(e)) throw e;
        throw new StoreConflictError(
          { caseId },
          options.expectedLength ?? -1,
          await ops.caseLength(this.store.exec, caseId),
        );
      }
    });
  }

  async transact<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
    const name = `sp${++this.savepoints}`;
    await this.run((q) => q(`SAVEPOINT ${name}`));
    try {
      const result = await fn(this);
      await this.run((q) => q(`RELEASE SAVEPOINT ${name}`));
      return result;
    } catch (e) {
      if (this.active) await this.run((q) => q(`ROLLBACK TO SAVEPOINT ${name}`)).catch(() => undefined);
      throw e;
    }
  }

  getDraft() {
    return this.run(ops.getDraft);
  }
  saveDraft(items: ServiceItem[]) {
    return this.run((q) => ops.saveDraft(q, items));
  }
  publish(input: { items: ServiceItem[]; publishedBy: string; message: string; at?: string }) {
    return this.run((q) => ops.publish(q, input));
  }
  catalogue(version?: number) {
    return this.run((q) => ops.catalogue(q, version));
  }
  versions() {
    return this.run(ops.versions);
  }
  events(caseId: string) {
    return this.run((q) => ops.events(q, caseId));
  }
  summary(caseId: string) {
    return this.run((q) => ops.summary(q, caseId));
  }
  findCases(query: CaseQuery) {
    return this.run((q) => ops.findCases(q, query));
  }
  getRecord<T extends StoredRecord>(kind: RecordKind, id: string) {
    return this.run((q) => ops.getRecord(q, kind, id)) as Promise<T | undefined>;
  }
  listRecords<T extends StoredRecord>(kind: RecordKind, filter?: Partial<Record<string, unknown>>) {
    return this.run((q) => ops.listRecords(q, kind, filter)) as Promise<T[]>;
  }
  putRecord<T extends StoredRecord>(
    kind: RecordKind,
    record: Omit<T, 'revision'>,
    options: { expectedRevision?: number } = {},
  ) {
    return this.run((q) => ops.putRecord(q, kind, record, options.expectedRevision)) as Promise<T>;
  }
  async close(): Promise<void> {
    // The store owns the connection; closing a transaction's view is a no-op.
  }
}

/** Open a PostgreSQL store (no connection is made until the first call). */
export async function openPostgresStore(options: PostgresStoreOptions): Promise<PostgresStore> {
  if (typeof options.url !== 'string' || !/^postgres(ql)?:\/\//.test(options.url)) {
    throw new StoreError('STORE_URL', `"${redactUrl(String(options.url))}" is not a PostgreSQL URL.`, {
      hint: 'use postgresql://user:password@host:5432/database in TONGBAN_DATABASE_URL or --database-url',
    });
  }
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
  });
  // An idle connection dropped by the server (restart, network) must not crash the process; the next query
  // opens a new one or reports STORE_UNAVAILABLE.
  pool.on('error', () => undefined);
  return new PostgresStore(options.url, pool, options.migrate ?? false);
}

/** The URL with its password replaced by ***, for messages and logs. */
export function redactUrl(url: string): string {
  return url.replace(/(\/\/[^:/@]*:)[^@]*@/, '$1***@');
}

import type { Pool, PoolClient } from 'pg';
import { isRace } from './errors.js';

/**
 * Versioned schema migrations, applied in order by `migrate()` (`tongban db migrate`) and recorded in
 * schema_migrations. Never edit a released migration: add the next one.
 *
 * Portability (issue 9: Citus, YugabyteDB, CockroachDB): plain tables, B-tree, partial and GIN indexes only; no
 * triggers, sequences, LISTEN/NOTIFY or stored procedures. Per-case order comes from the (case_id, seq) key that
 * the adapter computes, not from a sequence. See docs/store.md "PostgreSQL" for the distribution key (case_id).
 */
export interface Migration {
  version: number;
  name: string;
  sql: string[];
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'catalogue, case events and summaries, records',
    sql: [
      `CREATE TABLE catalogue_draft (
        id int PRIMARY KEY CHECK (id = 1),
        items json NOT NULL,
        saved_at timestamptz NOT NULL)`,
      // published_at is kept as the text given (an ISO instant) so it reads back exactly.
      `CREATE TABLE catalogue_versions (
        version int PRIMARY KEY,
        published_by text NOT NULL,
        published_at text NOT NULL,
        message text NOT NULL,
        item_count int NOT NULL,
        items json NOT NULL)`,
      // One row per event; seq = 1, 2, ... per case: the unique key is the optimistic-concurrency arbiter.
      `CREATE TABLE case_events (
        case_id text COLLATE "C" NOT NULL,
        seq int NOT NULL,
        event_id text COLLATE "C" NOT NULL,
        event json NOT NULL,
        PRIMARY KEY (case_id, seq),
        UNIQUE (case_id, event_id))`,
      // The CaseSummary of the case engine: indexed columns plus the document as written.
      `CREATE TABLE case_summaries (
        case_id text COLLATE "C" PRIMARY KEY,
        item_code text NOT NULL,
        mode text NOT NULL,
        state text NOT NULL,
        waiting_on text,
        applicant_id text NOT NULL,
        bundle_id text,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        due_at timestamptz,
        closed_at timestamptz,
        units text[] NOT NULL,
        length int NOT NULL,
        doc json NOT NULL)`,
      // Lookup by ID number at the kiosk (seed 002 8.5 progress query).
      'CREATE INDEX case_summaries_applicant ON case_summaries (applicant_id, created_at)',
      // Periods for metrics (createdFrom/createdTo) and the default order.
      'CREATE INDEX case_summaries_created ON case_summaries (created_at, case_id)',
      // Overdue and due soon: open cases by due date (seed 002 9.3.6 超期).
      'CREATE INDEX case_summaries_due_open ON case_summaries (due_at) WHERE closed_at IS NULL',
      'CREATE INDEX case_summaries_state ON case_summaries (state, created_at)',
      'CREATE INDEX case_summaries_item ON case_summaries (item_code, mode, created_at)',
      'CREATE INDEX case_summaries_waiting ON case_summaries (waiting_on, created_at) WHERE closed_at IS NULL',
      'CREATE INDEX case_summaries_bundle ON case_summaries (bundle_id) WHERE bundle_id IS NOT NULL',
      // Units that touched a case (per-unit metrics and lists): units @> ARRAY[unit].
      'CREATE INDEX case_summaries_units ON case_summaries USING gin (units)',
      `CREATE TABLE records (
        kind text COLLATE "C" NOT NULL,
        id text COLLATE "C" NOT NULL,
        revision int NOT NULL,
        body jsonb NOT NULL,
        PRIMARY KEY (kind, id))`,
      // transact() holds this row FOR UPDATE; single record and catalogue writes hold it FOR SHARE.
      'CREATE TABLE store_locks (name text PRIMARY KEY)',
      "INSERT INTO store_locks (name) VALUES ('transact')",
    ],
  },
];

export const LATEST_SCHEMA = MIGRATIONS.at(-1)?.version ?? 0;

const CREATE_LOG = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version int PRIMARY KEY,
  name text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now())`;

export interface SchemaStatus {
  /** Highest applied version (0: none). */
  current: number;
  latest: number;
  applied: { version: number; name: string; appliedAt: string }[];
  pending: { version: number; name: string }[];
}

export async function schemaStatus(pool: Pool): Promise<SchemaStatus> {
  const exists = await pool.query<{ t: string | null }>("SELECT to_regclass('schema_migrations')::text AS t");
  const rows =
    exists.rows[0]?.t == null
      ? []
      : (
          await pool.query<{ version: number; name: string; applied_at: Date }>(
            'SELECT version, name, applied_at FROM schema_migrations ORDER BY version',
          )
        ).rows;
  const done = new Set(rows.map((r) => r.version));
  return {
    current: rows.at(-1)?.version ?? 0,
    latest: LATEST_SCHEMA,
    applied: rows.map((r) => ({ version: r.version, name: r.name, appliedAt: r.applied_at.toISOString() })),
    pending: MIGRATIONS.filter((m) => !done.has(m.version)).map(({ version, name }) => ({ version, name })),
  };
}

/**
 * Apply the pending migrations, each in its own transaction that first claims its version in schema_migrations:
 * two migrators at once (two CLIs, a CI job) cannot both apply one, the second waits and then skips it.
 * Returns the versions applied by this call.
 */
export async function migrate(pool: Pool, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  try {
    await pool.query(CREATE_LOG);
  } catch (e) {
    if (!isRace(e)) throw e; // another migrator created it at the same instant
  }
  const applied: number[] = [];
  for (const m of migrations) {
    const client: PoolClient = await pool.connect();
    try {
      const done = await client.query('SELECT 1 FROM schema_migrations WHERE version = $1', [m.version]);
      if (done.rowCount) continue;
      await client.query('BEGIN');
      try {
        await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
          m.version,
          m.name,
        ]);
        for (const stmt of m.sql) await client.query(stmt);
        await client.query('COMMIT');
        applied.push(m.version);
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        if (isRace(e)) continue; // applied by another migrator meanwhile
        throw e;
      }
    } finally {
      client.release();
    }
  }
  return applied;
}

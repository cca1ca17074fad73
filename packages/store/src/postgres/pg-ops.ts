import type { CaseEvent } from '@tongban/core/cases';
import type { ServiceItem } from '@tongban/core/catalogue';
import type {
  AppendOptions,
  AppendResult,
  CaseQuery,
  CaseSummary,
  CatalogueVersion,
  CatalogueVersionInfo,
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
  StoreConflictError,
  StoreError,
} from '@tongban/core/store';
import {
  APPEND_FAST_SQL,
  APPEND_NEXT_SQL,
  APPEND_SQL,
  APPEND_STATE_SQL,
  EVENTS_SQL,
  findCasesSql,
  SUMMARY_SQL,
} from './sql.js';

/**
 * Something that runs one statement: the pool (autocommit) or the client of a transaction. `name` makes it a named
 * prepared statement (parsed and planned once per connection; the hot statements of a transition use one).
 */
export type Exec = <R extends object>(text: string, values?: unknown[], name?: string) => Promise<R[]>;

/**
 * The SQL of every Store method, over an Exec. No transaction control here: PostgresStore decides whether a call
 * runs alone (autocommit, retried on a race) or inside transact (one client, BEGIN ... COMMIT).
 */

export async function getDraft(q: Exec): Promise<ServiceItem[] | undefined> {
  const rows = await q<{ items: ServiceItem[] }>('SELECT items FROM catalogue_draft WHERE id = 1');
  return rows[0]?.items;
}

export async function saveDraft(q: Exec, items: ServiceItem[]): Promise<void> {
  if (!Array.isArray(items)) {
    throw new StoreError('STORE_INVALID', 'A draft is an array of service items.', {
      hint: 'pass the imported items',
    });
  }
  await q(
    `INSERT INTO catalogue_draft (id, items, saved_at) VALUES (1, $1::json, now())
     ON CONFLICT (id) DO UPDATE SET items = EXCLUDED.items, saved_at = EXCLUDED.saved_at`,
    [JSON.stringify(items)],
  );
}

export async function publish(
  q: Exec,
  input: { items: ServiceItem[]; publishedBy: string; message: string; at?: string },
): Promise<CatalogueVersion> {
  checkPublish(input);
  const publishedBy = input.publishedBy.trim();
  const message = input.message.trim();
  const publishedAt = input.at ?? new Date().toISOString();
  const rows = await q<{ version: number }>(
    `INSERT INTO catalogue_versions (version, published_by, published_at, message, item_count, items)
     SELECT COALESCE(MAX(version), 0) + 1, $1, $2, $3, $4::int, $5::json FROM catalogue_versions
     RETURNING version`,
    [publishedBy, publishedAt, message, input.items.length, JSON.stringify(input.items)],
  );
  return {
    version: rows[0]!.version,
    publishedBy,
    publishedAt,
    message,
    items: structuredClone(input.items),
  };
}

interface VersionRow {
  version: number;
  published_by: string;
  published_at: string;
  message: string;
  item_count: number;
  items?: ServiceItem[];
}
const info = (r: VersionRow): CatalogueVersionInfo => ({
  version: r.version,
  publishedBy: r.published_by,
  publishedAt: r.published_at,
  message: r.message,
  itemCount: r.item_count,
});

export async function catalogue(q: Exec, version?: number): Promise<CatalogueVersion | undefined> {
  const cols = 'version, published_by, published_at, message, item_count, items';
  const rows =
    version === undefined
      ? await q<VersionRow>(`SELECT ${cols} FROM catalogue_versions ORDER BY version DESC LIMIT 1`)
      : await q<VersionRow>(`SELECT ${cols} FROM catalogue_versions WHERE version = $1::int`, [version]);
  const r = rows[0];
  if (!r) return undefined;
  const { itemCount: _, ...rest } = info(r);
  return { ...rest, items: r.items ?? [] };
}

export async function versions(q: Exec): Promise<CatalogueVersionInfo[]> {
  const rows = await q<VersionRow>(
    'SELECT version, published_by, published_at, message, item_count FROM catalogue_versions ORDER BY version',
  );
  return rows.map(info);
}

/**
 * One attempt at an append. Duplicates by event id are skipped first (idempotent, also within the batch); then
 * expectedLength is checked; then the new events get seq = length + 1, ... A writer that slipped in between the
 * read and the write makes the insert fail on (case_id, seq) with 23505: the caller retries the attempt.
 */
export async function appendOnce(
  q: Exec,
  caseId: string,
  events: CaseEvent[],
  summary: CaseSummary,
  options: AppendOptions,
): Promise<AppendResult> {
  checkAppend(caseId, events, summary);
  const [state] = await q<{ length: number | null; existing: string[] }>(
    APPEND_STATE_SQL,
    [caseId, events.map((e) => e.id)],
    'tongban_append_state',
  );
  const length = state?.length ?? 0;
  const seen = new Set(state?.existing ?? []);
  const fresh = events.filter((e) => !seen.has(e.id) && seen.add(e.id));
  if (fresh.length === 0) return { appended: 0, length };
  if (options.expectedLength !== undefined && options.expectedLength !== length) {
    throw new StoreConflictError({ caseId }, options.expectedLength, length);
  }
  checkSummaryLength(caseId, summary, length + fresh.length);
  await q(APPEND_SQL, appendParams(caseId, length, fresh, summary), 'tongban_append');
  return { appended: fresh.length, length: length + fresh.length };
}

/**
 * The one-round-trip attempt (autocommit only: its failure must not abort a transaction). Returns undefined when
 * it does not apply or did not write; then appendOnce decides.
 */
export async function appendFast(
  q: Exec,
  caseId: string,
  events: CaseEvent[],
  summary: CaseSummary,
  expectedLength: number | undefined,
): Promise<AppendResult | undefined> {
  if (expectedLength === undefined || events.length === 0) return undefined;
  checkAppend(caseId, events, summary);
  if (summary.length !== expectedLength + events.length) return undefined;
  const [text, name] =
    expectedLength === 0 ? [APPEND_FAST_SQL, 'tongban_append_new'] : [APPEND_NEXT_SQL, 'tongban_append_next'];
  const rows = await q(text, appendParams(caseId, expectedLength, events, summary), name);
  return rows.length ? { appended: events.length, length: summary.length } : undefined;
}

function appendParams(caseId: string, length: number, fresh: CaseEvent[], s: CaseSummary): unknown[] {
  return [
    caseId,
    length,
    JSON.stringify(fresh),
    s.itemCode,
    s.mode,
    s.state,
    s.waitingOn ?? null,
    s.applicantId,
    s.bundleId ?? null,
    s.createdAt,
    s.updatedAt,
    s.dueAt ?? null,
    s.closedAt ?? null,
    s.units,
    s.length,
    JSON.stringify(s),
  ];
}

/** The stored length of a case (for the conflict error after a lost race). */
export async function caseLength(q: Exec, caseId: string): Promise<number> {
  const rows = await q<{ length: number }>('SELECT length FROM case_summaries WHERE case_id = $1', [caseId]);
  return rows[0]?.length ?? 0;
}

export async function events(q: Exec, caseId: string): Promise<CaseEvent[]> {
  return (await q<{ events: CaseEvent[] | null }>(EVENTS_SQL, [caseId], 'tongban_events'))[0]?.events ?? [];
}

export async function summary(q: Exec, caseId: string): Promise<CaseSummary | undefined> {
  return (await q<{ doc: CaseSummary }>(SUMMARY_SQL, [caseId], 'tongban_summary'))[0]?.doc;
}

export async function findCases(q: Exec, query: CaseQuery): Promise<CaseSummary[]> {
  checkQuery(query);
  const { text, values } = findCasesSql(query);
  return (await q<{ doc: CaseSummary }>(text, values)).map((r) => r.doc);
}

const toRecord = (r: { body: Record<string, unknown>; revision: number }) =>
  ({ ...r.body, revision: r.revision }) as StoredRecord;

export async function getRecord(q: Exec, kind: string, id: string): Promise<StoredRecord | undefined> {
  checkKind(kind);
  const rows = await q<{ body: Record<string, unknown>; revision: number }>(
    'SELECT body, revision FROM records WHERE kind = $1 AND id = $2',
    [kind, id],
  );
  return rows[0] && toRecord(rows[0]);
}

/** Equality on each given field (jsonb equality: objects compared by value, as query.ts matchesRecordFilter). */
export async function listRecords(
  q: Exec,
  kind: string,
  filter?: Partial<Record<string, unknown>>,
): Promise<StoredRecord[]> {
  checkKind(kind);
  const values: unknown[] = [kind];
  const where = ['kind = $1'];
  for (const [k, v] of Object.entries(filter ?? {})) {
    if (v === undefined) continue;
    values.push(k, JSON.stringify(v));
    where.push(`body -> $${values.length - 1} = $${values.length}::jsonb`);
  }
  const rows = await q<{ body: Record<string, unknown>; revision: number }>(
    `SELECT body, revision FROM records WHERE ${where.join(' AND ')}`,
    values,
  );
  return rows.map(toRecord).sort(compareRecords);
}

/** Insert or replace; expectedRevision 0 = must not exist; n = must be at revision n. One statement. */
export async function putRecord(
  q: Exec,
  kind: string,
  record: Omit<StoredRecord, 'revision'>,
  expectedRevision?: number,
): Promise<StoredRecord> {
  checkRecord(kind, record, expectedRevision);
  const { revision: _drop, ...body } = record as StoredRecord;
  const id = body.id;
  const json = JSON.stringify(body);
  let rows: { revision: number }[];
  if (expectedRevision === undefined) {
    rows = await q(
      `INSERT INTO records (kind, id, revision, body) VALUES ($1, $2, 1, $3::jsonb)
       ON CONFLICT (kind, id) DO UPDATE SET revision = records.revision + 1, body = EXCLUDED.body
       RETURNING revision`,
      [kind, id, json],
    );
  } else if (expectedRevision === 0) {
    rows = await q(
      `INSERT INTO records (kind, id, revision, body) VALUES ($1, $2, 1, $3::jsonb)
       ON CONFLICT (kind, id) DO NOTHING RETURNING revision`,
      [kind, id, json],
    );
  } else {
    rows = await q(
      `UPDATE records SET revision = revision + 1, body = $3::jsonb
       WHERE kind = $1 AND id = $2 AND revision = $4::int RETURNING revision`,
      [kind, id, json, expectedRevision],
    );
  }
  if (!rows[0]) {
    const actual = (await getRecord(q, kind, id))?.revision ?? 0;
    throw new StoreConflictError({ kind, id }, expectedRevision ?? 0, actual);
  }
  return { ...structuredClone(body), revision: rows[0].revision } as StoredRecord;
}

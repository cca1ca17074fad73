import type { CaseQuery } from '@tongban/core/store';

/**
 * The SQL of the case queries, kept apart so the EXPLAIN test plans exactly what the adapter runs.
 * Semantics follow query.ts `matchesCaseQuery` (the reference every adapter must match).
 */
export interface Sql {
  text: string;
  values: unknown[];
}

export function findCasesSql(q: CaseQuery): Sql {
  const where: string[] = [];
  const values: unknown[] = [];
  const p = (v: unknown) => {
    values.push(v);
    return `$${values.length}`;
  };
  if (q.applicantId !== undefined) where.push(`applicant_id = ${p(q.applicantId)}`);
  if (q.state !== undefined) {
    where.push(Array.isArray(q.state) ? `state = ANY(${p(q.state)}::text[])` : `state = ${p(q.state)}`);
  }
  if (q.mode !== undefined) where.push(`mode = ${p(q.mode)}`);
  if (q.itemCode !== undefined) where.push(`item_code = ${p(q.itemCode)}`);
  if (q.bundleId !== undefined) where.push(`bundle_id = ${p(q.bundleId)}`);
  if (q.waitingOn !== undefined) where.push(`waiting_on = ${p(q.waitingOn)}`);
  if (q.unit !== undefined) where.push(`units @> ARRAY[${p(q.unit)}::text]`);
  if (q.open !== undefined) where.push(q.open ? 'closed_at IS NULL' : 'closed_at IS NOT NULL');
  if (q.dueBefore !== undefined) where.push(`closed_at IS NULL AND due_at < ${p(q.dueBefore)}::timestamptz`);
  if (q.createdFrom !== undefined) where.push(`created_at >= ${p(q.createdFrom)}::timestamptz`);
  if (q.createdTo !== undefined) where.push(`created_at < ${p(q.createdTo)}::timestamptz`);
  const text = [
    'SELECT doc FROM case_summaries',
    where.length ? `WHERE ${where.join(' AND ')}` : '',
    'ORDER BY created_at, case_id',
    q.limit === undefined ? '' : `LIMIT ${p(q.limit)}::int`,
  ]
    .filter(Boolean)
    .join(' ');
  return { text, values };
}

export const SUMMARY_SQL = 'SELECT doc FROM case_summaries WHERE case_id = $1';
/** The log as one JSON array (one row: one message and one JSON.parse on the client instead of one per event). */
export const EVENTS_SQL = 'SELECT json_agg(event ORDER BY seq) AS events FROM case_events WHERE case_id = $1';
/** Length of the log and which of the given event ids are stored already: one round trip before an append. */
export const APPEND_STATE_SQL = `SELECT
  (SELECT length FROM case_summaries WHERE case_id = $1) AS length,
  ARRAY(SELECT event_id FROM case_events WHERE case_id = $1 AND event_id = ANY($2::text[])) AS existing`;

/**
 * The append itself: the new events at seq = $2 + 1, 2, ... and the summary, in one statement (atomic without an
 * explicit transaction). A concurrent writer of the same case collides on (case_id, seq) and gets 23505.
 */
export const APPEND_SQL = `WITH ev AS (
  INSERT INTO case_events (case_id, seq, event_id, event)
  SELECT $1, $2::int + t.n::int, t.e->>'id', t.e
  FROM json_array_elements($3::json) WITH ORDINALITY AS t(e, n)
  RETURNING 1)
INSERT INTO case_summaries AS s (case_id, item_code, mode, state, waiting_on, applicant_id, bundle_id,
  created_at, updated_at, due_at, closed_at, units, length, doc)
VALUES ($1, $4, $5, $6, $7, $8, $9, $10::timestamptz, $11::timestamptz, $12::timestamptz, $13::timestamptz,
  $14::text[], $15::int, $16::json)
ON CONFLICT (case_id) DO UPDATE SET item_code = EXCLUDED.item_code, mode = EXCLUDED.mode, state = EXCLUDED.state,
  waiting_on = EXCLUDED.waiting_on, applicant_id = EXCLUDED.applicant_id, bundle_id = EXCLUDED.bundle_id,
  created_at = EXCLUDED.created_at, updated_at = EXCLUDED.updated_at, due_at = EXCLUDED.due_at,
  closed_at = EXCLUDED.closed_at, units = EXCLUDED.units, length = EXCLUDED.length, doc = EXCLUDED.doc`;

/**
 * The one-round-trip append to a case that has events (outside transact; the hot path of every transition): update
 * the summary where the log is still at $2, then insert the events at seq = $2 + 1, ... behind it. The update locks
 * the summary row, so of two writers that folded the same length the second waits, then finds the length moved
 * on and writes nothing (no row comes back); a stored event id raises 23505 and nothing is written. Either way the
 * adapter falls back to the read-then-write path (appendOnce), which gives the precise answer.
 */
export const APPEND_NEXT_SQL = `WITH s AS (
  UPDATE case_summaries SET item_code = $4, mode = $5, state = $6, waiting_on = $7, applicant_id = $8,
    bundle_id = $9, created_at = $10::timestamptz, updated_at = $11::timestamptz, due_at = $12::timestamptz,
    closed_at = $13::timestamptz, units = $14::text[], length = $15::int, doc = $16::json
  WHERE case_id = $1 AND length = $2::int
  RETURNING 1)
INSERT INTO case_events (case_id, seq, event_id, event)
SELECT $1, $2::int + t.n::int, t.e->>'id', t.e
FROM s, json_array_elements($3::json) WITH ORDINALITY AS t(e, n)
RETURNING 1 AS done`;

/**
 * The one-round-trip append that creates a case (expectedLength 0; outside transact). Guarded by the stored length in the same statement: when the log is not
 * at $2 nothing is written and no row comes back; a stored event id or a concurrent writer raises 23505 and nothing
 * is written. Either way the adapter falls back to the read-then-write path, which gives the precise answer.
 */
export const APPEND_FAST_SQL = `WITH cur AS (
  SELECT COALESCE((SELECT length FROM case_summaries WHERE case_id = $1), 0) AS length),
ev AS (
  INSERT INTO case_events (case_id, seq, event_id, event)
  SELECT $1, $2::int + t.n::int, t.e->>'id', t.e
  FROM cur, json_array_elements($3::json) WITH ORDINALITY AS t(e, n)
  WHERE cur.length = $2::int
  RETURNING 1)
INSERT INTO case_summaries AS s (case_id, item_code, mode, state, waiting_on, applicant_id, bundle_id,
  created_at, updated_at, due_at, closed_at, units, length, doc)
SELECT $1, $4, $5, $6, $7, $8, $9, $10::timestamptz, $11::timestamptz, $12::timestamptz, $13::timestamptz,
  $14::text[], $15::int, $16::json
FROM cur WHERE cur.length = $2::int
ON CONFLICT (case_id) DO UPDATE SET item_code = EXCLUDED.item_code, mode = EXCLUDED.mode, state = EXCLUDED.state,
  waiting_on = EXCLUDED.waiting_on, applicant_id = EXCLUDED.applicant_id, bundle_id = EXCLUDED.bundle_id,
  created_at = EXCLUDED.created_at, updated_at = EXCLUDED.updated_at, due_at = EXCLUDED.due_at,
  closed_at = EXCLUDED.closed_at, units = EXCLUDED.units, length = EXCLUDED.length, doc = EXCLUDED.doc
RETURNING 1 AS done`;

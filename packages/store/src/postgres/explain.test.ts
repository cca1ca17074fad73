import type { CaseQuery } from '@tongban/core/store';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPEND_STATE_SQL, EVENTS_SQL, findCasesSql, type Sql, SUMMARY_SQL } from './sql.js';
import { freshStore, useSharedCluster } from './test-support/shared-cluster.js';

/**
 * Issue 9: the queries the CLI and kiosk need are served by indexes, not scans. 20,000 summaries and 100,000
 * events are loaded (server-side generate_series, then ANALYZE) and the plan of each named query is checked.
 */
const cluster = useSharedCluster();
const N = 20_000;
const DAY = 86_400_000;
const T0 = Date.parse('2025-01-01T00:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();
const NOW = iso(T0 + 200 * DAY);

let pool: pg.Pool;
beforeAll(async () => {
  const { url, store } = await freshStore(await cluster());
  await store.close();
  pool = new pg.Pool({ connectionString: url, max: 2 });
  // Case g: created g*26 min after T0 (one year), 65 % closed, open ones accepted with a due date 20 days on.
  await pool.query(`INSERT INTO case_summaries (case_id, item_code, mode, state, waiting_on, applicant_id, bundle_id,
      created_at, updated_at, due_at, closed_at, units, length, doc)
    SELECT 'SITE' || (g % 40) || '-' || lpad(g::text, 8, '0'),
      'ITEM-' || (g % 200),
      (ARRAY['window','proxyLocal','proxyRemote','online','kiosk'])[1 + g % 5],
      CASE WHEN g % 20 < 13 THEN 'archived' WHEN g % 20 = 13 THEN 'supplementRequested' ELSE 'accepted' END,
      CASE WHEN g % 20 < 13 THEN NULL ELSE 'U' || (g % 60) END,
      '4405241980' || lpad((g % 15000)::text, 8, '0'),
      CASE WHEN g % 50 = 0 THEN 'B' || (g / 50) END,
      c, c, c + interval '20 days', CASE WHEN g % 20 < 13 THEN c + interval '5 days' END,
      ARRAY['U' || (g % 60), 'U' || ((g * 7) % 60)], 5, '{}'::json
    FROM generate_series(1, ${N}) g, LATERAL (SELECT timestamptz '${iso(T0)}' + g * interval '26 minutes' AS c) t`);
  await pool.query(`INSERT INTO case_events (case_id, seq, event_id, event)
    SELECT case_id, s, case_id || '#' || s, '{}'::json FROM case_summaries, generate_series(1, 5) s`);
  await pool.query('ANALYZE case_summaries');
  await pool.query('ANALYZE case_events');
});
afterAll(async () => {
  await pool?.end();
});

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}
const nodes = (n: PlanNode): PlanNode[] => [n, ...(n.Plans ?? []).flatMap(nodes)];

async function plan(sql: Sql): Promise<PlanNode[]> {
  const r = await pool.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(
    `EXPLAIN (FORMAT JSON) ${sql.text}`,
    sql.values,
  );
  return nodes(r.rows[0]!['QUERY PLAN'][0].Plan);
}

const q = (query: CaseQuery): Sql => findCasesSql(query);
const named: [string, Sql, string][] = [
  [
    'by application number (kiosk progress query, seed 002 8.5)',
    { text: SUMMARY_SQL, values: ['SITE7-00000007'] },
    'case_summaries_pkey',
  ],
  ['events of a case', { text: EVENTS_SQL, values: ['SITE7-00000007'] }, 'case_events_'],
  [
    'append: length and stored event ids',
    { text: APPEND_STATE_SQL, values: ['SITE7-00000007', ['x', 'y']] },
    'case_events_case_id_event_id_key',
  ],
  ['by applicant ID number', q({ applicantId: '440524198000001234' }), 'case_summaries_applicant'],
  ['overdue (seed 002 9.3.6)', q({ dueBefore: NOW }), 'case_summaries_due_open'],
  [
    'due soon (3 days)',
    q({ dueBefore: iso(Date.parse(NOW) + 3 * DAY), state: ['accepted', 'supplementRequested'] }),
    'case_summaries_due_open',
  ],
  [
    'per unit and period (metrics)',
    q({ unit: 'U7', createdFrom: iso(T0 + 30 * DAY), createdTo: iso(T0 + 37 * DAY) }),
    '',
  ],
  [
    'per period (metrics)',
    q({ createdFrom: iso(T0 + 30 * DAY), createdTo: iso(T0 + 31 * DAY) }),
    'case_summaries_created',
  ],
  ['by state', q({ state: 'supplementRequested', limit: 50 }), ''],
  ['worklist of a unit (waitingOn, open)', q({ waitingOn: 'U3', open: true }), 'case_summaries_waiting'],
  ['by item and mode', q({ itemCode: 'ITEM-7', mode: 'proxyRemote' }), 'case_summaries_item'],
  ['by bundle (一件事)', q({ bundleId: 'B17' }), 'case_summaries_bundle'],
];

describe('PostgreSQL plans of the named queries (issue 9: indexes, not scans)', () => {
  it.each(named)('%s uses an index', async (_name, sql, index) => {
    const ns = await plan(sql);
    const scans = ns.filter((n) => n['Node Type'].includes('Scan'));
    const seq = scans.filter((n) => n['Node Type'] === 'Seq Scan' && /^case_/.test(n['Relation Name'] ?? ''));
    expect(seq, JSON.stringify(ns.map((n) => [n['Node Type'], n['Relation Name']]))).toEqual([]);
    expect(scans.some((n) => /Index|Bitmap/.test(n['Node Type']))).toBe(true);
    if (index) expect(ns.some((n) => n['Index Name']?.startsWith(index))).toBe(true);
  });

  it('the same queries through the store return the right cases', async () => {
    const ids = async (query: CaseQuery) =>
      (await pool.query<{ doc: unknown }>(findCasesSql(query).text, findCasesSql(query).values)).rowCount;
    expect(await ids({ bundleId: 'B17' })).toBe(1);
    expect(await ids({ applicantId: '440524198000001234' })).toBe(2); // g = 1234 and 16234
  });
});

/**
 * The PostgreSQL store under a province's load (issue 9), beside pgbench's simple-update on the same server in the
 * same run. Loads BENCH_CASES cases (default 1,000,000) with BENCH_EVENTS_PER_CASE events each (default 10: ten
 * million events) server-side, then measures:
 *   - transitions/s from 8 concurrent clients: what case-service performStep does against the store (read the
 *     case's events, append one event with expectedLength and the new summary), vs `pgbench -N` (simple-update:
 *     three updates and an insert per transaction) with 8 clients, as a ratio;
 *   - lookup of a summary by application number (kiosk progress query): p50 / p99 of sequential lookups.
 * Goals: >= 2,000 transitions/s on a 2-core machine; lookup p99 <= 5 ms.
 *
 *   npx tsx bench/pg-store.ts                       full size (several minutes: ~3 GB of data)
 *   BENCH_CASES=100000 BENCH_SECONDS=10 npx tsx bench/pg-store.ts      a quick run
 * BENCH_DURABLE=0 turns fsync/synchronous_commit off for both sides (default on: what a province would run).
 * Also printed: CPU per transaction of the server (postmaster and its processes, /proc) and of the client (this
 * process for tongban, pgbench's process) on both sides, and the load average (other jobs share the 2 cores).
 * BENCH_STATEMENTS=1: pg_stat_statements (exec and plan time per statement) and server CPU per process kind.
 * BENCH_PG_SETTINGS=commit_delay=100,commit_siblings=4: server settings for both sides. BENCH_POOL: store pool size.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { CaseEvent } from '../packages/core/src/cases/case-event.js';
import { StoreConflictError } from '../packages/core/src/store/errors.js';
import type { CaseSummary } from '../packages/core/src/store/store.js';
import { openPostgresStore } from '../packages/store/src/postgres/pg-store.js';
import { startPgCluster } from '../packages/store/src/postgres/test-support/pg-cluster.js';

/** A size from the environment (BENCH_*), for quick runs. */
const setting = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const text = (name: string) => process.env[name] ?? '';
const CASES = setting('BENCH_CASES', 1_000_000);
const PER_CASE = setting('BENCH_EVENTS_PER_CASE', 10);
const SECONDS = setting('BENCH_SECONDS', 20);
const CLIENTS = 8;
const LOOKUPS = setting('BENCH_LOOKUPS', 5000);
const DURABLE = setting('BENCH_DURABLE', 1) !== 0;
const BATCH = 50_000;

const STATEMENTS = setting('BENCH_STATEMENTS', 0) !== 0;
const TICK_MS = 1000 / 100; // USER_HZ: /proc times are in 1/100 s

/** CPU seconds (user + system) of /proc/<pid>/stat fields 14-15, or of the waited-for children (16-17). */
const procCpu = (pid: number | 'self', children = false): number => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // f[0] = field 3 (state)
    const [a, b] = children ? [f[13], f[14]] : [f[11], f[12]];
    return ((Number(a) + Number(b)) * TICK_MS) / 1000;
  } catch {
    return 0; // the process ended
  }
};
/**
 * CPU seconds of the server: the postmaster, its live processes (backends, WAL writer, ...) and those that ended
 * (the postmaster's children times).
 */
const serverCpu = (dataDir: string, byProcess?: Map<string, number>): number => {
  const postmaster = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  let total = procCpu(postmaster) + procCpu(postmaster, true);
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== postmaster) continue;
      const cpu = procCpu(Number(name));
      total += cpu;
      if (byProcess) {
        const title = readFileSync(`/proc/${name}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
        const kind = title.replace(/^postgres: /, '').replace(/postgres \S+ \[local\].*/, 'backend');
        byProcess.set(kind, (byProcess.get(kind) ?? 0) + cpu);
      }
    } catch {
      // gone meanwhile
    }
  }
  return total;
};
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

const caseId = (g: number) => `SITE${g % 40}-${String(g).padStart(8, '0')}`;
const f0 = (n: number) => n.toFixed(0);
const f2 = (n: number) => n.toFixed(2);

const cluster = await startPgCluster({
  durable: DURABLE,
  settings: {
    shared_buffers: '2GB',
    max_wal_size: '8GB',
    checkpoint_timeout: '30min',
    maintenance_work_mem: '512MB',
    work_mem: '32MB',
    ...Object.fromEntries(
      text('BENCH_PG_SETTINGS')
        .split(',')
        .filter(Boolean)
        .map((kv) => kv.split('=') as [string, string]),
    ),
    ...(STATEMENTS
      ? {
          shared_preload_libraries: 'pg_stat_statements',
          'pg_stat_statements.track': 'all',
          'pg_stat_statements.track_planning': 'on',
        }
      : {}),
  },
});
try {
  const POOL = setting('BENCH_POOL', CLIENTS + 2);
  const store = await openPostgresStore({ url: cluster.socketUrl, poolSize: POOL });
  await store.migrate();
  const q = (sql: string) => store.pool.query(sql);

  // ---- load (server-side, in batches: no rows cross the wire) ----
  const tLoad = performance.now();
  for (let from = 1; from <= CASES; from += BATCH) {
    const to = Math.min(CASES, from + BATCH - 1);
    await q(`INSERT INTO case_summaries (case_id, item_code, mode, state, waiting_on, applicant_id, bundle_id,
        created_at, updated_at, due_at, closed_at, units, length, doc)
      SELECT id, 'ITEM-' || (g % 500), (ARRAY['window','proxyLocal','proxyRemote','online','kiosk'])[1 + g % 5],
        CASE WHEN g % 20 < 13 THEN 'archived' ELSE 'accepted' END,
        CASE WHEN g % 20 < 13 THEN NULL ELSE 'U' || (g % 60) END,
        '4405241980' || lpad((g % 700000)::text, 8, '0'), NULL, c, c, c + interval '20 days',
        CASE WHEN g % 20 < 13 THEN c + interval '5 days' END,
        ARRAY['U' || (g % 60), 'U' || ((g * 7) % 60)], ${PER_CASE},
        json_build_object('caseId', id, 'itemCode', 'ITEM-' || (g % 500), 'state', 'accepted', 'length', ${PER_CASE})
      FROM generate_series(${from}, ${to}) g,
        LATERAL (SELECT 'SITE' || (g % 40) || '-' || lpad(g::text, 8, '0') AS id,
                        timestamptz '2024-01-01T00:00:00Z' + g * interval '30 seconds' AS c) t`);
    await q(`INSERT INTO case_events (case_id, seq, event_id, event)
      SELECT id, s, id || '#' || s, json_build_object('id', id || '#' || s, 'caseId', id, 'type', 'note',
        'unit', 'window', 'actor', 'clerk-7', 'at', '2024-01-01T00:00:00.000Z', 'payload', json_build_object('n', s))
      FROM generate_series(${from}, ${to}) g, LATERAL (SELECT 'SITE' || (g % 40) || '-' || lpad(g::text, 8, '0') AS id) t,
        generate_series(1, ${PER_CASE}) s`);
    process.stdout.write(`\rloaded ${to} cases / ${to * PER_CASE} events`);
  }
  await q('VACUUM ANALYZE case_summaries');
  await q('VACUUM ANALYZE case_events');
  const loadS = (performance.now() - tLoad) / 1000;
  const size = (await q('SELECT pg_size_pretty(pg_database_size(current_database())) AS s')).rows[0].s;
  console.log(`\nload: ${CASES} cases, ${CASES * PER_CASE} events in ${f0(loadS)} s (${size})`);

  // ---- pgbench -N (simple-update), same server, same client count ----
  await cluster.createDatabase('pgbench');
  const pgArgs = ['-h', cluster.dir, '-p', String(cluster.port), '-U', 'postgres'];
  cluster.run('pgbench', [...pgArgs, '-i', '-q', '-s', '10', 'pgbench']);
  console.log(`load average before pgbench: ${load()}`);
  const pgCpu0 = { server: serverCpu(join(cluster.dir, 'data')), client: procCpu('self', true) };
  const pgOut = cluster.run('pgbench', [
    ...pgArgs,
    '-N',
    '-c',
    String(CLIENTS),
    '-j',
    '2',
    '-T',
    String(SECONDS),
    'pgbench',
  ]);
  const pgbenchTps = Number(/tps = ([\d.]+)/.exec(pgOut)?.[1] ?? Number.NaN);
  const pgbenchTx = Number(/processed: (\d+)/.exec(pgOut)?.[1] ?? Number.NaN);
  const pgCpu = {
    server: serverCpu(join(cluster.dir, 'data')) - pgCpu0.server,
    client: procCpu('self', true) - pgCpu0.client,
  };
  if (STATEMENTS) await q('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');

  // ---- transitions from 8 concurrent clients ----
  const template = (id: string, length: number): CaseSummary => ({
    caseId: id,
    itemCode: 'ITEM-1',
    mode: 'window',
    state: length % 2 ? 'accepted' : 'supplementRequested',
    waitingOn: 'U1',
    applicantId: '440524198000000001',
    createdAt: '2024-01-01T00:00:00.000Z',
    updatedAt: new Date().toISOString(),
    dueAt: '2024-01-21T00:00:00.000Z',
    units: ['U1', 'U7'],
    length,
  });
  let transitions = 0;
  let conflicts = 0;
  let n = 0;
  const until = performance.now() + SECONDS * 1000;
  const client = async (k: number) => {
    while (performance.now() < until) {
      const id = caseId(1 + Math.floor(Math.random() * CASES));
      const events = await store.events(id);
      const e: CaseEvent = {
        id: `b${k}-${++n}`,
        caseId: id,
        type: 'note',
        unit: 'window',
        actor: `clerk-${k}`,
        at: new Date().toISOString(),
        payload: { note: 'bench' },
      };
      try {
        await store.append(id, [e], template(id, events.length + 1), { expectedLength: events.length });
        transitions++;
      } catch (err) {
        if (!(err instanceof StoreConflictError)) throw err;
        conflicts++;
      }
    }
  };
  console.log(`load average before tongban: ${load()}`);
  if (STATEMENTS) await q('SELECT pg_stat_statements_reset()');
  const procs0 = new Map<string, number>();
  const cpu0 = { server: serverCpu(join(cluster.dir, 'data'), procs0), client: process.cpuUsage() };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: CLIENTS }, (_, k) => client(k)));
  const tps = transitions / ((performance.now() - t0) / 1000);
  const clientUse = process.cpuUsage(cpu0.client);
  const procs = new Map<string, number>();
  const cpu = {
    server: serverCpu(join(cluster.dir, 'data'), procs) - cpu0.server,
    client: (clientUse.user + clientUse.system) / 1e6,
  };
  const us = (s: number, n: number) => f0((s / n) * 1e6);
  if (STATEMENTS) {
    const top =
      await q(`SELECT calls, round(total_exec_time::numeric / NULLIF(calls, 0), 3) AS ms, plans, round(total_plan_time::numeric / NULLIF(plans, 0), 3) AS plan_ms, left(regexp_replace(query, '\\s+', ' ', 'g'), 70) AS query
      FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 8`);
    console.table(top.rows);
    for (const [kind, s] of procs) console.log(`server CPU ${kind}: ${f2(s - (procs0.get(kind) ?? 0))} s`);
  }

  // ---- lookup by application number ----
  const lat: number[] = [];
  for (let i = 0; i < LOOKUPS; i++) {
    const id = caseId(1 + Math.floor(Math.random() * CASES));
    const t = performance.now();
    const s = await store.summary(id);
    lat.push(performance.now() - t);
    if (!s) throw new Error(`lookup of ${id} found nothing`);
  }
  lat.sort((a, b) => a - b);
  const p = (x: number) => lat[Math.min(lat.length - 1, Math.floor(x * lat.length))]!;

  await store.close();
  console.log(
    `server: PostgreSQL ${cluster.bin.split('/').at(-2)}, durable=${DURABLE} (fsync, synchronous_commit), unix socket`,
  );
  console.log(
    `transitions/s, ${CLIENTS} clients, ${SECONDS} s: tongban ${f0(tps)} (${conflicts} conflicts)  |  pgbench -N ${f0(pgbenchTps)}  |  ratio ${f2(tps / pgbenchTps)}  (goal >= 2000/s)`,
  );
  console.log(
    `CPU per transaction: tongban server ${us(cpu.server, transitions)} us + client ${us(cpu.client, transitions)} us  |  pgbench server ${us(pgCpu.server, pgbenchTx)} us + client ${us(pgCpu.client, pgbenchTx)} us`,
  );
  console.log(`load average at the end: ${load()} (other jobs on the machine count too)`);
  console.log(
    `lookup by application number, ${LOOKUPS} sequential: p50 ${f2(p(0.5))} ms, p99 ${f2(p(0.99))} ms, max ${f2(lat.at(-1)!)} ms  (goal p99 <= 5 ms)`,
  );
  console.log(
    'caveat: a 2-core machine shared with other jobs; the bench client (Node) and the server share the cores.',
  );
} finally {
  await cluster.stop();
}

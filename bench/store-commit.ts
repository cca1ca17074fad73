/**
 * Store commit time (issue 2 "Benchmarks"): for 1k, 10k and 100k existing cases, the time of one commit — an
 * event appended to an existing case, or a new case — with the lowdb adapter beside the naive single-file lowdb
 * (every case and event in one db.json, rewritten on every commit), measured in the same run.
 * Goal: <= 5 ms per commit at 100k cases, flat in the number of cases.
 *
 *   npx tsx bench/store-commit.ts [--sizes 1000,10000,100000] [--commits 300]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { type SyntheticCase, syntheticCases } from '../fixtures/src/synthetic-cases.js';
import type { CaseEvent } from '../packages/core/src/cases/case-event.js';
import type { CaseSummary } from '../packages/core/src/store/store.js';
import { bulkLoadCases, openLowdbStore } from '../packages/store/src/lowdb/index.js';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000,100000' },
    commits: { type: 'string', default: '300' },
  },
});
const sizes = values.sizes.split(',').map(Number);
const COMMITS = Number(values.commits);
const GOAL_MS = 5;

/** The commits to time: alternately one more event on an existing case and a brand-new case. */
function workload(existing: SyntheticCase[], count: number, size: number) {
  const fresh = [
    ...syntheticCases({ count: Math.ceil(count / 2), seed: 99, from: '2026-01-01T00:00:00Z' }),
  ].map((c, i) => renumber(c, `NEW${size}-${i}`));
  return Array.from({ length: count }, (_, i) => {
    if (i % 2 === 1) {
      const c = fresh[(i - 1) / 2]!;
      return { caseId: c.summary.caseId, events: c.events, summary: c.summary, expectedLength: 0 };
    }
    const base = existing[(i * 7919) % existing.length]!;
    const length = base.events.length;
    const e: CaseEvent = {
      id: `${base.summary.caseId}-x${i}`,
      caseId: base.summary.caseId,
      type: 'note',
      unit: 'window',
      actor: 'bench',
      at: new Date().toISOString(),
      payload: { note: 'progress call' },
    };
    base.events.push(e);
    base.summary = { ...base.summary, length: length + 1, updatedAt: e.at };
    return { caseId: base.summary.caseId, events: [e], summary: base.summary, expectedLength: length };
  });
}

function renumber(c: SyntheticCase, caseId: string): SyntheticCase {
  return {
    events: c.events.map((e, i) => ({ ...e, id: `${caseId}-${i + 1}`, caseId })),
    summary: { ...c.summary, caseId },
  };
}

const clone = <T>(v: T): T => structuredClone(v);
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;

async function ours(cases: SyntheticCase[], commits: number, size: number) {
  const dir = mkdtempSync(join(tmpdir(), 'tongban-bench-ours-'));
  try {
    const loader = await openLowdbStore({ dir, durable: false });
    await bulkLoadCases(loader, cases);
    await loader.close();
    const store = await openLowdbStore({ dir }); // durable (fsync), as the kiosk runs
    const work = workload(clone(cases), commits, size);
    const times: number[] = [];
    for (const w of work) {
      const t = performance.now();
      await store.append(w.caseId, w.events, w.summary, { expectedLength: w.expectedLength });
      times.push(performance.now() - t);
    }
    await store.close();
    return times;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

interface NaiveDb {
  cases: Record<string, { events: CaseEvent[]; summary: CaseSummary }>;
}

async function naive(cases: SyntheticCase[], commits: number, size: number) {
  const dir = mkdtempSync(join(tmpdir(), 'tongban-bench-naive-'));
  try {
    const db = new Low<NaiveDb>(new JSONFile(join(dir, 'db.json')), { cases: {} });
    for (const c of clone(cases)) db.data.cases[c.summary.caseId] = c;
    await db.write();
    const work = workload(clone(cases), commits, size);
    const times: number[] = [];
    for (const w of work) {
      const t = performance.now();
      await db.update((data) => {
        const entry = data.cases[w.caseId] ?? { events: [], summary: w.summary };
        entry.events.push(...w.events);
        entry.summary = w.summary;
        data.cases[w.caseId] = entry;
      });
      times.push(performance.now() - t);
    }
    return times;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const rows: string[][] = [];
console.log(`Store commit benchmark (goal: <= ${GOAL_MS} ms per commit at 100k cases, flat)`);
for (const size of sizes) {
  const cases = [...syntheticCases({ count: size })];
  const naiveCommits = size >= 100_000 ? 6 : size >= 10_000 ? 40 : 150;
  const o = await ours(cases, COMMITS, size);
  const n = await naive(cases, naiveCommits, size);
  const row = [
    size.toLocaleString('en'),
    `${mean(o).toFixed(2)} (p50 ${pct(o, 0.5).toFixed(2)}, p99 ${pct(o, 0.99).toFixed(2)}) n=${o.length}`,
    `${mean(n).toFixed(1)} n=${n.length}`,
    `${(mean(n) / mean(o)).toFixed(1)}x`,
  ];
  rows.push(row);
  console.log(`  ${size} cases: ours ${row[1]} ms, naive ${row[2]} ms, naive/ours ${row[3]}`);
}
console.log('\n| cases | lowdb adapter ms/commit | naive single-file ms/commit | naive / ours |');
console.log('|---:|---|---|---:|');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);

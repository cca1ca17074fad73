/**
 * Store commit time (issue 2 "Benchmarks"): for 1k, 10k and 100k existing cases, the time of one commit — an
 * event appended to an existing case, or a new case — with the lowdb adapter beside the naive single-file lowdb
 * (every case and event in one db.json, rewritten on every commit), measured in the same run.
 * Goal: <= 5 ms per commit at 100k cases, flat in the number of cases.
 * `--baseline <git revision>` also runs that revision's lowdb adapter on the same workload, commit for commit in
 * turn with ours (its sources are taken with git archive into node_modules/.cache), e.g. the adapter before
 * fenced commits (issue 15): `--baseline 89b2647`.
 *
 *   npx tsx bench/store-commit.ts [--sizes 1000,10000,100000] [--commits 300] [--baseline <rev>]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { type SyntheticCase, syntheticCases } from '../fixtures/src/synthetic-cases.js';
import type { CaseEvent } from '../packages/core/src/cases/case-event.js';
import type { CaseSummary } from '../packages/core/src/store/store.js';
import * as current from '../packages/store/src/lowdb/index.js';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000,100000' },
    commits: { type: 'string', default: '300' },
    baseline: { type: 'string' },
  },
});

type Adapter = Pick<typeof current, 'bulkLoadCases' | 'openLowdbStore'>;

/**
 * The lowdb adapter of another revision, extracted inside the repository so that its imports resolve: under
 * packages/store/src since the store package was split from core, under packages/core/src/store before.
 */
async function adapterAt(rev: string): Promise<{ sha: string; adapter: Adapter }> {
  const repo = fileURLToPath(new URL('..', import.meta.url));
  const git = (...args: string[]) => execFileSync('git', ['-C', repo, ...args], { encoding: 'utf8' }).trim();
  const sha = git('rev-parse', '--short', rev);
  const split = git('ls-tree', '--name-only', sha, 'packages/store/src/lowdb/index.ts') !== '';
  const tree = split ? 'packages/store/src' : 'packages/core/src';
  const index = join(tree, split ? 'lowdb/index.ts' : 'store/lowdb/index.ts');
  const into = join(repo, 'node_modules/.cache/tongban-bench', sha);
  if (!existsSync(join(into, index))) {
    mkdirSync(into, { recursive: true });
    execFileSync('sh', ['-c', 'git -C "$1" archive "$2" "$3" | tar -x -C "$4"', 'sh', repo, sha, tree, into]);
  }
  return { sha, adapter: await import(join(into, index)) };
}
const baseline = values.baseline ? await adapterAt(values.baseline) : undefined;
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

/** Adapters on their own copies of the same data, timed one commit each in turn (same machine state). */
async function ours(cases: SyntheticCase[], commits: number, size: number, adapters: Adapter[]) {
  const dirs = adapters.map(() => mkdtempSync(join(tmpdir(), 'tongban-bench-ours-')));
  try {
    const runs = [];
    for (const [i, adapter] of adapters.entries()) {
      const loader = await adapter.openLowdbStore({ dir: dirs[i]!, durable: false });
      await adapter.bulkLoadCases(loader, cases);
      await loader.close();
      const store = await adapter.openLowdbStore({ dir: dirs[i]! }); // durable (fsync), as the kiosk runs
      runs.push({ store, work: workload(clone(cases), commits, size), times: [] as number[] });
    }
    for (let c = 0; c < commits; c++) {
      // Each adapter goes first every other commit.
      for (let k = 0; k < runs.length; k++) {
        const run = runs[(c + k) % runs.length]!;
        const w = run.work[c]!;
        const t = performance.now();
        await run.store.append(w.caseId, w.events, w.summary, { expectedLength: w.expectedLength });
        run.times.push(performance.now() - t);
      }
    }
    for (const run of runs) await run.store.close();
    return runs.map((r) => r.times);
  } finally {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
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
const ms = (xs: number[]) =>
  `${mean(xs).toFixed(2)} (p50 ${pct(xs, 0.5).toFixed(2)}, p99 ${pct(xs, 0.99).toFixed(2)}) n=${xs.length}`;
const rows: string[][] = [];
console.log(`Store commit benchmark (goal: <= ${GOAL_MS} ms per commit at 100k cases, flat)`);
for (const size of sizes) {
  const cases = [...syntheticCases({ count: size })];
  const naiveCommits = size >= 100_000 ? 6 : size >= 10_000 ? 40 : 150;
  const [o, b] = (await ours(cases, COMMITS, size, baseline ? [current, baseline.adapter] : [current])) as [
    number[],
    number[] | undefined,
  ];
  const n = await naive(cases, naiveCommits, size);
  const row = [
    size.toLocaleString('en'),
    ms(o),
    `${mean(n).toFixed(1)} n=${n.length}`,
    `${(mean(n) / mean(o)).toFixed(1)}x`,
  ];
  if (b) row.push(ms(b), `${(pct(o, 0.5) / pct(b, 0.5)).toFixed(2)}x / ${(mean(o) / mean(b)).toFixed(2)}x`);
  rows.push(row);
  console.log(
    `  ${size} cases: ours ${row[1]} ms, naive ${row[2]} ms, naive/ours ${row[3]}${b ? `, ${baseline!.sha} ${row[4]} ms, ours/${baseline!.sha} (p50 / mean) ${row[5]}` : ''}`,
  );
}
const extra = baseline ? ` ${baseline.sha} ms/commit | ours / ${baseline.sha} (p50 / mean) |` : '';
console.log(`\n| cases | lowdb adapter ms/commit | naive single-file ms/commit | naive / ours |${extra}`);
console.log(`|---:|---|---|---:|${baseline ? '---|---:|' : ''}`);
for (const r of rows) console.log(`| ${r.join(' | ')} |`);

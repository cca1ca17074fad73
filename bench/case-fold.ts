/**
 * Case fold/append bench: `npx tsx bench/case-fold.ts [--quick]`.
 * 1. Fold cost per event as one case's history grows to 10,000 events (should stay flat).
 * 2. Append cost at each history size: ours (incremental appendEvent on the folded case) vs the naive baseline
 *    (refold the whole history for every append), measured in the same run, as a ratio.
 * 3. 100,000 cases: fold them all, then look cases up by application number and by applicant (indexes) vs a
 *    linear scan baseline, and sweep them for overdue ones.
 */
import { performance } from 'node:perf_hooks';
import { WorkCalendar } from '../packages/core/src/calendar/index.js';
import { newApplicationNumber } from '../packages/core/src/cases/application-number.js';
import type { Case } from '../packages/core/src/cases/case.js';
import type { CaseEvent } from '../packages/core/src/cases/case-event.js';
import { appendEvent, foldCase } from '../packages/core/src/cases/engine.js';
import { submitPayload } from '../packages/core/src/cases/testing.js';
import { isOverdue } from '../packages/core/src/cases/views.js';

const quick = process.argv.includes('--quick');
const calendar = WorkCalendar.default();
const T0 = Date.parse('2025-03-03T01:00:00Z');

function caseEvents(caseId: string, n: number, idNumber = '230102199001011234'): CaseEvent[] {
  const at = (i: number) => new Date(T0 + i * 1000).toISOString();
  const events: CaseEvent[] = [
    {
      id: `${caseId}:0`,
      caseId,
      type: 'submit',
      unit: 'applicant',
      actor: 'kiosk',
      at: at(0),
      payload: submitPayload('online', { applicant: { idNumber, name: '张三', phone: '' } }),
    },
    {
      id: `${caseId}:1`,
      caseId,
      type: 'accept',
      unit: 'localDepartment',
      actor: 'd1',
      at: at(1),
      payload: {},
    },
  ];
  for (let i = 2; i < n; i++) {
    events.push({
      id: `${caseId}:${i}`,
      caseId,
      type: 'note',
      unit: i % 2 ? 'localWindow' : 'localDepartment',
      actor: 'c',
      at: at(i),
      payload: { note: `记录 ${i}` },
    });
  }
  return events;
}

function time(fn: () => void, minMs = 200): number {
  let runs = 0;
  const start = performance.now();
  do {
    fn();
    runs++;
  } while (performance.now() - start < minMs);
  return (performance.now() - start) / runs;
}

const us = (ms: number) => `${(ms * 1000).toFixed(2)} µs`;

console.log('1-2. one case, history growing (flat = per-event and per-append cost do not grow with size)');
console.log('size     fold/event   append(ours)   append(refold baseline)   baseline/ours');
const sizes = quick ? [100, 1_000, 3_000] : [100, 1_000, 10_000];
for (const n of sizes) {
  const K = 200;
  const events = caseEvents('BENCH', n + K);
  const history = events.slice(0, n);
  const foldMs = time(() => foldCase(history, { calendar }));
  // ours: K appends in a row on the folded case (each on the newest snapshot)
  let oursMs = Number.POSITIVE_INFINITY;
  for (let r = 0; r < 5; r++) {
    let c = foldCase(history, { calendar });
    const start = performance.now();
    for (let k = 0; k < K; k++) c = appendEvent(c, events[n + k] as CaseEvent, { calendar });
    oursMs = Math.min(oursMs, (performance.now() - start) / K);
  }
  // baseline: every append refolds the whole stored history first
  const naiveMs = time(
    () => appendEvent(foldCase(history, { calendar }), events[n] as CaseEvent, { calendar }),
    100,
  );
  console.log(
    `${String(n).padEnd(8)} ${us(foldMs / n).padEnd(12)} ${us(oursMs).padEnd(14)} ${us(naiveMs).padEnd(25)} ${(naiveMs / oursMs).toFixed(0)}x`,
  );
}

const total = quick ? 10_000 : 100_000;
console.log(`\n3. ${total.toLocaleString()} cases (4 events each)`);
const t1 = performance.now();
const cases: Case[] = [];
for (let i = 0; i < total; i++) {
  const id = newApplicationNumber({
    site: `S${(i % 20).toString().padStart(2, '0')}`,
    at: new Date(T0).toISOString(),
  });
  cases.push(foldCase(caseEvents(id, 4, `2301021990${String(i).padStart(8, '0')}`), { calendar }));
}
const foldAll = performance.now() - t1;
console.log(`fold all: ${foldAll.toFixed(0)} ms (${us(foldAll / total)} per case)`);
const byId = new Map(cases.map((c) => [c.id, c]));
const byApplicant = new Map<string, Case[]>();
for (const c of cases) {
  const list = byApplicant.get(c.applicant.idNumber) ?? [];
  list.push(c);
  byApplicant.set(c.applicant.idNumber, list);
}
const probes = Array.from({ length: 1000 }, (_, i) => cases[(i * 7919) % total] as Case);
const indexed =
  time(() => {
    for (const p of probes) byId.get(p.id);
  }) / probes.length;
const scan =
  time(() => {
    for (const p of probes.slice(0, 20)) cases.find((c) => c.id === p.id);
  }) / 20;
console.log(
  `lookup by application number: index ${us(indexed)}, linear scan baseline ${us(scan)}, ${(scan / indexed).toFixed(0)}x`,
);
const idx2 =
  time(() => {
    for (const p of probes) byApplicant.get(p.applicant.idNumber);
  }) / probes.length;
const scan2 =
  time(() => {
    for (const p of probes.slice(0, 20)) cases.filter((c) => c.applicant.idNumber === p.applicant.idNumber);
  }) / 20;
console.log(
  `lookup by applicant ID: index ${us(idx2)}, linear scan baseline ${us(scan2)}, ${(scan2 / idx2).toFixed(0)}x`,
);
const sweep = time(() => cases.filter((c) => isOverdue(c, '2025-03-20T00:00:00Z')).length);
console.log(
  `overdue sweep over all cases: ${sweep.toFixed(1)} ms (${cases.filter((c) => isOverdue(c, '2025-03-20T00:00:00Z')).length} overdue)`,
);

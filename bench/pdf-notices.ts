/**
 * PDF notices bench: `npx tsx bench/pdf-notices.ts [--quick]`.
 * 1. One separate notice on one core: ours (NoticePdfRenderer: font parsed once per process, glyph bytes cached,
 *    no shaping) vs naive pdfkit (the font registered from its path for every document, pdfkit's own text flow),
 *    rounds interleaved so that both see the same machine load; ms and KiB per document, as a ratio.
 * 2. 1,000 separate notices written to files over worker threads on every core (writeNoticeFiles), wall time.
 * 3. Merged: 1,000 notices in one document, ms per page.
 * The seven notice types of the samples are cycled, applicants and numbers vary.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import PDFDocument from 'pdfkit';
import { type Notice, noticeToText } from '../packages/core/src/notices/index.js';
import { defaultFontPaths, NoticePdfRenderer, writeNoticeFiles } from '../packages/core/src/pdf/index.js';
import { sampleNotices } from '../packages/core/src/pdf/test-support/samples.js';

const quick = process.argv.includes('--quick');
const ROUNDS = quick ? 3 : 8;
const PER_ROUND = quick ? 7 : 21;
const BATCH = quick ? 200 : 1000;

const notices: Notice[] = [];
for (let i = 0; notices.length < BATCH; i++) notices.push(...sampleNotices(i));
notices.length = BATCH;

const fonts = defaultFontPaths();

/** Bare pdfkit as a newcomer would write it: font from its path per document, pdfkit's text flow. */
function naive(n: Notice): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: n.title, Author: n.issuer.name } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.registerFont('bold', fonts.bold);
    doc.registerFont('regular', fonts.regular);
    doc.font('bold').fontSize(18).text(n.title, { align: 'center' });
    doc.font('regular').fontSize(12).text(noticeToText(n), { lineGap: 6 });
    doc.end();
  });
}

/** Wall time and CPU time of this process (user + system): on a shared machine CPU time is the steadier figure. */
async function timeEach(
  render: (n: Notice) => Promise<Buffer>,
  batch: Notice[],
): Promise<{ ms: number; cpu: number; bytes: number }> {
  let bytes = 0;
  const u = process.cpuUsage();
  const t = performance.now();
  for (const n of batch) bytes += (await render(n)).length;
  const d = process.cpuUsage(u);
  return { ms: performance.now() - t, cpu: (d.user + d.system) / 1000, bytes };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const fmt = (x: number, d = 2) => x.toFixed(d);

console.log(
  `PDF notices bench — ${availableParallelism()} cores, load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} at start (the cores are shared: figures are inflated by other work)`,
);

// warm up: parse the fonts, JIT, glyph caches
const ours = new NoticePdfRenderer();
const synthetic = new NoticePdfRenderer({ syntheticBold: true });
await timeEach((n) => ours.render(n), notices.slice(0, 14));
await timeEach((n) => synthetic.render(n), notices.slice(0, 14));
await timeEach(naive, notices.slice(0, 2));

// 1. separate documents, interleaved rounds
const per: Record<'ours' | 'synthetic' | 'naive', { ms: number[]; cpu: number[]; kib: number[] }> = {
  ours: { ms: [], cpu: [], kib: [] },
  synthetic: { ms: [], cpu: [], kib: [] },
  naive: { ms: [], cpu: [], kib: [] },
};
for (let r = 0; r < ROUNDS; r++) {
  const batch = notices.slice(r * PER_ROUND, (r + 1) * PER_ROUND);
  for (const [name, fn] of [
    ['ours', (n: Notice) => ours.render(n)],
    ['synthetic', (n: Notice) => synthetic.render(n)],
    ['naive', naive],
  ] as const) {
    const { ms, cpu, bytes } = await timeEach(fn, batch);
    per[name].ms.push(ms / batch.length);
    per[name].cpu.push(cpu / batch.length);
    per[name].kib.push(bytes / batch.length / 1024);
  }
}
const fig = (k: keyof typeof per) => ({
  ms: median(per[k].ms),
  cpu: median(per[k].cpu),
  kib: median(per[k].kib),
});
const o = fig('ours');
const s = fig('synthetic');
const nv = fig('naive');
const line = (label: string, f: typeof o) =>
  console.log(
    `   ${label.padEnd(30)} ${fmt(f.ms).padStart(7)} ms wall  ${fmt(f.cpu).padStart(7)} ms CPU  ${fmt(f.kib, 1)} KiB`,
  );
console.log('\n1. one separate notice, one core (median of interleaved rounds)   goal <= 3 ms, <= 25 KiB');
line('ours (Regular+Bold embedded)', o);
line('ours, synthetic bold', s);
line('naive pdfkit (font per doc)', nv);
console.log(
  `   speed-up vs naive: ${fmt(nv.ms / o.ms, 1)}x wall, ${fmt(nv.cpu / o.cpu, 1)}x CPU (synthetic bold ${fmt(nv.cpu / s.cpu, 1)}x CPU)`,
);

// 2. 1,000 separate notices to files over worker threads
const dir = mkdtempSync(join(tmpdir(), 'tongban-pdf-bench-'));
const jobs = notices.map((notice, i) => ({ notice, path: join(dir, `${i}_${notice.type}.pdf`) }));
const threads = availableParallelism();
let t = performance.now();
const results = await writeNoticeFiles(jobs, { threads });
const wall = performance.now() - t;
const failed = results.filter((r) => r.status === 'failed').length;
t = performance.now();
const again = await writeNoticeFiles(jobs, { threads });
const rerun = performance.now() - t;
const unchanged = again.filter((r) => r.status === 'unchanged').length;
rmSync(dir, { recursive: true, force: true });
console.log(`\n2. ${BATCH} separate notices written over ${threads} worker threads`);
console.log(
  `   wall ${fmt(wall / 1000)} s (${failed} failed; each worker loads the sources through tsx and parses the font)   goal <= 2 s for 1,000`,
);
console.log(`   re-run ${fmt(rerun / 1000)} s, ${unchanged} unchanged files left alone`);
console.log(`   one core, in-process equivalent ${fmt((o.ms * BATCH) / 1000)} s`);

// 3. merged
t = performance.now();
const merged = await ours.renderMerged(notices);
const mergedMs = performance.now() - t;
t = performance.now();
await naiveMerged(notices);
const naiveMergedMs = performance.now() - t;
console.log(`\n3. ${BATCH} notices merged into one document`);
console.log(
  `   ours ${fmt(mergedMs / BATCH)} ms/page (${fmt(merged.length / 1024, 0)} KiB in all)   goal <= 0.75 ms/page`,
);
console.log(
  `   naive pdfkit ${fmt(naiveMergedMs / BATCH)} ms/page   ratio ${fmt(naiveMergedMs / mergedMs, 1)}x`,
);
console.log(
  `\nload average at end ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);

function naiveMerged(list: Notice[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 56, autoFirstPage: false });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.registerFont('bold', fonts.bold);
    doc.registerFont('regular', fonts.regular);
    for (const n of list) {
      doc.addPage();
      doc.font('bold').fontSize(18).text(n.title, { align: 'center' });
      doc.font('regular').fontSize(12).text(noticeToText(n), { lineGap: 6 });
    }
    doc.end();
  });
}

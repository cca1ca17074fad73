/**
 * PDF notices bench: `npx tsx bench/pdf-notices.ts [--quick]`.
 * 1. One separate notice on one core: ours (NoticePdfRenderer: font parsed once per process, glyph bytes cached,
 *    no shaping) vs naive pdfkit (the font registered from its path for every document, pdfkit's own text flow),
 *    rounds interleaved so that both see the same machine load; per document: main-thread CPU (the one-core
 *    figure; /proc on Linux), wall, all-thread CPU (V8 compiler and GC threads included) and KiB, as ratios.
 * 2. 1,000 separate notices written to files on every core, on the shipped path: the built dist/ (rebuilt first
 *    when a source is newer, as the CLI tests do). Fresh = a new node process that imports @tongban/pdf and
 *    calls writeNoticeFiles as `tongban notices batch` does (median of three; also on one core); then first call,
 *    warm call and re-run in this process; baseline = the previous design, a rendering worker thread per core
 *    (NoticePdfPool: each loads pdfkit, parses the font and warms up its compiler).
 * 3. Merged: 1,000 notices in one document, ms per page, beside naive pdfkit's merged document.
 * The seven notice types of the samples are cycled; applicants, handlers and windows vary (names drawn from common
 * surnames and given-name characters), so caches see realistic variety rather than ten repeating names.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import PDFDocument from 'pdfkit';
import { ensureBuilt } from '../packages/admin-cli/src/test-support/cli.js';
import { type Notice, noticeToText } from '../packages/core/src/notices/index.js';
import { sampleNotices } from '../packages/core/src/notices/test-support/samples.js';
import { defaultFontPaths, NoticePdfRenderer } from '../packages/pdf/src/index.js';

const quick = process.argv.includes('--quick');
const ROUNDS = quick ? 3 : 8;
const PER_ROUND = quick ? 7 : 21;
const BATCH = quick ? 200 : 1000;

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈';
const GIVEN =
  '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华玉萍红娥玲芬燕彬鹏辉波宁琴云峰建国文斌浩宇轩博晨欣怡梓涵子墨睿泽思雨佳琪诗语嘉懿若瑶雅婷俊志海春梅晓东立新凤淑珍德福永生';
let seed = 20261123;
const rnd = (n: number) => {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return (seed >>> 8) % n;
};
const name = () =>
  `${SURNAMES[rnd(SURNAMES.length)]}${GIVEN[rnd(GIVEN.length)]}${rnd(3) ? GIVEN[rnd(GIVEN.length)] : ''}`;

const notices: Notice[] = [];
for (let i = 0; notices.length < BATCH + 100; i++) {
  notices.push(
    ...sampleNotices(i, {
      applicant: { name: name(), idNumber: '410502199003071234', phone: '13903720001' },
      handler: name(),
      issuer: { unit: 'window', name: `安阳市政务服务中心 ${1 + rnd(12)} 号综合窗口` },
    }),
  );
}
const warmup = notices.splice(BATCH);
notices.length = BATCH;

const fonts = defaultFontPaths();
/** Naive pdfkit per document (font read from its path) as issue 7 measured it on a quiet machine, ms. */
const NAIVE_REFERENCE_MS = 37;

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

/**
 * CPU time of the main thread alone, ms (Linux: /proc, in 10 ms ticks; summed over many notices). process.cpuUsage
 * counts every thread, V8's background compiler and GC threads included, so it exceeds the wall time of one core.
 */
function mainThreadCpu(): number {
  try {
    const fields = (readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1] ?? '').split(
      ' ',
    );
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

/** Wall time and CPU time of this process (user + system, every thread): on a shared machine CPU is steadier. */
async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number; cpu: number }> {
  const u = process.cpuUsage();
  const t = performance.now();
  const value = await fn();
  const d = process.cpuUsage(u);
  return { value, ms: performance.now() - t, cpu: (d.user + d.system) / 1000 };
}

async function each(render: (n: Notice) => Promise<Buffer>, batch: Notice[]) {
  const main = mainThreadCpu();
  const { value, ms, cpu } = await timed(async () => {
    let bytes = 0;
    for (const n of batch) bytes += (await render(n)).length;
    return bytes;
  });
  return {
    ms: ms / batch.length,
    cpu: cpu / batch.length,
    kib: value / batch.length / 1024,
    main: mainThreadCpu() - main,
    count: batch.length,
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const fmt = (x: number, d = 2) => x.toFixed(d);
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

console.log(
  `PDF notices bench — ${availableParallelism()} cores, load average ${load()} at start (the cores are shared with other work)`,
);

// warm up: parse the fonts, JIT, glyph caches
const ours = new NoticePdfRenderer();
const synthetic = new NoticePdfRenderer({ syntheticBold: true });
await each((n) => ours.render(n), warmup.slice(0, 50));
await each((n) => synthetic.render(n), warmup.slice(50, 64));
await each(naive, warmup.slice(64, 66));

// 1. separate documents, interleaved rounds
type Fig = { ms: number; cpu: number; kib: number; main: number; count: number };
const per: Record<'ours' | 'synthetic' | 'naive', Fig[]> = { ours: [], synthetic: [], naive: [] };
for (let r = 0; r < ROUNDS; r++) {
  const batch = notices.slice(r * PER_ROUND, (r + 1) * PER_ROUND);
  per.ours.push(await each((n) => ours.render(n), batch));
  per.synthetic.push(await each((n) => synthetic.render(n), batch));
  per.naive.push(await each(naive, batch));
}
const fig = (k: keyof typeof per): Fig => ({
  ms: median(per[k].map((f) => f.ms)),
  cpu: median(per[k].map((f) => f.cpu)),
  kib: median(per[k].map((f) => f.kib)),
  // main-thread CPU: the sum over all rounds (the ticks are too coarse for a median of rounds)
  main: per[k].reduce((a, f) => a + f.main, 0) / per[k].reduce((a, f) => a + f.count, 0),
  count: per[k].reduce((a, f) => a + f.count, 0),
});
const o = fig('ours');
const s = fig('synthetic');
const nv = fig('naive');
const line = (label: string, f: Fig) =>
  console.log(
    `   ${label.padEnd(30)} ${fmt(f.main).padStart(6)} ms main-thread CPU ${fmt(f.ms).padStart(6)} ms wall ${fmt(f.cpu).padStart(6)} ms all-thread CPU  ${fmt(f.kib, 1)} KiB`,
  );
console.log('\n1. one separate notice, one core (median of interleaved rounds)   goal <= 3 ms, <= 25 KiB');
line('ours (Regular+Bold embedded)', o);
line('ours, synthetic bold', s);
line('naive pdfkit (font per doc)', nv);
console.log(
  `   ours vs naive: ${fmt(nv.main / o.main, 1)}x less main-thread CPU, ${fmt(nv.ms / o.ms, 1)}x less wall, size ${fmt(o.kib / nv.kib)}x (naive: Bold in the title only, no QR, no PDF/A)`,
);
// issue 7 measured naive pdfkit with the font read from its path per document at 37 ms on a quiet machine
console.log(
  `   machine speed: naive takes ${fmt(nv.main / NAIVE_REFERENCE_MS, 1)}x the 37 ms of the issue's measurement; ours scaled by that: ${fmt((o.main * NAIVE_REFERENCE_MS) / nv.main)} ms`,
);

// size per notice type, ours beside naive pdfkit on the same notice: the issue set 25 KiB against naive's 21 KiB on
// its own (shorter) text, an allowance of 1.19x naive for Bold, the QR code, PDF/A and the 存根
const NAIVE_REFERENCE_KIB = 21;
const SIZE_GOAL_KIB = 25;
const sizes: string[] = [];
let worstRatio = 0;
for (const type of [...new Set(notices.map((n) => n.type))]) {
  const n = notices.find((x) => x.type === type) as Notice;
  const [a, b] = [(await ours.render(n)).length / 1024, (await naive(n)).length / 1024];
  worstRatio = Math.max(worstRatio, a / b);
  sizes.push(`${type} ${fmt(a, 1)}/${fmt(b, 1)}`);
}
console.log(`   size by type, ours/naive KiB: ${sizes.join(', ')}`);
console.log(
  `   size vs naive on the same text: at most ${fmt(worstRatio)}x; the goal's allowance ${fmt(SIZE_GOAL_KIB / NAIVE_REFERENCE_KIB)}x (${SIZE_GOAL_KIB} KiB against naive's ${NAIVE_REFERENCE_KIB} KiB on the issue's text)`,
);

// 2. 1,000 separate notices to files on every core, from dist/ (the shipped path)
await ensureBuilt();
const distIndex = '../packages/pdf/dist/index.js'; // not a literal: its types are dist's, not the sources'
const dist = (await import(distIndex)) as typeof import('../packages/pdf/src/index.js');
const threads = availableParallelism();
const dirs: string[] = [];
const jobsIn = () => {
  const dir = mkdtempSync(join(tmpdir(), 'tongban-pdf-bench-'));
  dirs.push(dir);
  return notices.map((notice, i) => ({ notice, path: join(dir, `${i}_${notice.type}.pdf`) }));
};
const failedOf = (rs: { status: string }[]) => rs.filter((r) => r.status === 'failed').length;
// fresh: a new node process imports @tongban/pdf and writes the files (as `tongban notices batch` does after
// reading the store): module loading, the font parse and the compiler's warm-up all count
const noticesFile = join(mkdtempSync(join(tmpdir(), 'tongban-pdf-bench-')), 'notices.json');
dirs.push(dirname(noticesFile));
writeFileSync(noticesFile, JSON.stringify(notices));
type FreshMode = 'ours' | 'untuned' | 'oneCore' | 'pool';
/**
 * One batch in a new node process, with V8 tuned for a batch as `tongban notices batch` does
 * (tuneCompilerForBatch): ours (writeNoticeFiles on every core), ours without that tuning, ours on one core, or
 * the baseline pool.
 */
const fresh = (mode: FreshMode) => {
  const out = mkdtempSync(join(tmpdir(), 'tongban-pdf-bench-'));
  dirs.push(out);
  const write =
    mode === 'pool'
      ? `const pool = new pdf.NoticePdfPool({ threads: ${threads} }); const rs = await pool.write(jobs); await pool.close();`
      : `const rs = await pdf.writeNoticeFiles(jobs, { threads: ${mode === 'ours' ? threads : 1} });`;
  const script = `
    const t0 = performance.now();
    const pdf = await import(${JSON.stringify(new URL(distIndex, import.meta.url).href)});
    ${mode === 'untuned' ? '' : 'pdf.tuneCompilerForBatch();'}
    const { readFileSync } = await import('node:fs');
    const notices = JSON.parse(readFileSync(${JSON.stringify(noticesFile)}, 'utf8'));
    const jobs = notices.map((notice, i) => ({ notice, path: ${JSON.stringify(out)} + '/' + i + '.pdf' }));
    const t1 = performance.now();
    ${write}
    const t2 = performance.now();
    const failed = rs.filter((r) => r.status !== 'written');
    console.log(JSON.stringify({ load: t1 - t0, write: t2 - t1, failed: failed.length, error: failed[0]?.error }));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`fresh batch failed: ${r.stderr}`);
  const result = JSON.parse(r.stdout) as { load: number; write: number; failed: number; error?: string };
  if (result.failed) console.error(`   fresh batch (${mode}): ${result.failed} failed (${result.error})`);
  return result;
};
// the file system's own part, before the batches: as many files of the same size created, written and renamed in
// the same place (kept to the end: on ext4 without a journal, inodes freed in the last minutes make creating files
// slow, see README)
const fsCost = (() => {
  const dir = mkdtempSync(join(tmpdir(), 'tongban-pdf-bench-'));
  dirs.push(dir);
  const data = Buffer.alloc(Math.round(o.kib * 1024), 7);
  const t = performance.now();
  for (let i = 0; i < BATCH; i++) {
    writeFileSync(join(dir, `${i}.tmp`), data);
    renameSync(join(dir, `${i}.tmp`), join(dir, `${i}.pdf`));
  }
  return performance.now() - t;
})();
// interleaved, so that the four see the same machine (its speed drifts by half over minutes here)
const runs: Record<FreshMode, { load: number; write: number; failed: number }[]> = {
  ours: [],
  untuned: [],
  oneCore: [],
  pool: [],
};
// one batch first, not counted: the first process after section 1 has always been the slowest of them here
// (its modules' files and the machine settling), and a nightly job does not run on a machine just woken
fresh('ours');
// each round starts with another mode: with ours always first, the first batch of each run of the bench was its
// slowest (1.8-1.9 s where the others took 1.5-1.6 s), so no mode takes that place every round
const modes = ['ours', 'untuned', 'oneCore', 'pool'] as const;
for (let r = 0; r < (quick ? 1 : 3); r++)
  for (let k = 0; k < modes.length; k++) {
    const m = modes[(r + k) % modes.length] as FreshMode;
    runs[m].push(fresh(m));
  }
const cold = await timed(() => dist.writeNoticeFiles(jobsIn(), { threads }));
const warm = await timed(() => dist.writeNoticeFiles(jobsIn(), { threads }));
const rerunJobs = jobsIn();
await dist.writeNoticeFiles(rerunJobs, { threads });
const rerun = await timed(() => dist.writeNoticeFiles(rerunJobs, { threads }));
for (const d of dirs) rmSync(d, { recursive: true, force: true });
const unchanged = rerun.value.filter((r) => r.status === 'unchanged').length;
const med = (m: FreshMode) => median(runs[m].map((r) => r.write));
const ratio = (m: FreshMode) =>
  median(runs[m].map((r, i) => r.write / (runs.ours[i] as { write: number }).write));
console.log(
  `\n2. ${BATCH} separate notices written to files on ${threads} cores (built dist/)   goal <= 2 s for 1,000`,
);
console.log(
  `   fresh process, writeNoticeFiles: ${fmt(med('ours') / 1000)} s wall (${runs.ours.map((r) => fmt(r.write / 1000)).join(', ')} s; ${runs.ours.reduce((a, r) => a + r.failed, 0)} failed), after ${fmt(median(runs.ours.map((r) => r.load)), 0)} ms loading @tongban/pdf`,
);
console.log(
  `   baseline, ${threads} rendering worker threads (NoticePdfPool, started in the batch) ${fmt(med('pool') / 1000)} s: ${fmt(ratio('pool'))}x ours; this thread alone ${fmt(med('oneCore') / 1000)} s: ${fmt(ratio('oneCore'))}x ours`,
);
console.log(
  `   ours without tuneCompilerForBatch (V8's default interrupt budget) ${fmt(med('untuned') / 1000)} s: ${fmt(ratio('untuned'))}x ours`,
);
console.log(
  `   of which the file system: ${fmt(fsCost / 1000)} s to create ${BATCH} files of that size in ${tmpdir()} (done by a writer thread beside the renderer)`,
);
console.log(
  `   in this process: first call ${fmt(cold.ms / 1000)} s (${fmt(cold.cpu / 1000)} s CPU, ${failedOf(cold.value)} failed), warm ${fmt(warm.ms / 1000)} s (${fmt(warm.cpu / 1000)} s CPU), re-run ${fmt(rerun.ms / 1000)} s with ${unchanged} unchanged files left alone`,
);
console.log(
  `   naive pdfkit on one core would take ${fmt((nv.ms * BATCH) / 1000)} s (${fmt((nv.ms * BATCH) / med('ours'), 1)}x); machine speed as in 1: ours scaled to the issue's machine ${fmt((med('ours') * NAIVE_REFERENCE_MS) / nv.main / 1000)} s`,
);

// 3. merged, interleaved, median of three
const mergedOurs: { ms: number; main: number }[] = [];
const mergedNaive: { ms: number; main: number }[] = [];
let mergedBytes = 0;
for (let r = 0; r < (quick ? 1 : 3); r++) {
  let main = mainThreadCpu();
  const a = await timed(() => ours.renderMerged(notices));
  mergedOurs.push({ ms: a.ms, main: mainThreadCpu() - main });
  mergedBytes = a.value.length;
  main = mainThreadCpu();
  const b = await timed(() => naiveMerged(notices));
  mergedNaive.push({ ms: b.ms, main: mainThreadCpu() - main });
}
const mo = { ms: median(mergedOurs.map((m) => m.ms)), main: median(mergedOurs.map((m) => m.main)) };
const mn = { ms: median(mergedNaive.map((m) => m.ms)), main: median(mergedNaive.map((m) => m.main)) };
console.log(`\n3. ${BATCH} notices merged into one document   goal <= 0.75 ms/page`);
console.log(
  `   ours          ${fmt(mo.ms / BATCH)} ms/page wall  ${fmt(mo.main / BATCH)} ms/page main-thread CPU  (${fmt(mergedBytes / 1024, 0)} KiB in all)`,
);
console.log(
  `   naive pdfkit  ${fmt(mn.ms / BATCH)} ms/page wall  ${fmt(mn.main / BATCH)} ms/page main-thread CPU`,
);
console.log(
  `   naive/ours ${fmt(mn.ms / mo.ms, 2)}x wall, ${fmt(mn.main / mo.main, 2)}x CPU (naive sets plain text: no layout, no QR, no 存根)`,
);
console.log(`\nload average at end ${load()}`);

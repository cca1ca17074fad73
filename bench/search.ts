/**
 * Search per keystroke over 10,000 catalogue items. Goal (issue 2): p99 <= 5 ms per keystroke.
 *
 * Several queries are typed one character at a time (Chinese name prefixes, item codes, pinyin initials and full
 * pinyin); every prefix is one keystroke. Measured in the same run:
 *   ours           searchItems over a SearchIndex built once (pinyin precomputed)
 *   naive pinyin   a linear scan converting every item's name to pinyin with pinyin-pro on each keystroke,
 *                  then the same ranking (its results are checked to equal ours)
 *   naive substring a plain substring filter on name and code: no pinyin, no ranking (shown for its recall)
 *
 * Run: npx tsx bench/search.ts [items=10000] [seed=1]
 */
import { loadavg } from 'node:os';
import { pinyin } from 'pinyin-pro';
import { generateCatalogue } from '../fixtures/src/synthetic-catalogue.js';
// Relative import of the sources so the bench runs without a build (tsx maps .js to .ts).
import {
  buildSearchIndex,
  displayName,
  LEVELS,
  normaliseName,
  type ServiceItem,
  searchItems,
} from '../packages/core/src/catalogue/index.js';

const n = Number(process.argv[2] ?? 10_000);
const seed = Number(process.argv[3] ?? 1);
const LIMIT = 20;
const OUR_REPEATS = 30;
const GOAL_P99_MS = 5;

const items = generateCatalogue(n, seed);
const t0 = performance.now();
const index = buildSearchIndex(items);
const buildMs = performance.now() - t0;

const sampleCode = items[Math.floor(items.length / 3)]!.itemCode;
const QUERIES = [
  '居民身份证申领',
  '不动产登记',
  '社会保障卡补领',
  sampleCode,
  'sfz',
  'jmsfzsl',
  'bdcdj',
  'shebao',
  'budongchan',
  'ZZZ9', // no match
];
const keystrokes = QUERIES.flatMap((q) => [...q].map((_, i) => [...q].slice(0, i + 1).join('')));

// ---- naive pinyin: same tiers and order as ours, but pinyin computed per item per keystroke ----
function naivePinyinSearch(all: readonly ServiceItem[], query: string): ServiceItem[] {
  const q = normaliseName(query);
  if (q === '') return [];
  const latin = /^[a-z0-9_-]+$/.test(q);
  const letters = /^[a-z]+$/.test(q);
  const spell = (text: string) => {
    const syl = pinyin(text, { toneType: 'none', type: 'array', v: true })
      .map((s) => s.toLowerCase().replace(/[^a-z0-9]/g, ''))
      .filter(Boolean);
    return { syl, initials: syl.map((s) => s[0]).join(''), full: syl.join('') };
  };
  const atSyllable = (syl: string[]) => syl.some((_, k) => syl.slice(k).join('').startsWith(q));
  const hits: { item: ServiceItem; tier: number }[] = [];
  for (const item of all) {
    const main = normaliseName(item.mainName);
    const sub = normaliseName(item.subName);
    const code = normaliseName(item.itemCode);
    let tier = -1;
    if (latin) {
      const m = spell(main);
      const s = spell(sub);
      if (code === q) tier = 0;
      else if (code.startsWith(q)) tier = 1;
      else if ((main + sub).startsWith(q) || sub.startsWith(q)) tier = 2;
      else if (
        letters &&
        ((m.initials + s.initials).startsWith(q) ||
          s.initials.startsWith(q) ||
          (m.full + s.full).startsWith(q) ||
          s.full.startsWith(q))
      )
        tier = 3;
      else if ((main + sub).includes(q) || code.includes(q)) tier = 4;
      else if (letters && ((m.initials + s.initials).includes(q) || atSyllable([...m.syl, ...s.syl])))
        tier = 4;
    } else if ((main + sub).startsWith(q) || sub.startsWith(q)) tier = 2;
    else if ((main + sub).includes(q)) tier = 4;
    if (tier >= 0) hits.push({ item, tier });
  }
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  hits.sort(
    (a, b) =>
      a.tier - b.tier ||
      displayName(a.item).length - displayName(b.item).length ||
      cmp(a.item.itemCode, b.item.itemCode) ||
      LEVELS.indexOf(a.item.level) - LEVELS.indexOf(b.item.level) ||
      cmp(a.item.implementingUnit, b.item.implementingUnit),
  );
  return hits.slice(0, LIMIT).map((h) => h.item);
}

// ---- naive substring: what a first attempt would do ----
function naiveSubstring(all: readonly ServiceItem[], query: string): ServiceItem[] {
  const q = query.trim().toLowerCase();
  if (q === '') return [];
  return all
    .filter((i) => `${i.mainName}${i.subName}`.includes(q) || i.itemCode.toLowerCase().includes(q))
    .slice(0, LIMIT);
}

/** Wall time and CPU time (user + system) of one call, in ms. CPU time leaves out waits for a busy machine. */
function time<T>(fn: () => T): [number, T, number] {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const out = fn();
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return [wall, out, (used.user + used.system) / 1000];
}

function pct(samples: number[], p: number): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}

// Warm up the JIT on every path.
for (const q of keystrokes) searchItems(index, q, { limit: LIMIT });
naivePinyinSearch(items.slice(0, 200), 'sfz');

const ours: number[] = [];
const oursCpu: number[] = [];
const naive: number[] = [];
const naiveCpu: number[] = [];
const substring: number[] = [];
const substringCpu: number[] = [];
let mismatches = 0;
let oursFound = 0;
let substringFound = 0;
for (const q of keystrokes) {
  let hits: ServiceItem[] = [];
  for (let r = 0; r < OUR_REPEATS; r++) {
    const [ms, h, cpu] = time(() => searchItems(index, q, { limit: LIMIT }));
    ours.push(ms);
    oursCpu.push(cpu);
    hits = h.map((x) => x.item);
  }
  const [nms, nh, ncpu] = time(() => naivePinyinSearch(items, q));
  naive.push(nms);
  naiveCpu.push(ncpu);
  if (nh.length !== hits.length || nh.some((x, i) => x !== hits[i])) mismatches++;
  for (let r = 0; r < OUR_REPEATS; r++) {
    const [sms, sh, scpu] = time(() => naiveSubstring(items, q));
    substring.push(sms);
    substringCpu.push(scpu);
    if (r === 0 && sh.length > 0) substringFound++;
  }
  if (hits.length > 0) oursFound++;
}

const f = (x: number) => x.toFixed(3).padStart(9);
const row = (name: string, s: number[]) =>
  `${name.padEnd(36)}${f(pct(s, 50))}${f(pct(s, 99))}${f(Math.max(...s))}${String(s.length).padStart(9)}`;
const ratio = (a: number[], b: number[], p: number) => pct(a, p) / pct(b, p);
const x = (r: number) => (r >= 10 ? `${r.toFixed(0)}x` : `${r.toFixed(2)}x`);
const oursP99 = pct(ours, 99);
const oursCpuP99 = pct(oursCpu, 99);
const load = loadavg()[0]!;

console.log(
  `search per keystroke over ${items.length.toLocaleString('en')} items (seed ${seed}, limit ${LIMIT})`,
);
console.log(`queries typed: ${QUERIES.join(' | ')}  ->  ${keystrokes.length} keystrokes`);
console.log(
  `index build (pinyin precomputed once): ${buildMs.toFixed(0)} ms; machine load average ${load.toFixed(1)}`,
);
console.log('');
console.log(
  `${'wall time per keystroke'.padEnd(36)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'max ms'.padStart(9)}${'samples'.padStart(9)}`,
);
console.log(row('ours (SearchIndex)', ours));
console.log(row('naive: pinyin-pro per item', naive));
console.log(row('naive: plain substring, no pinyin', substring));
console.log(`${'CPU time per keystroke'.padEnd(36)}`);
console.log(row('ours (SearchIndex)', oursCpu));
console.log(row('naive: pinyin-pro per item', naiveCpu));
console.log(row('naive: plain substring, no pinyin', substringCpu));
console.log('');
console.log(
  `naive pinyin / ours (wall):     p50 ${x(ratio(naive, ours, 50))}  p99 ${x(ratio(naive, ours, 99))}   (>1 = ours faster)`,
);
console.log(
  `plain substring / ours (wall):  p50 ${x(ratio(substring, ours, 50))}  p99 ${x(ratio(substring, ours, 99))}`,
);
console.log(
  `keystrokes with hits: ours ${oursFound}/${keystrokes.length}, plain substring ${substringFound}/${keystrokes.length} (it cannot match pinyin)`,
);
console.log(
  `results identical to the naive pinyin scan: ${mismatches === 0 ? 'yes' : `NO (${mismatches} keystrokes differ)`}`,
);
console.log(
  `goal p99 <= ${GOAL_P99_MS} ms per keystroke: ${oursP99 <= GOAL_P99_MS ? 'met' : 'NOT met'} on wall time (p99 ${oursP99.toFixed(3)} ms), ` +
    `${oursCpuP99 <= GOAL_P99_MS ? 'met' : 'NOT met'} on CPU time (p99 ${oursCpuP99.toFixed(3)} ms)`,
);
if (load > 2)
  console.log('note: the machine is busy (load > 2 on this run); wall-time tails include waiting for a CPU.');
if (mismatches > 0) process.exitCode = 1;

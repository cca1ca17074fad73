/**
 * Search over a catalogue by name, item code and pinyin (全拼 and 首字母, via pinyin-pro), for the kiosk and the CLI.
 *
 * Ranking, best first:
 *   0 exactCode    the item code equals the query
 *   1 codePrefix   the item code starts with the query
 *   2 namePrefix   the main or sub name starts with the query
 *   3 pinyinPrefix the initials (sfz) or the full pinyin (shenfen) of the main or sub name start with the query
 *   4 substring    the query occurs inside the name (main name followed by sub name, so 居民身份证换领 typed in one
 *                  go finds 居民身份证 / 换领), the code, the initials, or the full pinyin at a syllable start
 * Ties: shorter display names first, then item code, then level (province first), then implementing unit.
 * The same item code held at several levels gives one hit per level; pass `filter` to keep one level or hall.
 *
 * Both sides are normalised the same way: NFKC (full-width -> half-width), lower case, white space removed.
 * All pinyin is computed once in buildSearchIndex, where every field of all items is joined into one flat string;
 * a keystroke is a few `indexOf` loops over those strings plus one pass over a byte per item, in tie-break order,
 * so no pinyin conversion and no sorting happens per keystroke.
 */
import { pinyin } from 'pinyin-pro';
import { displayName, normaliseName } from './normalise.js';
import { LEVELS, type ServiceItem } from './service-item.js';

export const MATCH_TIERS = ['exactCode', 'codePrefix', 'namePrefix', 'pinyinPrefix', 'substring'] as const;
export type MatchTier = (typeof MATCH_TIERS)[number];

export interface SearchHit {
  item: ServiceItem;
  tier: MatchTier;
}

interface Spelled {
  /** 首字母, one letter per syllable (non-Chinese letters and digits kept as they are). */
  initials: string;
  /** 全拼 without tones, ü written as v. */
  full: string;
  /** Offsets in `full` where a syllable starts. */
  starts: number[];
}

/**
 * One searchable text per entry, all entries joined into one string with '\n' between them, so a keystroke is a
 * few `indexOf` loops over flat strings instead of tens of thousands of small string operations.
 * Each entry's text is its main part then its sub part; `subAt` is where the sub part starts, so a match at the
 * start of either part is a prefix match, and a match across both finds a full name typed in one go.
 */
export interface SearchBlob {
  text: string;
  /** Entry of every position in text (-1 on separators). */
  entryAt: Int32Array;
  /** Offset in text where each entry starts. */
  start: Int32Array;
  /** Offset in text where each entry's sub part starts. */
  subAt: Int32Array;
  /** For pinyin: 1 where a syllable starts. */
  syllable?: Uint8Array;
}

export interface SearchIndex {
  /** Items in tie-break order. */
  readonly items: readonly ServiceItem[];
  /** @internal item codes, names, initials and full pinyin, each as one blob. */
  readonly codes: SearchBlob;
  readonly names: SearchBlob;
  readonly initials: SearchBlob;
  readonly full: SearchBlob;
  /** @internal best tier per entry, reused by every keystroke so a search allocates almost nothing. */
  readonly scratch: Uint8Array;
}

const NO_SYLLABLES: Spelled = { initials: '', full: '', starts: [] };

function spell(text: string, cache: Map<string, Spelled>): Spelled {
  if (text === '') return NO_SYLLABLES;
  const hit = cache.get(text);
  if (hit) return hit;
  const syllables = pinyin(text, { toneType: 'none', type: 'array', v: true })
    .map((s) => s.toLowerCase().replace(/[^a-z0-9]/g, ''))
    .filter((s) => s !== '');
  let full = '';
  let initials = '';
  const starts: number[] = [];
  for (const s of syllables) {
    starts.push(full.length);
    full += s;
    initials += s[0];
  }
  const spelled = { initials, full, starts };
  cache.set(text, spelled);
  return spelled;
}

function blob(
  parts: readonly (readonly [string, string])[],
  syllables?: readonly [number[], number[]][],
): SearchBlob {
  const n = parts.length;
  const start = new Int32Array(n);
  const subAt = new Int32Array(n);
  let length = 1;
  for (const [main, sub] of parts) length += main.length + sub.length + 1;
  const entryAt = new Int32Array(length).fill(-1);
  const syllable = syllables ? new Uint8Array(length) : undefined;
  const chunks: string[] = ['\n'];
  let at = 1;
  parts.forEach(([main, sub], e) => {
    start[e] = at;
    subAt[e] = at + main.length;
    entryAt.fill(e, at, at + main.length + sub.length);
    if (syllable && syllables) {
      const [ms, ss] = syllables[e]!;
      for (const p of ms) syllable[at + p] = 1;
      for (const p of ss) syllable[at + main.length + p] = 1;
    }
    chunks.push(main, sub, '\n');
    at += main.length + sub.length + 1;
  });
  const out: SearchBlob = { text: chunks.join(''), entryAt, start, subAt };
  if (syllable) out.syllable = syllable;
  return out;
}

/** Precompute everything a keystroke needs. Cost: one pinyin conversion per distinct name. */
export function buildSearchIndex(items: readonly ServiceItem[]): SearchIndex {
  const order = items
    .map((item) => ({ item, name: displayName(item) }))
    .sort(
      (a, b) =>
        a.name.length - b.name.length ||
        cmp(a.item.itemCode, b.item.itemCode) ||
        LEVELS.indexOf(a.item.level) - LEVELS.indexOf(b.item.level) ||
        cmp(a.item.implementingUnit, b.item.implementingUnit),
    )
    .map((e) => e.item);
  const cache = new Map<string, Spelled>();
  const names = order.map((i) => [normaliseName(i.mainName), normaliseName(i.subName)] as const);
  const spelled = names.map(([m, s]) => [spell(m, cache), spell(s, cache)] as const);
  return {
    items: order,
    codes: blob(order.map((i) => [normaliseName(i.itemCode), ''] as const)),
    names: blob(names),
    initials: blob(spelled.map(([m, s]) => [m.initials, s.initials] as const)),
    full: blob(
      spelled.map(([m, s]) => [m.full, s.full] as const),
      spelled.map(([m, s]) => [m.starts, s.starts]),
    ),
    scratch: new Uint8Array(order.length),
  };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const TIER = { exactCode: 0, codePrefix: 1, namePrefix: 2, pinyinPrefix: 3, substring: 4 } as const;

/**
 * Every occurrence of q in the blob gives its entry a tier: `prefixTier` at the start of the main or sub part,
 * `substringTier` elsewhere (for pinyin only at a syllable start). Keeps the best tier per entry in `best`.
 */
function scan(
  b: SearchBlob,
  q: string,
  prefixTier: number,
  substringTier: number,
  best: Uint8Array,
  exact = -1,
): void {
  const { text, entryAt, start, subAt, syllable } = b;
  let at = text.indexOf(q);
  while (at >= 0) {
    const e = entryAt[at]!;
    let tier = substringTier;
    if (at === start[e] || at === subAt[e]) {
      tier = prefixTier;
      if (exact >= 0 && at === start[e] && text.charCodeAt(at + q.length) === 10) tier = exact;
    } else if (syllable && syllable[at] !== 1) tier = 255;
    if (tier < best[e]!) best[e] = tier;
    at = text.indexOf(q, at + 1);
  }
}

const LATIN = /^[a-z0-9_-]+$/;
const LETTERS = /^[a-z]+$/;

export interface SearchOptions {
  /** Most hits returned (default 20). */
  limit?: number;
  /** Keep only items that pass, e.g. one level or one window category. */
  filter?: (item: ServiceItem) => boolean;
}

const indexes = new WeakMap<readonly ServiceItem[], SearchIndex>();

function isIndex(x: SearchIndex | readonly ServiceItem[]): x is SearchIndex {
  return !Array.isArray(x);
}

/**
 * Ranked hits for a query. Pass a SearchIndex, or the items themselves (their index is built once and kept for
 * as long as that array lives, so keep passing the same array).
 */
export function searchItems(
  source: SearchIndex | readonly ServiceItem[],
  query: string,
  options: SearchOptions = {},
): SearchHit[] {
  let index: SearchIndex;
  if (isIndex(source)) index = source;
  else {
    index = indexes.get(source) ?? buildSearchIndex(source);
    indexes.set(source, index);
  }
  const limit = options.limit ?? 20;
  const q = normaliseName(query).replace(/[\u0000-\u001f]/g, '');
  if (q === '' || limit <= 0) return [];
  const latin = LATIN.test(q);
  const letters = LETTERS.test(q);
  const n = index.items.length;
  const best = index.scratch.fill(255);
  scan(index.names, q, TIER.namePrefix, TIER.substring, best);
  if (latin) scan(index.codes, q, TIER.codePrefix, TIER.substring, best, TIER.exactCode);
  if (letters) {
    scan(index.initials, q, TIER.pinyinPrefix, TIER.substring, best);
    scan(index.full, q, TIER.pinyinPrefix, TIER.substring, best);
  }
  // Entries are already in tie-break order: walk them once, keeping at most `limit` per tier.
  const buckets: number[][] = [[], [], [], [], []];
  for (let i = 0; i < n; i++) {
    const tier = best[i]!;
    if (tier === 255) continue;
    const bucket = buckets[tier]!;
    if (bucket.length >= limit) continue;
    if (options.filter && !options.filter(index.items[i]!)) continue;
    bucket.push(i);
  }
  const hits: SearchHit[] = [];
  for (let t = 0; t < buckets.length && hits.length < limit; t++) {
    for (const i of buckets[t]!) {
      if (hits.length >= limit) break;
      hits.push({ item: index.items[i]!, tier: MATCH_TIERS[t]! });
    }
  }
  return hits;
}

import { constants } from 'node:zlib';
import { type DeflatedPart, deflatePart, zlibFromParts } from './zlib-parts.js';

/**
 * A TrueType subsetter that keeps its work across documents. pdfkit's own subsetter (fontkit's TTFSubset) decodes
 * every glyph's outline for every document; here the font's tables are located once, and each glyph's bytes are
 * sliced (and, for composites, their component ids found) once per process. A document's subset is then a
 * concatenation: head, hhea, hmtx, loca, maxp, then glyf (no hinting tables: the font carries no instructions,
 * and a PDF viewer needs no cmap for a CIDFontType2 with Identity CIDToGIDMap). The glyphs of a fixed prefix (the
 * template text of a notice type) are deflated once per process and their compressed bytes reused.
 */

interface Table {
  offset: number;
  length: number;
}

interface CachedGlyph {
  bytes: Uint8Array;
  /** Offsets (within bytes) of the component glyph ids of a composite glyph, and those ids. */
  components: { at: number; id: number }[];
}

export class TtfSource {
  private readonly tables = new Map<string, Table>();
  private readonly view: DataView;
  private readonly glyphs = new Map<number, CachedGlyph>();
  /** Deflated outlines of fixed subset prefixes (TtfSubset.fix), by their glyph ids. */
  readonly fixedParts = new Map<string, FixedPart>();
  readonly numGlyphs: number;
  private readonly longLoca: boolean;
  private readonly numberOfHMetrics: number;

  /**
   * `path`: where the font was read from, so that another thread can build the same subset from its own copy
   * (a DeflateThread builds and deflates the font programs of the documents rendered beside it).
   */
  constructor(
    readonly data: Uint8Array,
    readonly path?: string,
  ) {
    this.view = new DataView(data.buffer, data.byteOffset, data.byteLength);
    const numTables = this.view.getUint16(4);
    for (let i = 0; i < numTables; i++) {
      const at = 12 + i * 16;
      const tag = String.fromCharCode(...data.subarray(at, at + 4));
      this.tables.set(tag, { offset: this.view.getUint32(at + 8), length: this.view.getUint32(at + 12) });
    }
    for (const tag of ['head', 'hhea', 'maxp', 'loca', 'glyf', 'hmtx']) {
      if (!this.tables.has(tag)) throw new Error(`not a TrueType font with outlines: no ${tag} table`);
    }
    this.longLoca = this.view.getInt16(this.table('head').offset + 50) === 1;
    this.numberOfHMetrics = this.view.getUint16(this.table('hhea').offset + 34);
    this.numGlyphs = this.view.getUint16(this.table('maxp').offset + 4);
  }

  private table(tag: string): Table {
    return this.tables.get(tag) as Table;
  }

  private tableBytes(tag: string): Uint8Array {
    const t = this.table(tag);
    return this.data.subarray(t.offset, t.offset + t.length);
  }

  /** Advance width and left side bearing of a glyph (font units). */
  metrics(id: number): { advance: number; lsb: number } {
    const hmtx = this.table('hmtx').offset;
    const n = this.numberOfHMetrics;
    if (id < n)
      return { advance: this.view.getUint16(hmtx + id * 4), lsb: this.view.getInt16(hmtx + id * 4 + 2) };
    return {
      advance: this.view.getUint16(hmtx + (n - 1) * 4),
      lsb: this.view.getInt16(hmtx + n * 4 + (id - n) * 2),
    };
  }

  glyph(id: number): CachedGlyph {
    let g = this.glyphs.get(id);
    if (g) return g;
    const loca = this.table('loca').offset;
    const [start, end] = this.longLoca
      ? [this.view.getUint32(loca + id * 4), this.view.getUint32(loca + id * 4 + 4)]
      : [this.view.getUint16(loca + id * 2) * 2, this.view.getUint16(loca + id * 2 + 2) * 2];
    const glyf = this.table('glyf').offset;
    const bytes = this.data.subarray(glyf + start, glyf + end);
    const components: CachedGlyph['components'] = [];
    if (bytes.length >= 10 && this.view.getInt16(glyf + start) < 0) {
      // composite glyph: flags, glyphIndex, arguments, optional transform (OpenType glyf table)
      let p = 10;
      for (;;) {
        const flags = (bytes[p] as number) * 256 + (bytes[p + 1] as number);
        components.push({ at: p + 2, id: (bytes[p + 2] as number) * 256 + (bytes[p + 3] as number) });
        p += 4 + (flags & 0x0001 ? 4 : 2);
        if (flags & 0x0008) p += 2;
        else if (flags & 0x0040) p += 4;
        else if (flags & 0x0080) p += 8;
        if (!(flags & 0x0020)) break;
      }
    }
    g = { bytes, components };
    this.glyphs.set(id, g);
    return g;
  }

  /** The font at a path, read and located once per thread (shared by the renderer and the deflater here). */
  static forFile(path: string, read: (path: string) => Uint8Array): TtfSource {
    let source = sources.get(path);
    if (!source) {
      source = new TtfSource(read(path), path);
      sources.set(path, source);
    }
    return source;
  }

  createSubset(): TtfSubset {
    return new TtfSubset(this);
  }

  /** The tables copied from the font, with their fields for the subset set by encode. */
  copyOf(tag: 'head' | 'hhea' | 'maxp'): Uint8Array {
    return new Uint8Array(this.tableBytes(tag)); // a copy (Buffer#slice would be a view of the font)
  }
}

const sources = new Map<string, TtfSource>();

/** The glyph outlines of a fixed prefix of a subset, deflated once and reused by every subset with that prefix. */
interface FixedPart extends DeflatedPart {
  /** Sum of the part's 32-bit words (its share of the glyf table's checksum; glyphs are padded to 4 bytes). */
  checksum: number;
}

/** Fixed parts kept per font (LRU): a few per notice type and locale, each the size of its outlines deflated. */
const MAX_FIXED_PARTS = 256;

/** The subset of one document: the interface pdfkit's EmbeddedFont uses (includeGlyph, encode). */
export class TtfSubset {
  private readonly ids: number[] = [];
  private readonly mapping = new Map<number, number>();
  /** The first `fixed` glyphs are a prefix shared with other documents (see fix). */
  private fixed = 0;

  constructor(readonly source: TtfSource) {
    this.includeGlyph(0);
  }

  /** The original glyph id of each glyph of the subset, by subset id (so far). */
  get glyphIds(): readonly number[] {
    return this.ids;
  }

  /** How many leading glyphs are the fixed prefix (fix). */
  get fixedCount(): number {
    return this.fixed;
  }

  /** The subset of another thread, glyph for glyph: the same ids in the same order, the same fixed prefix. */
  static replay(source: TtfSource, ids: ArrayLike<number>, fixed: number): TtfSubset {
    const subset = new TtfSubset(source);
    for (let i = 0; i < ids.length; i++) {
      if (i === fixed) subset.fix();
      subset.includeGlyph(ids[i] as number);
    }
    if (fixed >= ids.length) subset.fix();
    return subset;
  }

  includeGlyph(id: number): number {
    let gid = this.mapping.get(id);
    if (gid === undefined) {
      gid = this.ids.length;
      this.ids.push(id);
      this.mapping.set(id, gid);
    }
    return gid;
  }

  /**
   * Ends the fixed prefix: the glyphs included so far (with the components of composite glyphs) keep the first
   * ids, and their outlines are laid out first in the glyf table, so that their deflated bytes can be reused by
   * every subset that starts with the same glyphs (the template text of a notice type). Call before including
   * the document's other glyphs.
   */
  fix(): void {
    this.pullComponents();
    this.fixed = this.ids.length;
  }

  /** The TrueType font program of the subset. */
  encode(): Buffer {
    const { prefix, rest } = this.parts();
    return Buffer.concat([prefix, this.glyf(0, this.fixed), rest]);
  }

  /**
   * The font program as a zlib stream (for a FlateDecode FontFile2) and its length unflated (/Length1): the
   * outlines of the fixed prefix come deflated from the font's cache, only the tables and the other glyphs are
   * deflated here. Inflated, it is byte for byte encode().
   */
  encodeDeflated(): { data: Buffer; length: number } {
    const { prefix, fixed, rest } = this.parts();
    return {
      data: zlibFromParts([deflatePart(prefix), fixed], rest),
      length: prefix.length + fixed.length + rest.length,
    };
  }

  private pullComponents(): void {
    for (let i = 0; i < this.ids.length; i++) {
      for (const c of this.source.glyph(this.ids[i] as number).components) this.includeGlyph(c.id);
    }
  }

  /** The outline bytes of glyphs from..to-1, composite components renumbered, each padded to 4 bytes. */
  private glyf(from: number, to: number): Uint8Array {
    let size = 0;
    for (let i = from; i < to; i++) size += padded(this.source.glyph(this.ids[i] as number).bytes.length);
    const out = new Uint8Array(size);
    let at = 0;
    for (let i = from; i < to; i++) {
      const g = this.source.glyph(this.ids[i] as number);
      out.set(g.bytes, at);
      for (const c of g.components) {
        const to = this.mapping.get(c.id) as number;
        out[at + c.at] = to >> 8;
        out[at + c.at + 1] = to & 0xff;
      }
      at += padded(g.bytes.length);
    }
    return out;
  }

  /** The fixed prefix's outlines deflated, from the font's cache (or deflated now and kept). */
  private fixedPart(): FixedPart {
    const key = this.ids.slice(0, this.fixed).join(',');
    const cache = this.source.fixedParts;
    let part = cache.get(key);
    if (part) {
      cache.delete(key); // most recently used last
    } else {
      const bytes = this.glyf(0, this.fixed);
      part = { ...deflatePart(bytes, constants.Z_BEST_COMPRESSION), checksum: checksum(bytes) };
      if (cache.size >= MAX_FIXED_PARTS) cache.delete(cache.keys().next().value as string);
    }
    cache.set(key, part);
    return part;
  }

  /**
   * The sfnt file as three pieces: the header, directory and every table but glyf (`prefix`); the fixed glyphs'
   * outlines (`fixed`, deflated and checksummed once per font); the other glyphs' outlines (`rest`). The glyf
   * table comes last in the file (the directory stays sorted by tag; tables may lie in any order).
   */
  parts(): { prefix: Uint8Array; fixed: FixedPart; rest: Uint8Array } {
    const src = this.source;
    // composites pull in their components (they get ids after the characters' glyphs)
    this.pullComponents();
    const n = this.ids.length;
    const offsets = new Array<number>(n + 1);
    let offset = 0;
    for (let i = 0; i < n; i++) {
      offsets[i] = offset;
      offset += padded(src.glyph(this.ids[i] as number).bytes.length);
    }
    offsets[n] = offset;
    // the short loca (offset / 2 in 16 bits: half the size) while the outlines fit 128 KiB, as a notice's do
    const short = offset <= 0x1fffe;
    const loca = new Uint8Array((n + 1) * (short ? 2 : 4));
    const locaView = new DataView(loca.buffer);
    for (let i = 0; i <= n; i++) {
      if (short) locaView.setUint16(i * 2, (offsets[i] as number) / 2);
      else locaView.setUint32(i * 4, offsets[i] as number);
    }
    const fixed = this.fixedPart();
    const rest = this.glyf(this.fixed, n);
    const hmtx = new Uint8Array(n * 4);
    const hmtxView = new DataView(hmtx.buffer);
    for (let i = 0; i < n; i++) {
      const m = src.metrics(this.ids[i] as number);
      hmtxView.setUint16(i * 4, m.advance);
      hmtxView.setInt16(i * 4 + 2, m.lsb);
    }
    const head = src.copyOf('head');
    const headView = new DataView(head.buffer);
    headView.setUint32(8, 0); // checkSumAdjustment, set below
    headView.setInt16(50, short ? 0 : 1); // indexToLocFormat
    const hhea = src.copyOf('hhea');
    new DataView(hhea.buffer).setUint16(34, n);
    const maxp = src.copyOf('maxp');
    new DataView(maxp.buffer).setUint16(4, n);
    const prefix = assemble(
      [
        ['head', head],
        ['hhea', hhea],
        ['hmtx', hmtx],
        ['loca', loca],
        ['maxp', maxp],
      ],
      { length: offset, checksum: (fixed.checksum + checksum(rest)) >>> 0 },
      headView,
    );
    return { prefix, fixed, rest };
  }
}

const padded = (length: number) => length + ((4 - (length % 4)) % 4);

/** Sum of the 32-bit big-endian words of bytes, the last padded with zeros (OpenType table checksum). */
export function checksum(bytes: Uint8Array): number {
  let sum = 0;
  const full = bytes.length - (bytes.length % 4);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < full; i += 4) sum = (sum + view.getUint32(i)) >>> 0;
  if (full < bytes.length) {
    let last = 0;
    for (let i = full; i < full + 4; i++) last = (last << 8) | (i < bytes.length ? (bytes[i] as number) : 0);
    sum = (sum + (last >>> 0)) >>> 0;
  }
  return sum;
}

/**
 * The start of an sfnt file: header, table directory (sorted by tag, glyf included) and the tables but glyf, with
 * checksums and head.checkSumAdjustment; the glyf table (of the given length and checksum) follows it in the file.
 * Every piece is padded to 4 bytes, so the file's checksum is the sum of the pieces' checksums.
 */
function assemble(
  tables: [string, Uint8Array][],
  glyf: { length: number; checksum: number },
  headView: DataView,
): Buffer {
  const numTables = tables.length + 1;
  let entrySelector = 0;
  while (2 ** (entrySelector + 1) <= numTables) entrySelector++;
  const searchRange = 2 ** entrySelector * 16;
  const headerSize = 12 + numTables * 16;
  let size = headerSize;
  for (const [, t] of tables) size += padded(t.length);
  const out = Buffer.alloc(size);
  out.writeUInt32BE(0x00010000, 0);
  out.writeUInt16BE(numTables, 4);
  out.writeUInt16BE(searchRange, 6);
  out.writeUInt16BE(entrySelector, 8);
  out.writeUInt16BE(numTables * 16 - searchRange, 10);
  const entries: [string, number, number, number][] = [['glyf', glyf.checksum, size, glyf.length]];
  let offset = headerSize;
  let headOffset = 0;
  for (const [tag, t] of tables) {
    entries.push([tag, checksum(t), offset, t.length]);
    out.set(t, offset);
    if (tag === 'head') headOffset = offset;
    offset += padded(t.length);
  }
  entries.sort((a, b) => (a[0] < b[0] ? -1 : 1));
  entries.forEach(([tag, sum, at, length], i) => {
    const e = 12 + i * 16;
    out.write(tag, e, 'latin1');
    out.writeUInt32BE(sum, e + 4);
    out.writeUInt32BE(at, e + 8);
    out.writeUInt32BE(length, e + 12);
  });
  const adjustment = (0xb1b0afba - ((checksum(out) + glyf.checksum) >>> 0)) >>> 0;
  out.writeUInt32BE(adjustment, headOffset + 8);
  headView.setUint32(8, adjustment);
  return out;
}

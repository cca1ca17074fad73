import { constants, deflateRawSync } from 'node:zlib';

/**
 * A TrueType subsetter that keeps its work across documents. pdfkit's own subsetter (fontkit's TTFSubset) decodes
 * every glyph's outline for every document; here the font's tables are located once, and each glyph's bytes are
 * sliced (and, for composites, their component ids found) once per process. A document's subset is then a
 * concatenation: head, hhea, maxp, loca, glyf, hmtx (no hinting tables: the font carries no instructions, and a PDF
 * viewer needs no cmap for a CIDFontType2 with Identity CIDToGIDMap).
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
  /** Deflated runs of glyphs (see TtfSubset.deflated), by the source ids of the run. */
  readonly deflatedRuns = new Map<string, Buffer>();
  readonly numGlyphs: number;
  private readonly longLoca: boolean;
  private readonly numberOfHMetrics: number;

  constructor(readonly data: Uint8Array) {
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

  createSubset(): TtfSubset {
    return new TtfSubset(this);
  }

  /** The tables copied from the font, with their fields for the subset set by encode. */
  copyOf(tag: 'head' | 'hhea' | 'maxp'): Uint8Array {
    return Uint8Array.from(this.tableBytes(tag));
  }
}

/** The subset of one document: the interface pdfkit's EmbeddedFont uses (includeGlyph, encode). */
export class TtfSubset {
  private readonly ids: number[] = [];
  private readonly mapping = new Map<number, number>();

  constructor(private readonly source: TtfSource) {
    this.includeGlyph(0);
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

  /** The subset as a TrueType file. */
  encode(): Buffer {
    return this.build().file;
  }

  /**
   * The subset as a zlib stream (a PDF FontFile2 with /Filter /FlateDecode), built from pieces: the table directory,
   * the glyph data in runs, and the other tables, each deflated on its own and joined at byte boundaries (sync
   * flush), then the Adler-32 of the whole file. A run ends after a glyph whose id hashes to 0 mod RUN_HASH, so the
   * runs depend on the glyphs only, not on the order documents are rendered in (the output stays deterministic),
   * and the runs of the template's words, which recur in notice after notice, are deflated once per process.
   */
  deflated(): Buffer {
    const { file, glyphEnds, composite } = this.build();
    const src = this.source;
    const pieces: Buffer[] = [Buffer.from([0x78, 0x9c])];
    const flush = { finishFlush: constants.Z_SYNC_FLUSH, level: FONT_DEFLATE_LEVEL };
    pieces.push(deflateRawSync(file.subarray(0, GLYF_AT), flush));
    let runStart = 0;
    let runFirst = 0;
    for (let i = 0; i < this.ids.length; i++) {
      const id = this.ids[i] as number;
      if (i < this.ids.length - 1 && Math.imul(id, 0x9e3779b1) >>> 0 >= RUN_CUT) continue;
      const end = glyphEnds[i] as number;
      const raw = file.subarray(GLYF_AT + runStart, GLYF_AT + end);
      const ids = this.ids.slice(runFirst, i + 1);
      if (ids.some((g) => composite.has(g))) pieces.push(deflateRawSync(raw, flush));
      else {
        const key = ids.join(',');
        let z = src.deflatedRuns.get(key);
        if (!z) {
          z = deflateRawSync(raw, flush);
          if (src.deflatedRuns.size >= 20_000) src.deflatedRuns.clear();
          src.deflatedRuns.set(key, z);
        }
        pieces.push(z);
      }
      runStart = end;
      runFirst = i + 1;
    }
    pieces.push(deflateRawSync(file.subarray(GLYF_AT + runStart), { level: FONT_DEFLATE_LEVEL }));
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(adler32(file));
    pieces.push(sum);
    return Buffer.concat(pieces);
  }

  private build(): { file: Buffer; glyphEnds: number[]; composite: Set<number> } {
    const src = this.source;
    // composites pull in their components (they get ids after the characters' glyphs)
    for (let i = 0; i < this.ids.length; i++) {
      for (const c of src.glyph(this.ids[i] as number).components) this.includeGlyph(c.id);
    }
    const n = this.ids.length;
    const glyphBytes: Uint8Array[] = [];
    const glyphEnds: number[] = [];
    const composite = new Set<number>();
    const loca = new Uint8Array((n + 1) * 4);
    const locaView = new DataView(loca.buffer);
    let offset = 0;
    for (let i = 0; i < n; i++) {
      const g = src.glyph(this.ids[i] as number);
      let bytes = g.bytes;
      if (g.components.length) {
        composite.add(this.ids[i] as number);
        bytes = Uint8Array.from(bytes);
        for (const c of g.components) {
          const to = this.mapping.get(c.id) as number;
          bytes[c.at] = to >> 8;
          bytes[c.at + 1] = to & 0xff;
        }
      }
      locaView.setUint32(i * 4, offset);
      glyphBytes.push(bytes);
      offset += bytes.length + ((4 - (bytes.length % 4)) % 4);
      glyphEnds.push(offset);
    }
    locaView.setUint32(n * 4, offset);
    const glyf = new Uint8Array(offset);
    let at = 0;
    for (const b of glyphBytes) {
      glyf.set(b, at);
      at += b.length + ((4 - (b.length % 4)) % 4);
    }
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
    headView.setInt16(50, 1); // long loca
    const hhea = src.copyOf('hhea');
    new DataView(hhea.buffer).setUint16(34, n);
    const maxp = src.copyOf('maxp');
    new DataView(maxp.buffer).setUint16(4, n);
    const file = assemble(
      [
        ['glyf', glyf],
        ['head', head],
        ['hhea', hhea],
        ['hmtx', hmtx],
        ['loca', loca],
        ['maxp', maxp],
      ],
      headView,
    );
    return { file, glyphEnds, composite };
  }
}

/** The glyf table comes first in the file, right after the directory of its six tables. */
const GLYF_AT = 12 + 6 * 16;
/** A run of glyphs ends after about one glyph in RUN_HASH (runs of ~2 KiB: each costs a block header). */
const RUN_HASH = Number(process.env.RUN_HASH ?? 24);
const RUN_CUT = Math.floor(2 ** 32 / RUN_HASH);
export const FONT_DEFLATE_LEVEL = 6;

function adler32(bytes: Uint8Array): number {
  let a = 1;
  let b = 0;
  let i = 0;
  while (i < bytes.length) {
    const end = Math.min(i + 4096, bytes.length);
    for (; i < end; i++) {
      a += bytes[i] as number;
      b += a;
    }
    a %= 65521;
    b %= 65521;
  }
  return ((b << 16) | a) >>> 0;
}

function checksum(bytes: Uint8Array): number {
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

/** An sfnt file from tables sorted by tag, with checksums and head.checkSumAdjustment. */
function assemble(tables: [string, Uint8Array][], headView: DataView): Buffer {
  const numTables = tables.length;
  let entrySelector = 0;
  while (2 ** (entrySelector + 1) <= numTables) entrySelector++;
  const searchRange = 2 ** entrySelector * 16;
  const headerSize = 12 + numTables * 16;
  let size = headerSize;
  for (const [, t] of tables) size += t.length + ((4 - (t.length % 4)) % 4);
  const out = Buffer.alloc(size);
  out.writeUInt32BE(0x00010000, 0);
  out.writeUInt16BE(numTables, 4);
  out.writeUInt16BE(searchRange, 6);
  out.writeUInt16BE(entrySelector, 8);
  out.writeUInt16BE(numTables * 16 - searchRange, 10);
  let offset = headerSize;
  let headOffset = 0;
  tables.forEach(([tag, t], i) => {
    const e = 12 + i * 16;
    out.write(tag, e, 'latin1');
    out.writeUInt32BE(checksum(t), e + 4);
    out.writeUInt32BE(offset, e + 8);
    out.writeUInt32BE(t.length, e + 12);
    out.set(t, offset);
    if (tag === 'head') headOffset = offset;
    offset += t.length + ((4 - (t.length % 4)) % 4);
  });
  const adjustment = (0xb1b0afba - checksum(out)) >>> 0;
  out.writeUInt32BE(adjustment, headOffset + 8);
  headView.setUint32(8, adjustment);
  return out;
}

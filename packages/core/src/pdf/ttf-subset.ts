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

  encode(): Buffer {
    const src = this.source;
    // composites pull in their components (they get ids after the characters' glyphs)
    for (let i = 0; i < this.ids.length; i++) {
      for (const c of src.glyph(this.ids[i] as number).components) this.includeGlyph(c.id);
    }
    const n = this.ids.length;
    const glyphBytes: Uint8Array[] = [];
    const loca = new Uint8Array((n + 1) * 4);
    const locaView = new DataView(loca.buffer);
    let offset = 0;
    for (let i = 0; i < n; i++) {
      const g = src.glyph(this.ids[i] as number);
      let bytes = g.bytes;
      if (g.components.length) {
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
    return assemble(
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
  }
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

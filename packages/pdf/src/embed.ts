import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { toUnicodeCmap } from './cmap.js';
import type { DocInternals, PdfRef } from './document.js';
import type { ParsedFont } from './font.js';
import { type FontRequest, NO_CHARACTER } from './streams.js';
import type { TtfSubset } from './ttf-subset.js';

/** What this module uses of pdfkit's EmbeddedFont. */
export interface PdfkitFont {
  id: string;
  ref(): unknown;
  embed(): void;
  subset: {
    includeGlyph(id: number): number;
    encode(): Uint8Array;
    /** TtfSubset (TrueType fonts): the fixed prefix and the font program deflated from cached parts. */
    fix?(): void;
    encodeDeflated?(): { data: Buffer; length: number };
  };
  widths: (number | undefined)[];
  unicode: number[][];
  scale: number;
}

/** Glyph ids as 4 hex digits, by subset id. */
const HEX4: string[] = [];

/**
 * A text as the hex string of its glyph ids in the document's subset (Identity-H), recording each glyph's width
 * and code point as pdfkit's EmbeddedFont.encode does, without its per-document layout run and cache: the glyph
 * of each character comes from the font's cache (no shaping is needed for the notices' CJK, digits and Latin).
 */
export function encodeText(f: PdfkitFont, font: ParsedFont, text: string): string {
  let hex = '';
  for (const ch of text) {
    const g = font.glyph(ch.codePointAt(0) as number);
    const gid = f.subset.includeGlyph(g.id);
    if (f.widths[gid] == null) f.widths[gid] = g.advanceWidth * f.scale;
    if (f.unicode[gid] == null) f.unicode[gid] = g.codePoints;
    hex += HEX4[gid] ??= gid.toString(16).padStart(4, '0');
  }
  return hex;
}

/** pdfkit's EmbeddedFont fields read by embedCompact. */
interface EmbeddedFontInternals {
  id: string;
  document: DocInternals;
  font: {
    'OS/2'?: { sFamilyClass?: number };
    post: { isFixedPitch?: boolean };
    head: { macStyle: { italic?: boolean } };
    postscriptName?: string;
    bbox: { minX: number; minY: number; maxX: number; maxY: number };
    italicAngle: number;
    capHeight?: number;
    ascent: number;
    xHeight?: number;
  };
  subset: PdfkitFont['subset'];
  widths: (number | undefined)[];
  scale: number;
  ascender: number;
  descender: number;
  dictionary: PdfRef;
  unicode: number[][];
  /** Set by setDeflated: the font program and the ToUnicode CMap deflated already. */
  precompressed?: { program: { data: Uint8Array; length: number }; cmap: Uint8Array };
}

/**
 * What a deflater needs to build and deflate the font program and CMap of a document's font (streams.ts), once
 * every glyph of the document is known (the pages drawn); undefined for a font that is not a TrueType subset of
 * ours read from a file, or a glyph that stands for several characters (embedCompact deflates those as it goes).
 */
export function fontRequest(font: PdfkitFont): FontRequest | undefined {
  const f = font as unknown as EmbeddedFontInternals;
  const subset = f.subset as Partial<TtfSubset>;
  const path = subset.source?.path;
  if (!path || !subset.glyphIds || subset.fixedCount === undefined) return undefined;
  const characters = new Uint32Array(f.unicode.length).fill(NO_CHARACTER);
  for (let gid = 0; gid < f.unicode.length; gid++) {
    const cps = f.unicode[gid];
    if (!cps) continue;
    if (cps.length !== 1) return undefined;
    characters[gid] = cps[0] as number;
  }
  return { path, ids: Uint32Array.from(subset.glyphIds), fixed: subset.fixedCount, characters };
}

/** Hands embedCompact the font program (a zlib stream of /Length1 bytes unflated) and CMap, deflated. */
export function setDeflated(
  font: PdfkitFont,
  program: { data: Uint8Array; length: number },
  cmap: Uint8Array,
): void {
  (font as unknown as EmbeddedFontInternals).precompressed = { program, cmap };
}

/**
 * The subset tag: six capitals from a SHA-256 of the embedded font program, so that different subsets get
 * different tags also when files are merged (ISO 32000-1 9.6.4: "different subsets in the same PDF file shall have
 * different tags"), and the same subset the same tag (the output stays deterministic). pdfkit derives it from the
 * font's resource name instead: every file had BZZZZZ (Regular) and CZZZZZ (Bold).
 */
export function subsetTag(program: Uint8Array): string {
  const digest = createHash('sha256').update(program).digest();
  return Array.from(digest.subarray(0, 6), (b) => String.fromCharCode(65 + (b % 26))).join('');
}

/** The default width of the CIDFont: the em of the ideographs (most glyphs of a notice). */
const DEFAULT_WIDTH = 1000;

/**
 * pdfkit's EmbeddedFont.embed for a TrueType CIDFont, with the widths written compactly: /DW 1000 and a /W entry
 * only for the glyphs of another width (digits, Latin, half-width punctuation), instead of every glyph's width in
 * the uncompressed font dictionary (about 0.6 KiB less per font).
 */
export function embedCompact(this: PdfkitFont): void {
  const f = this as unknown as EmbeddedFontInternals;
  const doc = f.document;
  // the font program with its length unflated (/Length1, required for TrueType: ISO 32000-1 table 126)
  let fontFile: PdfRef;
  let programBytes: Uint8Array;
  if (f.precompressed || f.subset.encodeDeflated) {
    const program =
      f.precompressed?.program ?? (f.subset.encodeDeflated?.() as { data: Buffer; length: number });
    fontFile = doc.ref({ Length1: program.length, Filter: 'FlateDecode' }); // a Filter: pdfkit does not deflate it
    fontFile.end(program.data);
    programBytes = program.data;
  } else {
    const program = f.subset.encode();
    fontFile = doc.ref({ Length1: program.length });
    fontFile.end(program);
    programBytes = program;
  }
  const familyClass = (f.font['OS/2']?.sFamilyClass ?? 0) >> 8;
  let flags = 1 << 2; // symbolic (glyphs outside the standard Latin set)
  if (f.font.post.isFixedPitch) flags |= 1 << 0;
  if (familyClass >= 1 && familyClass <= 7) flags |= 1 << 1;
  if (familyClass === 10) flags |= 1 << 3;
  if (f.font.head.macStyle.italic) flags |= 1 << 6;
  const name = `${subsetTag(programBytes)}+${(f.font.postscriptName ?? 'Font').replaceAll(' ', '_')}`;
  const { bbox } = f.font;
  const s = f.scale;
  const descriptor = doc.ref({
    Type: 'FontDescriptor',
    FontName: name,
    Flags: flags,
    FontBBox: [bbox.minX * s, bbox.minY * s, bbox.maxX * s, bbox.maxY * s],
    ItalicAngle: f.font.italicAngle,
    Ascent: f.ascender,
    Descent: f.descender,
    CapHeight: (f.font.capHeight || f.font.ascent) * s,
    XHeight: (f.font.xHeight || 0) * s,
    StemV: 0,
    FontFile2: fontFile,
  });
  if (doc.subset === 1) {
    // PDF/A-1 (ISO 19005-1 6.3.5): a CIDSet listing the CIDs of the subset
    const cidSet = new Uint8Array(Math.ceil(f.widths.length / 8));
    f.widths.forEach((w, cid) => {
      if (w != null) cidSet[cid >> 3] = (cidSet[cid >> 3] as number) | (0x80 >> (cid % 8));
    });
    const ref = doc.ref();
    ref.write(cidSet);
    ref.end();
    descriptor.data.CIDSet = ref;
  }
  descriptor.end();
  const descendant = doc.ref({
    Type: 'Font',
    Subtype: 'CIDFontType2',
    BaseFont: name,
    CIDSystemInfo: { Registry: new String('Adobe'), Ordering: new String('Identity'), Supplement: 0 },
    FontDescriptor: descriptor,
    DW: DEFAULT_WIDTH,
    W: compactWidths(f.widths),
    CIDToGIDMap: 'Identity',
  });
  descendant.end();
  f.dictionary.data = {
    Type: 'Font',
    Subtype: 'Type0',
    BaseFont: name,
    Encoding: 'Identity-H',
    DescendantFonts: [descendant],
    ToUnicode: cmapRef(f),
  };
  f.dictionary.end();
}

/** /W as runs of consecutive CIDs whose width is not the default: [c [w1 w2 ...] c' [...] ...] (ISO 32000 9.7.4.3). */
export function compactWidths(widths: readonly (number | undefined)[]): (number | number[])[] {
  const w: (number | number[])[] = [];
  let run: number[] | undefined;
  for (let cid = 0; cid < widths.length; cid++) {
    const width = widths[cid];
    if (width == null || Math.abs(width - DEFAULT_WIDTH) < 1e-9) {
      run = undefined;
      continue;
    }
    if (!run) {
      run = [];
      w.push(cid, run);
    }
    run.push(width);
  }
  return w;
}

/** The ToUnicode stream: deflated already (by a deflate thread), or deflated now. */
function cmapRef(f: EmbeddedFontInternals): PdfRef {
  // deflated here as a deflater would, so that the file is the same byte for byte either way
  const ref = f.document.ref({ Filter: 'FlateDecode' });
  ref.end(f.precompressed?.cmap ?? deflateSync(toUnicodeCmap(f.unicode)));
  return ref;
}

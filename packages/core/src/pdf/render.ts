import { createHash } from 'node:crypto';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { TongbanError } from '../errors/index.js';
import { type Notice, noticeMetadata } from '../notices/index.js';
import {
  defaultFontPaths,
  type FontWeight,
  loadNoticeFonts,
  type NoticeFontPaths,
  type NoticeFonts,
} from './font.js';
import { compactSrgbProfileStream } from './icc.js';
import { A4, type DrawOp, layoutNotice } from './layout.js';

/** PDF/A conformance written by default (pdfkit: XMP metadata with pdfaid, sRGB OutputIntent, fonts embedded). */
export type PdfAConformance = 'PDF/A-1b' | 'PDF/A-2b' | 'PDF/A-3b' | false;

export interface NoticePdfOptions {
  /** Default 'PDF/A-2b' (ISO 19005-2 level B); false for plain PDF 1.7. */
  pdfa?: PdfAConformance;
  /** The two TTFs; default the Noto Sans SC of `@expo-google-fonts/noto-sans-sc`. */
  fontPaths?: NoticeFontPaths;
  /** Producer/Creator written into the metadata. */
  creator?: string;
  /**
   * Draw bold text with the Regular font filled and stroked (render mode 2) instead of embedding the Bold font:
   * about 7 KiB and 20% of the time less per document, at some loss of typographic quality. Default false.
   */
  syntheticBold?: boolean;
}

/** Bumped when the layout changes, so that identical notices rendered by another layout get another file ID. */
export const NOTICE_PDF_LAYOUT_VERSION = 1;

const FAMILY: Record<FontWeight, string> = { regular: 'NotoSansSC-Regular', bold: 'NotoSansSC-Bold' };

/**
 * XMP is written by pdfkit without escaping: keep markup characters out of the metadata strings; runs of white space
 * become one space (the XMP is written without indentation, and the Info dictionary must say the same, PDF/A).
 */
function xmpSafe(s: string): string {
  return s.replace(/&/g, '＆').replace(/</g, '＜').replace(/>/g, '＞').replace(/\s+/g, ' ').trim();
}

type Doc = PDFKit.PDFDocument;

/**
 * Renders notices to PDF. The CJK font is read and parsed once per renderer (and shared between renderers of the
 * process): each document only subsets the glyphs it uses. Output is deterministic: the creation date is the
 * notice's issue instant and the file ID is a hash of the notice, so rendering the same notice twice gives the same
 * bytes (a nightly batch can compare hashes and leave identical files alone).
 */
export class NoticePdfRenderer {
  readonly pdfa: PdfAConformance;
  private readonly creator: string;
  private readonly syntheticBold: boolean;
  private readonly fontPaths: NoticeFontPaths;
  private loaded: NoticeFonts | undefined;

  constructor(options: NoticePdfOptions = {}) {
    this.fontPaths = options.fontPaths ?? defaultFontPaths(); // a missing font package fails here
    this.syntheticBold = options.syntheticBold ?? false;
    this.pdfa = options.pdfa ?? 'PDF/A-2b';
    this.creator = options.creator ?? 'Tongban 通办';
  }

  /** The fonts, read and parsed on the first render (once per process: shared by renderers of the same files). */
  get fonts(): NoticeFonts {
    if (!this.loaded) {
      const fonts = loadNoticeFonts(this.fontPaths);
      this.loaded = this.syntheticBold ? { regular: fonts.regular, bold: fonts.regular } : fonts;
    }
    return this.loaded;
  }

  /**
   * One notice as one PDF document (a page, or more for a very long notice). `id`: documentId([notice]) when the
   * caller has computed it already (a batch compares it with the existing file first).
   */
  render(notice: Notice, id?: Buffer): Promise<Buffer> {
    const doc = this.open([notice], {}, id);
    this.draw(doc, notice);
    return finish(doc);
  }

  /** Many notices in one document, each starting on a new page (metadata of the first, title of the batch). */
  renderMerged(notices: readonly Notice[], meta: { title?: string; subject?: string } = {}): Promise<Buffer> {
    if (notices.length === 0) {
      throw new TongbanError('pdf.nothingToRender', 'no notice to put into the merged PDF', {
        hint: 'select at least one notice (check the period, type and unit filters)',
      });
    }
    const doc = this.open(notices, meta);
    for (const n of notices) this.draw(doc, n);
    return finish(doc);
  }

  /**
   * The file ID written into the trailer: a hash of the notices, the layout version and the options, so equal IDs
   * mean equal bytes. A batch compares it with the ID of an existing file to skip rendering unchanged notices.
   */
  documentId(notices: readonly Notice[]): Buffer {
    return createHash('md5')
      .update(`${NOTICE_PDF_LAYOUT_VERSION}\n${String(this.pdfa)}\n${this.syntheticBold}\n${this.creator}\n`)
      .update(JSON.stringify(notices))
      .digest();
  }

  private open(
    notices: readonly Notice[],
    meta: { title?: string; subject?: string } = {},
    id?: Buffer,
  ): Doc {
    const first = notices[0] as Notice;
    const m = noticeMetadata(first);
    const merged = notices.length > 1;
    const info: PDFKit.DocumentInfo = {
      Title: xmpSafe(meta.title ?? (merged ? `${m.title} 等 ${notices.length} 份通知书` : m.title)),
      Subject: xmpSafe(meta.subject ?? (merged ? notices.map((n) => n.applicationNo).join(' ') : m.subject)),
      Author: xmpSafe(m.author),
      Keywords: xmpSafe(merged ? [...new Set(notices.map((n) => n.type))].join(' ') : m.keywords.join(' ')),
      Creator: this.creator,
      Producer: `${this.creator} (pdfkit)`,
      CreationDate: new Date(m.creationDate),
    };
    const options: PDFKit.PDFDocumentOptions = {
      size: [A4.width, A4.height],
      margin: 0,
      autoFirstPage: false,
      info,
      pdfVersion: '1.7',
      lang: first.locale === 'en' ? 'en' : 'zh-CN',
      displayTitle: true,
      font: null as unknown as string, // no Helvetica: every font of a PDF/A file is embedded
    };
    if (this.pdfa) options.subset = this.pdfa;
    const doc = new PDFDocument(options);
    const internals = doc as unknown as DocInternals;
    // a file ID derived from the content, not from the clock (ISO 32000 14.4)
    internals._id = id ?? this.documentId(notices);
    // the XMP packet without pdfkit's indentation (about 0.9 KiB less: the metadata stream stays uncompressed)
    const xmp = internals.metadata;
    const xml = xmp.getXML.bind(xmp);
    xmp.getXML = () => xml().replace(/>\s+</g, '><');
    xmp.getLength = () => xmp.getXML().length;
    if (this.pdfa) internals._addColorOutputIntent = addCompactOutputIntent;
    return doc;
  }

  /**
   * Writes each page's content stream in one piece: text as BT/Tf/Tm/Tj with the glyph ids pdfkit's font object
   * assigns (it records the glyphs for the subset, the widths and the ToUnicode map), lines and the QR code as
   * paths. pdfkit's text() re-measures and re-lays every line; the layout has done that already.
   */
  private draw(doc: Doc, notice: Notice): void {
    const fonts = new Map<FontWeight, PdfkitFont>();
    const fontOf = (w: FontWeight): PdfkitFont => {
      let f = fonts.get(w);
      if (!f) {
        doc.font(this.fonts[w].pdfkitFont as unknown as string, FAMILY[w]);
        f = (doc as unknown as { _font: PdfkitFont })._font;
        f.embed = embedCompact;
        fonts.set(w, f);
      }
      return f;
    };
    for (const page of layoutNotice(notice, this.fonts)) {
      doc.addPage({ size: [A4.width, A4.height], margin: 0 });
      const pageFonts = (doc as unknown as { page: { fonts: Record<string, unknown> } }).page.fonts;
      const graphics: string[] = [];
      // pdfkit's page space is flipped (y down); text is set in the PDF's own space (y up), as pdfkit does
      const text: string[] = [`q 1 0 0 -1 0 ${num(A4.height)} cm`];
      let charSpacing = 0;
      for (const op of page.ops) {
        if (op.op === 'text') {
          const embolden = this.syntheticBold && op.weight === 'bold';
          const w = this.syntheticBold ? 'regular' : op.weight;
          const font = fontOf(w);
          pageFonts[font.id] ??= font.ref();
          const [hex] = font.encode(op.text);
          const y = A4.height - op.y;
          // character spacing (Tc) is part of the graphics state and outlives ET: set it whenever it changes
          const spacing = op.spacing ?? 0;
          const set = `BT /${font.id} ${num(op.size)} Tf 1 0 0 1 ${num(op.x)} ${num(y)} Tm`;
          if (embolden) {
            // inside q/Q: the render mode, line width and spacing end with it
            text.push(
              `q ${num(op.size * 0.045)} w 0 0 0 RG ${set} ${num(spacing)} Tc 2 Tr <${hex.join('')}> Tj ET Q`,
            );
          } else {
            const tc = spacing === charSpacing ? '' : ` ${num(spacing)} Tc`;
            charSpacing = spacing;
            text.push(`${set}${tc} <${hex.join('')}> Tj ET`);
          }
        } else if (op.op === 'line') graphics.push(lineOps(op));
        else graphics.push(qrOps(op));
      }
      text.push('Q');
      // as bytes: pdfkit converts a string to bytes one character at a time (the content is ASCII)
      const pdfPage = (doc as unknown as { page: { write(chunk: Uint8Array): void } }).page;
      pdfPage.write(Buffer.from(`${graphics.join('\n')}\n${text.join('\n')}\n`, 'latin1'));
    }
  }
}

/** What this module uses of pdfkit's EmbeddedFont. */
interface PdfkitFont {
  id: string;
  ref(): unknown;
  encode(text: string): [string[], unknown[]];
  embed(): void;
}

/** What this module uses of pdfkit's document internals (pdfkit 0.17+). */
interface PdfRef {
  data: Record<string, unknown>;
  write(chunk: Uint8Array): void;
  end(chunk?: Uint8Array | string): void;
}
interface DocInternals {
  _id: Buffer;
  metadata: { getXML(): string; getLength(): number };
  _addColorOutputIntent: (this: DocInternals) => void;
  ref(data?: Record<string, unknown>): PdfRef;
  _root: { data: Record<string, unknown> };
  subset?: number;
}

/**
 * The PDF/A OutputIntent with the compact sRGB profile of icc.ts, deflated once per process (pdfkit reads and
 * deflates its 3 KiB profile for every document).
 */
function addCompactOutputIntent(this: DocInternals): void {
  const icc = compactSrgbProfileStream();
  const profile = this.ref({ N: 3, Filter: 'FlateDecode' }); // a Filter: pdfkit does not deflate it again
  profile.write(icc.data);
  profile.end();
  const intent = this.ref({
    Type: 'OutputIntent',
    S: 'GTS_PDFA1',
    Info: new String('sRGB IEC61966-2.1'),
    OutputConditionIdentifier: new String('sRGB IEC61966-2.1'),
    DestOutputProfile: profile,
  });
  intent.end();
  this._root.data.OutputIntents = [intent];
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
  subset: { encode(): Uint8Array };
  widths: (number | undefined)[];
  scale: number;
  ascender: number;
  descender: number;
  dictionary: PdfRef;
  unicode: number[][];
}

const hex4 = (n: number) => n.toString(16).padStart(4, '0');
/** UTF-16 of each character as the CMap writes it, e.g. <4e0a> or <d840 dc00>. */
const utf16Hex = new Map<number, string>();

function unicodeHex(cp: number): string {
  let h = utf16Hex.get(cp);
  if (h === undefined) {
    h =
      cp > 0xffff
        ? `<${hex4(0xd800 | ((cp - 0x10000) >>> 10))} ${hex4(0xdc00 | ((cp - 0x10000) & 0x3ff))}>`
        : `<${hex4(cp)}>`;
    utf16Hex.set(cp, h);
  }
  return h;
}

/**
 * The ToUnicode CMap (text extraction, search, PDF/A) as pdfkit writes it, with each character's hex cached and
 * the text handed over as bytes.
 */
function toUnicodeCmap(f: EmbeddedFontInternals): PdfRef {
  const entries = f.unicode.map((cps) =>
    cps.length === 1 ? unicodeHex(cps[0] as number) : cps.map(unicodeHex).join('').replace(/></g, ' '),
  );
  const ranges: string[] = [];
  for (let start = 0; start < entries.length; start += 256) {
    const end = Math.min(start + 256, entries.length);
    ranges.push(`<${hex4(start)}> <${hex4(end - 1)}> [${entries.slice(start, end).join(' ')}]`);
  }
  const cmap = f.document.ref();
  cmap.end(
    Buffer.from(
      `/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo <<
  /Registry (Adobe)
  /Ordering (UCS)
  /Supplement 0
>> def
/CMapName /Adobe-Identity-UCS def
/CMapType 2 def
1 begincodespacerange
<0000><ffff>
endcodespacerange
${ranges.length} beginbfrange
${ranges.join('\n')}
endbfrange
endcmap
CMapName currentdict /CMap defineresource pop
end
end
`,
      'latin1',
    ),
  );
  return cmap;
}

/** The default width of the CIDFont: the em of the ideographs (most glyphs of a notice). */
const DEFAULT_WIDTH = 1000;

/**
 * pdfkit's EmbeddedFont.embed for a TrueType CIDFont, with the widths written compactly: /DW 1000 and a /W entry
 * only for the glyphs of another width (digits, Latin, half-width punctuation), instead of every glyph's width in
 * the uncompressed font dictionary (about 0.6 KiB less per font).
 */
function embedCompact(this: PdfkitFont): void {
  const f = this as unknown as EmbeddedFontInternals;
  const doc = f.document;
  const fontFile = doc.ref();
  fontFile.end(f.subset.encode());
  const familyClass = (f.font['OS/2']?.sFamilyClass ?? 0) >> 8;
  let flags = 1 << 2; // symbolic (glyphs outside the standard Latin set)
  if (f.font.post.isFixedPitch) flags |= 1 << 0;
  if (familyClass >= 1 && familyClass <= 7) flags |= 1 << 1;
  if (familyClass === 10) flags |= 1 << 3;
  if (f.font.head.macStyle.italic) flags |= 1 << 6;
  // the subset tag pdfkit derives from the font's resource name (six capitals)
  const tag = [1, 2, 3, 4, 5, 6].map((i) => String.fromCharCode((f.id.charCodeAt(i) || 73) + 17)).join('');
  const name = `${tag}+${(f.font.postscriptName ?? 'Font').replaceAll(' ', '_')}`;
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
    ToUnicode: toUnicodeCmap(f),
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

/** A number as PDF content writes it: at most 3 decimals, no trailing zeros. */
function num(n: number): string {
  return String(Math.round(n * 1000) / 1000);
}

function lineOps(op: Extract<DrawOp, { op: 'line' }>): string {
  const dash = op.dash ? `[${num(op.dash)} ${num(op.dash)}] 0 d ` : '';
  return `q ${num(op.width)} w ${dash}0 0 0 RG ${num(op.x1)} ${num(op.y1)} m ${num(op.x2)} ${num(op.y2)} l S Q`;
}

/**
 * The QR code as filled rectangles, one per run of dark modules (vector, crisp at any print resolution), in a
 * coordinate system of one unit per module so that every number is a small integer.
 */
function qrOps(op: Extract<DrawOp, { op: 'qr' }>): string {
  // one byte-mode segment: the optimal split into modes (a shortest-path search) costs more than it saves here;
  // a fixed mask pattern (ISO/IEC 18004 allows any of the eight): choosing the best one costs 2 ms per code
  const code = QRCode.create([{ data: Buffer.from(op.payload, 'utf8'), mode: 'byte' }], {
    errorCorrectionLevel: 'M',
    maskPattern: 2,
  });
  const n = code.modules.size;
  const m = op.size / n;
  const data = code.modules.data;
  let out = `q ${num(m)} 0 0 ${num(m)} ${num(op.x)} ${num(op.y)} cm 0 0 0 rg\n`;
  for (let r = 0; r < n; r++) {
    let c = 0;
    while (c < n) {
      if (!data[r * n + c]) {
        c++;
        continue;
      }
      const start = c;
      while (c < n && data[r * n + c]) c++;
      out += `${start} ${r} ${c - start} 1 re\n`;
    }
  }
  return `${out}f Q`;
}

function finish(doc: Doc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

let shared: NoticePdfRenderer | undefined;

/** The renderer of the process with the default options (font parsed on first use). */
export function defaultNoticePdfRenderer(): NoticePdfRenderer {
  shared ??= new NoticePdfRenderer();
  return shared;
}

/** One notice as a PDF Buffer (A4, Noto Sans SC embedded and subset, QR code, metadata, PDF/A-2b). */
export function renderNoticePdf(notice: Notice, options?: NoticePdfOptions): Promise<Buffer> {
  const renderer = options ? new NoticePdfRenderer(options) : defaultNoticePdfRenderer();
  return renderer.render(notice);
}

/** Many notices as one merged PDF, one notice after the other, each from a new page. */
export function renderNoticesPdf(notices: readonly Notice[], options?: NoticePdfOptions): Promise<Buffer> {
  const renderer = options ? new NoticePdfRenderer(options) : defaultNoticePdfRenderer();
  return renderer.renderMerged(notices);
}

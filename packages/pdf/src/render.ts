import { createHash } from 'node:crypto';
import { TongbanError } from '@tongban/core/errors';
import { type Notice, noticeMetadata } from '@tongban/core/notices';
import QRCode from 'qrcode';
import { type Deflater, inThreadDeflater } from './deflater.js';
import { addCompactOutputIntent, type DocInternals, NoticeDocument } from './document.js';
import { embedCompact, encodeText, fontRequest, type PdfkitFont, setDeflated } from './embed.js';
import {
  defaultFontPaths,
  type FontWeight,
  loadNoticeFonts,
  type NoticeFontPaths,
  type NoticeFonts,
} from './font.js';
import { A4, type DrawOp, layoutNotice } from './layout.js';
import { ThreadStopped } from './request-thread.js';
import type { DeflatedFont } from './streams.js';
import { templateText } from './template-text.js';

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
export const NOTICE_PDF_LAYOUT_VERSION = 3; // 3: subset tags from the subset's content

const FAMILY: Record<FontWeight, string> = { regular: 'NotoSansSC-Regular', bold: 'NotoSansSC-Bold' };

/**
 * XMP is written by pdfkit without escaping: keep markup characters out of the metadata strings; runs of white space
 * become one space (the XMP is written without indentation, and the Info dictionary must say the same, PDF/A).
 */
function xmpSafe(s: string): string {
  return s.replace(/&/g, '＆').replace(/</g, '＜').replace(/>/g, '＞').replace(/\s+/g, ' ').trim();
}

type Doc = NoticeDocument;

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
  /** Where the documents' streams are deflated: in this thread by default, or a DeflateThread beside it. */
  deflater: Deflater = inThreadDeflater;

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
  async render(notice: Notice, id?: Buffer): Promise<Buffer> {
    return this.again(() => this.document([notice], {}, id));
  }

  /** Many notices in one document, each starting on a new page (metadata of the first, title of the batch). */
  async renderMerged(
    notices: readonly Notice[],
    meta: { title?: string; subject?: string } = {},
  ): Promise<Buffer> {
    if (notices.length === 0) {
      throw new TongbanError('pdf.nothingToRender', 'no notice to put into the merged PDF', {
        hint: 'select at least one notice (check the period, type and unit filters)',
      });
    }
    return this.again(() => this.document(notices, meta));
  }

  /** Once more if the deflate thread stopped under the document (it deflates in this thread from then on). */
  private async again(render: () => Promise<Buffer>): Promise<Buffer> {
    try {
      return await render();
    } catch (error) {
      if (error instanceof ThreadStopped) return render();
      throw error;
    }
  }

  private async document(
    notices: readonly Notice[],
    meta: { title?: string; subject?: string },
    id?: Buffer,
  ): Promise<Buffer> {
    const doc = this.open(notices, meta, id);
    const drawn = new Drawn();
    for (const n of notices) this.draw(doc, n, drawn);
    await drawn.compress(this.deflater);
    return doc.bytes();
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
      bufferPages: true, // pages are ended at the end, once their content is deflated (Drawn.compress)
    };
    if (this.pdfa) options.subset = this.pdfa;
    const doc = new NoticeDocument(options);
    // object streams (PDF 1.5) are not allowed in PDF/A-1
    doc.objectStreams = this.pdfa !== 'PDF/A-1b';
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
  private draw(doc: Doc, notice: Notice, drawn: Drawn): void {
    const fonts = new Map<FontWeight, PdfkitFont>();
    const template = templateText(notice);
    const fontOf = (w: FontWeight): PdfkitFont => {
      let f = fonts.get(w);
      if (!f) {
        doc.font(this.fonts[w].pdfkitFont as unknown as string, FAMILY[w]);
        f = (doc as unknown as { _font: PdfkitFont })._font;
        if (f.embed !== embedCompact) {
          // new in this document: the template's glyphs first, in a fixed order, their outlines deflated once
          f.embed = embedCompact;
          drawn.fonts.push(f);
          if (f.subset.fix) {
            encodeText(f, this.fonts[w], this.syntheticBold ? template.regular + template.bold : template[w]);
            f.subset.fix();
          }
        }
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
          const hex = encodeText(font, this.fonts[w], op.text);
          const y = A4.height - op.y;
          // character spacing (Tc) is part of the graphics state and outlives ET: set it whenever it changes
          const spacing = op.spacing ?? 0;
          const set = `BT /${font.id} ${num(op.size)} Tf 1 0 0 1 ${num(op.x)} ${num(y)} Tm`;
          if (embolden) {
            // inside q/Q: the render mode, line width and spacing end with it
            text.push(`q ${num(op.size * 0.045)} w 0 0 0 RG ${set} ${num(spacing)} Tc 2 Tr <${hex}> Tj ET Q`);
          } else {
            const tc = spacing === charSpacing ? '' : ` ${num(spacing)} Tc`;
            charSpacing = spacing;
            text.push(`${set}${tc} <${hex}> Tj ET`);
          }
        } else if (op.op === 'line') graphics.push(lineOps(op));
        else graphics.push(qrOps(op));
      }
      text.push('Q');
      // as bytes: pdfkit converts a string to bytes one character at a time (the content is ASCII)
      const pdfPage = (doc as unknown as { page: PdfkitPage }).page;
      // what pdfkit wrote already (its flip of the y axis), then ours, deflated later in one piece
      const written = pdfPage.content.buffer.splice(0);
      pdfPage.content.data.Length = 0;
      const ours = Buffer.from(`${graphics.join('\n')}\n${text.join('\n')}\n`, 'latin1');
      drawn.pages.push({ page: pdfPage, content: Buffer.concat([...written, ours]) });
    }
  }
}

/** What this module uses of pdfkit's PDFPage: its content stream. */
interface PdfkitPage {
  content: { compress: boolean; data: Record<string, unknown>; buffer: Uint8Array[] };
  write(chunk: Uint8Array): void;
}

/**
 * The pages and fonts of a document as drawn, before their streams are deflated: compress() hands every page's
 * content and every font program and CMap to the deflater at once (another thread, for a batch: the rendering
 * thread lays out the next notice meanwhile), then gives them to pdfkit deflated.
 */
class Drawn {
  readonly pages: { page: PdfkitPage; content: Buffer }[] = [];
  readonly fonts: PdfkitFont[] = [];

  async compress(deflater: Deflater): Promise<void> {
    // in this thread the fonts' own subsets are encoded by embedCompact: a request would only rebuild them
    const fonts =
      deflater === inThreadDeflater ? [] : this.fonts.map((font) => ({ font, request: fontRequest(font) }));
    const out = await deflater.deflate({
      contents: this.pages.map((p) => p.content),
      fonts: fonts.flatMap((f) => (f.request ? [f.request] : [])),
    });
    this.pages.forEach(({ page }, i) => {
      page.content.compress = false;
      page.content.data.Filter = 'FlateDecode';
      page.write(out.contents[i] as Uint8Array);
    });
    let i = 0;
    for (const f of fonts) {
      if (!f.request) continue; // not a subset of ours: embedCompact deflates it as it goes
      const d = out.fonts[i++] as DeflatedFont;
      setDeflated(f.font, { data: d.program, length: d.length }, d.cmap);
    }
  }
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

import PDFDocument from 'pdfkit';
import { compactSrgbProfileStream } from './icc.js';
import { packObjects, type TrailerRefs } from './object-streams.js';

/** What the PDF modules use of pdfkit's objects (pdfkit 0.17+). */
export interface PdfRef {
  data: Record<string, unknown>;
  write(chunk: Uint8Array): void;
  end(chunk?: Uint8Array | string): void;
}

export interface DocInternals {
  _id: Buffer;
  metadata: { getXML(): string; getLength(): number };
  _addColorOutputIntent: (this: DocInternals) => void;
  ref(data?: Record<string, unknown>): PdfRef;
  _root: { data: Record<string, unknown> };
  subset?: number;
}

const PdfKitDocument = PDFDocument as unknown as new (
  options: PDFKit.PDFDocumentOptions,
) => PDFKit.PDFDocument;

/**
 * A pdfkit document whose bytes are collected without its Readable stream: pdfkit converts every string to bytes
 * one character at a time and pushes each piece through the stream (a 'data' event per object header, dictionary
 * and stream, and ticks queued per push); here the pieces are kept as they come (from the header its constructor
 * writes on) and copied once into one Buffer by bytes(). The document is complete when end() returns: every object
 * of the notices is ended synchronously, so pdfkit writes the xref and trailer at once.
 */
export class NoticeDocument extends PdfKitDocument {
  // set on first use: the constructor of pdfkit writes the header before the fields of a subclass would exist
  declare private pieces?: (string | Uint8Array)[];
  declare private size?: number;
  declare private finished?: boolean;
  /** Set by _finalize when the objects are to go into an object stream (bytes() packs them). */
  declare private pack?: TrailerRefs;
  declare _offset: number;
  declare _root: { id: number };
  declare _info: { id: number };
  declare _id: Uint8Array;
  /** Put the objects that are not streams into an object stream, with a cross-reference stream (PDF 1.5+). */
  declare objectStreams?: boolean;

  /** pdfkit's writer: a string is a line of PDF syntax in latin1 (written with a line feed). */
  _write(data: string | Uint8Array): void {
    const n = typeof data === 'string' ? data.length + 1 : data.length;
    if (!this.pieces) this.pieces = [];
    this.pieces.push(data);
    this.size = (this.size ?? 0) + n;
    this._offset += n;
  }

  /** The stream's push: pdfkit pushes null at the end of the file; nothing else reaches it. */
  override push(chunk: unknown): boolean {
    if (chunk === null) this.finished = true;
    return true;
  }

  /** pdfkit's last step (xref table and trailer), or, with object streams, nothing yet: bytes() packs the file. */
  _finalize(): void {
    if (!this.objectStreams) {
      (PdfKitDocument.prototype as unknown as { _finalize(this: unknown): void })._finalize.call(this);
      return;
    }
    this.pack = { root: this._root.id, info: this._info.id, id: this._id };
    this.finished = true;
  }

  /** Ends the document and returns its bytes. */
  bytes(): Buffer {
    this.end();
    if (!this.finished) throw new Error('pdfkit did not finish the document (an object left open)');
    if (this.pack) {
      const packed = packObjects(this.pieces ?? [], this.pack);
      this.pieces = [];
      return packed;
    }
    const out = Buffer.allocUnsafe(this.size ?? 0);
    let at = 0;
    for (const p of this.pieces ?? []) {
      if (typeof p === 'string') {
        at += out.write(p, at, 'latin1');
        out[at++] = 0x0a;
      } else {
        out.set(p, at);
        at += p.length;
      }
    }
    this.pieces = [];
    return out;
  }
}

/**
 * The PDF/A OutputIntent with the compact sRGB profile of icc.ts, deflated once per process (pdfkit reads and
 * deflates its 3 KiB profile for every document).
 */
export function addCompactOutputIntent(this: DocInternals): void {
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

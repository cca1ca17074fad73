/**
 * Usability (GB/T 18894 可用性): each PDF opens and each JSON parses. A PDF is read from its head and tail (and whole
 * when small): `%PDF-` header, `%%EOF` trailer, a `startxref` offset inside the file that points at a cross-reference
 * table or stream.
 */

export const PDF_HEAD = 1024;
export const PDF_TAIL = 2048;
/** PDFs up to this size are kept whole during verify so the startxref target can be checked. */
export const PDF_WHOLE = 16 << 20;

export function pdfProblem(head: Buffer, tail: Buffer, size: number, whole?: Buffer): string | undefined {
  if (!/^%PDF-[12]\.\d/.test(head.subarray(0, 8).toString('latin1'))) return 'no %PDF- header';
  const t = tail.toString('latin1');
  if (!t.includes('%%EOF')) return 'no %%EOF trailer (cut short?)';
  const m = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(t);
  if (!m) return 'no startxref before %%EOF';
  const at = Number(m[1]);
  if (!(at > 0 && at < size)) return `startxref ${at} lies outside the file (${size} bytes)`;
  if (whole) {
    const there = whole.subarray(at, at + 32).toString('latin1');
    if (!/^(xref|\s*\d+\s+\d+\s+obj)/.test(there))
      return `startxref ${at} does not point at a cross-reference section`;
  }
  return undefined;
}

export function jsonProblem(data: Buffer): string | undefined {
  try {
    JSON.parse(data.toString('utf8'));
    return undefined;
  } catch (err) {
    return `not valid JSON: ${(err as Error).message}`;
  }
}

/** Keeps the head and tail (and the whole file when small) of a streamed PDF. */
export class PdfProbe {
  private head = Buffer.alloc(0);
  private tail = Buffer.alloc(0);
  private parts: Buffer[] | undefined;
  private size = 0;
  constructor(expected: number) {
    if (expected <= PDF_WHOLE) this.parts = [];
  }
  data(chunk: Buffer): void {
    this.size += chunk.length;
    if (this.head.length < PDF_HEAD)
      this.head = Buffer.concat([this.head, chunk.subarray(0, PDF_HEAD - this.head.length)]);
    this.tail = Buffer.concat([this.tail, chunk]);
    if (this.tail.length > PDF_TAIL) this.tail = this.tail.subarray(this.tail.length - PDF_TAIL);
    if (this.parts) {
      this.parts.push(chunk);
      if (this.size > PDF_WHOLE) this.parts = undefined;
    }
  }
  problem(): string | undefined {
    return pdfProblem(this.head, this.tail, this.size, this.parts ? Buffer.concat(this.parts) : undefined);
  }
}

import { deflateSync } from 'node:zlib';

/** A piece of PDF syntax as pdfkit writes it: a string is a line (written with a line feed), bytes as they are. */
export type Piece = string | Uint8Array;

export interface TrailerRefs {
  root: number;
  info: number;
  id: Uint8Array;
}

const OBJ = /^(\d+) 0 obj$/;

/**
 * The file pdfkit wrote (its pieces, without its xref table and trailer) with every object that is not a stream
 * put into one compressed object stream, and a cross-reference stream instead of the table (ISO 32000-1 7.5.7 and
 * 7.5.8; PDF 1.5, allowed by PDF/A-2 and PDF/A-3, not PDF/A-1): the dictionaries of pages, fonts, descriptors,
 * the catalog and the document information, about 2 KiB of plain text a notice, shrink to a few hundred bytes.
 * Streams (contents, fonts, CMaps, the XMP metadata, the ICC profile) stay where they are, in order.
 */
export function packObjects(pieces: readonly Piece[], trailer: TrailerRefs): Buffer {
  const out: Buffer[] = [];
  let offset = 0;
  const emit = (b: Buffer) => {
    out.push(b);
    offset += b.length;
  };
  const line = (p: Piece) => (typeof p === 'string' ? Buffer.from(`${p}\n`, 'latin1') : Buffer.from(p));
  const inFile = new Map<number, number>(); // object number -> offset
  const packed: { num: number; dict: string }[] = [];
  let maxNum = 0;
  let i = 0;
  // the header (%PDF-1.7 and the binary comment)
  while (i < pieces.length && !(typeof pieces[i] === 'string' && OBJ.test(pieces[i] as string)))
    emit(line(pieces[i++] as Piece));
  while (i < pieces.length) {
    const head = pieces[i] as string;
    const num = Number(OBJ.exec(head)?.[1]);
    if (!num)
      throw new Error(`unexpected PDF piece where an object should start: ${String(head).slice(0, 40)}`);
    maxNum = Math.max(maxNum, num);
    const dict = pieces[i + 1] as string;
    if (pieces[i + 2] === 'stream') {
      // N 0 obj, dictionary, stream, bytes, \nendstream, endobj
      inFile.set(num, offset);
      for (let k = i; k < i + 6; k++) emit(line(pieces[k] as Piece));
      i += 6;
    } else {
      packed.push({ num, dict });
      i += 3; // N 0 obj, dictionary, endobj
    }
  }
  const objStmNum = maxNum + 1;
  const xrefNum = maxNum + 2;
  // the object stream: pairs of object number and offset, then the objects
  const bodies: string[] = [];
  const index: string[] = [];
  let at = 0;
  for (const p of packed) {
    index.push(`${p.num} ${at}`);
    bodies.push(p.dict);
    at += Buffer.byteLength(p.dict, 'latin1') + 1;
  }
  const first = `${index.join(' ')}\n`;
  const objStm = deflateSync(Buffer.from(first + bodies.join('\n'), 'latin1'));
  inFile.set(objStmNum, offset);
  emit(
    Buffer.from(
      `${objStmNum} 0 obj\n<< /Type /ObjStm /N ${packed.length} /First ${Buffer.byteLength(first, 'latin1')} /Filter /FlateDecode /Length ${objStm.length} >>\nstream\n`,
      'latin1',
    ),
  );
  emit(objStm);
  emit(Buffer.from('\nendstream\nendobj\n', 'latin1'));
  // the cross-reference stream: type, then the offset or the object stream's number, then the generation or the
  // index in the object stream, each field as wide as its largest value needs (W)
  const xrefOffset = offset;
  inFile.set(xrefNum, xrefOffset);
  const size = xrefNum + 1;
  const w2 = bytesFor(Math.max(xrefOffset, objStmNum));
  const w3 = bytesFor(Math.max(0xffff, packed.length));
  const row = 1 + w2 + w3;
  const rows = Buffer.alloc(size * row);
  rows.writeUIntBE(0xffff, w2 + 1, w3); // object 0: free, generation 65535
  packed.forEach((p, k) => {
    rows[p.num * row] = 2;
    rows.writeUIntBE(objStmNum, p.num * row + 1, w2);
    rows.writeUIntBE(k, p.num * row + 1 + w2, w3);
  });
  for (const [num, off] of inFile) {
    rows[num * row] = 1;
    rows.writeUIntBE(off, num * row + 1, w2);
  }
  const xref = deflateSync(rows);
  const id = Buffer.from(trailer.id).toString('hex');
  emit(
    Buffer.from(
      `${xrefNum} 0 obj\n<< /Type /XRef /Size ${size} /W [1 ${w2} ${w3}] /Root ${trailer.root} 0 R /Info ${trailer.info} 0 R /ID [<${id}> <${id}>] /Filter /FlateDecode /Length ${xref.length} >>\nstream\n`,
      'latin1',
    ),
  );
  emit(xref);
  emit(Buffer.from(`\nendstream\nendobj\nstartxref\n${xrefOffset}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(out);
}

/** Bytes of a big-endian field that holds n (at most 6, Buffer#writeUIntBE's limit). */
function bytesFor(n: number): number {
  let bytes = 1;
  while (bytes < 6 && n >= 2 ** (8 * bytes)) bytes++;
  return bytes;
}

/**
 * Decodes ESC/POS bytes back into what a person would see on the paper: text lines (GB18030 in Chinese mode),
 * QR contents and cuts. The simulated printer and the tests use it; it understands the commands EscPos writes
 * and skips, with a note, anything else.
 */
import iconv from 'iconv-lite';
import type { Align } from './escpos.js';

export interface PrintedLine {
  text: string;
  align: Align;
  bold: boolean;
  /** Character magnification (GS !). */
  width: number;
  height: number;
}

export type PrintedBlock =
  | ({ type: 'line' } & PrintedLine)
  | { type: 'qr'; data: string; moduleSize: number; level: string; align: Align }
  | { type: 'cut'; partial: boolean };

export interface DecodedPrint {
  blocks: PrintedBlock[];
  /** Text of each printed line, in order. */
  lines: string[];
  qr: string[];
  cuts: ('partial' | 'full')[];
  /** Real-time requests found in the stream (DLE EOT n). */
  statusRequests: number[];
  /** Bytes or commands the decoder did not know, with their offsets. */
  unknown: { offset: number; byte: number }[];
}

const ALIGNS: Align[] = ['left', 'center', 'right'];

export function decodeEscPos(bytes: Uint8Array): DecodedPrint {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: DecodedPrint = { blocks: [], lines: [], qr: [], cuts: [], statusRequests: [], unknown: [] };
  let align: Align = 'left';
  let bold = false;
  let width = 1;
  let height = 1;
  let chinese = false;
  let text: Buffer[] = [];
  let qrData = '';
  let qrSize = 3;
  let qrLevel = 'L';
  let lineStyle: PrintedLine | undefined;

  const decodeText = () => {
    const raw = Buffer.concat(text);
    return chinese ? iconv.decode(raw, 'gb18030') : raw.toString('latin1');
  };
  const endLine = () => {
    const s = text.length ? decodeText() : '';
    const style = lineStyle ?? { text: '', align, bold, width, height };
    out.blocks.push({ type: 'line', ...style, text: s });
    out.lines.push(s);
    text = [];
    lineStyle = undefined;
  };
  const addText = (chunk: Buffer) => {
    if (!lineStyle) lineStyle = { text: '', align, bold, width, height };
    text.push(chunk);
  };

  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    if (c === 0x0a) {
      endLine();
      i++;
    } else if (c === 0x10 && b[i + 1] === 0x04 && i + 2 < b.length) {
      out.statusRequests.push(b[i + 2]!);
      i += 3;
    } else if (c === 0x1b) {
      const op = b[i + 1];
      if (op === 0x40) {
        align = 'left';
        bold = false;
        width = height = 1;
        chinese = false;
        i += 2;
      } else if (op === 0x74 || op === 0x33 || op === 0x21) i += 3;
      else if (op === 0x32) i += 2;
      else if (op === 0x61) {
        align = ALIGNS[b[i + 2]! % 48] ?? 'left';
        i += 3;
      } else if (op === 0x45) {
        bold = (b[i + 2]! & 1) === 1;
        i += 3;
      } else if (op === 0x64) {
        if (text.length) endLine();
        for (let k = 0; k < b[i + 2]!; k++) endLine();
        i += 3;
      } else {
        out.unknown.push({ offset: i, byte: c });
        i += 2;
      }
    } else if (c === 0x1c) {
      const op = b[i + 1];
      if (op === 0x26) chinese = true;
      else if (op === 0x2e) chinese = false;
      else out.unknown.push({ offset: i, byte: c });
      i += 2;
    } else if (c === 0x1d) {
      const op = b[i + 1];
      if (op === 0x21) {
        const n = b[i + 2] ?? 0;
        width = (n >> 4) + 1;
        height = (n & 0x0f) + 1;
        i += 3;
      } else if (op === 0x56) {
        const m = b[i + 2] ?? 0;
        if (text.length) endLine();
        const partial = m === 1 || m === 49 || m === 66;
        out.blocks.push({ type: 'cut', partial });
        out.cuts.push(partial ? 'partial' : 'full');
        i += m >= 65 ? 4 : 3;
      } else if (op === 0x61) i += 3;
      else if (op === 0x28 && b[i + 2] === 0x6b) {
        const len = (b[i + 3] ?? 0) | ((b[i + 4] ?? 0) << 8);
        const cn = b[i + 5];
        const fn = b[i + 6];
        const params = b.subarray(i + 7, i + 5 + len);
        if (cn === 0x31) {
          if (fn === 0x43) qrSize = params[0] ?? qrSize;
          else if (fn === 0x45) qrLevel = 'LMQH'[(params[0] ?? 0x30) - 0x30] ?? '?';
          else if (fn === 0x50) qrData = params.subarray(1).toString('utf8');
          else if (fn === 0x51) {
            if (text.length) endLine();
            out.blocks.push({ type: 'qr', data: qrData, moduleSize: qrSize, level: qrLevel, align });
            out.qr.push(qrData);
          }
        }
        i += 5 + len;
      } else {
        out.unknown.push({ offset: i, byte: c });
        i += 2;
      }
    } else if (c < 0x20) {
      out.unknown.push({ offset: i, byte: c });
      i++;
    } else {
      let j = i + 1;
      while (j < b.length && b[j]! >= 0x20) j++;
      addText(b.subarray(i, j));
      i = j;
    }
  }
  if (text.length) endLine();
  return out;
}

/**
 * ESC/POS command builder with Chinese text: GB18030 bytes (iconv-lite) inside the printer's Chinese mode
 * (FS &), sizes (GS !), bold (ESC E), alignment (ESC a), the native QR code (GS ( k, no raster images) and cut
 * (GS V). Owned here because no npm encoder does GB18030 + QR + status together (see README).
 */
import iconv from 'iconv-lite';

export const ESC = 0x1b;
export const GS = 0x1d;
export const FS = 0x1c;
export const DLE = 0x10;
export const EOT = 0x04;
export const LF = 0x0a;

export type Align = 'left' | 'center' | 'right';
const ALIGN: Record<Align, number> = { left: 0, center: 1, right: 2 };
export type QrErrorLevel = 'L' | 'M' | 'Q' | 'H';
const QR_EC: Record<QrErrorLevel, number> = { L: 0x30, M: 0x31, Q: 0x32, H: 0x33 };

export class EscPos {
  private readonly parts: Buffer[] = [];
  private chineseOn = false;

  private raw(...bytes: number[]): this {
    this.parts.push(Buffer.from(bytes));
    return this;
  }

  /** ESC @, then code table 0 (ESC t 0). */
  init(): this {
    this.chineseOn = false;
    return this.raw(ESC, 0x40).raw(ESC, 0x74, 0);
  }

  /** FS & (Chinese mode on) / FS . (off). */
  chinese(on = true): this {
    this.chineseOn = on;
    return this.raw(FS, on ? 0x26 : 0x2e);
  }

  align(a: Align): this {
    return this.raw(ESC, 0x61, ALIGN[a]);
  }

  bold(on = true): this {
    return this.raw(ESC, 0x45, on ? 1 : 0);
  }

  /** GS ! n with n = (w-1)<<4 | (h-1), w and h in 1..8. */
  size(w = 1, h = 1): this {
    if (w < 1 || w > 8 || h < 1 || h > 8) throw new RangeError(`character size ${w}x${h} outside 1..8`);
    return this.raw(GS, 0x21, ((w - 1) << 4) | (h - 1));
  }

  /** Text without a line feed: GB18030 in Chinese mode, else ASCII ('?' for anything else). */
  text(s: string): this {
    if (this.chineseOn) this.parts.push(iconv.encode(s, 'gb18030'));
    else this.parts.push(Buffer.from(s.replace(/[^\x20-\x7e]/g, '?'), 'latin1'));
    return this;
  }

  line(s = ''): this {
    return this.text(s).raw(LF);
  }

  /** ESC d n: print and feed n lines. */
  feed(n = 1): this {
    return this.raw(ESC, 0x64, n);
  }

  /** Native QR code (GS ( k, cn 0x31): model 2, module size, error correction, store, print. */
  qr(data: string, options: { moduleSize?: number; level?: QrErrorLevel } = {}): this {
    const bytes = Buffer.from(data, 'utf8');
    if (bytes.length > 7089) throw new RangeError('QR data too long');
    const n = bytes.length + 3;
    this.raw(GS, 0x28, 0x6b, 0x04, 0x00, 0x31, 0x41, 0x32, 0x00);
    this.raw(GS, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x43, options.moduleSize ?? 6);
    this.raw(GS, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x45, QR_EC[options.level ?? 'M']);
    this.raw(GS, 0x28, 0x6b, n & 0xff, n >> 8, 0x31, 0x50, 0x30);
    this.parts.push(bytes);
    return this.raw(GS, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x51, 0x30);
  }

  /** GS V 1 partial cut (GS V 0 full). */
  cut(partial = true): this {
    return this.raw(GS, 0x56, partial ? 1 : 0);
  }

  build(): Buffer {
    return Buffer.concat(this.parts);
  }
}

/** DLE EOT n: real-time status request (n = 1 printer, 2 offline cause, 3 error cause, 4 roll paper). */
export function statusRequest(n: 1 | 2 | 3 | 4): Buffer {
  return Buffer.from([DLE, EOT, n]);
}

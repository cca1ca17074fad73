/**
 * Finds GA 467 frames in any split of a byte stream: resync on the preamble AA AA AA 96 69, wait for
 * 7 + LEN bytes, verify the XOR checksum. Bad frames are discarded with a reason and the scan resumes one byte
 * after the bad preamble, so a truncated frame never swallows the good frame that follows it.
 * (serialport's PacketLengthParser reads a little-endian length of at most 0xFF: it cannot frame this protocol.)
 */
import { Transform, type TransformCallback } from 'node:stream';
import { HEADER_LENGTH, MAX_LEN, PREAMBLE, type SamFrame, xorChecksum } from './frame.js';

export type DiscardReason = 'noise' | 'badLength' | 'checksum' | 'truncated';

export interface Discard {
  reason: DiscardReason;
  /** Number of bytes thrown away. */
  bytes: number;
  detail: string;
}

/** Synchronous scanner (no stream machinery): push chunks, get frames; discards go to `onDiscard`. */
export class FrameScanner {
  private buf: Buffer;
  private start = 0;
  private end = 0;
  /** Bytes a frame whose header was seen still needs: no rescan until they are here. */
  private want = 0;

  constructor(
    private readonly onDiscard: (d: Discard) => void = () => {},
    initialCapacity = 4096,
  ) {
    this.buf = Buffer.allocUnsafe(initialCapacity);
  }

  /** Bytes held waiting for the rest of a frame. */
  get pending(): number {
    return this.end - this.start;
  }

  push(chunk: Uint8Array, out: SamFrame[] = []): SamFrame[] {
    this.append(chunk);
    if (this.end - this.start >= this.want) this.scan(out);
    return out;
  }

  /** Throws away whatever partial frame is held (call when a response timed out). */
  reset(reason: DiscardReason = 'truncated'): void {
    const n = this.end - this.start;
    if (n > 0) this.onDiscard({ reason, bytes: n, detail: `${n} byte(s) of an unfinished frame dropped` });
    this.start = this.end = 0;
    this.want = 0;
  }

  private append(chunk: Uint8Array): void {
    const need = this.end - this.start + chunk.length;
    if (this.end + chunk.length > this.buf.length) {
      if (need <= this.buf.length) {
        this.buf.copy(this.buf, 0, this.start, this.end);
      } else {
        const bigger = Buffer.allocUnsafe(Math.max(need, this.buf.length * 2));
        this.buf.copy(bigger, 0, this.start, this.end);
        this.buf = bigger;
      }
      this.end -= this.start;
      this.start = 0;
    }
    this.buf.set(chunk, this.end);
    this.end += chunk.length;
  }

  private drop(to: number, reason: DiscardReason, detail: string): void {
    const n = to - this.start;
    if (n > 0) this.onDiscard({ reason, bytes: n, detail });
    this.start = to;
  }

  private scan(out: SamFrame[]): void {
    const buf = this.buf;
    this.want = 0;
    for (;;) {
      const avail = this.end - this.start;
      if (avail === 0) break;
      const at = buf.subarray(this.start, this.end).indexOf(PREAMBLE);
      if (at < 0) {
        // keep a possible preamble prefix at the tail
        const keep = Math.min(PREAMBLE.length - 1, avail);
        let k = keep;
        while (k > 0 && !buf.subarray(this.end - k, this.end).equals(PREAMBLE.subarray(0, k))) k--;
        this.drop(this.end - k, 'noise', 'bytes outside any frame');
        break;
      }
      if (at > 0) this.drop(this.start + at, 'noise', `${at} byte(s) before a preamble`);
      if (this.end - this.start < HEADER_LENGTH) break;
      const len = buf.readUInt16BE(this.start + 5);
      if (len < 3 || len > MAX_LEN) {
        this.drop(this.start + 1, 'badLength', `length ${len} out of range 3..${MAX_LEN}`);
        continue;
      }
      const total = HEADER_LENGTH + len;
      if (this.end - this.start < total) {
        this.want = total;
        break;
      }
      const s = this.start;
      const chk = xorChecksum(buf, s + 5, s + total - 1);
      if (chk !== buf[s + total - 1]) {
        this.drop(
          s + 1,
          'checksum',
          `checksum 0x${buf[s + total - 1]!.toString(16).padStart(2, '0')} != 0x${chk.toString(16).padStart(2, '0')} (frame of ${total} bytes)`,
        );
        continue;
      }
      const raw = Buffer.from(buf.subarray(s, s + total));
      out.push({ raw, body: raw.subarray(HEADER_LENGTH, total - 1) });
      this.start = s + total;
    }
    if (this.start === this.end) this.start = this.end = 0;
  }
}

/** The serialport parser: pipe a port into it, read `SamFrame` objects; 'discard' events carry a `Discard`. */
export class SamFrameParser extends Transform {
  readonly scanner: FrameScanner;

  constructor() {
    super({ readableObjectMode: true });
    this.scanner = new FrameScanner((d) => this.emit('discard', d));
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    for (const f of this.scanner.push(chunk)) this.push(f);
    cb();
  }

  override _flush(cb: TransformCallback): void {
    this.scanner.reset();
    cb();
  }

  /** Drops a held partial frame (the reader calls this when an answer timed out). */
  resync(): void {
    this.scanner.reset();
  }
}

/**
 * Finds GA 467 frames in any split of a byte stream: resync on the preamble AA AA AA 96 69, wait for
 * 7 + LEN bytes, verify the XOR checksum. Bad frames are discarded with a reason and the scan resumes one byte
 * after the bad preamble, so a truncated frame never swallows the good frame that follows it.
 * (serialport's PacketLengthParser reads a little-endian length of at most 0xFF: it cannot frame this protocol.)
 *
 * Linear in its input (issue 15: long runs of preamble bytes held the old parser up to 0.8 s): a running XOR of
 * everything held answers each candidate's checksum in O(1) instead of re-reading up to 4 KiB per candidate,
 * and `work` counts the bytes examined so that a test can hold the parser to it. Discards are merged into one
 * burst per run of bad bytes (issue 25: one log line per discarded burst, not per fragment).
 */
import { Transform, type TransformCallback } from 'node:stream';
import { HEADER_LENGTH, MAX_LEN, PREAMBLE, type SamFrame } from './frame.js';

export type DiscardReason = 'noise' | 'badLength' | 'checksum' | 'truncated';

/** A burst of discarded bytes: everything thrown away between two good frames (or a resync). */
export interface Discard {
  /** The first reason in the burst. */
  reason: DiscardReason;
  /** Number of bytes thrown away. */
  bytes: number;
  /** Bytes thrown away per reason. */
  reasons: Partial<Record<DiscardReason, number>>;
  /** Separate discards merged into this burst (candidate frames, runs of noise). */
  pieces: number;
  detail: string;
}

/** A burst is reported at the latest when it holds this many bytes, so endless noise still logs now and then. */
export const BURST_REPORT_BYTES = 64 * 1024;

interface Burst {
  reasons: Partial<Record<DiscardReason, number>>;
  details: Partial<Record<DiscardReason, string>>;
  first: DiscardReason;
  bytes: number;
  pieces: number;
}

/** Synchronous scanner (no stream machinery): push chunks, get frames; discard bursts go to `onDiscard`. */
export class FrameScanner {
  private buf: Buffer;
  /** px[i] ^ px[j] is the XOR of buf[i..j) for start <= i <= j <= end. */
  private px: Uint8Array;
  private start = 0;
  private end = 0;
  /** Bytes a frame whose header was seen still needs: no rescan until they are here. */
  private want = 0;
  private burst: Burst | undefined;
  /** Bytes examined so far (each byte appended, each byte a preamble search passes over, each candidate). */
  work = 0;
  /** Bytes pushed so far. */
  bytesIn = 0;

  constructor(
    private readonly onDiscard: (d: Discard) => void = () => {},
    initialCapacity = 4096,
  ) {
    this.buf = Buffer.allocUnsafe(initialCapacity);
    this.px = new Uint8Array(initialCapacity + 1);
  }

  /** Bytes held waiting for the rest of a frame. */
  get pending(): number {
    return this.end - this.start;
  }

  push(chunk: Uint8Array, out: SamFrame[] = []): SamFrame[] {
    this.append(chunk);
    if (this.end - this.start >= this.want) this.scan(out);
    if (this.burst && this.burst.bytes >= BURST_REPORT_BYTES) this.report();
    return out;
  }

  /** Throws away whatever partial frame is held (call when a response timed out) and reports the burst. */
  reset(reason: DiscardReason = 'truncated'): void {
    const n = this.end - this.start;
    if (n > 0) this.note(reason, n, `${n} byte(s) of an unfinished frame dropped`);
    this.start = this.end = 0;
    this.want = 0;
    this.report();
  }

  private append(chunk: Uint8Array): void {
    const need = this.end - this.start + chunk.length;
    if (this.end + chunk.length > this.buf.length) {
      if (need <= this.buf.length) {
        this.buf.copy(this.buf, 0, this.start, this.end);
        this.px.copyWithin(0, this.start, this.end + 1);
      } else {
        const size = Math.max(need, this.buf.length * 2);
        const bigger = Buffer.allocUnsafe(size);
        this.buf.copy(bigger, 0, this.start, this.end);
        const px = new Uint8Array(size + 1);
        px.set(this.px.subarray(this.start, this.end + 1));
        this.buf = bigger;
        this.px = px;
      }
      this.end -= this.start;
      this.start = 0;
    }
    const { buf, px } = this;
    let e = this.end;
    let x = px[e]!;
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i]!;
      buf[e] = b;
      x ^= b;
      px[++e] = x;
    }
    this.end = e;
    this.work += chunk.length;
    this.bytesIn += chunk.length;
  }

  private note(reason: DiscardReason, n: number, detail: string): void {
    this.burst ??= { reasons: {}, details: {}, first: reason, bytes: 0, pieces: 0 };
    const b = this.burst;
    b.reasons[reason] = (b.reasons[reason] ?? 0) + n;
    b.details[reason] ??= detail;
    b.bytes += n;
    b.pieces++;
  }

  /** Reports the burst held, if any, as one Discard. */
  private report(): void {
    const b = this.burst;
    if (!b) return;
    this.burst = undefined;
    const parts = (Object.keys(b.reasons) as DiscardReason[]).map(
      (r) => `${r} ${b.reasons[r]} byte(s), first: ${b.details[r]}`,
    );
    this.onDiscard({
      reason: b.first,
      bytes: b.bytes,
      reasons: b.reasons,
      pieces: b.pieces,
      detail: `${b.pieces} piece(s): ${parts.join('; ')}`,
    });
  }

  private drop(to: number, reason: DiscardReason, detail: string): void {
    const n = to - this.start;
    if (n > 0) this.note(reason, n, detail);
    this.start = to;
  }

  /** Position of the first whole preamble in [start, end), or -1: a plain loop, no allocation per call. */
  private find(): number {
    const buf = this.buf;
    const last = this.end - PREAMBLE.length;
    for (let i = this.start; i <= last; i++)
      if (
        buf[i] === 0xaa &&
        buf[i + 1] === 0xaa &&
        buf[i + 2] === 0xaa &&
        buf[i + 3] === 0x96 &&
        buf[i + 4] === 0x69
      )
        return i;
    return -1;
  }

  private scan(out: SamFrame[]): void {
    const { buf, px } = this;
    this.want = 0;
    for (;;) {
      const avail = this.end - this.start;
      if (avail === 0) break;
      const p = this.find();
      const at = p < 0 ? -1 : p - this.start;
      this.work += at < 0 ? avail : at + PREAMBLE.length;
      if (at < 0) {
        // keep a possible preamble prefix at the tail
        let k = Math.min(PREAMBLE.length - 1, avail);
        while (k > 0 && !buf.subarray(this.end - k, this.end).equals(PREAMBLE.subarray(0, k))) k--;
        this.drop(this.end - k, 'noise', 'bytes outside any frame');
        break;
      }
      if (at > 0) this.drop(this.start + at, 'noise', `${at} byte(s) before a preamble`);
      if (this.end - this.start < HEADER_LENGTH) break;
      this.work++;
      const s = this.start;
      const len = buf.readUInt16BE(s + 5);
      if (len < 3 || len > MAX_LEN) {
        this.drop(s + 1, 'badLength', `length ${len} out of range 3..${MAX_LEN}`);
        continue;
      }
      const total = HEADER_LENGTH + len;
      if (this.end - s < total) {
        this.want = total;
        break;
      }
      const chk = px[s + 5]! ^ px[s + total - 1]!;
      if (chk !== buf[s + total - 1]) {
        this.drop(
          s + 1,
          'checksum',
          `checksum 0x${buf[s + total - 1]!.toString(16).padStart(2, '0')} != 0x${chk.toString(16).padStart(2, '0')} (frame of ${total} bytes)`,
        );
        continue;
      }
      this.report();
      const raw = Buffer.from(buf.subarray(s, s + total));
      out.push({ raw, body: raw.subarray(HEADER_LENGTH, total - 1) });
      this.start = s + total;
    }
    if (this.start === this.end) {
      px[0] = px[this.end]!;
      this.start = this.end = 0;
    }
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

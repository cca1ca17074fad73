import { constants, deflateRawSync } from 'node:zlib';

/**
 * A zlib stream (RFC 1950, what a PDF FlateDecode filter reads) made of independently deflated parts, so that a
 * part that recurs in many documents is deflated once and its bytes reused: the glyph outlines of a notice type's
 * template text, set in every notice of that type. Each part is a raw deflate stream (RFC 1951) ended with a sync
 * flush (an empty stored block, byte-aligned, not final) except the last; a part refers back only into itself, so
 * the concatenation is one valid deflate stream. The Adler-32 of the whole is combined from the parts' own.
 */
export interface DeflatedPart {
  /** Raw deflate bytes ending on a sync flush (not final), or final for the last part. */
  deflated: Uint8Array;
  /** Adler-32 of the part's uncompressed bytes. */
  adler: number;
  /** Length of the part's uncompressed bytes. */
  length: number;
}

const BASE = 65521;
/** Bytes that can be summed before the sums must be reduced (zlib's NMAX). */
const NMAX = 5552;

/** Adler-32 (RFC 1950 8.2) of bytes, continuing from `adler`. */
export function adler32(bytes: Uint8Array, adler = 1): number {
  let a = adler & 0xffff;
  let b = adler >>> 16;
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const end = Math.min(n, i + NMAX);
    for (; i < end; i++) {
      a += bytes[i] as number;
      b += a;
    }
    a %= BASE;
    b %= BASE;
  }
  return ((b << 16) | a) >>> 0;
}

/** Adler-32 of A followed by B from the Adler-32s of A and B and the length of B (zlib's adler32_combine). */
export function adler32Combine(adler1: number, adler2: number, length2: number): number {
  const rem = length2 % BASE;
  let sum1 = adler1 & 0xffff;
  let sum2 = (rem * sum1) % BASE;
  sum1 += (adler2 & 0xffff) + BASE - 1;
  sum2 += (adler1 >>> 16) + (adler2 >>> 16) + BASE - rem;
  if (sum1 >= BASE) sum1 -= BASE;
  if (sum1 >= BASE) sum1 -= BASE;
  if (sum2 >= BASE * 2) sum2 -= BASE * 2;
  if (sum2 >= BASE) sum2 -= BASE;
  return ((sum2 << 16) | sum1) >>> 0;
}

/** One part deflated on its own, ready to be followed by more (level 9 for parts worth keeping). */
export function deflatePart(bytes: Uint8Array, level = constants.Z_DEFAULT_COMPRESSION): DeflatedPart {
  return {
    deflated: deflateRawSync(bytes, { level, finishFlush: constants.Z_SYNC_FLUSH }),
    adler: adler32(bytes),
    length: bytes.length,
  };
}

/** zlib header: deflate, 32 KiB window, default level, no dictionary ((0x78 * 256 + 0x9c) % 31 === 0). */
const HEADER = Buffer.from([0x78, 0x9c]);

/**
 * The zlib stream of `parts` (deflated already, e.g. cached) followed by `last` (deflated here, final block):
 * inflating it gives the parts' bytes and then `last`, in order.
 */
export function zlibFromParts(parts: readonly DeflatedPart[], last: Uint8Array): Buffer {
  return zlibStream([
    ...parts,
    { deflated: deflateRawSync(last), adler: adler32(last), length: last.length },
  ]);
}

/** The zlib stream of deflated parts, the last of them final (deflatePartAsync(…, true)). */
export function zlibStream(parts: readonly DeflatedPart[]): Buffer {
  let adler = 1;
  for (const p of parts) adler = adler32Combine(adler, p.adler, p.length);
  const trailer = Buffer.alloc(4);
  trailer.writeUInt32BE(adler);
  return Buffer.concat([HEADER, ...parts.map((p) => p.deflated), trailer]);
}

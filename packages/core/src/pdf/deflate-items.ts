import { constants, deflateRawSync, deflateSync } from 'node:zlib';
import { adler32 } from './zlib-parts.js';

/**
 * What a document's streams need deflated: a whole zlib stream (`zlib`: a page's content, a CMap), or a raw part of
 * one made of parts (`part`: not the last, ends on a sync flush; `final`: the last), with its Adler-32 (zlib-parts).
 */
export type DeflateMode = 'zlib' | 'part' | 'final';

export interface DeflateItem {
  bytes: Uint8Array;
  mode: DeflateMode;
}

export interface Deflated {
  deflated: Uint8Array;
  /** Adler-32 and length of the bytes (raw parts only). */
  adler: number;
  length: number;
}

/** Deflates the items here, in this thread (what a deflate thread runs). */
export function deflateItems(items: readonly DeflateItem[]): Deflated[] {
  return items.map(({ bytes, mode }) => {
    if (mode === 'zlib') return { deflated: deflateSync(bytes), adler: 0, length: bytes.length };
    const deflated =
      mode === 'part'
        ? deflateRawSync(bytes, { finishFlush: constants.Z_SYNC_FLUSH })
        : deflateRawSync(bytes);
    return { deflated, adler: adler32(bytes), length: bytes.length };
  });
}

/** The bytes in an ArrayBuffer of their own, to be moved to another thread (a view of a larger buffer is copied). */
export function standalone(bytes: Uint8Array): Uint8Array {
  // new Uint8Array(view) copies (Buffer#slice would be a view again)
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
    ? bytes
    : new Uint8Array(bytes);
}

import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { toUnicodeCmap } from './cmap.js';
import { TtfSource, TtfSubset } from './ttf-subset.js';

/**
 * The streams of a document to deflate, as few bytes as can describe them: each page's content stream, and per
 * embedded font the glyphs of its subset (original ids by subset id, how many lead as the fixed prefix) and the
 * character of each glyph. A DeflateThread builds the font programs and CMaps from that with its own copy of the
 * font and deflates everything; the rendering thread only lays out and writes PDF syntax.
 */
export interface StreamsRequest {
  contents: Uint8Array[];
  fonts: FontRequest[];
}

export interface FontRequest {
  /** The TrueType file (TtfSource.path). */
  path: string;
  ids: Uint32Array;
  fixed: number;
  /** The code point of each glyph by subset id, NO_CHARACTER for none (a component of a composite glyph). */
  characters: Uint32Array;
}

export interface DeflatedFont {
  /** The font program as a zlib stream, and its length unflated (/Length1). */
  program: Uint8Array;
  length: number;
  cmap: Uint8Array;
}

export interface DeflatedStreams {
  contents: Uint8Array[];
  fonts: DeflatedFont[];
}

export const NO_CHARACTER = 0xffffffff;

/** Builds and deflates the streams, in this thread (what a DeflateThread runs; or the renderer on one core). */
export function deflateStreams(req: StreamsRequest): DeflatedStreams {
  return {
    contents: req.contents.map((c) => deflateSync(c)),
    fonts: req.fonts.map((f) => {
      const source = TtfSource.forFile(f.path, (path) => readFileSync(path));
      const program = TtfSubset.replay(source, f.ids, f.fixed).encodeDeflated();
      const unicode = Array.from(f.characters, (cp) => (cp === NO_CHARACTER ? undefined : [cp]));
      return { program: program.data, length: program.length, cmap: deflateSync(toUnicodeCmap(unicode)) };
    }),
  };
}

/** Every buffer of a request or its answer, to move (transfer) to the other thread rather than copy. */
export function buffersOf(x: StreamsRequest | DeflatedStreams): ArrayBuffer[] {
  const out = x.contents.map((c) => c.buffer as ArrayBuffer);
  for (const f of x.fonts) {
    if ('ids' in f) out.push(f.ids.buffer as ArrayBuffer, f.characters.buffer as ArrayBuffer);
    else out.push(f.program.buffer as ArrayBuffer, f.cmap.buffer as ArrayBuffer);
  }
  return out;
}

/** The bytes in an ArrayBuffer of their own, to be moved to another thread (a view of a larger buffer is copied). */
export function standalone(bytes: Uint8Array): Uint8Array {
  // new Uint8Array(view) copies (Buffer#slice would be a view again)
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
    ? bytes
    : new Uint8Array(bytes);
}

/** The request or answer with every buffer standalone (movable). */
export function movable<T extends StreamsRequest | DeflatedStreams>(x: T): T {
  return {
    ...x,
    contents: x.contents.map(standalone),
    fonts: x.fonts.map((f) =>
      'ids' in f ? f : { ...f, program: standalone(f.program), cmap: standalone(f.cmap) },
    ),
  };
}

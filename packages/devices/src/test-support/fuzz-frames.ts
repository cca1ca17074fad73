/**
 * Fuzzed GA 467 read answers for the fuzz test and the figures of docs/devices.md: each is a real read frame of a
 * fixture or golden card, spoiled in one of the ways a serial line spoils it. `sameBitDouble*` flips one bit in
 * two bytes, which the frame's XOR checksum cannot see (issue 15).
 */
import { GOLDEN_CARDS } from '../../../../fixtures/devices/golden-frames.js';
import { encodeResponse } from '../reader/frame.js';
import { encodeTextBlock } from '../reader/text-block.js';
import { loadCardFixtures } from '../sim/card-fixtures.js';

export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A 1,295-byte read answer around a text block, with a 1,024-byte photo (fixed pseudo-random bytes). */
export function readFrame(text: Buffer): Buffer {
  const data = Buffer.alloc(4 + 256 + 1024);
  data.writeUInt16BE(256, 0);
  data.writeUInt16BE(1024, 2);
  text.copy(data, 4);
  for (let i = 0; i < 1024; i++) data[260 + i] = (i * 131 + 17) & 0xff;
  return encodeResponse(0x90, data);
}

/** Every golden and fixture card as a read frame (cards that must be refused included). */
export function baseFrames(): Buffer[] {
  return [
    ...GOLDEN_CARDS.map((g) => g.frame),
    ...loadCardFixtures().map((c) => readFrame(encodeTextBlock(c))),
  ];
}

export const FUZZ_KINDS = [
  'random',
  'truncated',
  'flipped',
  'flippedRechecked',
  'sameBitDouble',
  'sameBitDoubleText',
  'intact',
] as const;
export type FuzzKind = (typeof FUZZ_KINDS)[number];

/** Share of each kind, in tenths of a percent (sums to 1000). */
const WEIGHTS: Record<FuzzKind, number> = {
  random: 100,
  truncated: 100,
  flipped: 150,
  flippedRechecked: 150,
  sameBitDouble: 250,
  sameBitDoubleText: 150,
  intact: 100,
};

const TEXT_AT = 14; // the text block's offset in a read frame

/** Spoils a frame; returns the bytes and the kind of spoiling. */
export function fuzzFrame(base: Buffer, rnd: () => number): { kind: FuzzKind; frame: Buffer } {
  const int = (n: number) => Math.floor(rnd() * n);
  const pick = int(1000);
  let below = 0;
  const kind =
    FUZZ_KINDS.find((k) => {
      below += WEIGHTS[k];
      return pick < below;
    }) ?? 'intact';
  switch (kind) {
    case 'random': {
      const f = Buffer.alloc(int(1400));
      for (let j = 0; j < f.length; j++) f[j] = int(256);
      if (rnd() < 0.5 && f.length > 7) base.copy(f, 0, 0, 7); // a plausible header
      return { kind, frame: f };
    }
    case 'truncated':
      return { kind, frame: base.subarray(0, int(base.length)) };
    case 'flipped': {
      const f = Buffer.from(base);
      for (let n = 1 + int(8); n > 0; n--) f[int(f.length)]! ^= 1 << int(8);
      return { kind, frame: f };
    }
    case 'flippedRechecked': {
      // flips in the text block with the checksum made right again: only the content checks remain
      const f = Buffer.from(base);
      for (let n = 1 + int(4); n > 0; n--) f[TEXT_AT + int(256)]! ^= 1 << int(8);
      let x = 0;
      for (let i = 5; i < f.length - 1; i++) x ^= f[i]!;
      f[f.length - 1] = x;
      return { kind, frame: f };
    }
    case 'sameBitDouble':
    case 'sameBitDoubleText': {
      // the same bit flipped in two bytes after LEN (the checksum byte included): the XOR is unchanged
      const f = Buffer.from(base);
      const bit = 1 << int(8);
      const a = kind === 'sameBitDoubleText' ? TEXT_AT + int(256) : 7 + int(f.length - 7);
      let b = 7 + int(f.length - 7);
      while (b === a) b = 7 + int(f.length - 7);
      f[a]! ^= bit;
      f[b]! ^= bit;
      return { kind, frame: f };
    }
    default:
      return { kind, frame: base };
  }
}

import { idCheckCharacter, validateIdNumber } from '@tongban/core/identity';
import { describe, expect, it } from 'vitest';
import { GOLDEN_CARDS, independentChecksum } from '../../../../fixtures/devices/golden-frames.js';
import { loadCardFixtures } from '../sim/card-fixtures.js';
import { asResponse, encodeResponse, type SamFrame } from './frame.js';
import { FrameScanner } from './frame-parser.js';
import { decodeReadData, encodeTextBlock } from './text-block.js';

function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function readFrame(text: Buffer): Buffer {
  const data = Buffer.alloc(4 + 256 + 1024);
  data.writeUInt16BE(256, 0);
  data.writeUInt16BE(1024, 2);
  text.copy(data, 4);
  return encodeResponse(0x90, data);
}

const bases: Buffer[] = [
  ...GOLDEN_CARDS.map((g) => g.frame),
  ...loadCardFixtures().map((c) => readFrame(encodeTextBlock(c))),
];

const failures: string[] = [];

function checksumOk(raw: Buffer): boolean {
  let x = 0;
  for (let i = 5; i < raw.length - 1; i++) x ^= raw[i]!;
  return x === raw[raw.length - 1];
}

/** The card must be exactly what a well-formed frame with a valid number can give (failures collected). */
function checkFrameAndCard(f: SamFrame): number {
  if (!checksumOk(f.raw))
    failures.push(`frame with a wrong checksum: ${f.raw.subarray(0, 16).toString('hex')}`);
  const r = asResponse(f);
  if (r?.sw3 !== 0x90) return 0;
  const d = decodeReadData(r.data);
  if (!d.ok) return 0;
  const c = d.card;
  const ok =
    c.kind !== 'foreignPermanentResident'
      ? validateIdNumber(c.idNumber)
      : c.version === 2017
        ? /^[A-Z]{3}\d{12}$/.test(c.idNumber)
        : idCheckCharacter(c.idNumber.slice(0, 17)) === c.idNumber[17];
  if (!ok) failures.push(`card with a bad number ${c.idNumber}`);
  return 1;
}

describe('fuzz: 100,000 random, truncated and bit-flipped frames', () => {
  it('never crashes and never yields a card with a wrong checksum or ID check character', () => {
    const rnd = prng(20250314);
    const int = (n: number) => Math.floor(rnd() * n);
    const scanner = new FrameScanner();
    const kinds = { random: 0, truncated: 0, flipped: 0, flippedRechecked: 0, intact: 0 };
    let frames = 0;
    let cards = 0;
    for (let i = 0; i < 100_000; i++) {
      const base = bases[int(bases.length)]!;
      let f: Buffer;
      const k = int(10);
      if (k < 2) {
        kinds.random++;
        f = Buffer.alloc(int(1400));
        for (let j = 0; j < f.length; j++) f[j] = int(256);
        if (rnd() < 0.5 && f.length > 7) base.copy(f, 0, 0, 7); // a plausible header
      } else if (k < 4) {
        kinds.truncated++;
        f = base.subarray(0, int(base.length));
      } else if (k < 7) {
        kinds.flipped++;
        f = Buffer.from(base);
        for (let n = 1 + int(8); n > 0; n--) f[int(f.length)]! ^= 1 << int(8);
      } else if (k < 9) {
        // bit flips in the text block with the checksum made right again: only the content checks remain
        kinds.flippedRechecked++;
        f = Buffer.from(base);
        for (let n = 1 + int(4); n > 0; n--) f[14 + int(256)]! ^= 1 << int(8);
        f[f.length - 1] = independentChecksum([...f]);
      } else {
        kinds.intact++;
        f = base;
      }
      // alone...
      for (const frame of new FrameScanner().push(f)) cards += checkFrameAndCard(frame);
      // ...and inside one long stream, in random chunks
      for (let at = 0; at < f.length; ) {
        const n = 1 + int(700);
        for (const frame of scanner.push(f.subarray(at, at + n))) {
          frames++;
          checkFrameAndCard(frame);
        }
        at += n;
      }
    }
    expect(failures.slice(0, 5)).toEqual([]);
    expect(kinds.random + kinds.truncated + kinds.flipped + kinds.flippedRechecked + kinds.intact).toBe(
      100_000,
    );
    expect(frames).toBeGreaterThan(kinds.intact); // intact frames survive the stream
    expect(cards).toBeGreaterThan(0);
  });
});

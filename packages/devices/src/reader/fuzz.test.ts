/**
 * Issue 15 §4 / issue 25 "Devices": 100,000 fuzzed read answers (random, truncated, bit-flipped, and same-bit
 * double flips the XOR checksum cannot see) go through the frame scanner and the reader's acceptance rule
 * (content checks + two agreeing reads, ReadConfirmation) the way the reader uses them: a placed card is read
 * until two reads agree or five reads were made. No accepted card may differ from the card on the reader, and
 * the parser's work stays linear in its input.
 */
import { describe, expect, it } from 'vitest';
import { baseFrames, FUZZ_KINDS, type FuzzKind, fuzzFrame, prng } from '../test-support/fuzz-frames.js';
import { ReadConfirmation } from './confirmation.js';
import { asResponse, type SamFrame } from './frame.js';
import { FrameScanner } from './frame-parser.js';
import { decodeReadData } from './text-block.js';

const FRAMES = 100_000;
const READS_PER_PLACEMENT = 5; // IdCardReader's default readAttempts

function checksumOk(raw: Buffer): boolean {
  let x = 0;
  for (let i = 5; i < raw.length - 1; i++) x ^= raw[i]!;
  return x === raw[raw.length - 1];
}

/** What a clean read of each base gives: the card as JSON, or 'refused'. */
function truth(base: Buffer): string {
  const f = new FrameScanner().push(base)[0]!;
  const d = decodeReadData(asResponse(f)!.data);
  return d.ok ? JSON.stringify(d.card) : 'refused';
}

describe('fuzz: 100,000 random, truncated, bit-flipped and same-bit double-flipped read answers', () => {
  it('accepts no card that differs from the card on the reader, and the parser stays linear', () => {
    const rnd = prng(20250314);
    const bases = baseFrames();
    const truths = bases.map(truth);
    const stream = new FrameScanner();
    const badFrames: string[] = [];
    const kinds = Object.fromEntries(FUZZ_KINDS.map((k) => [k, 0])) as Record<FuzzKind, number>;
    /** Single frames that decode to a card that is not the one on the reader (content checks alone). */
    const singleWrong = Object.fromEntries(FUZZ_KINDS.map((k) => [k, 0])) as Record<FuzzKind, number>;
    let frames = 0;
    let placements = 0;
    let accepted = 0;
    let refused = 0;
    let unconfirmed = 0;
    /** Placements of a good card with two reads that came through unspoiled: each must end with the card. */
    let cleanPairs = 0;
    let cleanPairsAccepted = 0;
    const wrong: string[] = [];

    const answers = (f: Buffer): SamFrame[] => {
      // the same bytes in one long stream, in random chunks (what a USB-serial adapter delivers)
      for (let at = 0; at < f.length; ) {
        const n = 1 + Math.floor(rnd() * 700);
        for (const fr of stream.push(f.subarray(at, at + n)))
          if (!checksumOk(fr.raw)) badFrames.push(fr.raw.subarray(0, 16).toString('hex'));
        at += n;
      }
      return new FrameScanner().push(f);
    };

    while (frames < FRAMES) {
      placements++;
      const b = Math.floor(rnd() * bases.length);
      const confirmation = new ReadConfirmation();
      let verdict: 'accepted' | 'refused' | 'unconfirmed' = 'unconfirmed';
      let intactReads = 0;
      for (let read = 0; read < READS_PER_PLACEMENT && frames < FRAMES && verdict === 'unconfirmed'; read++) {
        const { kind, frame } = fuzzFrame(bases[b]!, rnd);
        frames++;
        kinds[kind]++;
        if (kind === 'intact') intactReads++;
        for (const fr of answers(frame)) {
          const r = asResponse(fr);
          if (r?.sw3 !== 0x90) continue;
          const single = decodeReadData(r.data);
          if (single.ok && JSON.stringify(single.card) !== truths[b]) singleWrong[kind]++;
          const v = confirmation.offer(r.data);
          if (v.kind !== 'confirmed') continue;
          const got = v.result.ok ? JSON.stringify(v.result.card) : 'refused';
          if (got !== truths[b]) wrong.push(`base ${b}: accepted ${got.slice(0, 120)}`);
          verdict = v.result.ok ? 'accepted' : 'refused';
        }
      }
      if (intactReads >= 2 && truths[b] !== 'refused') {
        cleanPairs++;
        if (verdict === 'accepted') cleanPairsAccepted++;
      }
      if (verdict === 'accepted') accepted++;
      else if (verdict === 'refused') refused++;
      else unconfirmed++;
    }

    expect(badFrames.slice(0, 3)).toEqual([]);
    expect(wrong.slice(0, 3)).toEqual([]);
    expect(frames).toBe(FRAMES);
    expect(kinds.sameBitDouble + kinds.sameBitDoubleText).toBeGreaterThan(35_000);
    // single reads: content checks refuse most same-bit double flips of the text; the second read catches the rest
    const textFlips = singleWrong.sameBitDoubleText + singleWrong.flippedRechecked;
    expect(textFlips).toBeLessThan((kinds.sameBitDoubleText + kinds.flippedRechecked) / 4);
    // the rule is not "refuse everything": two clean reads of a good card always give the card
    expect(accepted + refused + unconfirmed).toBe(placements);
    expect(cleanPairs).toBeGreaterThan(500);
    expect(cleanPairsAccepted).toBe(cleanPairs);
    expect(refused).toBeGreaterThan(0); // the fixture cards that must be refused
    // linear: every byte is examined a bounded number of times
    expect(stream.work / stream.bytesIn).toBeLessThan(4);
  });
});

describe('frame parser work is linear in its input (issue 15: long runs of preamble bytes)', () => {
  const patterns: Record<string, number[]> = {
    'a run of AA': [0xaa],
    'preambles only': [0xaa, 0xaa, 0xaa, 0x96, 0x69],
    'preambles with the largest LEN (each a 4 KiB candidate)': [0xaa, 0xaa, 0xaa, 0x96, 0x69, 0x0f, 0xf9],
  };
  const work = (pattern: number[], size: number) => {
    const p = Buffer.from(pattern);
    const input = Buffer.alloc(size);
    for (let at = 0; at < size; at += p.length) p.copy(input, at);
    let bursts = 0;
    const s = new FrameScanner(() => bursts++);
    for (let at = 0; at < size; at += 64) s.push(input.subarray(at, at + 64));
    s.reset();
    return { work: s.work, bursts };
  };
  for (const [name, pattern] of Object.entries(patterns))
    it(`${name}: 10 MB takes 10 times the work of 1 MB, a few operations a byte`, () => {
      const one = work(pattern, 1 << 20);
      const ten = work(pattern, 10 << 20);
      expect(ten.work / one.work).toBeGreaterThan(9.9);
      expect(ten.work / one.work).toBeLessThan(10.1);
      expect(ten.work / (10 << 20)).toBeLessThan(4);
      // one discard report per 64 KiB burst at most, not one per fragment or candidate
      expect(ten.bursts).toBeLessThanOrEqual(Math.ceil((10 << 20) / (64 * 1024)) + 1);
    });
});

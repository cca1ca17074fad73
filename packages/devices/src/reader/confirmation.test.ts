import { describe, expect, it } from 'vitest';
import { loadCardFixtures } from '../sim/card-fixtures.js';
import { readFrame } from '../test-support/fuzz-frames.js';
import { ReadConfirmation } from './confirmation.js';
import { asResponse } from './frame.js';
import { FrameScanner } from './frame-parser.js';
import { encodeTextBlock } from './text-block.js';

const cards = loadCardFixtures();
const card = (id: string) => cards.find((c) => c.id === id)!;
/** The data of a read answer, through the frame scanner (so the checksum is really checked). */
const dataOf = (frame: Buffer) => asResponse(new FrameScanner().push(frame)[0]!)!.data;

/** Flips `bit` in two bytes of a frame: the XOR checksum still holds. */
function sameBitTwice(frame: Buffer, a: number, b: number, bit: number): Buffer {
  const f = Buffer.from(frame);
  f[a]! ^= bit;
  f[b]! ^= bit;
  return f;
}

describe('ReadConfirmation: a card is accepted when two reads agree (issue 25)', () => {
  it('a name garbled by a same-bit double flip passes every check alone, and is never confirmed', () => {
    const clean = readFrame(encodeTextBlock(card('zhang-wei')));
    // 伟 U+4F1F -> U+4F1D 伝 (text byte 2), and a photo byte: the checksum cannot see it
    const garbled = sameBitTwice(clean, 14 + 2, 600, 0x02);
    const c = new ReadConfirmation();
    const first = c.offer(dataOf(garbled));
    expect(first).toMatchObject({ kind: 'unconfirmed', result: { ok: true, card: { name: '张伝' } } });
    expect(c.offer(dataOf(clean))).toMatchObject({ kind: 'unconfirmed' });
    expect(c.offer(dataOf(clean))).toMatchObject({
      kind: 'confirmed',
      result: { ok: true, card: { name: '张伟' } },
    });
  });

  it('the 2017 permit number USA110089031501 read once as USA310289031501 is not accepted', () => {
    const clean = readFrame(encodeTextBlock(card('anna-smith-2017')));
    const at = (i: number) => 14 + 122 + 2 * i; // the i-th character of the number
    const garbled = sameBitTwice(clean, at(3), at(6), 0x02);
    const c = new ReadConfirmation();
    expect(c.offer(dataOf(garbled))).toMatchObject({
      kind: 'unconfirmed',
      result: { ok: true, card: { idNumber: 'USA310289031501' } },
    });
    expect(c.offer(dataOf(clean)).kind).toBe('unconfirmed');
    expect(c.offer(dataOf(clean))).toMatchObject({
      kind: 'confirmed',
      result: { card: { idNumber: 'USA110089031501' } },
    });
  });

  it('a card bad in itself is refused once it reads the same twice', () => {
    const bad = readFrame(encodeTextBlock(card('li-na-bad-check')));
    const c = new ReadConfirmation();
    expect(c.offer(dataOf(bad))).toMatchObject({ kind: 'unconfirmed', result: { ok: false } });
    expect(c.offer(dataOf(bad))).toMatchObject({
      kind: 'confirmed',
      result: { ok: false, problem: { code: 'badIdNumber' } },
    });
  });

  it('three reads with the same text confirm it even when the photo bytes differ from read to read', () => {
    const text = encodeTextBlock(card('wang-xiuying'));
    const c = new ReadConfirmation();
    for (const n of [1, 2]) {
      const f = readFrame(text);
      f[400]! ^= n; // another photo each time
      f[f.length - 1]! ^= n;
      expect(c.offer(dataOf(f)).kind).toBe('unconfirmed');
    }
    expect(c.offer(dataOf(readFrame(text)))).toMatchObject({ kind: 'confirmed', result: { ok: true } });
  });
});

import { describe, expect, it } from 'vitest';
import {
  ANSWER_BYTES,
  COMMAND_BYTES,
  GOLDEN_CARDS,
  hex,
  independentChecksum,
} from '../../../../fixtures/devices/golden-frames.js';
import {
  asResponse,
  Command,
  type CommandName,
  encodeCommand,
  encodeResponse,
  type SamFrame,
  xorChecksum,
} from './frame.js';
import { type Discard, FrameScanner, SamFrameParser } from './frame-parser.js';
import { decodeSw3 } from './sw3.js';
import { decodeReadData } from './text-block.js';

function scan(chunks: Buffer[]): { frames: SamFrame[]; discards: Discard[] } {
  const discards: Discard[] = [];
  const s = new FrameScanner((d) => discards.push(d));
  const frames: SamFrame[] = [];
  for (const c of chunks) s.push(c, frames);
  return { frames, discards };
}

describe('GA 467 command frames', () => {
  it('encodes every command exactly as the known captured bytes', () => {
    for (const name of Object.keys(Command) as CommandName[])
      expect(encodeCommand(name).toString('hex'), name).toBe(hex(COMMAND_BYTES[name]).toString('hex'));
  });

  it('encodes the captured short answers byte for byte', () => {
    expect(encodeResponse(0x9f, Buffer.alloc(4))).toEqual(hex(ANSWER_BYTES.findOk));
    expect(encodeResponse(0x80)).toEqual(hex(ANSWER_BYTES.findFailed));
    expect(encodeResponse(0x90, Buffer.alloc(8))).toEqual(hex(ANSWER_BYTES.selectOk));
    expect(encodeResponse(0x90)).toEqual(hex(ANSWER_BYTES.samOk));
  });

  it('parses the captured answers and maps SW3 to typed results', () => {
    const { frames } = scan([
      hex(ANSWER_BYTES.findOk),
      hex(ANSWER_BYTES.findFailed),
      hex(ANSWER_BYTES.selectOk),
    ]);
    expect(frames.map((f) => decodeSw3(asResponse(f)!.sw3).status)).toEqual([
      'cardFound',
      'findCardFailed',
      'success',
    ]);
    expect(decodeSw3(0x10)).toMatchObject({ status: 'checksumError', ok: false });
    expect(decodeSw3(0x41).status).toBe('readFailed');
    expect(decodeSw3(0x66).status).toBe('samNotAuthorised');
    expect(decodeSw3(0x55)).toMatchObject({ status: 'unknown', ok: false });
  });
});

describe('golden read answers (fixtures/devices/golden-frames.ts, checksum computed independently)', () => {
  for (const g of GOLDEN_CARDS) {
    it(`decodes ${g.id}`, () => {
      expect(g.frame).toHaveLength(1295);
      expect(xorChecksum(g.frame, 5, g.frame.length - 1)).toBe(independentChecksum([...g.frame]));
      const { frames, discards } = scan([g.frame]);
      expect(discards).toEqual([]);
      expect(frames).toHaveLength(1);
      const r = asResponse(frames[0]!)!;
      expect(r.sw3).toBe(0x90);
      const decoded = decodeReadData(r.data);
      expect(decoded.ok).toBe(true);
      if (decoded.ok) {
        expect(decoded.card).toMatchObject(g.expected);
        expect(decoded.card).not.toHaveProperty('photo');
      }
    });
  }
});

describe('frame parser', () => {
  const frame = GOLDEN_CARDS[0]!.frame;

  it('finds the frame at every split point of a real frame', () => {
    for (let cut = 1; cut < frame.length; cut++) {
      const { frames, discards } = scan([frame.subarray(0, cut), frame.subarray(cut)]);
      expect(frames.length, `cut at ${cut}`).toBe(1);
      expect(discards).toEqual([]);
      expect(frames[0]!.raw.equals(frame)).toBe(true);
    }
  });

  it('finds the frame when fed one byte at a time', () => {
    const { frames } = scan([...frame].map((b) => Buffer.from([b])));
    expect(frames).toHaveLength(1);
  });

  it('resyncs on the preamble through random noise between frames, reporting the noise', () => {
    let seed = 7;
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    const parts: Buffer[] = [];
    const expected: Buffer[] = [];
    for (let i = 0; i < 50; i++) {
      const noise = Buffer.from(
        Array.from({ length: Math.floor(rnd() * 40) }, () => Math.floor(rnd() * 256)),
      );
      const f = i % 3 === 0 ? frame : encodeResponse(i % 2 ? 0x80 : 0x9f, Buffer.alloc(i % 2 ? 0 : 4));
      parts.push(noise, f);
      expected.push(f);
    }
    const stream = Buffer.concat(parts);
    // random split points
    const chunks: Buffer[] = [];
    for (let at = 0; at < stream.length; ) {
      const n = 1 + Math.floor(rnd() * 300);
      chunks.push(stream.subarray(at, at + n));
      at += n;
    }
    const { frames, discards } = scan(chunks);
    // noise can by chance contain a preamble prefix, never a whole valid frame: every real frame comes out in order
    expect(frames.map((f) => f.raw.toString('hex'))).toEqual(expected.map((f) => f.toString('hex')));
    expect(discards.some((d) => d.reason === 'noise')).toBe(true);
  });

  it('discards a wrong-checksum frame with a reason and still finds the next frame', () => {
    const bad = Buffer.from(frame);
    bad[500]! ^= 0x01;
    const { frames, discards } = scan([bad, hex(ANSWER_BYTES.samOk)]);
    expect(frames).toHaveLength(1);
    expect(asResponse(frames[0]!)!.sw3).toBe(0x90);
    expect(discards[0]).toMatchObject({ reason: 'checksum' });
  });

  it('a truncated frame does not swallow the frame after it', () => {
    const { frames, discards } = scan([frame.subarray(0, 700), frame]);
    expect(frames).toHaveLength(1);
    expect(frames[0]!.raw.equals(frame)).toBe(true);
    expect(discards.map((d) => d.reason)).toContain('checksum');
  });

  it('works as a serialport Transform stream and emits discard events', async () => {
    const parser = new SamFrameParser();
    const got: SamFrame[] = [];
    const discards: Discard[] = [];
    parser.on('data', (f: SamFrame) => got.push(f));
    parser.on('discard', (d: Discard) => discards.push(d));
    parser.write(Buffer.from([1, 2, 3]));
    parser.write(frame.subarray(0, 10));
    parser.write(frame.subarray(10));
    parser.write(frame.subarray(0, 20));
    parser.resync();
    await new Promise((r) => setImmediate(r));
    expect(got).toHaveLength(1);
    expect(discards.map((d) => d.reason)).toEqual(['noise', 'truncated']);
  });
});

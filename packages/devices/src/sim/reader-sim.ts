/**
 * A simulated GA 467 reader: answers find, select, read and SAM commands with real frames, serving cards given
 * as raw text fields (fixtures/devices/cards.json). It can be told to garble, truncate, delay or go silent.
 */
import { asCommand, Command, encodeResponse, type SamFrame } from '../reader/frame.js';
import { FrameScanner } from '../reader/frame-parser.js';
import { type CardText, encodeTextBlock, LAYOUTS } from '../reader/text-block.js';
import type { DeviceEnd } from './device-end.js';

/**
 * 'garble' flips 3 random bits (the checksum sees it), 'truncate' cuts the answer, 'noise' puts random bytes
 * before a cut answer; 'sameBitDouble' flips one bit of a byte in the name or the address and the same bit of a
 * photo byte, which the XOR checksum cannot see (issue 25).
 */
export type ReaderFault = 'garble' | 'truncate' | 'noise' | 'sameBitDouble';

export interface ReaderSimulatorOptions {
  /** Delay before each answer (ms). */
  delayMs?: number;
  /** Pace answers as on a real line at this baud rate (10 bits a byte); undefined = as fast as the tty goes. */
  paceBaud?: number;
  /** Seed of the simulator's own pseudo-random choices (garbled positions). */
  seed?: number;
}

const PHOTO_LENGTH = 1024;

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The card's photo: 1,024 bytes standing for its stored wlt, the same on every read of that card. */
function photoOf(card: CardText): Buffer {
  let h = 2166136261;
  for (const ch of JSON.stringify(card.fields)) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  const rand = mulberry32(h);
  const photo = Buffer.alloc(PHOTO_LENGTH);
  for (let i = 0; i < PHOTO_LENGTH; i++) photo[i] = Math.floor(rand() * 256);
  return photo;
}

export class ReaderSimulator {
  private ends: DeviceEnd[] = [];
  private card: CardText | undefined;
  private readSincePlaced = false;
  private faults: ReaderFault[] = [];
  private readonly scanner: FrameScanner;
  private readonly rand: () => number;
  silent = false;
  delayMs: number;
  paceBaud: number | undefined;
  /** Commands received, by name or hex, for assertions. */
  readonly received: string[] = [];
  /** Every read answer sent spoiled, with its fault, for assertions. */
  readonly spoiled: { fault: ReaderFault; frame: Buffer }[] = [];

  constructor(options: ReaderSimulatorOptions = {}) {
    this.delayMs = options.delayMs ?? 0;
    this.paceBaud = options.paceBaud;
    this.rand = mulberry32(options.seed ?? 467);
    this.scanner = new FrameScanner();
  }

  /** Connects to a line; answers go to the most recently attached end (a replugged reader). */
  attach(end: DeviceEnd): this {
    this.ends.push(end);
    end.onData((d) => {
      for (const f of this.scanner.push(d)) this.onCommand(f, end);
    });
    return this;
  }

  /** Puts a card on the reader. */
  place(card: CardText): void {
    this.card = card;
    this.readSincePlaced = false;
  }

  /** Takes the card away. */
  remove(): void {
    this.card = undefined;
  }

  get cardPresent(): boolean {
    return this.card !== undefined;
  }

  /** The next read answers are spoiled, one fault each, in order. */
  inject(...faults: ReaderFault[]): void {
    this.faults.push(...faults);
  }

  private onCommand(f: SamFrame, end: DeviceEnd): void {
    const c = asCommand(f);
    if (!c) return;
    const name = Object.entries(Command).find(([, [x, y]]) => x === c.cmd && y === c.para)?.[0];
    this.received.push(name ?? `${c.cmd.toString(16)} ${c.para.toString(16)}`);
    if (this.silent) return;
    const answer = this.answer(c.cmd, c.para);
    if (answer) this.send(answer, end);
  }

  private answer(cmd: number, para: number): Buffer | undefined {
    const is = (k: keyof typeof Command) => Command[k][0] === cmd && Command[k][1] === para;
    if (is('resetSam') || is('samStatus')) return encodeResponse(0x90);
    if (is('samId')) return encodeResponse(0x90, Buffer.from('0501201012230012345678abcdef0123', 'hex'));
    if (is('findCard')) {
      if (this.card && !this.readSincePlaced) return encodeResponse(0x9f, Buffer.alloc(4));
      return encodeResponse(0x80);
    }
    if (is('selectCard')) return this.card ? encodeResponse(0x90, Buffer.alloc(8)) : encodeResponse(0x81);
    if (is('readTextPhoto')) {
      if (!this.card) return encodeResponse(0x41);
      this.readSincePlaced = true;
      const text = encodeTextBlock(this.card);
      const photo = photoOf(this.card);
      const data = Buffer.alloc(4 + text.length + PHOTO_LENGTH);
      data.writeUInt16BE(text.length, 0);
      data.writeUInt16BE(PHOTO_LENGTH, 2);
      text.copy(data, 4);
      photo.copy(data, 4 + text.length);
      return this.spoil(encodeResponse(0x90, data));
    }
    return encodeResponse(0x21);
  }

  private spoil(frame: Buffer): Buffer {
    const fault = this.faults.shift();
    if (!fault) return frame;
    const out = this.spoilWith(fault, frame);
    this.spoiled.push({ fault, frame: out });
    return out;
  }

  private spoilWith(fault: ReaderFault, frame: Buffer): Buffer {
    if (fault === 'sameBitDouble') {
      // text starts at frame byte 14, the photo at 270; the field's value bytes, not its padding
      const field = this.rand() < 0.5 ? 'name' : 'address';
      const [, offset] = LAYOUTS[this.card!.layout].find(([n]) => n === field) ?? ['', 0];
      const valueBytes = Math.max(2, Buffer.byteLength(this.card!.fields[field] ?? '', 'utf16le'));
      const bit = 1 << Math.floor(this.rand() * 8);
      const out = Buffer.from(frame);
      out[14 + offset + Math.floor(this.rand() * valueBytes)]! ^= bit;
      out[270 + Math.floor(this.rand() * PHOTO_LENGTH)]! ^= bit;
      return out;
    }
    if (fault === 'garble') {
      const out = Buffer.from(frame);
      for (let k = 0; k < 3; k++)
        out[7 + Math.floor(this.rand() * (out.length - 8))]! ^= 1 << Math.floor(this.rand() * 8);
      return out;
    }
    if (fault === 'truncate') return frame.subarray(0, Math.floor(frame.length * (0.2 + this.rand() * 0.6)));
    const noise = Buffer.alloc(17);
    for (let i = 0; i < noise.length; i++) noise[i] = Math.floor(this.rand() * 256);
    return Buffer.concat([noise, frame.subarray(0, 600)]);
  }

  private send(frame: Buffer, end: DeviceEnd): void {
    const target = this.ends.at(-1) ?? end;
    const go = () => {
      if (!this.paceBaud) return target.write(frame);
      // as on the wire: 10 bits a byte; each 64-byte slice leaves when its last byte would have
      const bytesPerMs = this.paceBaud / 10 / 1000;
      const t0 = performance.now();
      let off = 0;
      const step = () => {
        const upto = Math.min(off + 64, frame.length);
        const wait = t0 + upto / bytesPerMs - performance.now();
        if (wait >= 1) {
          setTimeout(step, wait);
          return;
        }
        target.write(frame.subarray(off, upto));
        off = upto;
        if (off < frame.length) step();
      };
      step();
    };
    if (this.delayMs > 0) setTimeout(go, this.delayMs);
    else go();
  }

  async close(): Promise<void> {
    await Promise.all(this.ends.map((e) => e.close()));
    this.ends = [];
  }
}

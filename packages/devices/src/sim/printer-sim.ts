/**
 * A simulated ESC/POS receipt printer: records what it prints, answers DLE EOT 1-4 in real time, can run out of
 * paper (now or after N bytes of a job), open its cover or jam its cutter, and decodes what it printed back into
 * text, QR contents and cuts for assertions.
 */
import type { PaperMedia } from '../model/index.js';
import { type DecodedPrint, decodeEscPos } from '../printer/decode.js';
import { encodeStatus } from '../printer/status.js';
import type { DeviceEnd } from './device-end.js';

export class PrinterSimulator {
  private ends: DeviceEnd[] = [];
  private held: number[] = [];
  private printedParts: Buffer[] = [];
  paper: PaperMedia = 'ok';
  coverOpen = false;
  cutterError = false;
  /** Does not answer at all (power off, wrong cable). */
  silent = false;
  /** Runs out of paper once this many more bytes have been printed. */
  paperOutAfterBytes: number | undefined;
  /** Vanishes (mock binding: the port closes under the driver) once this many more bytes have arrived. */
  unplugAfterBytes: number | undefined;
  /** Stops taking data (mock binding: writes never complete) once this many more bytes have arrived. */
  stallAfterBytes: number | undefined;
  /** Every byte received, real-time requests included. */
  received = Buffer.alloc(0);

  attach(end: DeviceEnd): this {
    this.ends.push(end);
    end.onData((d) => this.onData(d, end));
    return this;
  }

  /** Bytes that reached the paper. */
  get printed(): Buffer {
    return Buffer.concat(this.printedParts);
  }

  /** What is on the paper: text lines, QR contents, cuts. */
  decode(): DecodedPrint {
    return decodeEscPos(this.printed);
  }

  /** Tears off what was printed so far. */
  clear(): void {
    this.printedParts = [];
    this.received = Buffer.alloc(0);
  }

  private canPrint(): boolean {
    return this.paper !== 'out' && !this.coverOpen && !this.cutterError;
  }

  private onData(d: Buffer, end: DeviceEnd): void {
    this.received = Buffer.concat([this.received, d]);
    this.countDown(d.length, end);
    const print: number[] = [];
    for (const b of d) {
      this.held.push(b);
      // DLE EOT n is handled on arrival, ahead of the print buffer (real-time command)
      if (this.held.length === 1 && b === 0x10) continue;
      if (this.held.length === 2 && this.held[0] === 0x10) {
        if (b === 0x04) continue;
        print.push(...this.held);
        this.held = [];
        continue;
      }
      if (this.held.length === 3 && this.held[0] === 0x10 && this.held[1] === 0x04) {
        this.held = [];
        if (b >= 1 && b <= 4 && !this.silent) {
          this.flushPrint(print);
          const status = encodeStatus({
            coverOpen: this.coverOpen,
            paper: this.paper,
            cutterError: this.cutterError,
          });
          (this.ends.at(-1) ?? end).write(Buffer.from([status[b - 1]!]));
        }
        continue;
      }
      print.push(...this.held);
      this.held = [];
    }
    this.flushPrint(print);
  }

  private countDown(n: number, end: DeviceEnd): void {
    if (this.unplugAfterBytes !== undefined) {
      this.unplugAfterBytes -= n;
      if (this.unplugAfterBytes <= 0) {
        this.unplugAfterBytes = undefined;
        end.unplug?.();
      }
    }
    if (this.stallAfterBytes !== undefined) {
      this.stallAfterBytes -= n;
      if (this.stallAfterBytes <= 0) {
        this.stallAfterBytes = undefined;
        end.stall?.();
      }
    }
  }

  private flushPrint(bytes: number[]): void {
    if (bytes.length === 0) return;
    let take = bytes.splice(0);
    if (!this.canPrint()) return;
    if (this.paperOutAfterBytes !== undefined) {
      if (take.length >= this.paperOutAfterBytes) {
        take = take.slice(0, this.paperOutAfterBytes);
        this.paperOutAfterBytes = undefined;
        this.printedParts.push(Buffer.from(take));
        this.paper = 'out';
        return;
      }
      this.paperOutAfterBytes -= take.length;
    }
    this.printedParts.push(Buffer.from(take));
  }

  async close(): Promise<void> {
    await Promise.all(this.ends.map((e) => e.close()));
    this.ends = [];
  }
}

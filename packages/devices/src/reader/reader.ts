/**
 * The ID-card reader driver (GA 467 SAM serial protocol): polls find-card, selects, reads, decodes and emits one
 * 'card' event per card placed, once two reads agree. A garbled, partial or wrong-checksum answer is discarded
 * with a logged reason and the read retried; a reader that goes silent is reported offline; one that is
 * unplugged is reopened (model/device).
 * Kiosks in 24-hour self-service zones identify applicants this way (seed 001 4.1.2; seed 003 一).
 */

import type { IdentityCard } from '@tongban/core/identity';
import {
  type DeviceEvents,
  type DeviceOptions,
  SerialDevice,
  type SerialLink,
  sleep,
} from '../model/index.js';
import { ReadConfirmation } from './confirmation.js';
import { asResponse, type CommandName, encodeCommand, type SamFrame, type SamResponse } from './frame.js';
import { type Discard, SamFrameParser } from './frame-parser.js';
import { decodeSw3, type Sw3Result } from './sw3.js';
import type { CardProblem } from './text-block.js';

export interface IdCardReaderOptions extends DeviceOptions {
  /** Interval between find-card polls (ms, default 200). */
  pollIntervalMs?: number;
  /** Timeout for short answers (ms, default 250). */
  answerTimeoutMs?: number;
  /** Timeout for the 1,295-byte read answer (ms, default 800; its wire time is 112 ms at 115200 baud). */
  readTimeoutMs?: number;
  /**
   * Reads of a placed card before giving up (default 5). A card is accepted when two reads agree byte for byte
   * (ReadConfirmation), so a clean card takes 2 reads and each garbled read one more.
   */
  readAttempts?: number;
  /** Consecutive unanswered polls before the reader is reported offline (default 3). */
  offlineAfterTimeouts?: number;
}

export type ReadOutcome =
  | { kind: 'card'; card: IdentityCard; attempts: number; ms: number }
  | { kind: 'rejected'; problem: CardProblem; attempts: number }
  | { kind: 'noCard'; sw3?: Sw3Result }
  | { kind: 'failed'; reason: string; attempts: number };

export type ReaderEvents = DeviceEvents & {
  /** A card was placed and read (once per placement). */
  card: [IdentityCard, { attempts: number; ms: number }];
  /** A card read the same twice, but its content is invalid, inconsistent or of an unsupported type. */
  cardRejected: [CardProblem];
  /** A placed card could not be read after every attempt. */
  readFailed: [string];
  cardRemoved: [];
  /** Bytes the frame parser threw away. */
  discard: [Discard];
};

interface Waiter {
  resolve: (f: SamResponse | undefined) => void;
  timer: NodeJS.Timeout;
}

export class IdCardReader extends SerialDevice<ReaderEvents> {
  private readonly pollIntervalMs: number;
  private readonly answerTimeoutMs: number;
  private readonly readTimeoutMs: number;
  private readonly readAttempts: number;
  private readonly offlineAfterTimeouts: number;
  private parser: SamFrameParser | undefined;
  private waiter: Waiter | undefined;
  private lock: Promise<unknown> = Promise.resolve();
  private polling = false;
  private loopDone: Promise<void> = Promise.resolve();
  private wake: (() => void) | undefined;
  private silentPolls = 0;
  private discards: Discard[] = [];
  /** Number of the last card emitted, and whether it has been taken away since. */
  private lastCard: string | undefined;
  private takenSinceRead = true;

  constructor(options: IdCardReaderOptions) {
    super('idCardReader', options, { card: 'unknown' });
    this.pollIntervalMs = options.pollIntervalMs ?? 200;
    this.answerTimeoutMs = options.answerTimeoutMs ?? 250;
    this.readTimeoutMs = options.readTimeoutMs ?? 800;
    this.readAttempts = options.readAttempts ?? 5;
    this.offlineAfterTimeouts = options.offlineAfterTimeouts ?? 3;
  }

  protected attach(port: SerialLink): void {
    const parser = new SamFrameParser();
    this.parser = parser;
    parser.on('data', (f: SamFrame) => this.onFrame(f));
    parser.on('discard', (d: Discard) => {
      this.discards.push(d);
      // one line per burst of bad bytes (a burst ends at a good frame, a resync or 64 KiB), never per fragment
      this.log('warn', `reader ${this.path}: discarded ${d.bytes} byte(s) in ${d.detail}`);
      this.emit('discard', d);
    });
    port.pipe(parser);
  }

  private onFrame(f: SamFrame): void {
    const r = asResponse(f);
    const w = this.waiter;
    if (!w || !r) {
      this.log('debug', `reader ${this.path}: unsolicited frame of ${f.raw.length} bytes ignored`);
      return;
    }
    this.waiter = undefined;
    clearTimeout(w.timer);
    w.resolve(r);
  }

  protected onPortLost(): void {
    const w = this.waiter;
    this.waiter = undefined;
    if (w) {
      clearTimeout(w.timer);
      w.resolve(undefined);
    }
    this.parser?.removeAllListeners();
    this.parser = undefined;
  }

  /** Sends one command and waits for its answer; undefined on timeout (the partial frame is discarded). */
  private async transact(cmd: CommandName, timeoutMs: number): Promise<SamResponse | undefined> {
    if (!this.port?.isOpen) return undefined;
    const answer = new Promise<SamResponse | undefined>((resolve) => {
      const timer = setTimeout(() => {
        if (this.waiter?.timer !== timer) return;
        this.waiter = undefined;
        this.parser?.resync();
        resolve(undefined);
      }, timeoutMs);
      this.waiter = { resolve, timer };
    });
    try {
      await this.writeAll(encodeCommand(cmd));
    } catch (e) {
      this.log('warn', `reader ${this.path}: write failed: ${(e as Error).message}`);
    }
    return answer;
  }

  /** Serialises access to the port between the poll loop and direct calls. */
  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.lock.then(fn, fn);
    this.lock = run.catch(() => undefined);
    return run;
  }

  /** SAM commands (reset, status, id): the status word and any data. */
  async sam(cmd: 'resetSam' | 'samStatus' | 'samId'): Promise<(Sw3Result & { data: Buffer }) | undefined> {
    return this.exclusive(async () => {
      const r = await this.transact(cmd, this.answerTimeoutMs * 4);
      return r && { ...decodeSw3(r.sw3), data: Buffer.from(r.data) };
    });
  }

  /** One find-select-read attempt now (for scripts and the kiosk's "read again" button). */
  async readOnce(): Promise<ReadOutcome> {
    return this.exclusive(async () => {
      const find = await this.transact('findCard', this.answerTimeoutMs);
      if (!find) return { kind: 'failed', reason: 'no answer to find-card', attempts: 0 };
      const sw = decodeSw3(find.sw3);
      if (sw.status !== 'cardFound') return { kind: 'noCard', sw3: sw };
      return this.readPresentCard();
    });
  }

  /** Waits up to `waitMs` for a card and reads it. */
  async waitForCard(waitMs: number): Promise<ReadOutcome> {
    const until = Date.now() + waitMs;
    for (;;) {
      const r = await this.readOnce();
      if (r.kind !== 'noCard' || Date.now() >= until) return r;
      await sleep(this.pollIntervalMs);
    }
  }

  private async readPresentCard(): Promise<ReadOutcome> {
    const t0 = performance.now();
    this.setStatus({ state: 'busy', card: 'present' });
    try {
      const sel = await this.transact('selectCard', this.answerTimeoutMs);
      if (!sel || decodeSw3(sel.sw3).status !== 'success') {
        const why = sel ? decodeSw3(sel.sw3).meaning : 'no answer';
        this.log('warn', `reader ${this.path}: select card failed (${why})`);
        return { kind: 'failed', reason: `select card: ${why}`, attempts: 0 };
      }
      let reason = '';
      const confirmation = new ReadConfirmation();
      for (let attempt = 1; attempt <= this.readAttempts; attempt++) {
        this.discards = [];
        const r = await this.transact('readTextPhoto', this.readTimeoutMs);
        if (!r) {
          const seen = [...new Set(this.discards.flatMap((d) => Object.keys(d.reasons)))].join(', ');
          reason = `no valid answer (${seen || 'nothing received'})`;
          this.log('warn', `reader ${this.path}: read attempt ${attempt}: ${reason}; retrying`);
          continue;
        }
        const sw = decodeSw3(r.sw3);
        if (sw.status !== 'success') {
          reason = `SW3 0x${r.sw3.toString(16)} ${sw.meaning}`;
          this.log('warn', `reader ${this.path}: read attempt ${attempt}: ${reason}`);
          continue;
        }
        const v = confirmation.offer(r.data);
        if (v.kind === 'confirmed') {
          if (v.result.ok)
            return { kind: 'card', card: v.result.card, attempts: attempt, ms: performance.now() - t0 };
          return { kind: 'rejected', problem: v.result.problem, attempts: attempt };
        }
        if (v.kind === 'unreadable') reason = v.problem.message;
        else if (!v.result.ok) reason = `content refused: ${v.result.problem.message}`;
        else if (attempt > 1) reason = 'the reads of this card do not agree';
        else {
          this.log('debug', `reader ${this.path}: read attempt 1 decoded; reading again to confirm`);
          continue;
        }
        this.log('warn', `reader ${this.path}: read attempt ${attempt}: ${reason}; reading again`);
      }
      return { kind: 'failed', reason, attempts: this.readAttempts };
    } finally {
      if (this.status.state === 'busy') this.setStatus({ state: 'online' });
    }
  }

  protected async onClaim(): Promise<void> {
    if (this.polling) return;
    this.polling = true;
    this.loopDone = this.loop();
  }

  protected async onRelease(): Promise<void> {
    this.polling = false;
    this.wake?.();
    await this.loopDone;
  }

  private async loop(): Promise<void> {
    while (this.polling && this.port?.isOpen) {
      try {
        await this.exclusive(() => this.cycle());
      } catch (e) {
        this.log('error', `reader ${this.path}: poll failed: ${(e as Error).message}`);
      }
      if (!this.polling) break;
      await new Promise<void>((r) => {
        const t = setTimeout(r, this.pollIntervalMs);
        this.wake = () => {
          clearTimeout(t);
          r();
        };
      });
      this.wake = undefined;
    }
    this.polling = false;
  }

  private async cycle(): Promise<void> {
    const find = await this.transact('findCard', this.answerTimeoutMs);
    if (!this.polling) return;
    if (!find) {
      this.silentPolls++;
      if (this.silentPolls >= this.offlineAfterTimeouts && this.status.state !== 'offline') {
        this.log('warn', `reader ${this.path}: no answer to ${this.silentPolls} polls`);
        this.setStatus({ state: 'offline', card: 'unknown', detail: 'reader not answering' });
      }
      return;
    }
    if (this.silentPolls > 0 || this.status.state === 'offline') this.setStatus({ state: 'online' });
    this.silentPolls = 0;
    const sw = decodeSw3(find.sw3);
    if (sw.status === 'cardFound') {
      const outcome = await this.readPresentCard();
      this.report(outcome);
      return;
    }
    if (this.status.card === 'present') {
      // After a read, find-card fails while the card stays: ask select-card whether it is still in the field.
      const sel = await this.transact('selectCard', this.answerTimeoutMs);
      if (sel && decodeSw3(sel.sw3).status === 'success') return;
      if (!sel) return;
    }
    this.takenSinceRead = true;
    if (this.status.card !== 'notPresent') {
      const wasPresent = this.status.card === 'present';
      this.setStatus({ card: 'notPresent' });
      if (wasPresent) this.emit('cardRemoved');
    }
  }

  private report(outcome: ReadOutcome): void {
    switch (outcome.kind) {
      case 'card': {
        const { card } = outcome;
        if (card.idNumber === this.lastCard && !this.takenSinceRead) {
          this.log(
            'debug',
            `reader ${this.path}: card ${card.idNumber} still on the reader, not reported again`,
          );
          return;
        }
        this.lastCard = card.idNumber;
        this.takenSinceRead = false;
        this.log(
          'info',
          `reader ${this.path}: read ${card.kind} ${card.idNumber} in ${outcome.ms.toFixed(0)} ms`,
        );
        this.emit('card', card, { attempts: outcome.attempts, ms: outcome.ms });
        return;
      }
      case 'rejected':
        this.takenSinceRead = false;
        this.lastCard = undefined;
        this.log('warn', `reader ${this.path}: card rejected: ${outcome.problem.message}`);
        this.emit('cardRejected', outcome.problem);
        return;
      case 'failed':
        this.log('error', `reader ${this.path}: card could not be read: ${outcome.reason}`);
        this.emit('readFailed', outcome.reason);
        return;
      case 'noCard':
        return;
    }
  }
}

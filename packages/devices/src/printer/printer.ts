/**
 * The receipt printer driver: polls real-time status (DLE EOT 1-4) before each print and while idle, prints
 * ESC/POS bytes in chunks, and reports a print that fails half-way (paper out, cover opened, port gone) as
 * failed, never as printed, so the kiosk can show the receipt on screen instead.
 */
import type { Receipt } from '@tongban/core/receipts';
import {
  type DeviceEvents,
  type DeviceOptions,
  SerialDevice,
  type SerialLink,
  WriteTimeoutError,
} from '../model/index.js';
import { statusRequest } from './escpos.js';
import { type ReceiptLayoutOptions, renderReceipt } from './layout.js';
import { decodeStatus, isStatusByte, type PrinterStatus } from './status.js';

export interface ReceiptPrinterOptions extends DeviceOptions {
  /** Status poll interval while idle and claimed (ms, default 5000). */
  statusPollMs?: number;
  /** Timeout for one status byte (ms, default 300). */
  statusTimeoutMs?: number;
  /** Bytes written between status checks during a print (default 512). */
  chunkSize?: number;
  layout?: ReceiptLayoutOptions;
}

export type PrintFailure =
  | 'paperOut'
  | 'coverOpen'
  | 'offline'
  | 'error'
  | 'portGone'
  | 'noAnswer'
  | 'writeTimeout';

export type PrintResult =
  | { ok: true; bytes: number; ms: number }
  | { ok: false; reason: PrintFailure; message: string; bytesSent: number; status?: PrinterStatus };

export type PrinterEvents = DeviceEvents & {
  printed: [PrintResult & { ok: true }];
  printFailed: [PrintResult & { ok: false }];
};

const MESSAGES: Record<PrintFailure, string> = {
  paperOut: '打印机缺纸',
  coverOpen: '打印机盖未关',
  offline: '打印机离线',
  error: '打印机故障',
  portGone: '打印机连接中断',
  noAnswer: '打印机无响应',
  writeTimeout: '打印机不接收数据（写入超时）',
};

export class ReceiptPrinter extends SerialDevice<PrinterEvents> {
  private readonly statusPollMs: number;
  private readonly statusTimeoutMs: number;
  private readonly chunkSize: number;
  private readonly layout: ReceiptLayoutOptions;
  private waiters: { resolve: (b: number | undefined) => void; timer: NodeJS.Timeout }[] = [];
  private lock: Promise<unknown> = Promise.resolve();
  private pollTimer: NodeJS.Timeout | undefined;
  private polling = false;
  lastStatus: PrinterStatus | undefined;
  /** Why the last status request could not be written, if it could not. */
  private writeFailure: unknown;

  constructor(options: ReceiptPrinterOptions) {
    super('receiptPrinter', options, { paper: 'unknown', coverOpen: false });
    this.statusPollMs = options.statusPollMs ?? 5000;
    this.statusTimeoutMs = options.statusTimeoutMs ?? 300;
    this.chunkSize = options.chunkSize ?? 512;
    this.layout = options.layout ?? {};
  }

  protected attach(port: SerialLink): void {
    port.on('data', (chunk: Buffer) => {
      for (const b of chunk) {
        const w = this.waiters.shift();
        if (!w) {
          this.log('debug', `printer ${this.path}: unsolicited byte 0x${b.toString(16)}`);
          continue;
        }
        clearTimeout(w.timer);
        w.resolve(b);
      }
    });
  }

  protected onPortLost(): void {
    for (const w of this.waiters.splice(0)) {
      clearTimeout(w.timer);
      w.resolve(undefined);
    }
  }

  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.lock.then(fn, fn);
    this.lock = run.catch(() => undefined);
    return run;
  }

  private async ask(n: 1 | 2 | 3 | 4): Promise<number | undefined> {
    const answer = new Promise<number | undefined>((resolve) => {
      const timer = setTimeout(() => {
        const i = this.waiters.findIndex((w) => w.timer === timer);
        if (i >= 0) this.waiters.splice(i, 1);
        resolve(undefined);
      }, this.statusTimeoutMs);
      this.waiters.push({ resolve, timer });
    });
    try {
      await this.writeAll(statusRequest(n));
    } catch (e) {
      this.writeFailure = e;
      return undefined;
    }
    return answer;
  }

  private async readStatus(): Promise<PrinterStatus | undefined> {
    this.writeFailure = undefined;
    const raw: number[] = [];
    for (const n of [1, 2, 3, 4] as const) {
      const b = await this.ask(n);
      if (b === undefined || !isStatusByte(b)) {
        if (b !== undefined)
          this.log('warn', `printer ${this.path}: DLE EOT ${n} answered 0x${b.toString(16)}`);
        this.lastStatus = undefined;
        if (this.port?.isOpen)
          this.setStatus({ state: 'offline', paper: 'unknown', detail: MESSAGES.noAnswer });
        return undefined;
      }
      raw.push(b);
    }
    const s = decodeStatus(raw as [number, number, number, number]);
    this.lastStatus = s;
    const detail = s.coverOpen
      ? MESSAGES.coverOpen
      : s.paper === 'out'
        ? MESSAGES.paperOut
        : s.error
          ? `${MESSAGES.error}: ${s.errors.join(', ')}`
          : s.paper === 'nearEnd'
            ? '纸将尽'
            : undefined;
    const state = s.error
      ? 'error'
      : !s.online
        ? 'offline'
        : this.status.state === 'busy'
          ? 'busy'
          : 'online';
    this.setStatus({ state, paper: s.paper, coverOpen: s.coverOpen, detail });
    return s;
  }

  /** Asks the printer for its four real-time status bytes and updates the model. */
  queryStatus(): Promise<PrinterStatus | undefined> {
    return this.exclusive(() => this.readStatus());
  }

  private failure(s: PrinterStatus | undefined): PrintFailure | undefined {
    if (!s) {
      const w = this.writeFailure;
      if (w instanceof WriteTimeoutError && !w.portClosed) return 'writeTimeout';
      return this.port?.isOpen ? 'noAnswer' : 'portGone';
    }
    if (s.coverOpen) return 'coverOpen';
    if (s.paper === 'out') return 'paperOut';
    if (s.error) return 'error';
    if (!s.online) return 'offline';
    return undefined;
  }

  /** Prints a receipt (rendered for this printer's paper) or raw ESC/POS bytes. */
  print(job: Receipt | Buffer): Promise<PrintResult> {
    const bytes = Buffer.isBuffer(job) ? job : renderReceipt(job, this.layout);
    return this.exclusive(async () => {
      const result = await this.printBytes(bytes);
      if (result.ok) this.emit('printed', result);
      else {
        this.log(
          'warn',
          `printer ${this.path}: print failed (${result.reason}) after ${result.bytesSent} byte(s)`,
        );
        this.emit('printFailed', result);
      }
      return result;
    });
  }

  private async printBytes(bytes: Buffer): Promise<PrintResult> {
    const t0 = performance.now();
    let sent = 0;
    const fail = (reason: PrintFailure, status?: PrinterStatus): PrintResult => ({
      ok: false,
      reason,
      message: MESSAGES[reason],
      bytesSent: sent,
      ...(status ? { status } : {}),
    });
    const before = await this.readStatus();
    const pre = this.failure(before);
    if (pre) return fail(pre, before);
    this.setStatus({ state: 'busy' });
    try {
      while (sent < bytes.length) {
        const chunk = bytes.subarray(sent, sent + this.chunkSize);
        try {
          await this.writeAll(chunk);
        } catch (e) {
          // a port closed under the write is gone; one that still stands open but takes nothing timed out
          return fail(e instanceof WriteTimeoutError && !e.portClosed ? 'writeTimeout' : 'portGone');
        }
        sent += chunk.length;
        const s = await this.readStatus();
        const f = this.failure(s);
        if (f) return fail(f, s);
      }
      return { ok: true, bytes: sent, ms: performance.now() - t0 };
    } finally {
      if (this.status.state === 'busy') this.setStatus({ state: 'online' });
    }
  }

  protected async onClaim(): Promise<void> {
    this.polling = true;
    await this.queryStatus();
    const tick = () => {
      if (!this.polling) return;
      this.pollTimer = setTimeout(async () => {
        if (!this.polling || !this.port?.isOpen) return;
        await this.queryStatus();
        tick();
      }, this.statusPollMs);
    };
    tick();
  }

  protected async onRelease(): Promise<void> {
    this.polling = false;
    clearTimeout(this.pollTimer);
    await this.lock;
  }
}

/**
 * One status model and one lifecycle for both devices, after CEN/XFS (ONLINE / OFFLINE / BUSY / HWERROR,
 * media PRESENT / NOTPRESENT, paper FULL / LOW / OUT) and UnifiedPOS (open -> claim -> release -> close).
 */
import { EventEmitter } from 'node:events';
import type { Duplex } from 'node:stream';
import { maskIdNumbersIn } from '@tongban/core/identity';
import { SerialPort } from 'serialport';

export type DeviceState = 'online' | 'offline' | 'busy' | 'error';
export type Lifecycle = 'closed' | 'open' | 'claimed';
export type CardMedia = 'present' | 'notPresent' | 'unknown';
export type PaperMedia = 'ok' | 'nearEnd' | 'out' | 'unknown';
export type DeviceKind = 'idCardReader' | 'receiptPrinter';

export interface DeviceStatus {
  device: DeviceKind;
  path: string;
  lifecycle: Lifecycle;
  state: DeviceState;
  /** Reader: is a card on the reader. */
  card?: CardMedia;
  /** Printer: roll paper. */
  paper?: PaperMedia;
  coverOpen?: boolean;
  /** Short reason for offline / error, for the staff line. */
  detail?: string;
  /** UTC ISO-8601 of the last change. */
  at: string;
}

/** A serial port as the drivers use it: SerialPort, SerialPortMock or any SerialPortStream with a binding. */
export interface SerialLink extends Duplex {
  readonly path: string;
  readonly isOpen: boolean;
  open(cb?: (err: Error | null) => void): void;
  close(cb?: (err?: Error | null) => void): void;
  drain(cb?: (err: Error | null) => void): void;
}

export type PortFactory = (options: { path: string; baudRate: number }) => SerialLink;

/** Real serial ports (bindings-cpp: Linux tty, USB-serial, pseudo-terminals). */
export const systemPorts: PortFactory = ({ path, baudRate }) =>
  new SerialPort({ path, baudRate, autoOpen: false }) as unknown as SerialLink;

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type DeviceLogger = (level: LogLevel, message: string) => void;

export interface DeviceOptions {
  path: string;
  baudRate?: number;
  /** Which binding opens the port (default: the system's serial ports). */
  ports?: PortFactory;
  /** Delay between attempts to reopen a port that went away (ms, default 1000). */
  reconnectMs?: number;
  /** Log sink; every line has ID numbers masked before it gets here. */
  logger?: DeviceLogger;
  /**
   * Longest one write (with its drain) may take, in ms (default: 1,000 ms plus twice the bytes' wire time at the
   * baud rate). A write past it fails, and the port is treated as gone and reopened (issue 25: a port that closed
   * mid-write left the print and `close()` waiting for ever).
   */
  writeTimeoutMs?: number;
}

/** A write that did not finish in time; `portClosed` when the port turned out closed underneath it. */
export class WriteTimeoutError extends Error {
  constructor(
    readonly path: string,
    readonly ms: number,
    readonly portClosed: boolean,
  ) {
    super(`write to ${path} did not finish in ${ms} ms${portClosed ? ' (the port closed under it)' : ''}`);
    this.name = 'WriteTimeoutError';
  }
}

/** Longest `close()` waits for the port to close before it lets go of it (ms). */
const CLOSE_TIMEOUT_MS = 1000;

export type DeviceEvents = {
  status: [DeviceStatus];
  log: [LogLevel, string];
};

/**
 * Base of both drivers: opens the port, claims the device (starts its own polling), notices a port that goes away,
 * reports `offline` and keeps trying to reopen it, then re-claims it, without the kiosk restarting.
 */
export abstract class SerialDevice<
  E extends { [K in keyof E]: unknown[] } & DeviceEvents = DeviceEvents,
> extends EventEmitter<E> {
  protected port: SerialLink | undefined;
  protected readonly ports: PortFactory;
  protected readonly baudRate: number;
  protected readonly reconnectMs: number;
  private readonly writeTimeoutMs: number | undefined;
  private readonly logger: DeviceLogger | undefined;
  private current: DeviceStatus;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private wantOpen = false;
  private wantClaim = false;

  constructor(kind: DeviceKind, options: DeviceOptions, initial: Partial<DeviceStatus> = {}) {
    super();
    this.ports = options.ports ?? systemPorts;
    this.baudRate = options.baudRate ?? 115200;
    this.reconnectMs = options.reconnectMs ?? 1000;
    this.writeTimeoutMs = options.writeTimeoutMs;
    this.logger = options.logger;
    this.current = {
      device: kind,
      path: options.path,
      lifecycle: 'closed',
      state: 'offline',
      ...initial,
      at: new Date().toISOString(),
    };
  }

  get status(): DeviceStatus {
    return { ...this.current };
  }

  get path(): string {
    return this.current.path;
  }

  protected log(level: LogLevel, message: string): void {
    const masked = maskIdNumbersIn(message);
    this.logger?.(level, masked);
    (this.emit as (e: 'log', l: LogLevel, m: string) => boolean)('log', level, masked);
  }

  /** Updates the status and emits 'status' when something changed. */
  protected setStatus(patch: Partial<Omit<DeviceStatus, 'device' | 'path' | 'at'>>): void {
    const next = { ...this.current, ...patch };
    if (!('detail' in patch) && patch.state && patch.state !== this.current.state) delete next.detail;
    const changed = (Object.keys(next) as (keyof DeviceStatus)[]).some(
      (k) => k !== 'at' && next[k] !== this.current[k],
    );
    if (!changed) return;
    next.at = new Date().toISOString();
    this.current = next;
    (this.emit as (e: 'status', s: DeviceStatus) => boolean)('status', { ...next });
  }

  /** Opens the port. Rejects with the port's error if it cannot be opened (wrong path, busy). */
  async open(): Promise<void> {
    this.wantOpen = true;
    if (this.port?.isOpen) return;
    await this.openPort();
  }

  /** Starts using the device: the reader starts polling for cards, the printer polls its status while idle. */
  async claim(): Promise<void> {
    if (!this.port?.isOpen) await this.open();
    this.wantClaim = true;
    this.setStatus({ lifecycle: 'claimed' });
    await this.onClaim();
  }

  /**
   * Opens and claims, and if the device is absent now, reports `offline` and keeps trying in the background:
   * what a kiosk calls at start so that a reader plugged in later is picked up.
   */
  async start(): Promise<void> {
    this.wantOpen = true;
    this.wantClaim = true;
    try {
      await this.claim();
    } catch (e) {
      this.log(
        'warn',
        `cannot open ${this.path}: ${(e as Error).message}; retrying every ${this.reconnectMs} ms`,
      );
      this.setStatus({ state: 'offline', detail: 'not connected' });
      this.scheduleReconnect();
    }
  }

  /** Stops polling; the port stays open. */
  async release(): Promise<void> {
    this.wantClaim = false;
    await this.onRelease();
    if (this.current.lifecycle === 'claimed')
      this.setStatus({ lifecycle: this.port?.isOpen ? 'open' : 'closed' });
  }

  /** Releases and closes; no reconnection afterwards. */
  async close(): Promise<void> {
    this.wantOpen = false;
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = undefined;
    await this.release();
    const port = this.port;
    this.port = undefined;
    if (port) await this.letGo(port);
    this.setStatus({ lifecycle: 'closed', state: 'offline', detail: 'closed' });
  }

  /** Closes the port and opens it again (e.g. after a staff member reseated a cable). */
  async reconnect(): Promise<void> {
    const claimed = this.wantClaim;
    await this.close();
    await this.open();
    if (claimed) await this.claim();
  }

  private async openPort(): Promise<void> {
    const port = this.ports({ path: this.current.path, baudRate: this.baudRate });
    await new Promise<void>((resolve, reject) => port.open((err) => (err ? reject(err) : resolve())));
    this.port = port;
    port.on('error', (err: Error) => this.log('warn', `port ${this.path}: ${err.message}`));
    port.once('close', (err?: Error & { disconnected?: boolean }) => {
      if (this.port !== port) return;
      this.port = undefined;
      this.onPortLost();
      this.log('warn', `port ${this.path} went away${err ? `: ${err.message}` : ''}`);
      this.setStatus({ state: 'offline', lifecycle: 'closed', detail: 'port disconnected' });
      this.scheduleReconnect();
    });
    this.attach(port);
    this.setStatus({ lifecycle: 'open', state: 'online' });
    this.log('info', `opened ${this.path} at ${this.baudRate} baud`);
  }

  private scheduleReconnect(): void {
    if (!this.wantOpen || this.reconnectTimer) return;
    this.reconnectTimer = setTimeout(async () => {
      this.reconnectTimer = undefined;
      if (!this.wantOpen) return;
      try {
        await this.openPort();
        this.log('info', `reopened ${this.path}`);
        if (this.wantClaim) {
          this.setStatus({ lifecycle: 'claimed' });
          await this.onClaim();
        }
      } catch (e) {
        this.log('debug', `reopen ${this.path} failed: ${(e as Error).message}`);
        this.scheduleReconnect();
      }
    }, this.reconnectMs);
  }

  /** Closes a port (waiting at most CLOSE_TIMEOUT_MS) and drops it. */
  private async letGo(port: SerialLink): Promise<void> {
    if (port.isOpen)
      await new Promise<void>((r) => {
        const t = setTimeout(r, CLOSE_TIMEOUT_MS);
        port.close(() => {
          clearTimeout(t);
          r();
        });
      });
    port.removeAllListeners();
    port.on('error', () => {}); // a write still pending on a dropped port may fail later: nobody waits for it
    port.destroy();
  }

  /** A write timed out: the port is treated as gone (pending requests fail, offline, reopened later). */
  private portBroken(port: SerialLink, why: string): void {
    if (this.port !== port) return;
    this.port = undefined;
    this.onPortLost();
    this.log('warn', `port ${this.path}: ${why}; closing it and reopening`);
    this.setStatus({ state: 'offline', lifecycle: 'closed', detail: 'port not accepting data' });
    void this.letGo(port);
    this.scheduleReconnect();
  }

  /** Writes and waits until the bytes left the driver's buffer. Rejects when the port is gone or the time is up. */
  protected async writeAll(data: Buffer): Promise<void> {
    const port = this.port;
    if (!port?.isOpen) throw new Error(`port ${this.path} is not open`);
    const ms = this.writeTimeoutMs ?? 1000 + 2 * Math.ceil((data.length * 10 * 1000) / this.baudRate);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new WriteTimeoutError(this.path, ms, !port.isOpen)), ms);
    });
    const write = (async () => {
      await new Promise<void>((resolve, reject) => {
        port.write(data, (err) => (err ? reject(err) : resolve()));
      });
      await new Promise<void>((resolve, reject) => port.drain((err) => (err ? reject(err) : resolve())));
    })();
    write.catch(() => {}); // after a timeout nobody waits for it
    try {
      await Promise.race([write, timeout]);
    } catch (e) {
      if (e instanceof WriteTimeoutError) this.portBroken(port, e.message);
      throw e;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Wire up parsers on a freshly opened port. */
  protected abstract attach(port: SerialLink): void;
  /** Start the device's own polling. */
  protected abstract onClaim(): Promise<void>;
  /** Stop polling; wait for a cycle in progress to end. */
  protected abstract onRelease(): Promise<void>;
  /** The port vanished: fail pending requests. */
  protected abstract onPortLost(): void;
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

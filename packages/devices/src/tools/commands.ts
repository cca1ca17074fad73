/**
 * What `devices read-card`, `devices print-test` and `devices status` do, as functions returning typed results
 * (the admin CLI wraps them; scripts only print them). ID numbers are masked in every result.
 */
import { type IdentityCard, maskIdNumber } from '@tongban/core/identity';
import type { DeviceStatus, PortFactory } from '../model/index.js';
import type { PaperWidth } from '../printer/index.js';
import { type PrintResult, ReceiptPrinter, renderTestPage } from '../printer/index.js';
import { IdCardReader, type ReadOutcome } from '../reader/index.js';

export interface PortOptions {
  port: string;
  baudRate?: number;
  ports?: PortFactory;
}

/** A card with its number masked, for showing and logging. */
export function maskedCard(card: IdentityCard): IdentityCard {
  return { ...card, idNumber: maskIdNumber(card.idNumber) };
}

export type ReadCardResult =
  | { kind: 'card'; card: IdentityCard; attempts: number; ms: number }
  | Exclude<ReadOutcome, { kind: 'card' }>;

/** Waits up to `waitMs` for a card on the reader at `port` and reads it (the number comes back masked). */
export async function readCard(options: PortOptions & { waitMs?: number }): Promise<ReadCardResult> {
  const reader = new IdCardReader({ path: options.port, baudRate: options.baudRate, ports: options.ports });
  await reader.open();
  try {
    const r = await reader.waitForCard(options.waitMs ?? 10_000);
    return r.kind === 'card' ? { ...r, card: maskedCard(r.card) } : r;
  } finally {
    await reader.close();
  }
}

/** Prints the test page on the printer at `port`. */
export async function printTest(options: PortOptions & { paper?: PaperWidth }): Promise<PrintResult> {
  const printer = new ReceiptPrinter({
    path: options.port,
    baudRate: options.baudRate ?? 9600,
    ports: options.ports,
  });
  await printer.open();
  try {
    return await printer.print(renderTestPage(options.paper ?? 80));
  } finally {
    await printer.close();
  }
}

export interface StatusReport {
  reader?: DeviceStatus & { sam?: string };
  printer?: DeviceStatus;
}

/** Opens each given device once, asks its state (SAM status for the reader, DLE EOT 1-4 for the printer). */
export async function deviceStatus(options: {
  reader?: string;
  printer?: string;
  readerBaud?: number;
  printerBaud?: number;
  ports?: PortFactory;
}): Promise<StatusReport> {
  const out: StatusReport = {};
  if (options.reader) {
    const reader = new IdCardReader({
      path: options.reader,
      baudRate: options.readerBaud,
      ports: options.ports,
    });
    try {
      await reader.open();
      const sam = await reader.sam('samStatus');
      out.reader = sam
        ? { ...reader.status, sam: sam.meaning, ...(sam.ok ? {} : { state: 'error' as const }) }
        : { ...reader.status, state: 'offline', detail: 'no answer to SAM status', sam: 'no answer' };
    } catch (e) {
      out.reader = { ...reader.status, detail: (e as Error).message };
    } finally {
      await reader.close().catch(() => {});
    }
  }
  if (options.printer) {
    const printer = new ReceiptPrinter({
      path: options.printer,
      baudRate: options.printerBaud ?? 9600,
      ports: options.ports,
    });
    try {
      await printer.open();
      await printer.queryStatus();
      out.printer = printer.status;
    } catch (e) {
      out.printer = { ...printer.status, detail: (e as Error).message };
    } finally {
      await printer.close().catch(() => {});
    }
  }
  return out;
}

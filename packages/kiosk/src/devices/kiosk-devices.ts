/**
 * The kiosk's two devices behind one small interface: cards from the reader loop, receipts to the printer, and a
 * status for the staff line. Device trouble never stops the kiosk (issue 5): a missing reader falls back to the
 * keypad, a printer failure comes back as a PrintResult the screen turns into an on-screen receipt.
 * "simulated" ports run the devices package's simulators over the serialport mock binding, in this process.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IdentityCard } from '@tongban/core/identity';
import type { Receipt } from '@tongban/core/receipts';
import {
  type CardFixture,
  type DeviceStatus,
  IdCardReader,
  loadCardFixtures,
  MockSerialBinding,
  type PaperWidth,
  PrinterSimulator,
  type PrintResult,
  ReaderSimulator,
  ReceiptPrinter,
  simulatedMockPorts,
} from '@tongban/devices';

export interface DeviceLine {
  reader: DeviceStatus | undefined;
  printer: DeviceStatus | undefined;
}

export interface KioskDevices {
  onCard(listener: (card: IdentityCard) => void): () => void;
  onReadFailed(listener: (why: string) => void): () => void;
  /** The card on the reader was refused (its content does not check out) or no two reads of it agreed. */
  onCardTrouble(listener: (trouble: 'refused' | 'unread') => void): () => void;
  onStatus(listener: (line: DeviceLine) => void): () => void;
  status(): DeviceLine;
  print(receipt: Receipt): Promise<PrintResult>;
  /** Demo controls, present only on simulated devices. */
  demo?: DemoControls;
  close(): Promise<void>;
}

export interface DemoControls {
  /** Puts the next fixture card on the simulated reader (taking the previous one away first). */
  placeNextCard(): string;
  removeCard(): void;
  /** Toggles the simulated printer's paper between ok and out; returns the new state. */
  togglePaper(): 'ok' | 'out';
  readonly printer: PrinterSimulator;
  readonly reader: ReaderSimulator;
}

export interface DeviceSettings {
  reader: { port: string; baudRate?: number | undefined };
  printer: { port: string; baudRate?: number | undefined };
  paper: PaperWidth;
  /** Where a simulated printer drops each printed job (receipt-N.bin), for tests and demos. */
  printDir?: string;
  /** Fast polling for tests. */
  fast?: boolean;
}

let mockCounter = 0;

/** Opens the reader and printer; never throws for an absent device (it is reported offline and retried). */
export async function openKioskDevices(settings: DeviceSettings): Promise<KioskDevices> {
  const simReader = settings.reader.port === 'simulated';
  const simPrinter = settings.printer.port === 'simulated';
  const readerSim = new ReaderSimulator();
  const printerSim = new PrinterSimulator();
  const n = ++mockCounter;
  const readerPath = simReader ? `/dev/ttyKIOSKREADER${n}` : settings.reader.port;
  const printerPath = simPrinter ? `/dev/ttyKIOSKPRINTER${n}` : settings.printer.port;
  if (simReader) MockSerialBinding.createPort(readerPath, { maxReadSize: 256 });
  if (simPrinter) MockSerialBinding.createPort(printerPath, { maxReadSize: 64 });
  const quiet = () => {};
  const reader = new IdCardReader({
    path: readerPath,
    baudRate: settings.reader.baudRate,
    ...(simReader ? { ports: simulatedMockPorts((end) => readerSim.attach(end)) } : {}),
    pollIntervalMs: settings.fast ? 20 : 200,
    logger: quiet,
  });
  const printer = new ReceiptPrinter({
    path: printerPath,
    baudRate: settings.printer.baudRate ?? 9600,
    ...(simPrinter ? { ports: simulatedMockPorts((end) => printerSim.attach(end)) } : {}),
    statusPollMs: settings.fast ? 200 : 3000,
    statusTimeoutMs: 300,
    layout: { paper: settings.paper },
  });
  await Promise.all([reader.start(), printer.start()]);

  const statusListeners = new Set<(l: DeviceLine) => void>();
  const line = (): DeviceLine => ({ reader: reader.status, printer: printer.status });
  const notify = () => {
    for (const l of statusListeners) l(line());
  };
  reader.on('status', notify);
  printer.on('status', notify);

  let jobs = 0;
  const cards: CardFixture[] = simReader ? loadCardFixtures().filter((c) => c.expect === 'ok') : [];
  let nextCard = 0;

  const devices: KioskDevices = {
    onCard(listener) {
      reader.on('card', listener);
      return () => {
        reader.off('card', listener);
      };
    },
    onReadFailed(listener) {
      const l = (why: string) => listener(why);
      reader.on('readFailed', l);
      return () => {
        reader.off('readFailed', l);
      };
    },
    onCardTrouble(listener) {
      const refused = () => listener('refused');
      const unread = () => listener('unread');
      reader.on('cardRejected', refused).on('readFailed', unread);
      return () => {
        reader.off('cardRejected', refused).off('readFailed', unread);
      };
    },
    onStatus(listener) {
      statusListeners.add(listener);
      return () => {
        statusListeners.delete(listener);
      };
    },
    status: line,
    async print(receipt) {
      const before = printerSim.printed.length;
      const r = await printer.print(receipt);
      if (simPrinter && settings.printDir) {
        mkdirSync(settings.printDir, { recursive: true });
        jobs++;
        writeFileSync(join(settings.printDir, `receipt-${jobs}.bin`), printerSim.printed.subarray(before));
      }
      return r;
    },
    async close() {
      await Promise.allSettled([reader.close(), printer.close()]);
    },
  };
  if (simReader || simPrinter) {
    devices.demo = {
      reader: readerSim,
      printer: printerSim,
      placeNextCard() {
        const card = cards[nextCard % Math.max(cards.length, 1)];
        nextCard++;
        if (!card) return '';
        readerSim.remove();
        readerSim.place(card);
        return card.id;
      },
      removeCard: () => readerSim.remove(),
      togglePaper() {
        printerSim.paper = printerSim.paper === 'out' ? 'ok' : 'out';
        void printer.queryStatus();
        return printerSim.paper === 'out' ? 'out' : 'ok';
      },
    };
  }
  return devices;
}

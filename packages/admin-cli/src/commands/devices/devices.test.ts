/**
 * `tongban devices ...` as real processes: against simulators on socat pseudo-terminal pairs (the CLI opens one
 * end as a serial port, the simulator in this test process answers on the other), and with --simulate (the
 * serialport mock binding inside the CLI process).
 */
import {
  type DeviceEnd,
  loadCardFixtures,
  openDeviceEnd,
  PrinterSimulator,
  ReaderSimulator,
} from '@tongban/devices';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type PtyPair, ptyPair } from '../../../../devices/src/test-support/socat.js';
import { ensureBuilt, tongban, tongbanJson } from '../../test-support/cli.js';

const MASKED = /^\d{6}\*{8}[\dX]{4}$/;
const Card = z.object({
  kind: z.literal('card'),
  card: z.object({ name: z.string().min(1), idNumber: z.string().regex(MASKED) }).passthrough(),
  attempts: z.number().int().min(1),
  ms: z.number().min(0),
  port: z.string().min(1),
  simulated: z.boolean(),
});
const Printed = z.object({
  ok: z.literal(true),
  bytes: z.number().int().min(1),
  ms: z.number().min(0),
  port: z.string(),
  paper: z.union([z.literal(58), z.literal(80)]),
  simulated: z.boolean(),
  printedLines: z.array(z.string()).optional(),
});
const Device = z.object({ device: z.string(), path: z.string(), state: z.string() }).passthrough();
const Status = z.object({
  reader: Device.optional(),
  printer: Device.optional(),
  simulated: z.boolean(),
  online: z.boolean(),
});
const List = z.object({
  ports: z.array(z.object({ path: z.string(), source: z.enum(['udev', 'dev-scan']) }).passthrough()),
  note: z.string().optional(),
});

const cards = loadCardFixtures();
const okCard = cards.find((c) => c.expect === 'ok')!;

let readerPty: PtyPair;
let printerPty: PtyPair;
let readerEnd: DeviceEnd;
let printerEnd: DeviceEnd;
const reader = new ReaderSimulator();
const printer = new PrinterSimulator();

beforeAll(async () => {
  await ensureBuilt();
  readerPty = await ptyPair();
  printerPty = await ptyPair();
  readerEnd = await openDeviceEnd(readerPty.b);
  printerEnd = await openDeviceEnd(printerPty.b, 9600);
  reader.attach(readerEnd);
  printer.attach(printerEnd);
}, 300_000);

afterAll(async () => {
  await reader.close();
  await printer.close();
  await readerEnd?.close();
  await printerEnd?.close();
  await readerPty?.stop();
  await printerPty?.stop();
});

describe('tongban devices over socat pseudo-terminals', () => {
  it('read-card reads the placed card; the ID number is masked in JSON and in the table', async () => {
    reader.place(okCard);
    const run = await tongbanJson(['devices', 'read-card', '--port', readerPty.a, '--wait', '5000']);
    expect(run.code, run.stderr).toBe(0);
    const r = Card.parse(run.json);
    expect(r.card.name).toBe(okCard.fields['name']);
    expect(r.simulated).toBe(false);
    reader.place(okCard); // a card is read once per placement: put it on the reader again
    const human = await tongban(['devices', 'read-card', '--port', readerPty.a, '--wait', '5000']);
    expect(human.code).toBe(0);
    expect(human.stdout).toContain(okCard.fields['name']);
    expect(human.stdout).toMatch(/\d{6}\*{8}[\dX]{4}/);
    expect(human.stdout).not.toContain(okCard.fields['idNumber']!);
    reader.remove();
  }, 60_000);

  it('read-card without a card exits 4 and says how to mend', async () => {
    reader.remove();
    const run = await tongban(['devices', 'read-card', '--port', readerPty.a, '--wait', '400']);
    expect(run.code).toBe(4);
    expect(run.stderr).toContain('No card on the reader');
    expect(run.stderr).toContain('mend:');
  }, 60_000);

  it('print-test prints the test page the printer decodes back', async () => {
    printer.clear();
    const run = await tongbanJson(['devices', 'print-test', '--port', printerPty.a, '--paper', '58']);
    expect(run.code, run.stderr).toBe(0);
    expect(Printed.parse(run.json).paper).toBe(58);
    await new Promise((r) => setTimeout(r, 200));
    expect(printer.decode().lines.join('\n')).toContain('打印测试');
    expect(printer.decode().cuts.length).toBeGreaterThan(0);
  }, 60_000);

  it('print-test on a printer without paper exits 3 with the reason', async () => {
    printer.paper = 'out';
    try {
      const run = await tongbanJson(['devices', 'print-test', '--port', printerPty.a]);
      expect(run.code).toBe(3);
      expect(run.json).toMatchObject({ ok: false, reason: 'paperOut' });
    } finally {
      printer.paper = 'ok';
    }
  }, 60_000);

  it('status asks both devices: online, exit 0; a missing printer is offline, exit 3', async () => {
    const run = await tongbanJson(['devices', 'status', '--reader', readerPty.a, '--printer', printerPty.a]);
    expect(run.code, run.stderr).toBe(0);
    const s = Status.parse(run.json);
    expect(s.online).toBe(true);
    expect(s.reader?.state).toBe('online');
    expect(s.printer?.state).toBe('online');
    const missing = await tongbanJson(['devices', 'status', '--printer', '/dev/ttyNOPE0']);
    expect(missing.code).toBe(3);
    expect(Status.parse(missing.json).printer?.state).toBe('offline');
  }, 60_000);
});

describe('tongban devices --simulate and usage', () => {
  it('read-card, print-test and status work against the built-in simulators', async () => {
    const card = await tongbanJson(['devices', 'read-card', '--simulate']);
    expect(card.code, card.stderr).toBe(0);
    expect(Card.parse(card.json).simulated).toBe(true);
    const printed = await tongbanJson(['devices', 'print-test', '--simulate']);
    expect(printed.code, printed.stderr).toBe(0);
    expect(Printed.parse(printed.json).printedLines).toContain('打印测试');
    const status = await tongbanJson(['devices', 'status', '--simulate']);
    expect(status.code, status.stderr).toBe(0);
    expect(Status.parse(status.json).online).toBe(true);
  }, 60_000);

  it('list gives the ports as JSON (a /dev scan without udev)', async () => {
    const run = await tongbanJson(['devices', 'list']);
    expect(run.code).toBe(0);
    List.parse(run.json);
  }, 60_000);

  it('a command without its port is a usage error (exit 1); --port and --simulate exclude each other', async () => {
    const run = await tongban(['devices', 'read-card']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('--port');
    const both = await tongban(['devices', 'print-test', '--port', '/dev/ttyUSB9', '--simulate']);
    expect(both.code).toBe(1);
  }, 60_000);
});

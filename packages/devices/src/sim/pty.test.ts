/**
 * Integration over a real tty: a socat pseudo-terminal pair, the driver on one end and the simulator on the other
 * (socat comes from Debian's packages; .ci/run installs it).
 */
import { once } from 'node:events';
import type { IdentityCard } from '@tongban/core/identity';
import { createReceipt } from '@tongban/core/receipts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReceiptPrinter } from '../printer/printer.js';
import type { Discard } from '../reader/frame-parser.js';
import { IdCardReader } from '../reader/reader.js';
import { type PtyPair, ptyPair } from '../test-support/socat.js';
import { deviceStatus, printTest, readCard } from '../tools/commands.js';
import { listPorts } from '../tools/list-ports.js';
import { loadCardFixtures } from './card-fixtures.js';
import { type DeviceEnd, openDeviceEnd } from './device-end.js';
import { PrinterSimulator } from './printer-sim.js';
import { ReaderSimulator } from './reader-sim.js';

const cards = loadCardFixtures();
const card = (id: string) => cards.find((c) => c.id === id)!;
const within = (ms: number) => ({ signal: AbortSignal.timeout(ms) });

describe('ID-card reader over a socat pseudo-terminal pair at 115200 baud', () => {
  let pty: PtyPair;
  let end: DeviceEnd;
  const sim = new ReaderSimulator();
  let reader: IdCardReader;
  const logs: string[] = [];

  beforeAll(async () => {
    pty = await ptyPair();
    end = await openDeviceEnd(pty.b);
    sim.attach(end);
    reader = new IdCardReader({
      path: pty.a,
      pollIntervalMs: 20,
      reconnectMs: 50,
      logger: (l, m) => logs.push(`${l} ${m}`),
    });
    await reader.claim();
  });

  afterAll(async () => {
    await reader.close();
    await sim.close();
    await pty.stop();
  });

  it('reads a placed card once', async () => {
    const got: IdentityCard[] = [];
    reader.on('card', (c) => got.push(c));
    sim.place(card('ayguli'));
    await once(reader, 'card', within(3000));
    await new Promise((r) => setTimeout(r, 150));
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({
      name: '阿依古丽·买买提',
      nation: '维吾尔',
      idNumber: '65010219920304002X',
    });
    reader.removeAllListeners('card');
    sim.remove();
    await once(reader, 'cardRemoved', within(3000));
  });

  it('discards a garbled answer, logs why, and reads the card on the retry', async () => {
    const discards: Discard[] = [];
    reader.on('discard', (d) => discards.push(d));
    sim.inject('garble', 'noise');
    sim.place(card('jin-zhe'));
    const [c, info] = (await once(reader, 'card', within(5000))) as [IdentityCard, { attempts: number }];
    expect(c).toMatchObject({ name: '金哲', nation: '朝鲜' });
    expect(info.attempts).toBe(4); // garbled, noisy, then two reads that agree
    expect(discards.map((d) => d.reason)).toEqual(expect.arrayContaining(['checksum', 'noise']));
    expect(logs.join('\n')).toMatch(/read attempt 1: no valid answer/);
    sim.remove();
    await once(reader, 'cardRemoved', within(3000));
  });

  it('reopens the reader after it is unplugged and plugged back in, without a restart', async () => {
    const offline = new Promise<void>((r) => reader.on('status', (s) => s.state === 'offline' && r()));
    await pty.stop(); // the USB-serial adapter is pulled out
    await offline;
    expect(reader.status).toMatchObject({ state: 'offline', detail: 'port disconnected' });
    await new Promise((r) => setTimeout(r, 200)); // a few failed reopen attempts
    // listening before the port is back: the reader may reopen before the simulator's end is attached again
    const up = (s: typeof reader.status) => s.lifecycle === 'claimed' && s.state === 'online';
    const online = new Promise<void>((r) => reader.on('status', (s) => up(s) && r()));
    await pty.restart(); // plugged back in
    end = await openDeviceEnd(pty.b);
    sim.attach(end);
    if (!up(reader.status)) await online;
    sim.place(card('zhang-wei'));
    const [c] = (await once(reader, 'card', within(3000))) as [IdentityCard];
    expect(c.name).toBe('张伟');
    expect(logs.join('\n')).toContain('reopened');
  });
});

describe('receipt printer over a socat pseudo-terminal pair', () => {
  it('prints a receipt and the simulator decodes text, QR and cut; paper out half-way is a failure', async () => {
    const pty = await ptyPair();
    const sim = new PrinterSimulator().attach(await openDeviceEnd(pty.b, 9600));
    const printer = new ReceiptPrinter({ path: pty.a, baudRate: 9600, layout: { paper: 80 } });
    try {
      await printer.open();
      const receipt = createReceipt({
        kind: 'acceptance',
        hall: '安阳市政务服务中心',
        applicationNumber: 'AY2025031400017',
        itemName: '不动产登记资料查询',
        applicant: { name: '张伟', idNumber: '110105198507120036' },
        at: '2025-03-14T02:00:00Z',
        promisedDays: 0,
      });
      expect((await printer.print(receipt)).ok).toBe(true);
      const paper = sim.decode();
      expect(paper.lines).toContain('受理回执');
      expect(paper.lines.join('\n')).toContain('110105********0036');
      expect(paper.qr).toEqual(['AY2025031400017']);
      expect(paper.cuts).toEqual(['partial']);
      sim.clear();
      sim.paperOutAfterBytes = 200;
      expect(await printer.print(receipt)).toMatchObject({ ok: false, reason: 'paperOut' });
    } finally {
      await printer.close();
      await sim.close();
      await pty.stop();
    }
  });
});

describe('device scripts (logic of `devices read-card`, `print-test`, `status`, `list`)', () => {
  it('read-card, print-test and status over pseudo-terminals; list never crashes', async () => {
    const r = await ptyPair();
    const p = await ptyPair();
    const readerSim = new ReaderSimulator().attach(await openDeviceEnd(r.b));
    const printerSim = new PrinterSimulator().attach(await openDeviceEnd(p.b, 9600));
    try {
      readerSim.place(card('wang-xiuying'));
      const read = await readCard({ port: r.a, waitMs: 2000 });
      expect(read).toMatchObject({ kind: 'card', card: { name: '王秀英', idNumber: '230103********0045' } });
      expect(await printTest({ port: p.a, paper: 58 })).toMatchObject({ ok: true });
      expect(printerSim.decode().lines).toContain('打印测试');
      printerSim.paper = 'nearEnd';
      const status = await deviceStatus({ reader: r.a, printer: p.a });
      expect(status.reader).toMatchObject({ state: 'online', sam: '操作成功' });
      expect(status.printer).toMatchObject({ state: 'online', paper: 'nearEnd' });
      readerSim.silent = true;
      expect((await deviceStatus({ reader: r.a })).reader).toMatchObject({ state: 'offline' });
      const missing = await deviceStatus({ printer: '/dev/does-not-exist' });
      expect(missing.printer?.state).toBe('offline');
      const list = await listPorts();
      expect(Array.isArray(list.ports)).toBe(true);
    } finally {
      await readerSim.close();
      await printerSim.close();
      await r.stop();
      await p.stop();
    }
  });
});

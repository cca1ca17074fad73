import { once } from 'node:events';
import { createReceipt } from '@tongban/core/receipts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MockSerialBinding, simulatedMockPorts } from '../sim/device-end.js';
import { PrinterSimulator } from '../sim/printer-sim.js';
import { renderReceipt } from './layout.js';
import { ReceiptPrinter } from './printer.js';

const PATH = '/dev/ttyMOCKPRINTER';
const receipt = createReceipt({
  kind: 'proxyReceipt',
  hall: '哈尔滨市南岗区政务服务中心',
  applicationNumber: 'HRB-20250314-0042',
  itemName: '异地代收：退休人员养老金资格认证',
  applicant: { name: '王秀英', idNumber: '230103194801010045' },
  at: '2025-03-14T01:00:00Z',
});

let sim: PrinterSimulator;
let printer: ReceiptPrinter;

beforeEach(() => {
  MockSerialBinding.reset();
  MockSerialBinding.createPort(PATH, { maxReadSize: 16 });
  sim = new PrinterSimulator();
  printer = new ReceiptPrinter({
    path: PATH,
    ports: simulatedMockPorts((end) => sim.attach(end)),
    statusTimeoutMs: 100,
    statusPollMs: 30,
    chunkSize: 256,
    layout: { paper: 58 },
  });
});

afterEach(async () => {
  await printer.close();
});

describe('receipt printer over the mock binding', () => {
  it('prints a receipt: the simulated paper shows its text, QR and cut', async () => {
    await printer.open();
    const r = await printer.print(receipt);
    expect(r.ok).toBe(true);
    const paper = sim.decode();
    expect(paper.lines).toContain('代收凭证');
    expect(paper.lines.join('\n')).toContain('230103********0045');
    expect(paper.qr).toEqual(['HRB-20250314-0042']);
    expect(paper.cuts).toEqual(['partial']);
    // status requests never reach the paper
    expect(paper.statusRequests).toEqual([]);
    expect(printer.status).toMatchObject({ state: 'online', paper: 'ok', coverOpen: false });
  });

  it('refuses to start with the paper out or the cover open, and says why', async () => {
    await printer.open();
    sim.paper = 'out';
    expect(await printer.print(receipt)).toMatchObject({
      ok: false,
      reason: 'paperOut',
      bytesSent: 0,
      message: '打印机缺纸',
    });
    expect(printer.status).toMatchObject({ state: 'offline', paper: 'out' });
    sim.paper = 'ok';
    sim.coverOpen = true;
    expect(await printer.print(receipt)).toMatchObject({ ok: false, reason: 'coverOpen' });
    expect(sim.printed).toHaveLength(0);
  });

  it('reports a print that runs out of paper half-way as failed, never as printed', async () => {
    await printer.open();
    sim.paperOutAfterBytes = 100;
    const failed = once(printer, 'printFailed');
    const r = await printer.print(receipt);
    expect(r).toMatchObject({ ok: false, reason: 'paperOut' });
    if (!r.ok) expect(r.bytesSent).toBeLessThan(renderReceipt(receipt, { paper: 58 }).length);
    expect(sim.printed.length).toBe(100);
    await failed;
    expect(sim.decode().cuts).toEqual([]);
  });

  it('reports near-end paper and a printer that does not answer', async () => {
    await printer.claim();
    sim.paper = 'nearEnd';
    await new Promise<void>((r) => printer.on('status', (s) => s.paper === 'nearEnd' && r()));
    expect(printer.status.detail).toBe('纸将尽');
    expect((await printer.print(receipt)).ok).toBe(true);
    sim.silent = true;
    expect(await printer.print(receipt)).toMatchObject({ ok: false, reason: 'noAnswer' });
    expect(printer.status.state).toBe('offline');
  });

  it('a port that closes mid-write fails that print with a clear status; the next print and close() work (issue 25)', async () => {
    await printer.open();
    sim.unplugAfterBytes = 300; // the printer vanishes part-way through the job
    const failed = await printer.print(receipt);
    expect(failed).toMatchObject({ ok: false, reason: 'portGone', message: '打印机连接中断' });
    if (!failed.ok) expect(failed.bytesSent).toBeLessThan(renderReceipt(receipt, { paper: 58 }).length);
    expect(printer.status).toMatchObject({ state: 'offline' });
    // the printer comes back (the mock port can be opened again): the driver reopens it and the next print works
    if (printer.status.lifecycle !== 'open')
      await new Promise<void>((r) => printer.on('status', (s) => s.lifecycle === 'open' && r()));
    sim.clear();
    expect(await printer.print(receipt)).toMatchObject({ ok: true });
    expect(sim.decode().cuts).toEqual(['partial']);
  });

  it('a write that never completes times out: the print fails, the next print answers at once, close() returns', async () => {
    printer = new ReceiptPrinter({
      path: PATH,
      ports: simulatedMockPorts((end) => sim.attach(end)),
      statusTimeoutMs: 100,
      chunkSize: 256,
      writeTimeoutMs: 200,
      reconnectMs: 60_000, // stays away for this test
      layout: { paper: 58 },
    });
    await printer.open();
    sim.stallAfterBytes = 300;
    expect(await printer.print(receipt)).toMatchObject({ ok: false, reason: 'writeTimeout' });
    expect(printer.status).toMatchObject({ state: 'offline', detail: 'port not accepting data' });
    expect(await printer.print(receipt)).toMatchObject({ ok: false, reason: 'portGone' });
    await printer.close();
    expect(printer.status.lifecycle).toBe('closed');
  });
});

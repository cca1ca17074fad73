import { once } from 'node:events';
import type { IdentityCard } from '@tongban/core/identity';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeviceStatus } from '../model/index.js';
import { loadCardFixtures } from '../sim/card-fixtures.js';
import { MockSerialBinding as MockBinding, simulatedMockPorts } from '../sim/device-end.js';
import { ReaderSimulator } from '../sim/reader-sim.js';
import type { Discard } from './frame-parser.js';
import { IdCardReader } from './reader.js';
import type { CardProblem } from './text-block.js';

const cards = loadCardFixtures();
const card = (id: string) => cards.find((c) => c.id === id)!;
const PATH = '/dev/ttyMOCKREADER';

let sim: ReaderSimulator;
let reader: IdCardReader;
let logs: string[];

beforeEach(() => {
  MockBinding.reset();
  // a small read size splits every answer into 64-byte pieces, as a USB-serial adapter does
  MockBinding.createPort(PATH, { maxReadSize: 64 });
  sim = new ReaderSimulator();
  logs = [];
  reader = new IdCardReader({
    path: PATH,
    ports: simulatedMockPorts((end) => sim.attach(end)),
    pollIntervalMs: 10,
    answerTimeoutMs: 80,
    readTimeoutMs: 150,
    logger: (level, m) => logs.push(`${level} ${m}`),
  });
});

afterEach(async () => {
  await reader.close();
});

const within = (ms: number) => ({ signal: AbortSignal.timeout(ms) });

describe('reader loop over the mock binding (seed 001 4.1.2: 7x24 self-service zone identifies applicants by ID card)', () => {
  it('emits one card per placement and does not read a card left on the reader twice', async () => {
    const got: IdentityCard[] = [];
    reader.on('card', (c) => got.push(c));
    await reader.claim();
    sim.place(card('zhang-wei'));
    await once(reader, 'card', within(2000));
    await new Promise((r) => setTimeout(r, 200)); // ~15 more polls with the card still there
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({ kind: 'residentId', name: '张伟', idNumber: '110105198507120036' });
    expect(reader.status.card).toBe('present');
    sim.remove();
    await once(reader, 'cardRemoved', within(2000));
    expect(reader.status.card).toBe('notPresent');
    sim.place(card('zhang-wei'));
    await once(reader, 'card', within(2000));
    expect(got).toHaveLength(2);
    // logs carry the masked number only
    expect(logs.join('\n')).toContain('110105********0036');
    expect(logs.join('\n')).not.toContain('110105198507120036');
  });

  it('discards a garbled and a truncated answer with logged reasons, then reads the card on retry', async () => {
    const discards: Discard[] = [];
    reader.on('discard', (d) => discards.push(d));
    await reader.claim();
    sim.inject('garble', 'truncate');
    sim.place(card('chen-jiaming-permit'));
    const [c, info] = (await once(reader, 'card', within(3000))) as [IdentityCard, { attempts: number }];
    expect(c).toMatchObject({ kind: 'residencePermit', passNumber: 'H12345678' });
    // garbled, truncated, then two reads that agree (a card is accepted when two reads agree: issue 25)
    expect(info.attempts).toBe(4);
    expect(discards.map((d) => d.reason)).toContain('checksum');
    expect(discards.map((d) => d.reason)).toContain('truncated');
    // one discard (one log line) per burst: the garbled answer's checksum and noise pieces come as one
    expect(discards).toHaveLength(2);
    expect(logs.some((l) => /read attempt 1: no valid answer \(.*checksum/.test(l))).toBe(true);
  });

  it('reports a card with a wrong check digit as rejected, never as a card', async () => {
    const cardsSeen: IdentityCard[] = [];
    reader.on('card', (c) => cardsSeen.push(c));
    await reader.claim();
    sim.place(card('li-na-bad-check'));
    const [problem] = (await once(reader, 'cardRejected', within(2000))) as [CardProblem];
    expect(problem.code).toBe('badIdNumber');
    expect(cardsSeen).toEqual([]);
  });

  it('reports an unsupported card type by name', async () => {
    await reader.claim();
    sim.place(card('unknown-type-x'));
    const [problem] = (await once(reader, 'cardRejected', within(2000))) as [CardProblem];
    expect(problem).toMatchObject({ code: 'unsupportedCardType', cardType: "type marker 'X'" });
  });

  it('goes offline when the reader falls silent and back online when it answers again', async () => {
    const states: DeviceStatus['state'][] = [];
    reader.on('status', (s) => states.push(s.state));
    await reader.claim();
    sim.silent = true;
    await new Promise<void>((r) => reader.on('status', (s) => s.state === 'offline' && r()));
    expect(reader.status.detail).toBe('reader not answering');
    sim.silent = false;
    await new Promise<void>((r) => reader.on('status', (s) => s.state === 'online' && r()));
    sim.place(card('wang-xiuying'));
    const [c] = (await once(reader, 'card', within(2000))) as [IdentityCard];
    expect(c.validTo).toBe('长期');
    expect(states).toContain('offline');
  });

  it('answers SAM status and reads once on demand', async () => {
    await reader.open();
    expect(await reader.sam('samStatus')).toMatchObject({ status: 'success' });
    expect(await reader.readOnce()).toMatchObject({ kind: 'noCard' });
    sim.place(card('mark-thompson-2023'));
    expect(await reader.readOnce()).toMatchObject({
      kind: 'card',
      card: { version: 2023, nationality: 'CAN' },
    });
    expect(sim.received).toEqual([
      'samStatus',
      'findCard',
      'findCard',
      'selectCard',
      'readTextPhoto',
      'readTextPhoto',
    ]);
  });

  it('tolerates a slow reader within the timeout', async () => {
    sim.delayMs = 40;
    await reader.claim();
    sim.place(card('anna-smith-2017'));
    const [c] = (await once(reader, 'card', within(3000))) as [IdentityCard];
    expect(c).toMatchObject({ kind: 'foreignPermanentResident', version: 2017 });
  });
});

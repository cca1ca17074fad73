import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WorkCalendar } from '@tongban/core/calendar';
import { loadCase, performStep, submitCase } from '@tongban/core/cases';
import { testItem } from '@tongban/core/cases/testing';
import type { Store } from '@tongban/core/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLowdbStore } from '../lowdb/index.js';
import { CentralUnreachableError, OfflineFirstStore } from './offline-store.js';
import { Outbox } from './outbox.js';
import { isUnreachable } from './unreachable.js';

const calendar = WorkCalendar.default();
const ITEM = testItem({
  materials: [
    { name: '身份证', kind: 'key' },
    { name: '经营场所证明', kind: 'key' },
  ],
  modes: ['window', 'online'],
  bundles: [],
});
const applicant = { idNumber: '230102199001011234', name: '张三', phone: '13800000000' };

/**
 * The link to the central store as the kiosk sees it: a real lowdb store behind a switch that, when down, fails
 * every call the way node's socket layer does (ECONNREFUSED). The real PostgreSQL fault test is in
 * store/postgres; this one pins the outbox rules.
 */
function link(central: Store) {
  const state = { up: true };
  const refused = () =>
    Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
  const proxy = new Proxy(central, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => (state.up ? value.apply(target, args) : Promise.reject(refused()));
    },
  });
  return { state, store: proxy as Store };
}

let dir: string;
let central: Store;
let net: ReturnType<typeof link>;
let kiosk: OfflineFirstStore;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tongban-sync-'));
  central = await openLowdbStore({ dir: join(dir, 'central'), durable: false });
  await central.publish({ items: [ITEM], publishedBy: 'admin', message: 'v1' });
  net = link(central);
  kiosk = new OfflineFirstStore({
    central: net.store,
    outbox: new Outbox(join(dir, 'outbox'), 'K1'),
    calendar,
  });
  await kiosk.catalogue(); // the kiosk reads it at start: cached for the offline hours
});
afterEach(async () => {
  await central.close();
  rmSync(dir, { recursive: true, force: true });
});

const submit = (store: Store, at: string) =>
  submitCase(store, calendar, undefined, {
    item: ITEM.itemCode,
    mode: 'window',
    applicant,
    submitted: ['身份证', '经营场所证明'],
    unit: 'window',
    actor: 'kiosk-K1',
    site: 'K1',
    at,
  });

describe('offline kiosk store (seed 003 一: 全时在线)', () => {
  it('classifies connection failures, not refusals, as unreachable', () => {
    expect(isUnreachable(Object.assign(new Error('x'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isUnreachable(Object.assign(new Error('terminating connection'), { code: '57P01' }))).toBe(true);
    expect(isUnreachable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isUnreachable(Object.assign(new Error('dup'), { code: '23505' }))).toBe(false);
    expect(isUnreachable(new Error('bad event'))).toBe(false);
  });

  it('writes straight to the central store while the link is up', async () => {
    const c = await submit(kiosk, '2026-11-23T01:00:00Z');
    expect((await central.events(c.id)).length).toBe(1);
    expect(kiosk.isPending(c.id)).toBe(false);
    expect(kiosk.connectivity()).toBe('online');
  });

  it('queues a submission while the link is down, answers progress from the outbox, then pushes once', async () => {
    net.state.up = false;
    const c = await submit(kiosk, '2026-11-23T01:00:00Z');
    expect(kiosk.connectivity()).toBe('offline');
    expect(kiosk.isPending(c.id)).toBe(true);
    expect((await loadCase(kiosk, calendar, c.id)).state).toBe(c.state);
    expect((await kiosk.findCases({ applicantId: applicant.idNumber })).map((s) => s.caseId)).toEqual([c.id]);
    // A fresh kiosk process over the same outbox sees the same (it was written to disk before the receipt).
    const again = new OfflineFirstStore({
      central: net.store,
      outbox: new Outbox(join(dir, 'outbox')),
      calendar,
    });
    expect(again.isPending(c.id)).toBe(true);
    expect((await again.catalogue())?.version).toBe(1);
    expect((await kiosk.sync()).reachable).toBe(false);
    expect(kiosk.outbox.status().pending).toBe(1);

    net.state.up = true;
    const report = await kiosk.sync();
    expect(report).toMatchObject({ pushed: 1, appended: 1, remaining: 0, reachable: true });
    expect((await central.events(c.id)).map((e) => e.id)).toEqual(
      (await kiosk.events(c.id)).map((e) => e.id),
    );
    expect(kiosk.isPending(c.id)).toBe(false);
    // The kiosk told the centre what it holds, for `tongban sync status` anywhere.
    expect(await central.getRecord('sync', 'K1')).toMatchObject({ pending: 0, pushedTotal: 1 });
  });

  it('stores each event once when a push is repeated after an interruption', async () => {
    net.state.up = false;
    const c = await submit(kiosk, '2026-11-23T01:00:00Z');
    const [entry] = kiosk.outbox.entries();
    // The push reached the central store but the kiosk died before removing the entry.
    net.state.up = true;
    await central.append(c.id, entry!.events, entry!.summary, { expectedLength: 0 });
    const report = await kiosk.sync();
    expect(report).toMatchObject({ pushed: 1, appended: 0, remaining: 0 });
    expect((await central.events(c.id)).length).toBe(1);
  });

  it('keeps later steps of a queued case behind it, in order', async () => {
    net.state.up = false;
    const c = await submit(kiosk, '2026-11-23T01:00:00Z');
    await performStep(kiosk, calendar, c.id, {
      type: 'withdraw',
      unit: 'applicant',
      actor: 'kiosk-K1',
      at: '2026-11-23T01:05:00Z',
      payload: { reason: '申请人撤回' },
    });
    expect(kiosk.outbox.entries().map((e) => e.events[0]?.type)).toEqual(['submit', 'withdraw']);
    net.state.up = true;
    await kiosk.sync();
    expect((await central.events(c.id)).map((e) => e.type)).toEqual(['submit', 'withdraw']);
    expect((await central.summary(c.id))?.state).toBe((await loadCase(central, calendar, c.id)).state);
  });

  it('refuses, with a clear error, a step on a central case it cannot see while offline', async () => {
    const c = await submit(kiosk, '2026-11-23T01:00:00Z');
    net.state.up = false;
    await expect(loadCase(kiosk, calendar, c.id)).rejects.toBeInstanceOf(CentralUnreachableError);
    await expect(kiosk.listRecords('appointments')).rejects.toThrow(/cannot be reached now/);
    expect(kiosk.outbox.status().pending).toBe(0);
  });
});

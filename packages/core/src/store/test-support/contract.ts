import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ServiceItem } from '../../catalogue/service-item.js';
import { TongbanError } from '../../errors/tongban-error.js';
import { StoreConflictError } from '../errors.js';
import type { CaseQuery, CaseSummary, Store, StoredRecord } from '../store.js';
import { event, events, summary } from './builders.js';

/** What an adapter hands the suite: a fresh, empty store; a way to open it again; a way to throw it away. */
export interface StoreFixture {
  store: Store;
  /** Open the same data again as a new store object (another process would). */
  reopen: () => Promise<Store>;
  cleanup: () => Promise<void>;
}

const item = (code: string, name: string) => ({ itemCode: code, mainName: name }) as unknown as ServiceItem;

interface Counter extends StoredRecord {
  value: number;
}

async function rejects(p: Promise<unknown>, code: string): Promise<TongbanError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err, `expected a TongbanError ${code}`).toBeInstanceOf(TongbanError);
  expect((err as TongbanError).code).toBe(code);
  return err as TongbanError;
}

/**
 * The Store contract (store.ts): every adapter (lowdb now, PostgreSQL later, issue 9) must pass this suite.
 * Call it from the adapter's test file: `describeStoreContract('lowdb', async () => ({ store, reopen, cleanup }))`.
 */
export function describeStoreContract(name: string, makeStore: () => Promise<StoreFixture>): void {
  describe(`Store contract: ${name}`, () => {
    let fx: StoreFixture;
    let store: Store;
    const extra: Store[] = [];
    beforeEach(async () => {
      fx = await makeStore();
      store = fx.store;
    });
    afterEach(async () => {
      for (const s of extra.splice(0)) await s.close();
      await store.close();
      await fx.cleanup();
    });
    const reopen = async () => {
      const s = await fx.reopen();
      extra.push(s);
      return s;
    };

    describe('catalogue (seed 000 4.2: dynamic management with an update record)', () => {
      it('keeps a draft apart from the published versions', async () => {
        expect(await store.getDraft()).toBeUndefined();
        expect(await store.catalogue()).toBeUndefined();
        await store.saveDraft([item('A1', '居民身份证换领')]);
        expect(await store.getDraft()).toEqual([item('A1', '居民身份证换领')]);
        expect(await store.catalogue()).toBeUndefined();
        await store.publish({
          items: [item('A1', '居民身份证换领')],
          publishedBy: 'admin',
          message: 'first',
        });
        await store.saveDraft([item('A2', '户口迁移')]);
        expect((await store.catalogue())?.items).toEqual([item('A1', '居民身份证换领')]);
        expect(await store.getDraft()).toEqual([item('A2', '户口迁移')]);
      });

      it('numbers versions 1, 2, ... with who, when and why, and never changes an old one', async () => {
        const v1 = await store.publish({
          items: [item('A1', 'one')],
          publishedBy: 'admin',
          message: 'initial list',
          at: '2025-01-02T03:04:05.000Z',
        });
        expect(v1).toMatchObject({ version: 1, publishedBy: 'admin', message: 'initial list' });
        expect(v1.publishedAt).toBe('2025-01-02T03:04:05.000Z');
        v1.items.push(item('X', 'mutated by caller'));
        const v2 = await store.publish({
          items: [item('A1', 'one'), item('A2', 'two')],
          publishedBy: 'li',
          message: 'add A2',
        });
        expect(v2.version).toBe(2);
        expect(Date.parse(v2.publishedAt)).not.toBeNaN();
        expect((await store.catalogue(1))?.items).toEqual([item('A1', 'one')]);
        expect((await store.catalogue())?.version).toBe(2);
        expect(await store.catalogue(3)).toBeUndefined();
        const infos = await store.versions();
        expect(infos.map((v) => [v.version, v.publishedBy, v.message, v.itemCount])).toEqual([
          [1, 'admin', 'initial list', 1],
          [2, 'li', 'add A2', 2],
        ]);
        expect(infos[0]).not.toHaveProperty('items');
      });

      it('refuses a version without who or why, and writes nothing', async () => {
        await rejects(store.publish({ items: [], publishedBy: ' ', message: 'x' }), 'STORE_INVALID');
        await rejects(store.publish({ items: [], publishedBy: 'admin', message: '' }), 'STORE_INVALID');
        expect(await store.versions()).toEqual([]);
      });
    });

    describe('cases', () => {
      it('appends events in order with the summary they were written with', async () => {
        const r1 = await store.append('C1', events('C1', 1, 2), summary('C1', 2));
        expect(r1).toEqual({ appended: 2, length: 2 });
        const r2 = await store.append(
          'C1',
          [event('C1', 3, 'accept')],
          summary('C1', 3, { state: 'accepted' }),
          {
            expectedLength: 2,
          },
        );
        expect(r2).toEqual({ appended: 1, length: 3 });
        expect((await store.events('C1')).map((e) => e.id)).toEqual(['C1#1', 'C1#2', 'C1#3']);
        expect(await store.summary('C1')).toEqual(summary('C1', 3, { state: 'accepted' }));
        expect(await store.events('nope')).toEqual([]);
        expect(await store.summary('nope')).toBeUndefined();
      });

      it('stores an event sent twice once (idempotent append by event id, e.g. a kiosk outbox pushed again)', async () => {
        await store.append('C1', events('C1', 1, 2), summary('C1', 2));
        expect(await store.append('C1', events('C1', 1, 2), summary('C1', 2), { expectedLength: 0 })).toEqual(
          {
            appended: 0,
            length: 2,
          },
        );
        const mixed = [event('C1', 2), event('C1', 3), event('C1', 3)];
        expect(await store.append('C1', mixed, summary('C1', 3))).toEqual({ appended: 1, length: 3 });
        expect((await store.events('C1')).map((e) => e.id)).toEqual(['C1#1', 'C1#2', 'C1#3']);
      });

      it('raises StoreConflictError naming the case and both lengths when the log moved on; nothing written', async () => {
        await store.append('C1', events('C1', 1, 2), summary('C1', 2));
        const err = await rejects(
          store.append('C1', [event('C1', 9)], summary('C1', 3, { state: 'approved' }), {
            expectedLength: 1,
          }),
          'STORE_CONFLICT',
        );
        expect(err).toBeInstanceOf(StoreConflictError);
        expect(err.where.caseId).toBe('C1');
        expect((err as StoreConflictError).expected).toBe(1);
        expect((err as StoreConflictError).actual).toBe(2);
        expect(err.message).toContain('C1');
        expect(await store.events('C1')).toHaveLength(2);
        expect((await store.summary('C1'))?.state).toBe('submitted');
        await rejects(
          store.append('C2', [event('C2', 1)], summary('C2', 1), { expectedLength: 3 }),
          'STORE_CONFLICT',
        );
        expect(await store.summary('C2')).toBeUndefined();
      });

      it('refuses a summary that does not match its events, or events of another case; nothing written', async () => {
        await rejects(store.append('C1', events('C1', 1, 2), summary('C1', 5)), 'STORE_INVALID');
        await rejects(store.append('C1', [event('C2', 1)], summary('C1', 1)), 'STORE_INVALID');
        await rejects(store.append('C1', [event('C1', 1)], summary('C9', 1)), 'STORE_INVALID');
        await rejects(
          store.append('C1', [{ ...event('C1', 1), unit: 'nobody' } as never], summary('C1', 1)),
          'STORE_INVALID',
        );
        expect(await store.events('C1')).toEqual([]);
        expect(await store.findCases({})).toEqual([]);
      });

      describe('findCases', () => {
        const day = (d: number) => `2025-03-${String(d).padStart(2, '0')}T02:00:00.000Z`;
        const cases: CaseSummary[] = [
          summary('K1', 1, {
            createdAt: day(1),
            state: 'submitted',
            waitingOn: 'window',
            units: ['applicant'],
          }),
          summary('K2', 1, {
            createdAt: day(2),
            state: 'accepted',
            waitingOn: 'department',
            units: ['window', 'department'],
            dueAt: day(10),
            applicantId: '440524188001010014',
            mode: 'proxyLocal',
            itemCode: 'ITEM-B',
          }),
          summary('K3', 1, {
            createdAt: day(3),
            state: 'accepted',
            waitingOn: 'localDepartment',
            units: ['remoteWindow', 'localDepartment'],
            dueAt: day(20),
            bundleId: 'B1',
            mode: 'proxyRemote',
          }),
          summary('K4', 1, {
            createdAt: day(4),
            state: 'archived',
            waitingOn: undefined,
            closedAt: day(5),
            dueAt: day(6),
            units: ['window', 'department'],
            bundleId: 'B1',
            applicantId: '440524188001010014',
          }),
        ];
        beforeEach(async () => {
          for (const s of [...cases].reverse()) await store.append(s.caseId, [event(s.caseId, 1)], s);
        });
        const ids = async (q: CaseQuery) => (await store.findCases(q)).map((s) => s.caseId);

        it('orders by creation and honours limit', async () => {
          expect(await ids({})).toEqual(['K1', 'K2', 'K3', 'K4']);
          expect(await ids({ limit: 2 })).toEqual(['K1', 'K2']);
          expect(await ids({ limit: 0 })).toEqual([]);
          expect(await store.findCases({ applicantId: '440524188001010014' })).toEqual([cases[1], cases[3]]);
        });
        it('filters by every field', async () => {
          expect(await ids({ applicantId: '440524188001010014' })).toEqual(['K2', 'K4']);
          expect(await ids({ state: 'accepted' })).toEqual(['K2', 'K3']);
          expect(await ids({ state: ['submitted', 'archived'] })).toEqual(['K1', 'K4']);
          expect(await ids({ mode: 'proxyRemote' })).toEqual(['K3']);
          expect(await ids({ itemCode: 'ITEM-B' })).toEqual(['K2']);
          expect(await ids({ unit: 'department' })).toEqual(['K2', 'K4']);
          expect(await ids({ waitingOn: 'localDepartment' })).toEqual(['K3']);
          expect(await ids({ bundleId: 'B1' })).toEqual(['K3', 'K4']);
          expect(await ids({ open: true })).toEqual(['K1', 'K2', 'K3']);
          expect(await ids({ open: false })).toEqual(['K4']);
          expect(await ids({ createdFrom: day(2), createdTo: day(4) })).toEqual(['K2', 'K3']);
          expect(await ids({ createdFrom: day(4) })).toEqual(['K4']);
          expect(await ids({ createdTo: day(2) })).toEqual(['K1']);
        });
        it('finds overdue open cases with dueBefore (closed and not-yet-accepted cases excluded)', async () => {
          expect(await ids({ dueBefore: day(15) })).toEqual(['K2']);
          expect(await ids({ dueBefore: day(10) })).toEqual([]);
          expect(await ids({ dueBefore: day(30) })).toEqual(['K2', 'K3']);
          expect(await ids({ dueBefore: day(30), unit: 'localDepartment', state: 'accepted' })).toEqual([
            'K3',
          ]);
        });
        it('follows the latest summary after an append', async () => {
          await store.append(
            'K2',
            [event('K2', 2, 'approve')],
            summary('K2', 2, { ...cases[1], length: 2, state: 'approved', closedAt: day(9) }),
          );
          expect(await ids({ state: 'accepted' })).toEqual(['K3']);
          expect(await ids({ open: false })).toEqual(['K2', 'K4']);
        });
        it('refuses a bad query', async () => {
          await rejects(store.findCases({ limit: -1 }), 'STORE_INVALID');
          await rejects(store.findCases({ dueBefore: 'tomorrow' }), 'STORE_INVALID');
        });
      });
    });

    describe('records', () => {
      it('counts revisions and refuses a stale expectedRevision with StoreConflictError', async () => {
        expect(await store.getRecord('complaints', 'T1')).toBeUndefined();
        const r1 = await store.putRecord(
          'complaints',
          { id: 'T1', status: 'received' },
          { expectedRevision: 0 },
        );
        expect(r1).toEqual({ id: 'T1', status: 'received', revision: 1 });
        const r2 = await store.putRecord(
          'complaints',
          { id: 'T1', status: 'investigating' },
          { expectedRevision: 1 },
        );
        expect(r2.revision).toBe(2);
        const err = await rejects(
          store.putRecord('complaints', { id: 'T1', status: 'resolved' }, { expectedRevision: 1 }),
          'STORE_CONFLICT',
        );
        expect(err.where).toMatchObject({ kind: 'complaints', id: 'T1' });
        await rejects(
          store.putRecord('complaints', { id: 'T9', status: 'x' }, { expectedRevision: 2 }),
          'STORE_CONFLICT',
        );
        expect(await store.getRecord('complaints', 'T1')).toEqual({
          id: 'T1',
          status: 'investigating',
          revision: 2,
        });
        expect(await store.getRecord('complaints', 'T9')).toBeUndefined();
        const r3 = await store.putRecord('complaints', { id: 'T1', status: 'resolved' });
        expect(r3.revision).toBe(3);
      });

      it('lists by kind with an equality filter, ordered by id, kinds kept apart', async () => {
        await store.putRecord('appointments', { id: 'b', day: '2025-03-03', slot: { from: '09:00' } });
        await store.putRecord('appointments', { id: 'a', day: '2025-03-03', slot: { from: '10:00' } });
        await store.putRecord('appointments', { id: 'c', day: '2025-03-04' });
        await store.putRecord('ratings', { id: 'a', score: 1 });
        expect((await store.listRecords('appointments')).map((r) => r.id)).toEqual(['a', 'b', 'c']);
        expect((await store.listRecords('appointments', { day: '2025-03-03' })).map((r) => r.id)).toEqual([
          'a',
          'b',
        ]);
        expect(
          (await store.listRecords('appointments', { slot: { from: '09:00' } })).map((r) => r.id),
        ).toEqual(['b']);
        expect(await store.listRecords('ratings')).toEqual([{ id: 'a', score: 1, revision: 1 }]);
        expect(await store.listRecords('tasks')).toEqual([]);
        const got = await store.getRecord<StoredRecord & { day: string }>('appointments', 'a');
        got!.day = 'changed by caller';
        expect((await store.getRecord<StoredRecord & { day: string }>('appointments', 'a'))?.day).toBe(
          '2025-03-03',
        );
      });

      it('refuses a record without an id', async () => {
        await rejects(store.putRecord('tasks', { id: '' }), 'STORE_INVALID');
        expect(await store.listRecords('tasks')).toEqual([]);
      });
    });

    describe('transact', () => {
      it('lets fn read its own writes, and commits them together', async () => {
        const out = await store.transact(async (tx) => {
          await tx.append('C1', [event('C1', 1)], summary('C1', 1));
          await tx.putRecord('tasks', { id: 't', n: 1 });
          await tx.publish({ items: [item('A1', 'x')], publishedBy: 'admin', message: 'm' });
          expect((await tx.events('C1')).map((e) => e.id)).toEqual(['C1#1']);
          expect((await tx.summary('C1'))?.length).toBe(1);
          expect((await tx.findCases({})).map((s) => s.caseId)).toEqual(['C1']);
          expect((await tx.getRecord('tasks', 't'))?.revision).toBe(1);
          expect((await tx.listRecords('tasks')).map((r) => r.id)).toEqual(['t']);
          expect((await tx.catalogue())?.version).toBe(1);
          expect(await tx.versions()).toHaveLength(1);
          return 'done';
        });
        expect(out).toBe('done');
        expect(await store.events('C1')).toHaveLength(1);
        expect((await store.getRecord('tasks', 't'))?.revision).toBe(1);
        expect((await store.catalogue())?.version).toBe(1);
      });

      it('changes nothing when fn throws', async () => {
        await store.append('C1', [event('C1', 1)], summary('C1', 1));
        await expect(
          store.transact(async (tx) => {
            await tx.append('C1', [event('C1', 2)], summary('C1', 2));
            await tx.putRecord('tasks', { id: 't', n: 1 });
            await tx.publish({ items: [], publishedBy: 'admin', message: 'm' });
            await tx.saveDraft([item('Z', 'z')]);
            throw new Error('boom');
          }),
        ).rejects.toThrow('boom');
        expect(await store.events('C1')).toHaveLength(1);
        expect((await store.summary('C1'))?.length).toBe(1);
        expect(await store.getRecord('tasks', 't')).toBeUndefined();
        expect(await store.versions()).toEqual([]);
        expect(await store.getDraft()).toBeUndefined();
      });

      it('hides uncommitted writes from readers outside, and serialises writers (no lost update)', async () => {
        let opened!: () => void;
        let proceed!: () => void;
        const inside = new Promise<void>((r) => {
          opened = r;
        });
        const gate = new Promise<void>((r) => {
          proceed = r;
        });
        const t = store.transact(async (tx) => {
          await tx.putRecord('tasks', { id: 'hidden' });
          opened();
          await gate;
        });
        await inside;
        expect(await store.getRecord('tasks', 'hidden')).toBeUndefined();
        proceed();
        await t;
        expect((await store.getRecord('tasks', 'hidden'))?.revision).toBe(1);

        const other = await reopen();
        const increment = (s: Store) =>
          s.transact(async (tx) => {
            const c = await tx.getRecord<Counter>('ledger', 'counter');
            await new Promise((r) => setTimeout(r, 1));
            await tx.putRecord<Counter>('ledger', { id: 'counter', value: (c?.value ?? 0) + 1 });
          });
        await Promise.all(Array.from({ length: 20 }, (_, i) => increment(i % 2 ? store : other)));
        expect((await store.getRecord<Counter>('ledger', 'counter'))?.value).toBe(20);
      });

      it('is re-entrant: store calls and nested transact inside fn run without waiting for the lock', async () => {
        await store.transact(async (tx) => {
          await store.putRecord('tasks', { id: 'outer-store' });
          await tx.transact(async (inner) => {
            await inner.putRecord('tasks', { id: 'nested' });
          });
          await store.transact(async (inner) => inner.putRecord('tasks', { id: 'nested-2' }));
          await tx
            .transact(async (inner) => {
              await inner.putRecord('tasks', { id: 'rolled-back' });
              throw new Error('inner');
            })
            .catch(() => undefined);
          expect((await tx.listRecords('tasks')).map((r) => r.id)).toEqual([
            'nested',
            'nested-2',
            'outer-store',
          ]);
        });
        expect((await store.listRecords('tasks')).map((r) => r.id)).toEqual([
          'nested',
          'nested-2',
          'outer-store',
        ]);
      });

      it('refuses a tx used after its function returned', async () => {
        let leaked: Store | undefined;
        await store.transact(async (tx) => {
          leaked = tx;
        });
        await expect(leaked!.putRecord('tasks', { id: 'late' })).rejects.toBeInstanceOf(TongbanError);
        expect(await store.getRecord('tasks', 'late')).toBeUndefined();
      });
    });

    it('keeps everything across a reopen', async () => {
      await store.saveDraft([item('D', 'draft')]);
      await store.publish({ items: [item('A1', 'x')], publishedBy: 'admin', message: 'm' });
      await store.append('C1', events('C1', 1, 3), summary('C1', 3, { state: 'accepted' }));
      await store.putRecord('ratings', { id: 'r', score: 5 });
      await store.close();
      store = await fx.reopen();
      expect(await store.getDraft()).toEqual([item('D', 'draft')]);
      expect((await store.catalogue())?.items).toEqual([item('A1', 'x')]);
      expect(await store.events('C1')).toHaveLength(3);
      expect((await store.findCases({ state: 'accepted' })).map((s) => s.caseId)).toEqual(['C1']);
      expect((await store.getRecord('ratings', 'r'))?.revision).toBe(1);
    });

    it('sees writes made through another store object on the same data (another process)', async () => {
      const other = await reopen();
      expect(await other.findCases({})).toEqual([]);
      expect(await other.listRecords('tasks')).toEqual([]);
      await store.append('C1', [event('C1', 1)], summary('C1', 1));
      await store.putRecord('tasks', { id: 't' });
      await store.publish({ items: [], publishedBy: 'admin', message: 'm' });
      expect((await other.findCases({})).map((s) => s.caseId)).toEqual(['C1']);
      expect(await other.listRecords('tasks')).toHaveLength(1);
      expect((await other.catalogue())?.version).toBe(1);
      await other.append('C1', [event('C1', 2)], summary('C1', 2, { state: 'accepted' }), {
        expectedLength: 1,
      });
      expect((await store.findCases({ state: 'accepted' })).map((s) => s.caseId)).toEqual(['C1']);
    });
  });
}

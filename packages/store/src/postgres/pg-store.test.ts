import { TongbanError } from '@tongban/core/errors';
import { StoreConflictError } from '@tongban/core/store';
import { describeStoreContract, event, summary } from '@tongban/core/store/test-support';
import { describe, expect, it } from 'vitest';
import { openStore } from '../open-store.js';
import { StoreUnavailableError } from './errors.js';
import { LATEST_SCHEMA, migrate, schemaStatus } from './migrations.js';
import { openPostgresStore, PostgresStore } from './pg-store.js';
import { freshStore, useSharedCluster } from './test-support/shared-cluster.js';

const cluster = useSharedCluster();

describeStoreContract('postgres', async () => {
  const { url, store } = await freshStore(await cluster());
  return {
    store,
    reopen: () => openPostgresStore({ url }),
    cleanup: async () => undefined,
  };
});

describe('postgres adapter', () => {
  it('two clients append to one case at once: one wins, the other gets a StoreConflictError naming the case (issue 9)', async () => {
    const { url, store: a } = await freshStore(await cluster());
    const b = await openPostgresStore({ url });
    try {
      await a.append(
        'HRB1-250314-C7K3Q-XMZ',
        [event('HRB1-250314-C7K3Q-XMZ', 1)],
        summary('HRB1-250314-C7K3Q-XMZ', 1),
      );
      const id = 'HRB1-250314-C7K3Q-XMZ';
      const results = await Promise.allSettled(
        Array.from({ length: 8 }, (_, i) =>
          (i % 2 ? a : b).append(id, [event(id, 10 + i, 'accept')], summary(id, 2, { state: 'accepted' }), {
            expectedLength: 1,
          }),
        ),
      );
      const won = results.filter((r) => r.status === 'fulfilled');
      const lost = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(7);
      for (const e of lost) {
        expect(e).toBeInstanceOf(StoreConflictError);
        expect(e.message).toContain(id);
        expect((e as StoreConflictError).expected).toBe(1);
        expect((e as StoreConflictError).actual).toBe(2);
      }
      expect(await a.events(id)).toHaveLength(2);
      expect((await b.summary(id))?.state).toBe('accepted');
      // The loser re-reads and retries: it goes through on the new length.
      await b.append(id, [event(id, 3, 'approve')], summary(id, 3, { state: 'approved' }), {
        expectedLength: 2,
      });
      expect((await a.events(id)).map((e) => e.id)).toHaveLength(3);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('the same events pushed by several clients at once are stored once (idempotent by event id)', async () => {
    const { url, store: a } = await freshStore(await cluster());
    const b = await openPostgresStore({ url });
    try {
      const evs = [event('K', 1), event('K', 2), event('K', 3)];
      const out = await Promise.all(
        Array.from({ length: 6 }, (_, i) => (i % 2 ? a : b).append('K', evs, summary('K', 3))),
      );
      expect(out.map((r) => r.appended).sort()).toEqual([0, 0, 0, 0, 0, 3]);
      expect((await a.events('K')).map((e) => e.id)).toEqual(['K#1', 'K#2', 'K#3']);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('the one-statement append with expectedLength: a stored event sent again at the current length writes nothing, not even the summary; the same step from several clients lands once', async () => {
    const { url, store: a } = await freshStore(await cluster());
    const b = await openPostgresStore({ url });
    try {
      const id = 'HRB1-250314-C7K3Q-XMZ';
      await a.append(id, [event(id, 1)], summary(id, 1), { expectedLength: 0 });
      await a.append(id, [event(id, 2)], summary(id, 2), { expectedLength: 1 });
      // #1 is stored at seq 1; the length (2) matches, so the summary update applies and the event insert collides.
      expect(
        await b.append(id, [event(id, 1)], summary(id, 3, { state: 'rejected' }), { expectedLength: 2 }),
      ).toEqual({ appended: 0, length: 2 });
      expect((await a.summary(id))?.state).toBe('submitted');
      expect((await a.summary(id))?.length).toBe(2);
      // The same step (same event id) pushed by six clients at once, each having folded length 2.
      const step = [event(id, 3, 'accept')];
      const out = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          (i % 2 ? a : b).append(id, step, summary(id, 3, { state: 'accepted' }), { expectedLength: 2 }),
        ),
      );
      expect(out.map((r) => r.appended).sort()).toEqual([0, 0, 0, 0, 0, 1]);
      expect(out.every((r) => r.length === 3)).toBe(true);
      expect((await b.events(id)).map((e) => e.id)).toEqual([`${id}#1`, `${id}#2`, `${id}#3`]);
      expect(await b.summary(id)).toMatchObject({ state: 'accepted', length: 3 });
      // Inside transact the same prepared statements run on the transaction's connection.
      await a.transact(async (tx) => {
        const log = await tx.events(id);
        await tx.append(id, [event(id, 4)], summary(id, 4), { expectedLength: log.length });
      });
      expect(await b.events(id)).toHaveLength(4);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('appends without expectedLength from two clients all land, in one order, numbered 1..n', async () => {
    const { url, store: a } = await freshStore(await cluster());
    const b = await openPostgresStore({ url });
    try {
      await a.append('S', [event('S', 0)], summary('S', 1));
      // Each writer re-reads the length before appending, like case-service performStep.
      const writer = async (s: typeof a, name: string) => {
        for (let i = 0; i < 15; i++) {
          for (;;) {
            const n = (await s.events('S')).length;
            try {
              await s.append('S', [{ ...event('S', 0), id: `${name}-${i}` }], summary('S', n + 1), {
                expectedLength: n,
              });
              break;
            } catch (e) {
              if (!(e instanceof StoreConflictError)) throw e;
            }
          }
        }
      };
      await Promise.all([writer(a, 'a'), writer(b, 'b'), writer(a, 'c')]);
      expect(await a.events('S')).toHaveLength(46);
      expect((await a.summary('S'))?.length).toBe(46);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('migrate is versioned, idempotent and safe to run from two processes at once', async () => {
    const pg = await cluster();
    const url = await pg.createDatabase();
    const store = await openPostgresStore({ url });
    try {
      const err = await store.findCases({}).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(TongbanError);
      expect((err as TongbanError).code).toBe('STORE_SCHEMA');
      expect((err as TongbanError).hint).toContain('tongban db migrate');
      const { default: pgmod } = await import('pg');
      const p1 = new pgmod.Pool({ connectionString: url });
      const p2 = new pgmod.Pool({ connectionString: url });
      const [r1, r2] = await Promise.all([migrate(p1), migrate(p2)]);
      expect([...r1, ...r2].sort()).toEqual([1]);
      expect(await migrate(p1)).toEqual([]);
      const status = await schemaStatus(p1);
      expect(status).toMatchObject({ current: LATEST_SCHEMA, latest: LATEST_SCHEMA, pending: [] });
      await p1.end();
      await p2.end();
      expect(await store.findCases({})).toEqual([]);
    } finally {
      await store.close();
    }
  });

  it('reports STORE_UNAVAILABLE while the server is down, and works again once it is back', async () => {
    const pg = await cluster();
    const { store } = await freshStore(pg);
    try {
      await store.append('U', [event('U', 1)], summary('U', 1));
      await pg.down();
      const err = await store.append('U', [event('U', 2)], summary('U', 2)).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(StoreUnavailableError);
      expect((err as TongbanError).code).toBe('STORE_UNAVAILABLE');
      const read = await store.summary('U').catch((e: unknown) => e);
      expect((read as TongbanError).code).toBe('STORE_UNAVAILABLE');
      await pg.up();
      await store.append('U', [event('U', 2)], summary('U', 2));
      expect(await store.events('U')).toHaveLength(2);
    } finally {
      await pg.up();
      await store.close();
    }
  });

  it('openStore opens the PostgreSQL store when TONGBAN_DATABASE_URL or databaseUrl is set', async () => {
    const { url, store } = await freshStore(await cluster());
    const byEnv = await openStore({ data: '/nonexistent/never-created', env: { TONGBAN_DATABASE_URL: url } });
    const byOption = await openStore({ databaseUrl: url, env: {} });
    try {
      expect(byEnv).toBeInstanceOf(PostgresStore);
      expect(byOption).toBeInstanceOf(PostgresStore);
      await byEnv.append('O1', [event('O1', 1)], summary('O1', 1));
      expect((await byOption.summary('O1'))?.length).toBe(1);
      expect((await store.findCases({})).map((c) => c.caseId)).toEqual(['O1']);
    } finally {
      await byEnv.close();
      await byOption.close();
      await store.close();
    }
  });

  it('refuses a URL that is not PostgreSQL, with the password masked', async () => {
    const err = await openPostgresStore({ url: 'mysql://u:secret@h/db' }).catch((e: unknown) => e);
    expect((err as TongbanError).code).toBe('STORE_URL');
    expect((err as Error).message).not.toContain('secret');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PgCluster, startPgCluster } from '../../../../store/src/postgres/test-support/pg-cluster.js';
import { ensureBuilt, tongban, tongbanJson } from '../../test-support/cli.js';

let pg: PgCluster;
beforeAll(async () => {
  await ensureBuilt();
  pg = await startPgCluster();
}, 300_000);
afterAll(async () => {
  await pg?.stop();
});

describe('tongban db (issue 9: schema migrations of the PostgreSQL store)', () => {
  it('status shows the pending migration (exit 3), migrate applies it once, status is then clean', async () => {
    const url = await pg.createDatabase();
    const before = await tongbanJson(['db', 'status', '--database-url', url]);
    expect(before.code).toBe(3);
    expect(before.json).toMatchObject({ current: 0, applied: [], pending: [{ version: 1 }] });

    const first = await tongban(['db', 'migrate'], { env: { TONGBAN_DATABASE_URL: url } });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Applied migration\(s\) 1; .* schema version 1/);
    const again = await tongbanJson(['db', 'migrate', '--database-url', url]);
    expect(again.json).toMatchObject({ applied: [], current: 1, latest: 1 });

    const after = await tongban(['db', 'status', '--database-url', url]);
    expect(after.code).toBe(0);
    expect(after.stdout).toContain('up to date');
    expect(after.stdout).toMatch(/1\s+catalogue, case events/);

    // Every command follows TONGBAN_DATABASE_URL: the CLI now works on the province store.
    const cases = await tongbanJson(['cases', 'list'], { env: { TONGBAN_DATABASE_URL: url } });
    expect(cases.code).toBe(0);
  });

  it('says what to do when no database is given, or it cannot be reached (password masked)', async () => {
    const none = await tongban(['db', 'migrate']);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('--database-url');
    const down = await tongban([
      'db',
      'status',
      '--database-url',
      'postgresql://tongban:s3cret@127.0.0.1:1/x',
    ]);
    expect(down.code).not.toBe(0);
    expect(down.stderr).toContain('STORE_UNAVAILABLE');
    expect(down.stderr).not.toContain('s3cret');
  });
});

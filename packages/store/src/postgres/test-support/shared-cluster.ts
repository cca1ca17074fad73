import { afterAll } from 'vitest';
import { openPostgresStore, type PostgresStore } from '../pg-store.js';
import { type PgCluster, startPgCluster } from './pg-cluster.js';

/**
 * One private cluster per test file, started on first use and stopped after the file's tests:
 *   const pg = useSharedCluster();  ...  const url = await (await pg()).createDatabase();
 */
export function useSharedCluster(): () => Promise<PgCluster> {
  let started: Promise<PgCluster> | undefined;
  afterAll(async () => {
    if (started) await (await started).stop();
  });
  return () => {
    started ??= startPgCluster();
    return started;
  };
}

/** A fresh, migrated database of the cluster and a store on it. */
export async function freshStore(cluster: PgCluster): Promise<{ url: string; store: PostgresStore }> {
  const url = await cluster.createDatabase();
  const store = await openPostgresStore({ url });
  await store.migrate();
  return { url, store };
}

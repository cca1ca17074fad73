import { resolve } from 'node:path';
import type { Store } from '@tongban/core/store';
import { openLowdbStore } from './lowdb/lowdb-store.js';

/** Where the data directory is when nobody says: `.tongban` in the working directory. */
export const DEFAULT_DATA_DIR = './.tongban';

/**
 * The data directory: the `data` argument (the CLI's `--data` flag), else the TONGBAN_DATA environment variable,
 * else `./.tongban`; resolved to an absolute path.
 */
export function resolveDataDir(data?: string, env: NodeJS.ProcessEnv = process.env): string {
  const chosen = data?.trim() || env.TONGBAN_DATA?.trim() || DEFAULT_DATA_DIR;
  return resolve(chosen);
}

export interface OpenStoreOptions {
  /** Data directory (flag); falls back to TONGBAN_DATA, then ./.tongban. */
  data?: string;
  env?: NodeJS.ProcessEnv;
  /** See LowdbStoreOptions.durable (default true). */
  durable?: boolean;
  /** PostgreSQL URL (the CLI's `--database-url`); falls back to TONGBAN_DATABASE_URL. When set, no data directory. */
  databaseUrl?: string;
}

/** The PostgreSQL URL chosen by option or TONGBAN_DATABASE_URL, if any (issue 9: one database for a province). */
export function resolveDatabaseUrl(
  databaseUrl?: string,
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  return databaseUrl?.trim() || env.TONGBAN_DATABASE_URL?.trim() || undefined;
}

/**
 * Open the store chosen by flag or environment: the PostgreSQL store when a database URL is given (databaseUrl or
 * TONGBAN_DATABASE_URL), else the embedded store of the data directory (the kiosk's and CLI's default).
 */
export async function openStore(options: OpenStoreOptions = {}): Promise<Store> {
  const url = resolveDatabaseUrl(options.databaseUrl, options.env);
  if (url) {
    // Loaded only here, so kiosks and CLIs on a data directory never load the pg driver.
    const { openPostgresStore } = await import('./postgres/pg-store.js');
    return openPostgresStore({ url });
  }
  return openLowdbStore({
    dir: resolveDataDir(options.data, options.env),
    ...(options.durable === undefined ? {} : { durable: options.durable }),
  });
}

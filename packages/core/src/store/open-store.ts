import { resolve } from 'node:path';
import { openLowdbStore } from './lowdb/lowdb-store.js';
import type { Store } from './store.js';

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
}

/** Open the embedded store of the data directory chosen by flag or environment (the kiosk's and CLI's default). */
export async function openStore(options: OpenStoreOptions = {}): Promise<Store> {
  return openLowdbStore({
    dir: resolveDataDir(options.data, options.env),
    ...(options.durable === undefined ? {} : { durable: options.durable }),
  });
}

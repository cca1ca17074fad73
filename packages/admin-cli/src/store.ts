import type { Store } from '@tongban/core/store';

/**
 * Opens the store of a data directory (`--data` / TONGBAN_DATA / ./.tongban): the embedded lowdb adapter of @tongban/store.
 * Loaded on demand so that commands which never touch the store (help, calendar) do not pay for it.
 */
export async function openDataStore(dataDir: string): Promise<Store> {
  const { openStore } = await import('@tongban/store');
  return openStore({ data: dataDir });
}

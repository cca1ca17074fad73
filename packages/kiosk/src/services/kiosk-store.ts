/**
 * The kiosk's store: the embedded lowdb store of its data directory by default; with a central PostgreSQL store
 * (config `database.url` or TONGBAN_DATABASE_URL) an offline-first store that queues cases in an outbox under the
 * data directory while the database cannot be reached, and pushes them when it can (issue 9; seed 003 一).
 * pg and the sync code load only in the second case.
 */
import { join } from 'node:path';
import type { DeadlineCalendar } from '@tongban/core/cases';
import type { Store } from '@tongban/core/store';
import { openStore, resolveDataDir } from '@tongban/store';
import type { OfflineFirstStore, PushReport } from '@tongban/store/sync';
import type { KioskConfig } from '../config/kiosk-config.js';

export interface KioskStore {
  store: Store;
  /** Set when the kiosk works against a central store: connectivity, pending cases, sync. */
  offline?: OfflineFirstStore;
  close(): Promise<void>;
}

export interface OpenKioskStoreOptions {
  config: KioskConfig;
  dataDir?: string | undefined;
  calendar: DeadlineCalendar;
  env?: NodeJS.ProcessEnv;
  /** Called after each background push (staff status line). */
  onSync?: (report: PushReport) => void;
}

export async function openKioskStore(options: OpenKioskStoreOptions): Promise<KioskStore> {
  const env = options.env ?? process.env;
  const url = options.config.database?.url ?? env.TONGBAN_DATABASE_URL?.trim();
  if (!url) {
    const store = await openStore(options.dataDir ? { data: options.dataDir, env } : { env });
    return { store, close: () => store.close() };
  }
  const [{ OfflineFirstStore, Outbox }, { openPostgresStore }] = await Promise.all([
    import('@tongban/store/sync'),
    import('@tongban/store/postgres'),
  ]);
  const outboxDir =
    options.config.database?.outboxDir ?? join(resolveDataDir(options.dataDir, env), 'outbox');
  const store = new OfflineFirstStore({
    central: async () => openPostgresStore({ url }),
    outbox: new Outbox(outboxDir, options.config.terminal.id),
    calendar: options.calendar,
  });
  const stop = store.startSync((options.config.database?.syncSeconds ?? 5) * 1000, options.onSync);
  return {
    store,
    offline: store,
    close: async () => {
      stop();
      await store.sync().catch(() => {});
      await store.close();
    },
  };
}

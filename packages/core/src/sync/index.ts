export {
  CentralUnreachableError,
  type Connectivity,
  type KioskSyncRecord,
  OfflineFirstStore,
  type OfflineFirstStoreOptions,
} from './offline-store.js';
export { Outbox, type OutboxEntry, type OutboxStatus } from './outbox.js';
export { type PushReport, pushOutbox } from './push.js';
export { isUnreachable } from './unreachable.js';

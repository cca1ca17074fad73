export {
  CentralUnreachableError,
  type Connectivity,
  OfflineFirstStore,
  type OfflineFirstStoreOptions,
} from './offline-store.js';
export { Outbox, type OutboxEntry, type OutboxStatus } from './outbox.js';
export { type KioskSyncRecord, type PushReport, pushOutbox, reportOutbox } from './push.js';
export { isUnreachable } from './unreachable.js';

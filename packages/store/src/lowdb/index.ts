export { type BulkCase, bulkLoadCases } from './bulk-load.js';
export { LowdbStore, type LowdbStoreOptions, openLowdbStore } from './lowdb-store.js';

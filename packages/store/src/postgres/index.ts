export * from './errors.js';
export * from './migrations.js';
export { openPostgresStore, PgTx, PostgresStore, type PostgresStoreOptions, redactUrl } from './pg-store.js';
export { findCasesSql } from './sql.js';

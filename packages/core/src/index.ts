// @tongban/core: the rules of the source documents. Heavy parts (PDF, archive, PostgreSQL) are subpath exports only.
export * from './calendar/index.js';
export * from './cases/index.js';
export * from './catalogue/index.js';
export * from './errors/index.js';
export * from './store/index.js';

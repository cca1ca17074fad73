// The Store contract (store.ts) with its query meaning and argument checks; the adapters are in @tongban/store.
export * from './errors.js';
export * from './query.js';
export * from './store.js';
export * from './validate.js';

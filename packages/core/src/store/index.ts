export * from './errors.js';
export * from './open-store.js';
export * from './query.js';
export * from './store.js';
export * from './validate.js';

// Test support of the Store contract (not built into dist): the contract suite every adapter runs, its builders,
// and the memory store the domain's tests use.
export * from './builders.js';
export * from './contract.js';
export * from './memory-store.js';

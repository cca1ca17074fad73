import { describeStoreContract } from './test-support/contract.js';
import { openMemoryStore } from './test-support/memory-store.js';

// The memory store the domain's tests use keeps the same contract as the adapters of @tongban/store.
describeStoreContract('memory', async () => {
  const store = openMemoryStore();
  return { store, reopen: async () => store.reopen(), cleanup: async () => {} };
});

/**
 * A writer process for the multi-process test (lowdb/two-process.test.ts):
 *   node --import tsx worker.ts <dataDir> <workerName> <appends> <publishes> <increments>
 * Appends events to cases shared with the other workers (retrying on StoreConflictError), sends a set of event
 * ids that every worker also sends, publishes catalogue versions and increments a counter inside transact.
 */

import type { CaseEvent } from '@tongban/core/cases';
import type { StoredRecord } from '@tongban/core/store';
import { StoreConflictError } from '@tongban/core/store';
import { summary } from '@tongban/core/store/test-support';
import { openLowdbStore } from '../lowdb-store.js';

const [dir, name, appends, publishes, increments] = process.argv.slice(2);
const store = await openLowdbStore({ dir: dir!, staleMs: 5000, lockWaitMs: 120_000 });
const ev = (caseId: string, id: string): CaseEvent => ({
  id,
  caseId,
  type: 'note',
  unit: 'window',
  actor: name!,
  at: new Date().toISOString(),
  payload: {},
});

async function appendWithRetry(caseId: string, e: CaseEvent): Promise<void> {
  for (;;) {
    const length = (await store.events(caseId)).length;
    try {
      await store.append(caseId, [e], summary(caseId, length + 1), { expectedLength: length });
      return;
    } catch (err) {
      if (!(err instanceof StoreConflictError)) throw err;
    }
  }
}

const n = Number(appends);
const every = Math.max(1, Math.floor(n / Number(publishes)));
let published = 0;
for (let i = 0; i < n; i++) {
  await appendWithRetry(`W-${i % 7}`, ev(`W-${i % 7}`, `${name}-${i}`));
  if (i % 10 === 0) await appendWithRetry('SHARED', ev('SHARED', `shared-${i / 10}`));
  if (published < Number(publishes) && i % every === 0) {
    await store.publish({ items: [], publishedBy: name!, message: `from ${name} at ${i}` });
    published++;
  }
  if (i < Number(increments)) {
    await store.transact(async (tx) => {
      const c = await tx.getRecord<StoredRecord & { value: number }>('ledger', 'counter');
      await tx.putRecord('ledger', { id: 'counter', value: (c?.value ?? 0) + 1 });
    });
  }
}
await store.close();

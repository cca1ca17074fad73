/**
 * A writer process for the paused-writer test (../paused-writer.test.ts, issue 15 section 4):
 *   node --import tsx paused-writer.ts <dataDir> <name> <ackFile> <stopFile> [holdEvery]
 * Until <stopFile> exists, appends one event per transaction to one of a few cases shared with the other writers
 * (read the log, append at its length + 1 with expectedLength) and increments a shared counter in the same
 * transaction. After each acknowledged transaction it appends {id, caseId, position, attempts} to <ackFile> and
 * prints `ack`. With holdEvery > 0 (the victim) every holdEvery-th operation, inside its transaction after the
 * log was read, prints `hold` and blocks reading one byte from stdin: the controller stops the process there
 * (SIGSTOP) while it holds the write lock, lets the others take the lock over, then sends the byte and SIGCONT.
 */

import { appendFileSync, existsSync, readSync } from 'node:fs';
import type { CaseEvent } from '@tongban/core/cases';
import { StoreConflictError, type StoredRecord, StoreError } from '@tongban/core/store';
import { summary } from '@tongban/core/store/test-support';
import { openLowdbStore } from '../lowdb-store.js';

const CASES = 3;

const [dir, name, ackFile, stopFile, holdArg] = process.argv.slice(2);
const holdEvery = Number(holdArg ?? 0);
const store = await openLowdbStore({
  dir: dir!,
  durable: false,
  staleMs: 2000, // the least proper-lockfile takes
  lockWaitMs: 600_000,
});

/** Block the whole process (event loop included) until the controller sends one byte. */
function waitForByte(): void {
  const buf = Buffer.alloc(1);
  for (;;) {
    try {
      if (readSync(0, buf, 0, 1, null) === 1) return;
      throw new Error('stdin closed while holding');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);
    }
  }
}

const ev = (caseId: string, id: string): CaseEvent => ({
  id,
  caseId,
  type: 'note',
  unit: 'window',
  actor: name!,
  at: new Date().toISOString(),
  payload: {},
});

for (let i = 0; !existsSync(stopFile!); i++) {
  const caseId = `P-${i % CASES}`;
  const id = `${name}-${i}`;
  let attempts = 0;
  let position = 0;
  for (;;) {
    try {
      position = await store.transact(async (tx) => {
        attempts++;
        const length = (await tx.events(caseId)).length;
        if (holdEvery > 0 && i % holdEvery === holdEvery - 1 && attempts === 1) {
          process.stdout.write('hold\n');
          waitForByte();
        }
        await tx.append(caseId, [ev(caseId, id)], summary(caseId, length + 1), { expectedLength: length });
        const c = await tx.getRecord<StoredRecord & { value: number }>('ledger', 'counter');
        await tx.putRecord('ledger', { id: 'counter', value: (c?.value ?? 0) + 1 });
        return length + 1;
      });
      break;
    } catch (e) {
      // The old code's answers to a lost lock: retry as their hints say (nothing was written).
      if (e instanceof StoreConflictError) continue;
      if (e instanceof StoreError && e.code === 'STORE_LOCK_LOST') continue;
      throw e;
    }
  }
  appendFileSync(ackFile!, `${JSON.stringify({ id, caseId, position, attempts })}\n`);
  process.stdout.write('ack\n');
}
await store.close();

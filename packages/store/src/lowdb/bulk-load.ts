import type { CaseEvent } from '@tongban/core/cases';
import type { CaseSummary } from '@tongban/core/store';
import { checkAppend, checkSummaryLength, StoreError } from '@tongban/core/store';
import type { SummaryShard } from './engine.js';
import { abs, caseFile, summaryShardFile, summaryShardOf } from './layout.js';
import type { LowdbStore } from './lowdb-store.js';

export interface BulkCase {
  events: CaseEvent[];
  summary: CaseSummary;
}

/**
 * Load many cases into a store that holds no case yet (benchmarks, a migration from another system), writing
 * the files directly: one log per case and each summary shard once, instead of one commit per case.
 * Runs with the write lock held, every file staged in the tenure and renamed into place (fence.ts); each case is
 * checked as `append` would. Returns the number of cases loaded. Not journaled: a load cut off half-way leaves
 * the cases it wrote (a second load then refuses, STORE_NOT_EMPTY): load into a new data directory again.
 */
export async function bulkLoadCases(store: LowdbStore, cases: Iterable<BulkCase>): Promise<number> {
  return store.withEngine((engine, snap) => {
    for (let s = 0; s < engine.meta.summaryShards; s++) {
      if (Object.keys(engine.summaryShard(s, snap).cases).length > 0) {
        throw new StoreError('STORE_NOT_EMPTY', `The data directory ${engine.dir} already holds cases.`, {
          where: { file: engine.dir },
          hint: 'bulk loading is for an empty store; append to an existing one case by case',
        });
      }
    }
    const shards: SummaryShard[] = Array.from({ length: engine.meta.summaryShards }, () => ({ cases: {} }));
    let count = 0;
    for (const { events, summary } of cases) {
      const caseId = summary.caseId;
      checkAppend(caseId, events, summary);
      checkSummaryLength(caseId, summary, events.length);
      const shard = shards[summaryShardOf(caseId, engine.meta.summaryShards)]!;
      if (shard.cases[caseId]) {
        throw new StoreError('STORE_INVALID', `Case ${caseId} appears twice in the bulk load.`, {
          where: { caseId },
          hint: 'give every case its own application number',
        });
      }
      engine.tenure.replace(abs(engine.dir, caseFile(caseId)), `${JSON.stringify({ events, summary })}\n`);
      shard.cases[caseId] = summary;
      count++;
    }
    shards.forEach((shard, i) => {
      engine.tenure.replace(abs(engine.dir, summaryShardFile(i)), JSON.stringify(shard));
    });
    engine.docs.generations.bumpAll(snap);
    engine.docs.forget();
    return count;
  });
}

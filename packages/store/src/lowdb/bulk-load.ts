import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { CaseEvent } from '@tongban/core/cases';
import type { CaseSummary } from '@tongban/core/store';
import { checkAppend, checkSummaryLength, StoreError } from '@tongban/core/store';
import type { SummaryShard } from './engine.js';
import { atomicWrite } from './files.js';
import { abs, caseFile, summaryShardFile, summaryShardOf } from './layout.js';
import type { LowdbStore } from './lowdb-store.js';

export interface BulkCase {
  events: CaseEvent[];
  summary: CaseSummary;
}

/**
 * Load many cases into a store that holds no case yet (benchmarks, a migration from another system), writing
 * the files directly: one log per case and each summary shard once, instead of one commit per case.
 * Runs with the write lock held; each case is checked as `append` would. Returns the number of cases loaded.
 * Durable mode flushes only the shards (the logs are flushed by the system later): run it before the hall opens.
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
    const dirs = new Set<string>();
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
      const file = abs(engine.dir, caseFile(caseId));
      const d = dirname(file);
      if (!dirs.has(d)) {
        mkdirSync(d, { recursive: true });
        dirs.add(d);
      }
      const fd = openSync(file, 'w');
      try {
        writeSync(fd, `${JSON.stringify({ events, summary })}\n`);
      } finally {
        closeSync(fd);
      }
      shard.cases[caseId] = summary;
      count++;
    }
    shards.forEach((shard, i) => {
      atomicWrite(abs(engine.dir, summaryShardFile(i)), JSON.stringify(shard), engine.durable);
    });
    engine.docs.generations.bumpAll(snap);
    engine.docs.forget();
    return count;
  });
}

import { existsSync, readdirSync, readFileSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { CaseEvent } from '@tongban/core/cases';
import type { ServiceItem } from '@tongban/core/catalogue';
import type { CaseSummary, CatalogueVersion, CatalogueVersionInfo, StoredRecord } from '@tongban/core/store';
import { StoreCorruptError } from '@tongban/core/store';
import { appendCommit, type CaseLog, readCaseLog } from './case-log.js';
import { Tenure } from './fence.js';
import { DocStore } from './files.js';
import { Journal } from './journal.js';
import {
  abs,
  caseFile,
  DRAFT_FILE,
  JOURNAL_FILE,
  recordShardFile,
  recordShardFiles,
  type StoreMeta,
  summaryShardFile,
  summaryShardOf,
  VERSIONS_INDEX,
  versionFile,
} from './layout.js';

/** One write of a commit. A commit's ops go to the journal first, so a crash mid-commit is replayed whole. */
export type Op =
  | { op: 'append'; caseId: string; events: CaseEvent[]; summary: CaseSummary }
  | { op: 'putRecord'; kind: string; record: StoredRecord }
  | { op: 'saveDraft'; items: ServiceItem[]; savedAt: string }
  | { op: 'publish'; version: CatalogueVersion };

export interface SummaryShard {
  cases: Record<string, CaseSummary>;
}
interface RecordShard {
  records: Record<string, StoredRecord>;
}
interface DraftDoc {
  items: ServiceItem[];
  savedAt: string;
}
interface VersionsDoc {
  versions: CatalogueVersionInfo[];
}

const INDEX_HINT =
  'run `tongban store rebuild-index --data <data directory>` (LowdbStore.rebuildIndex()): every summary shard is recomputed from the case logs';

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

interface JournalValue {
  ops: Op[];
}

/**
 * Reads and writes of one data directory; writes only ever run under the write lock (see LowdbStore), inside a
 * tenure (fence.ts): begin() before the first read, finish() after the last write.
 */
export class Engine {
  private versionCache = new Map<number, CatalogueVersion>();
  readonly tenure: Tenure;
  readonly docs: DocStore;

  constructor(
    readonly dir: string,
    readonly meta: StoreMeta,
    readonly durable: boolean,
  ) {
    this.tenure = new Tenure(dir, durable);
    this.docs = new DocStore(dir, this.tenure);
  }

  close(): void {
    this.tenure.close();
    this.docs.close();
  }

  /**
   * Start a tenure: revoke the writers that lost the lock (or crashed), redo the commit one of them had decided,
   * and return the snapshot this tenure reads at. After a revocation every cache is stale: all slots are bumped.
   */
  begin(): Buffer {
    const { inherited, revoked } = this.tenure.begin<JournalValue>();
    if (revoked || inherited.length > 0) {
      this.docs.generations.bumpAll(this.snapshot());
      this.docs.forget();
    }
    const snap = this.snapshot();
    for (const { file, value } of inherited) {
      if (value) this.apply(value.ops, snap, true);
      this.tenure.consumed(file);
    }
    return snap;
  }

  finish(): void {
    this.tenure.finish();
  }

  /** After an error: see Tenure.abandon. Cached documents may be ones this tenure wrote, so they are dropped. */
  abandon(): void {
    this.tenure.abandon();
    this.docs.forget();
  }

  snapshot(): Buffer {
    return this.docs.generations.snapshot();
  }

  // ---- reads ----

  readCase(caseId: string): CaseLog {
    const rel = caseFile(caseId);
    return readCaseLog(abs(this.dir, rel), rel, caseId);
  }

  summaryShard(shard: number, snap: Buffer): SummaryShard {
    return this.docs.read<SummaryShard>(summaryShardFile(shard), () => ({ cases: {} }), snap, INDEX_HINT);
  }

  *summaries(snap: Buffer): Generator<CaseSummary> {
    for (let s = 0; s < this.meta.summaryShards; s++) yield* Object.values(this.summaryShard(s, snap).cases);
  }

  private recordShard(rel: string, snap: Buffer): RecordShard {
    return this.docs.read<RecordShard>(rel, () => ({ records: {} }), snap);
  }

  getRecord(kind: string, id: string, snap: Buffer): StoredRecord | undefined {
    return this.recordShard(recordShardFile(kind, id), snap).records[id];
  }

  *records(kind: string, snap: Buffer): Generator<StoredRecord> {
    for (const rel of recordShardFiles(kind)) yield* Object.values(this.recordShard(rel, snap).records);
  }

  draft(snap: Buffer): DraftDoc | undefined {
    return this.docs.read<DraftDoc | null>(DRAFT_FILE, () => null, snap) ?? undefined;
  }

  versionInfos(snap: Buffer): CatalogueVersionInfo[] {
    return this.docs.read<VersionsDoc>(VERSIONS_INDEX, () => ({ versions: [] }), snap).versions;
  }

  /** A published version: its file is never rewritten, so it is cached for good. */
  version(n: number): CatalogueVersion | undefined {
    const hit = this.versionCache.get(n);
    if (hit) return hit;
    const v = this.docs.readOnce<CatalogueVersion>(versionFile(n));
    if (v) this.versionCache.set(n, v);
    return v;
  }

  // ---- writes (under the lock) ----

  /** Redo a commit that a crashed Tongban before fenced commits left in the top-level journal (in a tenure). */
  recoverLegacy(snap: Buffer): void {
    const file = join(this.dir, JOURNAL_FILE);
    if (!existsSync(file)) return;
    const journal = new Journal(file, JOURNAL_FILE);
    try {
      const pending = journal.read<JournalValue>();
      if (pending) this.apply(pending.ops, snap, true);
    } finally {
      journal.close();
    }
    unlinkSync(file);
  }

  /** Whether a crashed (or frozen) writer left a commit to redo (checked when a store is opened). */
  hasPendingCommit(): boolean {
    const legacy = join(this.dir, JOURNAL_FILE);
    if (existsSync(legacy)) {
      const journal = new Journal(legacy, JOURNAL_FILE);
      try {
        if (journal.read() !== undefined) return true;
      } finally {
        journal.close();
      }
    }
    return this.tenure.othersPending();
  }

  /**
   * Journal (decided: the commit stands), apply. Every file an op touches is read first, so a damaged file stops
   * it before any write. The tenure's finish() marks it applied.
   * Durable mode flushes the journal (and its directory) when the commit has several ops or publishes, so a power
   * cut cannot leave it half done. A single op is as durable as its own writes: an append's case log is flushed
   * with its directory before the commit is acknowledged (so its events survive; its summary shard, a cache of the
   * logs, may then be older: `rebuildIndex`), a document is flushed before its rename. A crash that leaves the
   * memory of the machine alone (kill -9) always finds the journal: its writes are in the page cache.
   */
  commit(ops: Op[], snap: Buffer): void {
    for (const op of ops) this.prepare(op, snap);
    const durable = ops.length > 1 || ops.some((o) => o.op === 'publish');
    this.tenure.decide({ ops } satisfies JournalValue, durable);
    this.apply(ops, snap, false);
  }

  private prepare(op: Op, snap: Buffer): void {
    if (op.op === 'append') {
      this.readCase(op.caseId);
      this.summaryShard(summaryShardOf(op.caseId, this.meta.summaryShards), snap);
    } else if (op.op === 'putRecord') {
      this.recordShard(recordShardFile(op.kind, op.record.id), snap);
    } else if (op.op === 'publish') {
      this.versionInfos(snap);
    }
  }

  private apply(ops: Op[], snap: Buffer, replay: boolean): void {
    for (const op of ops) {
      switch (op.op) {
        case 'append':
          this.applyAppend(op, snap, replay);
          break;
        case 'putRecord': {
          const rel = recordShardFile(op.kind, op.record.id);
          const shard = this.recordShard(rel, snap);
          this.docs.write<RecordShard>(
            rel,
            { records: { ...shard.records, [op.record.id]: op.record } },
            snap,
          );
          break;
        }
        case 'saveDraft':
          this.docs.write<DraftDoc>(DRAFT_FILE, { items: op.items, savedAt: op.savedAt }, snap);
          break;
        case 'publish':
          this.applyPublish(op.version, snap);
          break;
      }
    }
  }

  private applyAppend(op: Extract<Op, { op: 'append' }>, snap: Buffer, replay: boolean): void {
    const rel = caseFile(op.caseId);
    const log = readCaseLog(abs(this.dir, rel), rel, op.caseId);
    const seen = new Set(log.ids);
    const fresh = op.events.filter((e) => !seen.has(e.id) && seen.add(e.id));
    let summary = log.summary;
    if (fresh.length > 0) {
      summary = op.summary;
      appendCommit(abs(this.dir, rel), log, { events: fresh, summary }, this.tenure);
    }
    if (!summary) return;
    const shardRel = summaryShardFile(summaryShardOf(op.caseId, this.meta.summaryShards));
    const shard = this.summaryShard(summaryShardOf(op.caseId, this.meta.summaryShards), snap);
    if (!replay && sameJson(shard.cases[op.caseId], summary)) return;
    this.docs.write<SummaryShard>(shardRel, { cases: { ...shard.cases, [op.caseId]: summary } }, snap);
  }

  private applyPublish(version: CatalogueVersion, snap: Buffer): void {
    const file = abs(this.dir, versionFile(version.version));
    // Staged, then linked: link never replaces, so a published version can never be overwritten.
    if (!existsSync(file)) this.tenure.create(file, JSON.stringify(version));
    const infos = this.versionInfos(snap);
    if (infos.some((v) => v.version === version.version)) return;
    const { items, ...info } = version;
    const next = [...infos, { ...info, itemCount: items.length }].sort((a, b) => a.version - b.version);
    this.docs.write<VersionsDoc>(VERSIONS_INDEX, { versions: next }, snap);
  }

  /** Recompute every summary shard from the case logs (after a shard was lost or damaged). */
  rebuildIndex(snap: Buffer): number {
    const shards: SummaryShard[] = Array.from({ length: this.meta.summaryShards }, () => ({ cases: {} }));
    const root = join(this.dir, 'cases/events');
    let count = 0;
    for (const sub of existsSync(root) ? readdirSync(root) : []) {
      for (const name of readdirSync(join(root, sub))) {
        if (!name.endsWith('.jsonl')) continue;
        const rel = `cases/events/${sub}/${name}`;
        const caseId = firstCaseId(abs(this.dir, rel), rel);
        if (caseId === undefined) continue;
        const log = readCaseLog(abs(this.dir, rel), rel, caseId);
        if (!log.summary) continue;
        shards[summaryShardOf(caseId, this.meta.summaryShards)]!.cases[caseId] = log.summary;
        count++;
      }
    }
    shards.forEach((shard, i) => {
      this.tenure.replace(abs(this.dir, summaryShardFile(i)), JSON.stringify(shard));
    });
    this.docs.generations.bumpAll(snap);
    this.docs.forget();
    return count;
  }
}

/** The case a log belongs to, from its first complete line (readCaseLog then checks every line against it). */
function firstCaseId(file: string, rel: string): string | undefined {
  const buf = readFileSync(file);
  const nl = buf.indexOf(10);
  if (nl < 0) return undefined;
  try {
    return (JSON.parse(buf.toString('utf8', 0, nl)) as { summary?: { caseId?: string } }).summary?.caseId;
  } catch (e) {
    throw new StoreCorruptError(rel, `line 1 is not valid JSON (${(e as Error).message})`, {
      line: 1,
      cause: e,
    });
  }
}

import { join } from 'node:path';

/**
 * Layout of a data directory (see docs/store.md): every path the lowdb adapter touches is computed here.
 *
 *   tongban-store.json              format, shard count (written once)
 *   write.lock/                     proper-lockfile lock, present while a process writes
 *   tenures/<pid>-<random>/         one per writing process: its journal (`idle`, `active` or `decided`) and the
 *                                   files of a commit in progress; every write is a rename out of it (fence.ts)
 *   journal                         the journal of Tongban before fenced commits (only redone when found)
 *   generations.bin                 change counters: readers reload exactly the files that changed
 *   catalogue/draft.json            the working draft
 *   catalogue/versions.json         index of versions (who, when, why, item count)
 *   catalogue/versions/000001.json  one immutable file per published version
 *   cases/events/<ab>/<id>.<hash>.jsonl   one append-only log per case, one line per commit {events, summary}
 *   cases/index/<shard>.json        case summaries, hash-sharded
 *   records/<kind>/<shard>.json     records (appointments, complaints...), hash-sharded per kind
 */

export const STORE_FORMAT = 1;
export const META_FILE = 'tongban-store.json';
export const LOCK_DIR = 'write.lock';
export const JOURNAL_FILE = 'journal';
export const TENURES_DIR = 'tenures';
export const GENERATIONS_FILE = 'generations.bin';
export const DRAFT_FILE = 'catalogue/draft.json';
export const VERSIONS_INDEX = 'catalogue/versions.json';
export const DEFAULT_SUMMARY_SHARDS = 1024;
export const RECORD_SHARDS = 64;

export interface StoreMeta {
  format: number;
  engine: 'lowdb';
  summaryShards: number;
  createdAt: string;
}

/** FNV-1a, 32 bits: stable across processes and versions (it decides where files live). */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');

/** Relative path of a case's event log; the hash suffix keeps ids distinct on case-insensitive disks. */
export function caseFile(caseId: string): string {
  const h = fnv1a(caseId);
  const safe = caseId.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 80);
  return `cases/events/${hex(h >>> 24, 2)}/${safe}.${hex(h, 8)}.jsonl`;
}

export function summaryShardOf(caseId: string, shards: number): number {
  return fnv1a(caseId) % shards;
}

export const summaryShardFile = (shard: number) => `cases/index/${hex(shard, 3)}.json`;

export const recordShardFile = (kind: string, id: string) =>
  `records/${kind}/${hex(fnv1a(id) % RECORD_SHARDS, 2)}.json`;

export const recordShardFiles = (kind: string) =>
  Array.from({ length: RECORD_SHARDS }, (_, i) => `records/${kind}/${hex(i, 2)}.json`);

export const versionFile = (version: number) => `catalogue/versions/${String(version).padStart(6, '0')}.json`;

export const abs = (dir: string, rel: string) => join(dir, rel);

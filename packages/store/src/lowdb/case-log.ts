import { readFileSync } from 'node:fs';
import type { CaseEvent } from '@tongban/core/cases';
import type { CaseSummary } from '@tongban/core/store';
import { StoreCorruptError } from '@tongban/core/store';
import type { Stage } from './fence.js';

/**
 * One case's event log: a JSONL file, one line per commit `{"events":[...],"summary":{...}}`, only ever extended.
 * A commit writes the log with its new line beside it in the writer's tenure and renames it over the old one
 * (fence.ts): an append in place could not be fenced, since a frozen writer holds no check between its positional
 * write and the bytes landing. So the events and the summary they were written with land together, and readers
 * see the old log or the new one. A last line without its newline (a commit torn by a crash in the appends of
 * Tongban before fenced commits) is ignored by readers and left out by the next writer.
 */
export interface CommitLine {
  events: CaseEvent[];
  summary: CaseSummary;
}

export interface CaseLog {
  events: CaseEvent[];
  ids: Set<string>;
  summary: CaseSummary | undefined;
  /** The complete lines; anything after them is a torn tail. */
  bytes: Buffer;
  torn: boolean;
}

const EMPTY = (): CaseLog => ({
  events: [],
  ids: new Set(),
  summary: undefined,
  bytes: Buffer.alloc(0),
  torn: false,
});

export function readCaseLog(file: string, label: string, caseId: string): CaseLog {
  let buf: Buffer;
  try {
    buf = readFileSync(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return EMPTY();
    throw e;
  }
  const log = EMPTY();
  let start = 0;
  let line = 0;
  while (start < buf.length) {
    const nl = buf.indexOf(10, start);
    if (nl < 0) {
      log.torn = true;
      break;
    }
    line++;
    let commit: CommitLine;
    try {
      commit = JSON.parse(buf.toString('utf8', start, nl)) as CommitLine;
    } catch (e) {
      throw new StoreCorruptError(label, `line ${line} is not valid JSON (${(e as Error).message})`, {
        line,
        cause: e,
        hint: `restore the file from a backup, or remove line ${line} by hand if that commit may be lost; no other file was changed`,
      });
    }
    if (!Array.isArray(commit.events) || commit.summary?.caseId !== caseId) {
      throw new StoreCorruptError(label, `line ${line} is not a commit of case ${caseId}`, {
        line,
        hint: 'restore the file from a backup; it may have been copied over from another case',
      });
    }
    for (const e of commit.events) {
      log.events.push(e);
      log.ids.add(e.id);
    }
    log.summary = commit.summary;
    start = nl + 1;
  }
  log.bytes = buf.subarray(0, start);
  return log;
}

/**
 * Write the log with one more commit line (caller holds the write lock); a torn tail is left out. Durable mode
 * flushes the new log and its directory before the commit is acknowledged, as the append in place did.
 */
export function appendCommit(file: string, log: CaseLog, commit: CommitLine, stage: Stage): void {
  const bytes = Buffer.concat([log.bytes, Buffer.from(`${JSON.stringify(commit)}\n`, 'utf8')]);
  stage.replace(file, bytes, { syncDir: true });
}

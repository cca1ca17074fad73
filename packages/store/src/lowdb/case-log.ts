import {
  closeSync,
  fdatasyncSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readFileSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';
import type { CaseEvent } from '@tongban/core/cases';
import type { CaseSummary } from '@tongban/core/store';
import { StoreCorruptError } from '@tongban/core/store';

/**
 * One case's event log: an append-only JSONL file, one line per commit `{"events":[...],"summary":{...}}`.
 * A commit is a single write of a whole line, so the events and the summary they were written with land together.
 * A last line without its newline is a commit torn by a crash: readers ignore it and the next writer cuts it off
 * (the journal then replays that commit).
 */
export interface CommitLine {
  events: CaseEvent[];
  summary: CaseSummary;
}

export interface CaseLog {
  events: CaseEvent[];
  ids: Set<string>;
  summary: CaseSummary | undefined;
  /** Bytes of complete lines; anything after is a torn tail. */
  validBytes: number;
  torn: boolean;
}

const EMPTY = (): CaseLog => ({ events: [], ids: new Set(), summary: undefined, validBytes: 0, torn: false });

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
    log.validBytes = start;
  }
  return log;
}

/** Append one commit line (caller holds the write lock); cuts a torn tail first. */
export function appendCommit(file: string, log: CaseLog, commit: CommitLine, durable: boolean): void {
  let fd: number;
  try {
    fd = openSync(file, 'r+');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    mkdirSync(dirname(file), { recursive: true });
    fd = openSync(file, 'a+');
  }
  try {
    if (log.torn) ftruncateSync(fd, log.validBytes);
    // Positional write at the end of the complete lines: one write call carries the whole line.
    writeSync(fd, `${JSON.stringify(commit)}\n`, log.validBytes);
    if (durable) fdatasyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

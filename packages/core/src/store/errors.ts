import { TongbanError } from '../errors/tongban-error.js';

/**
 * Optimistic concurrency failed: the case log (or record) moved on since the caller read it. Nothing was written;
 * re-read, decide again and retry.
 */
export class StoreConflictError extends TongbanError {
  readonly expected: number;
  readonly actual: number;

  constructor(target: { caseId: string } | { kind: string; id: string }, expected: number, actual: number) {
    const isCase = 'caseId' in target;
    const what = isCase ? `case ${target.caseId}` : `record ${target.kind}/${target.id}`;
    const unit = isCase ? 'events' : 'revision';
    super(
      'STORE_CONFLICT',
      `Conflict on ${what}: expected ${unit} ${expected} but the store has ${actual}; someone else wrote first.`,
      {
        where: isCase ? { caseId: target.caseId } : { kind: target.kind, id: target.id },
        hint: 'nothing was written: read it again, decide again on the new state and retry',
      },
    );
    this.expected = expected;
    this.actual = actual;
  }
}

/** A file of the data directory cannot be read (bad JSON, a damaged line). Nothing else was touched. */
export class StoreCorruptError extends TongbanError {
  constructor(file: string, detail: string, options: { line?: number; hint?: string; cause?: unknown } = {}) {
    super('STORE_CORRUPT', `Store file ${file} is damaged: ${detail}.`, {
      where: { file, line: options.line },
      hint:
        options.hint ??
        'restore this file from a backup of the data directory or correct the JSON by hand; no other file was changed',
      cause: options.cause,
    });
  }
}

/** A call the store refuses before writing anything (bad arguments, closed store, lock trouble). */
export class StoreError extends TongbanError {}

import type { CaseEvent } from '../cases/case-event.js';
import type { ServiceItem } from '../catalogue/service-item.js';
import { StoreError } from './errors.js';
import type { CaseQuery, CaseSummary, StoredRecord } from './store.js';

/**
 * Argument checks every adapter runs before writing, so that a refused call changes nothing and says why.
 * The store does not interpret events (the case engine does); it checks only what it indexes.
 *
 * Importing this module costs no zod: the event and summary schemas (validate-schemas.ts) are loaded by
 * `loadStoreValidation()`, which every write path awaits before its first `checkAppend` (the lowdb adapter does
 * so when it takes the write lock). Read-only users of the store (most CLI commands) never load zod.
 */

type Schemas = typeof import('./validate-schemas.js');
let schemas: Schemas | undefined;

/** Loads the zod schemas `checkAppend` needs (once per process). Await it before a write. */
export async function loadStoreValidation(): Promise<void> {
  schemas ??= await import('./validate-schemas.js');
}

function loaded(): Schemas {
  if (!schemas) {
    throw new Error(
      'internal: the store validation is not loaded; await loadStoreValidation() before a write (store/validate.ts)',
    );
  }
  return schemas;
}

/**
 * An ISO-8601 instant with seconds and `Z` or an offset: the pattern of zod's `z.iso.datetime({ offset: true })`
 * (zod 4.6), copied so that read paths (a query's dueBefore) need no zod; validate.test.ts pins it to zod's.
 */
export const INSTANT_PATTERN =
  /^(?:(?:\d\d[2468][048]|\d\d[13579][26]|\d\d0[48]|[02468][048]00|[13579][26]00)-02-29|\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|(?:02)-(?:0[1-9]|1\d|2[0-8])))T(?:(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?(?:Z|([+-](?:[01]\d|2[0-3]):[0-5]\d)))$/;

/** Whether v is an ISO-8601 instant with an offset (as zod's `z.iso.datetime({ offset: true })` accepts). */
export function isInstant(v: unknown): boolean {
  return typeof v === 'string' && INSTANT_PATTERN.test(v);
}

const invalid = (message: string, where: Record<string, string | number | undefined>, hint: string) =>
  new StoreError('STORE_INVALID', message, { where, hint });

export function checkAppend(caseId: string, events: CaseEvent[], summary: CaseSummary): void {
  if (typeof caseId !== 'string' || caseId.length === 0 || caseId.length > 200) {
    throw invalid(
      'A case id must be a non-empty string of at most 200 characters.',
      { caseId },
      'pass the application number',
    );
  }
  if (!Array.isArray(events)) throw invalid('events must be an array.', { caseId }, 'pass the new events');
  const { eventIssues, summaryIssues } = loaded();
  events.forEach((e, i) => {
    const issues = eventIssues(e);
    if (issues !== undefined) {
      throw invalid(
        `Event ${i} of case ${caseId} is malformed: ${issues}.`,
        { caseId, field: `events[${i}]` },
        'build events with the case engine',
      );
    }
    if (e.caseId !== caseId) {
      throw invalid(
        `Event ${e.id} belongs to case ${e.caseId}, not ${caseId}.`,
        { caseId, field: `events[${i}].caseId` },
        'append each event to its own case',
      );
    }
  });
  const issues = summaryIssues(summary);
  if (issues !== undefined) {
    throw invalid(
      `The summary of case ${caseId} is malformed: ${issues}.`,
      { caseId, field: 'summary' },
      'compute the summary with the case engine',
    );
  }
  if (summary.caseId !== caseId) {
    throw invalid(
      `The summary is for case ${summary.caseId}, not ${caseId}.`,
      { caseId, field: 'summary.caseId' },
      'pass the summary of the case you append to',
    );
  }
}

export function checkSummaryLength(caseId: string, summary: CaseSummary, length: number): void {
  if (summary.length !== length) {
    throw invalid(
      `The summary of case ${caseId} says ${summary.length} events but the log would hold ${length}.`,
      { caseId, field: 'summary.length' },
      'fold the stored events plus the new ones again and pass that summary (a summary must match its events)',
    );
  }
}

export function checkQuery(q: CaseQuery): void {
  if (q.limit !== undefined && (!Number.isInteger(q.limit) || q.limit < 0)) {
    throw invalid(
      `limit must be a whole number >= 0, got ${q.limit}.`,
      { field: 'limit' },
      'pass a limit such as 50',
    );
  }
  for (const f of ['dueBefore', 'createdFrom', 'createdTo'] as const) {
    const v = q[f];
    if (v !== undefined && !isInstant(v)) {
      throw invalid(
        `${f} must be an ISO-8601 instant, got ${v}.`,
        { field: f },
        'pass e.g. 2025-03-01T00:00:00Z',
      );
    }
  }
}

export function checkKind(kind: string): void {
  if (typeof kind !== 'string' || !/^[a-z][a-zA-Z0-9-]{0,39}$/.test(kind)) {
    throw invalid(
      `Unknown record kind "${kind}".`,
      { field: 'kind' },
      'use a kind such as appointments, complaints, ratings',
    );
  }
}

export function checkRecord(kind: string, record: Omit<StoredRecord, 'revision'>, expectedRevision?: number) {
  checkKind(kind);
  if (
    typeof record !== 'object' ||
    record === null ||
    typeof record.id !== 'string' ||
    record.id.length === 0
  ) {
    throw invalid(
      `A ${kind} record needs a non-empty string id.`,
      { kind, field: 'id' },
      'give the record an id',
    );
  }
  if (expectedRevision !== undefined && (!Number.isInteger(expectedRevision) || expectedRevision < 0)) {
    throw invalid(
      `expectedRevision must be a whole number >= 0.`,
      { kind, id: record.id },
      'pass the revision you read (0: must not exist yet)',
    );
  }
}

export function checkPublish(input: {
  items: ServiceItem[];
  publishedBy: string;
  message: string;
  at?: string;
}) {
  if (!Array.isArray(input.items))
    throw invalid('items must be an array.', { field: 'items' }, 'publish the draft items');
  input.items.forEach((it, i) => {
    if (
      typeof it !== 'object' ||
      it === null ||
      typeof (it as { itemCode?: unknown }).itemCode !== 'string'
    ) {
      throw invalid(
        `Item ${i} has no item code.`,
        { field: `items[${i}].itemCode` },
        'validate the catalogue before publishing',
      );
    }
  });
  if (typeof input.publishedBy !== 'string' || input.publishedBy.trim() === '') {
    throw invalid(
      'A version needs the name of who publishes it.',
      { field: 'publishedBy' },
      'pass publishedBy (seed 000 4.2: update record)',
    );
  }
  if (typeof input.message !== 'string' || input.message.trim() === '') {
    throw invalid(
      'A version needs a message saying why it is published.',
      { field: 'message' },
      'pass a message (seed 000 4.2: update record)',
    );
  }
  if (input.at !== undefined && !isInstant(input.at)) {
    throw invalid(
      `at must be an ISO-8601 instant, got ${input.at}.`,
      { field: 'at' },
      'omit it to use the current time',
    );
  }
}

import { z } from 'zod';
import { CaseEvent } from '../cases/case-event.js';
import type { ServiceItem } from '../catalogue/service-item.js';
import { StoreError } from './errors.js';
import type { CaseQuery, CaseSummary, StoredRecord } from './store.js';

/**
 * Argument checks every adapter runs before writing, so that a refused call changes nothing and says why.
 * The store does not interpret events (the case engine does); it checks only what it indexes.
 */

const instant = z.iso.datetime({ offset: true });
const nonEmpty = z.string().min(1);
export const CaseSummarySchema = z.object({
  caseId: nonEmpty,
  itemCode: nonEmpty,
  mode: nonEmpty,
  state: nonEmpty,
  waitingOn: nonEmpty.optional(),
  applicantId: z.string(),
  bundleId: nonEmpty.optional(),
  createdAt: instant,
  updatedAt: instant,
  dueAt: instant.optional(),
  closedAt: instant.optional(),
  units: z.array(nonEmpty),
  length: z.number().int().min(1),
});

const invalid = (message: string, where: Record<string, string | number | undefined>, hint: string) =>
  new StoreError('STORE_INVALID', message, { where, hint });

const issueText = (e: z.ZodError) =>
  e.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');

export function checkAppend(caseId: string, events: CaseEvent[], summary: CaseSummary): void {
  if (typeof caseId !== 'string' || caseId.length === 0 || caseId.length > 200) {
    throw invalid(
      'A case id must be a non-empty string of at most 200 characters.',
      { caseId },
      'pass the application number',
    );
  }
  if (!Array.isArray(events)) throw invalid('events must be an array.', { caseId }, 'pass the new events');
  events.forEach((e, i) => {
    const r = CaseEvent.safeParse(e);
    if (!r.success) {
      throw invalid(
        `Event ${i} of case ${caseId} is malformed: ${issueText(r.error)}.`,
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
  const s = CaseSummarySchema.safeParse(summary);
  if (!s.success) {
    throw invalid(
      `The summary of case ${caseId} is malformed: ${issueText(s.error)}.`,
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
    if (v !== undefined && !instant.safeParse(v).success) {
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
  if (input.at !== undefined && !instant.safeParse(input.at).success) {
    throw invalid(
      `at must be an ISO-8601 instant, got ${input.at}.`,
      { field: 'at' },
      'omit it to use the current time',
    );
  }
}

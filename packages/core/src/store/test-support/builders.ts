import type { CaseEvent } from '../../cases/case-event.js';
import type { CaseSummary } from '../store.js';

/** Test builders shared by the contract suite and the multi-process worker. */

export function event(caseId: string, n: number, type = 'note', at = '2025-03-03T01:00:00.000Z'): CaseEvent {
  return { id: `${caseId}#${n}`, caseId, type, unit: 'window', actor: 'clerk-7', at, payload: { n } };
}

export function events(caseId: string, from: number, count: number): CaseEvent[] {
  return Array.from({ length: count }, (_, i) => event(caseId, from + i));
}

export function summary(caseId: string, length: number, over: Partial<CaseSummary> = {}): CaseSummary {
  return {
    caseId,
    itemCode: '11100000000000000000000000000000001',
    mode: 'window',
    state: 'submitted',
    waitingOn: 'window',
    applicantId: '11010519491231002X',
    createdAt: '2025-03-03T01:00:00.000Z',
    updatedAt: '2025-03-03T01:00:00.000Z',
    units: ['applicant'],
    length,
    ...over,
  };
}

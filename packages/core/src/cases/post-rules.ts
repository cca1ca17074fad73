import type { Case } from './case.js';
import type { CaseEvent } from './case-event.js';
import { CaseRuleError } from './errors.js';

/**
 * Rules that need the case after the step (its due date counted on the work calendar). Checked when a new event is
 * appended, not when stored events are folded again, so a case recorded under an earlier rule still loads.
 */

const localDate = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);

export function checkAfterStep(after: Case, e: CaseEvent): void {
  // 容缺: the materials must be due while the promise can still be kept: a deadline after the case's own due date
  // would let the case run past its 承诺时限 waiting for them (seed 002 9.3.6; seed 004 8.2.4).
  if (
    e.type === 'acceptWithTolerance' &&
    after.tolerance &&
    after.dueAt &&
    after.tolerance.dueAt > after.dueAt
  ) {
    throw new CaseRuleError(
      after.id,
      e.type,
      `the deadline for the tolerated materials (${localDate(after.tolerance.dueAt)}) falls after the case's due date (${localDate(after.dueAt)}): the promised time limit could not be kept`,
      `give a deadline on or before ${localDate(after.dueAt)} (--deadline ${localDate(after.dueAt)}, or fewer --days) (seed 002 9.3.6; seed 004 8.2.4)`,
      'dueAt',
    );
  }
}

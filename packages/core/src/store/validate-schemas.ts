import { z } from 'zod';
import { CaseEvent } from '../cases/case-event.js';

/**
 * The zod half of the store's argument checks (validate.ts), loaded only on write paths: `@tongban/core/store` must
 * stay cheap to import for read-only commands (the admin CLI start-up goal of issue 6), and zod with its locales
 * is most of that cost. validate.ts loads this module with `loadStoreValidation()`.
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

const issueText = (e: z.ZodError) =>
  e.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');

/** What is wrong with an event (zod's issues, one line), or undefined when it is well-formed. */
export function eventIssues(e: unknown): string | undefined {
  const r = CaseEvent.safeParse(e);
  return r.success ? undefined : issueText(r.error);
}

/** What is wrong with a case summary, or undefined when it is well-formed. */
export function summaryIssues(s: unknown): string | undefined {
  const r = CaseSummarySchema.safeParse(s);
  return r.success ? undefined : issueText(r.error);
}

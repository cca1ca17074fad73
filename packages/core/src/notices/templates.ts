import type { Notice, NoticeType } from './types.js';

const ENDING = ['closing', 'handler', 'enquiryPhone', 'complaintPhone', 'seal', 'date'] as const;

/**
 * The fields of each template, in the template's order, as the keys `noticeKeys` yields. A notice carries each
 * sequence in this order (other keys may come between). The PDF renderer's read-back test can use the same lists.
 *
 * - acceptance: seed 001 appendix B (figure B.1), both parts; the slip fields of seed 004 8.2.2 are ACCEPTANCE_SLIP.
 * - supplement: seed 001 appendix C (figure C.1), both parts, plus the deadline of seed 000 tables 1-3 row 3 a 1.
 * - the others follow the same layout (seed 000 tables 1-3; seed 002 9.3.3; seed 004 8.5.5).
 */
export const NOTICE_TEMPLATES: Record<NoticeType, readonly string[]> = {
  proxyReceipt: [
    'title',
    'applicationNo',
    'applicant',
    'item',
    'materialCount',
    'mode',
    'handlingUnit',
    'materials',
    'delivery',
    'handler',
    'enquiryPhone',
    'complaintPhone',
    'seal',
    'date',
    'note',
    'qr',
  ],
  proxyRefusal: ['title', 'applicationNo', 'applicant', 'item', 'reasons', 'advice', ...ENDING, 'qr'],
  acceptance: [
    'title',
    'applicant',
    'item',
    'materialCount',
    'promisedDays',
    'specialProcedures',
    ...ENDING,
    'note1',
    'note2',
    'qr',
    'stub',
    'stubTitle',
    'applicant',
    'item',
    'materialCount',
    'promisedDays',
    'specialProcedures',
    'closing',
    'applicantSignature',
    'signatureDate',
    'seal',
    'date',
  ],
  nonAcceptance: ['title', 'applicationNo', 'applicant', 'item', 'reasons', ...ENDING, 'qr'],
  supplement: [
    'title',
    'applicationNo',
    'applicant',
    'item',
    'problem',
    'listIntro',
    'materials',
    'return',
    'supplementDeadline',
    ...ENDING,
    'copies',
    'qr',
    'stub',
    'stubTitle',
    'applicationNo',
    'applicant',
    'item',
    'problem',
    'listIntro',
    'materials',
    'return',
    'supplementDeadline',
    'closing',
    'applicantSignature',
    'signatureDate',
    'seal',
    'date',
  ],
  approval: ['title', 'applicationNo', 'applicant', 'item', 'decidedAt', 'result', ...ENDING, 'qr'],
  denial: [
    'title',
    'applicationNo',
    'applicant',
    'item',
    'decidedAt',
    'reasons',
    'reviewDays',
    'reviewBody',
    'litigationMonths',
    'court',
    ...ENDING,
    'qr',
  ],
};

/** The acceptance slip's fields, in the order of seed 004 8.2.2. */
export const ACCEPTANCE_SLIP = [
  'itemName',
  'acceptanceNo',
  'applicant',
  'applicantPhone',
  'acceptedAt',
  'promisedLimit',
  'intermediaryServices',
] as const;

/**
 * Every key of a notice in reading order: each section's key, then the keys of its filled runs or fields.
 * The same notice in any locale yields the same keys (messages keep their placeholders in the same order).
 */
export function noticeKeys(notice: Pick<Notice, 'sections'>): string[] {
  const keys: string[] = [];
  for (const s of notice.sections) {
    keys.push(s.key);
    if (s.kind === 'paragraph') for (const r of s.runs) if (r.key && r.key !== s.key) keys.push(r.key);
    if (s.kind === 'fields') for (const f of s.fields) if (f.key !== s.key) keys.push(f.key);
  }
  return keys;
}

/** The template keys missing from the notice or out of order (empty when the notice follows its template). */
export function templateGaps(notice: Pick<Notice, 'type' | 'sections'>): string[] {
  const keys = noticeKeys(notice);
  const gaps: string[] = [];
  let at = 0;
  for (const want of NOTICE_TEMPLATES[notice.type]) {
    const found = keys.indexOf(want, at);
    if (found < 0) gaps.push(want);
    else at = found + 1;
  }
  return gaps;
}

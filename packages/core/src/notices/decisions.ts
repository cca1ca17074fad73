import { formatLocalDate } from '../messages/index.js';
import { checkReasons, checkRights, ending, prepare, reasonsBlock, toInstant } from './common.js';
import type {
  ApprovalInput,
  ApprovalNotice,
  DenialInput,
  DenialNotice,
  NonAcceptanceInput,
  NonAcceptanceNotice,
  NoticeContext,
  NoticeItem,
} from './types.js';

/**
 * 不予受理通知书 (seed 000 tables 1-3 row 2 a 2: 一次性告知不予受理的原因; seed 002 9.3.3: 说明理由和依据).
 * The rights to review and litigation are stated when given (checked as for a denial).
 */
export function buildNonAcceptance(
  item: NoticeItem,
  ctx: NoticeContext,
  input: NonAcceptanceInput,
): NonAcceptanceNotice {
  const p = prepare('nonAcceptance', item, ctx);
  const { w, base } = p;
  const reasons = checkReasons(input?.reasons, 'nonAcceptance');
  const n: Omit<NonAcceptanceNotice, 'sections' | 'hasStub'> = { ...base, reasons };
  if (input.basis?.trim()) n.basis = input.basis.trim();
  if (input.rights) n.rights = checkRights(input.rights, 'nonAcceptance');

  w.title('title', base.title);
  w.fields('number', [w.field('applicationNo', 'notice.label.applicationNo', base.applicationNo)]);
  w.paragraph('salutation', 'salutation', 'notice.salutation', { applicant: base.applicant.name });
  w.paragraph('body', 'body', 'notice.nonAcceptance.body', { item: p.itemName });
  reasonsBlock(p, reasons, n.basis, n.rights);
  ending(p);
  w.qr(base.qrPayload, base.applicationNo);
  return { ...n, hasStub: false, sections: w.sections };
}

/** 办结通知书 (seed 000 tables 1-3 row 3 a 2: 审批通过的，出具办结通知书; seed 004 8.5.3). */
export function buildApproval(
  item: NoticeItem,
  ctx: NoticeContext,
  input: ApprovalInput = {},
): ApprovalNotice {
  const p = prepare('approval', item, ctx);
  const { w, base } = p;
  const n: Omit<ApprovalNotice, 'sections' | 'hasStub'> = {
    ...base,
    decidedAt:
      input.decidedAt === undefined ? base.issuedAt : toInstant(input.decidedAt, 'approval', 'decidedAt'),
    result: input.result?.trim() || w.tr('notice.approval.defaultResult'),
  };
  if (input.resultNo?.trim()) n.resultNo = input.resultNo.trim();
  if (input.delivery) n.delivery = input.delivery;
  if (input.deliveryDetail?.trim()) n.deliveryDetail = input.deliveryDetail.trim();

  w.title('title', base.title);
  w.fields('number', [w.field('applicationNo', 'notice.label.applicationNo', base.applicationNo)]);
  w.paragraph('salutation', 'salutation', 'notice.salutation', { applicant: base.applicant.name });
  w.paragraph('body', 'body', 'notice.approval.body', {
    item: p.itemName,
    decidedAt: formatLocalDate(n.decidedAt, p.locale),
  });
  const fields = [w.field('result', 'notice.label.result', n.result)];
  if (n.resultNo) fields.push(w.field('resultNo', 'notice.label.resultNo', n.resultNo));
  if (n.delivery) fields.push(w.field('delivery', 'notice.label.delivery', w.tr(`delivery.${n.delivery}`)));
  if (n.deliveryDetail)
    fields.push(w.field('deliveryDetail', 'notice.label.deliveryDetail', n.deliveryDetail));
  w.fields('result', fields, 'stacked');
  ending(p);
  w.qr(base.qrPayload, base.applicationNo);
  return { ...n, hasStub: false, sections: w.sections };
}

/**
 * 不予通过通知书 (seed 000 tables 1-3 row 3 a 3: 说明理由) — the decision not to grant, with the reasons and the
 * rights to administrative review and litigation and their time limits (seed 004 8.5.5). Both are required.
 */
export function buildDenial(item: NoticeItem, ctx: NoticeContext, input: DenialInput): DenialNotice {
  const p = prepare('denial', item, ctx);
  const { w, base } = p;
  const reasons = checkReasons(input?.reasons, 'denial');
  const rights = checkRights(input.rights, 'denial');
  const n: Omit<DenialNotice, 'sections' | 'hasStub'> = {
    ...base,
    decidedAt:
      input.decidedAt === undefined ? base.issuedAt : toInstant(input.decidedAt, 'denial', 'decidedAt'),
    reasons,
    rights,
  };
  if (input.basis?.trim()) n.basis = input.basis.trim();

  w.title('title', base.title);
  w.fields('number', [w.field('applicationNo', 'notice.label.applicationNo', base.applicationNo)]);
  w.paragraph('salutation', 'salutation', 'notice.salutation', { applicant: base.applicant.name });
  w.paragraph('body', 'body', 'notice.denial.body', {
    item: p.itemName,
    decidedAt: formatLocalDate(n.decidedAt, p.locale),
  });
  reasonsBlock(p, reasons, n.basis, rights);
  ending(p);
  w.qr(base.qrPayload, base.applicationNo);
  return { ...n, hasStub: false, sections: w.sections };
}

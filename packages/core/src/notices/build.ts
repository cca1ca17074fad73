import { buildAcceptance } from './acceptance.js';
import { buildApproval, buildDenial, buildNonAcceptance } from './decisions.js';
import { buildProxyReceipt, buildProxyRefusal } from './intake.js';
import { buildSupplement } from './supplement.js';
import type { NoticeContext, NoticeInputs, NoticeItem, NoticeOf, NoticeType } from './types.js';

const BUILDERS: {
  [T in NoticeType]: (item: NoticeItem, ctx: NoticeContext, input: NoticeInputs[T]) => NoticeOf<T>;
} = {
  proxyReceipt: buildProxyReceipt,
  proxyRefusal: buildProxyRefusal,
  acceptance: buildAcceptance,
  nonAcceptance: buildNonAcceptance,
  supplement: buildSupplement,
  approval: buildApproval,
  denial: buildDenial,
};

/** Builds any notice from explicit inputs: `buildNotice('denial', item, ctx, { reasons, rights })`. */
export function buildNotice<T extends NoticeType>(
  type: T,
  item: NoticeItem,
  ctx: NoticeContext,
  input: NoticeInputs[T],
): NoticeOf<T> {
  return BUILDERS[type](item, ctx, input);
}

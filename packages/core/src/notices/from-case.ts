import { type Case, caseHistory } from '../cases/case.js';
import type { Unit } from '../cases/case-event.js';
import { messageTemplate } from '../messages/index.js';
import { buildAcceptance } from './acceptance.js';
import { noticeError } from './common.js';
import { buildApproval, buildDenial, buildNonAcceptance } from './decisions.js';
import { buildProxyReceipt, buildProxyRefusal } from './intake.js';
import { buildSupplement } from './supplement.js';
import type {
  Notice,
  NoticeContext,
  NoticeItem,
  NoticeOf,
  NoticeRights,
  NoticeType,
  ReceivedMaterial,
  SupplementProblem,
} from './types.js';

/** What a clerk's session adds to the case facts when a notice is printed. */
export interface CaseNoticeContext
  extends Omit<NoticeContext, 'applicationNo' | 'applicant' | 'issuedAt' | 'issuer'> {
  /** The issuing window or department; `unit` defaults to the unit that performed the step. */
  issuer: { unit?: Unit; name: string };
  /** Defaults to the instant of the step, so a reprint is identical to the first print. */
  issuedAt?: Date | string;
  /** Rights for a non-acceptance notice, or for a denial whose event did not carry them. */
  rights?: NoticeRights;
  /** proxyReceipt: the unit that accepts and decides (defaults to the item's implementing unit). */
  handlingUnit?: string;
  /** proxyReceipt (proxyLocal): how and where the materials go when the case has not recorded the transfer yet. */
  transfer?: { method?: 'push' | 'post'; to?: string };
  /** approval: the licence number and where to collect it. */
  resultNo?: string;
  deliveryDetail?: string;
  /** supplement: which request (its requestedAt instant, as noticesDue().at gives it); default the latest. */
  at?: string;
  problem?: SupplementProblem;
  consequence?: string;
}

function notReached(c: Case, type: NoticeType, what: string): never {
  throw noticeError(
    'caseState',
    `case ${c.id} (state ${c.state}) has no ${what}, so it cannot issue a ${type} notice`,
    { type, field: 'case', caseId: c.id },
    'issue the notice after the step that calls for it (see noticesDue(case))',
  );
}

/**
 * Materials present (material-presence.ts): handed in, with the catalogue's original / copies when the item lists
 * them, then those the hall fetched as an electronic licence (seed 003 九).
 */
function received(c: Case, item: NoticeItem | undefined): ReceivedMaterial[] {
  const byName = new Map((item?.materials ?? []).map((m) => [m.name, m]));
  const given = c.materials.submitted.map((name) => {
    const m = byName.get(name);
    const r: ReceivedMaterial = { name };
    if (m?.original) r.original = true;
    if (m?.copies) r.copies = m.copies;
    return r;
  });
  const fetched = c.materials.eLicences
    .filter((f) => !c.materials.submitted.includes(f.material))
    .map((f): ReceivedMaterial => ({ name: f.material, eLicence: f.licence }));
  return [...given, ...fetched];
}

/**
 * Builds the notice a step of the case calls for, from the case's facts (pinned item name, code and time limit,
 * applicant, materials, decisions) plus the printing context. Throws a TongbanError when the case has not reached
 * that step, or when the step lacks what the notice needs (e.g. a denial without rights, seed 004 8.5.5).
 */
export function noticeFor<T extends NoticeType>(
  c: Case,
  item: NoticeItem | undefined,
  type: T,
  ctx: CaseNoticeContext,
): NoticeOf<T> {
  const locale = ctx.locale ?? 'zh-CN';
  // The case pins the item's name, code and time limit (cases outlive catalogue versions, domain.md); the catalogue
  // item adds its contact phones, material copies, special procedures and intermediary services.
  const same = item !== undefined && item.itemCode === c.itemCode;
  const pinned: NoticeItem = {
    ...item,
    mainName: same ? item.mainName : c.itemName,
    subName: same ? item.subName : '',
    itemCode: c.itemCode,
    promisedDays: c.promisedDays,
  };
  if (c.transferDays !== undefined) pinned.transferDays = c.transferDays;
  const base = (at: string | undefined, unit: Unit | undefined): NoticeContext => {
    const u = ctx.issuer.unit ?? unit;
    if (!u) notReached(c, type, 'issuing unit');
    const issuedAt = ctx.issuedAt ?? at;
    if (issuedAt === undefined) notReached(c, type, 'issue date');
    const out: NoticeContext = {
      ...ctx,
      applicationNo: c.id,
      applicant: {
        name: c.applicant.name,
        idNumber: c.applicant.idNumber,
        phone: c.applicant.phone || undefined,
      },
      issuer: { unit: u, name: ctx.issuer.name },
      issuedAt,
    };
    return out;
  };
  const history = caseHistory(c);
  const stepOf = (types: string[]) => [...history].reverse().find((h) => types.includes(h.type));
  let notice: Notice;
  switch (type as NoticeType) {
    case 'proxyReceipt': {
      const step = stepOf(['proxyReceive']);
      if (!step || !c.deliveryMethod || (c.mode !== 'proxyLocal' && c.mode !== 'proxyRemote')) {
        notReached(c, type, 'proxy receipt (代收)');
      }
      const method = c.transfer?.method ?? ctx.transfer?.method;
      notice = buildProxyReceipt(pinned, base(step.at, step.unit), {
        mode: c.mode,
        materials: received(c, pinned),
        delivery: c.deliveryMethod,
        ...(c.deliverAt ? { deliverAt: c.deliverAt } : {}),
        ...(ctx.handlingUnit ? { handlingUnit: ctx.handlingUnit } : {}),
        ...(c.mode === 'proxyLocal' && method
          ? { transfer: { method, to: ctx.transfer?.to ?? messageTemplate('unit.localWindow', locale) } }
          : {}),
      });
      break;
    }
    case 'proxyRefusal':
    case 'nonAcceptance': {
      const proxy = type === 'proxyRefusal';
      if (!c.refusal || c.refusal.proxy !== proxy) notReached(c, type, proxy ? 'proxy refusal' : 'refusal');
      const r = c.refusal;
      const input = { reasons: r.reasons, ...(r.basis ? { basis: r.basis } : {}) };
      notice = proxy
        ? buildProxyRefusal(pinned, base(r.at, r.unit), input)
        : buildNonAcceptance(pinned, base(r.at, r.unit), {
            ...input,
            ...(ctx.rights ? { rights: ctx.rights } : {}),
          });
      break;
    }
    case 'acceptance': {
      if (!c.acceptedAt) notReached(c, type, 'acceptance');
      const step = stepOf(['accept', 'acceptWithTolerance']);
      const announced = c.announcedProcedures.length ? c.announcedProcedures : undefined;
      notice = buildAcceptance(pinned, base(c.acceptedAt, step?.unit), {
        materials: received(c, pinned),
        promisedDays: c.promisedDays,
        acceptedAt: c.acceptedAt,
        ...(c.dueAt ? { dueAt: c.dueAt, ...(c.dueProvisional ? { dueProvisional: true } : {}) } : {}),
        ...(announced ? { specialProcedures: announced } : {}),
        ...(c.tolerance?.missing.length
          ? {
              tolerance: {
                materials: c.tolerance.missing,
                dueAt: c.tolerance.dueAt,
                ...(ctx.consequence ? { consequence: ctx.consequence } : {}),
              },
            }
          : {}),
      });
      break;
    }
    case 'supplement': {
      const requests = c.supplementRequests;
      const req = ctx.at ? requests.find((r) => r.requestedAt === ctx.at) : requests[requests.length - 1];
      const extra = {
        ...(ctx.problem ? { problem: ctx.problem } : {}),
        ...(ctx.consequence ? { consequence: ctx.consequence } : {}),
      };
      if (req) {
        notice = buildSupplement(pinned, base(req.requestedAt, req.unit), {
          materials: req.items.map((i) => ({ name: i.material, reason: i.reason })),
          dueAt: req.dueAt,
          stage: req.stage,
          ...extra,
        });
      } else if (c.tolerance && (!ctx.at || ctx.at === c.tolerance.grantedAt)) {
        // 容缺受理: the owed materials told once with their deadline (seed 002 9.3.6; seed 004 8.2.4)
        const step = stepOf(['acceptWithTolerance']);
        const reason = messageTemplate('notice.supplement.toleranceReason', locale);
        notice = buildSupplement(pinned, base(c.tolerance.grantedAt, step?.unit), {
          materials: c.tolerance.missing.map((name) => ({ name, reason })),
          dueAt: c.tolerance.dueAt,
          stage: 'review',
          problem: 'missing',
          consequence: ctx.consequence ?? messageTemplate('notice.acceptance.toleranceConsequence', locale),
        });
      } else {
        notReached(c, type, ctx.at ? `supplement request at ${ctx.at}` : 'supplement request');
      }
      break;
    }
    case 'approval': {
      const d = c.decision;
      if (d?.outcome !== 'approved') notReached(c, type, 'approval');
      notice = buildApproval(pinned, base(d.at, d.unit), {
        decidedAt: d.at,
        ...(d.result ? { result: d.result } : {}),
        ...(ctx.resultNo ? { resultNo: ctx.resultNo } : {}),
        ...(c.deliveryMethod ? { delivery: c.deliveryMethod } : {}),
        ...(ctx.deliveryDetail ? { deliveryDetail: ctx.deliveryDetail } : {}),
      });
      break;
    }
    case 'denial': {
      const d = c.decision;
      if (d?.outcome !== 'denied') notReached(c, type, 'denial');
      const rights = d.rights ?? ctx.rights;
      notice = buildDenial(pinned, base(d.at, d.unit), {
        decidedAt: d.at,
        reasons: d.reasons ?? [],
        ...(d.basis ? { basis: d.basis } : {}),
        // checked by buildDenial: a denial without rights is refused (seed 004 8.5.5)
        rights: rights as NoticeRights,
      });
      break;
    }
    default:
      throw noticeError(
        'unknownType',
        `unknown notice type "${String(type)}"`,
        { type, field: 'type', caseId: c.id },
        'use one of proxyReceipt, proxyRefusal, acceptance, nonAcceptance, supplement, approval, denial',
      );
  }
  return notice as NoticeOf<T>;
}

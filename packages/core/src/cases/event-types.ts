import { z } from 'zod';
import { CaseKind, DeliveryMethod, Mode, SpecialProcedureKind } from '../catalogue/service-item.js';
import { Unit } from './case-event.js';
import { ELicenceFetch } from './material-presence.js';

/**
 * Every event type of a case, with the zod schema of its payload, a one-line meaning and the seed clause it comes
 * from. The transition tables (transitions.ts) say in which state and by which unit each may be appended.
 * Instants are UTC ISO-8601; deadlines carried in a payload were computed on the work calendar by the service.
 */

const text = z.string().trim().min(1);
const instant = z.iso.datetime();

/** A material as pinned from the catalogue when the case was opened (seed 004 6.5: key vs secondary). */
export const CaseMaterial = z.object({
  name: text,
  kind: z.enum(['key', 'secondary']).default('key'),
  tolerable: z.boolean().default(false),
  eLicence: z.string().trim().min(1).optional(),
});
export type CaseMaterial = z.infer<typeof CaseMaterial>;

export const Applicant = z.object({
  /** 身份证号 / 统一社会信用代码; masked whenever shown (DESIGN "Conventions"). */
  idNumber: text,
  name: text,
  phone: z.string().trim().default(''),
});
export type Applicant = z.infer<typeof Applicant>;

/** Where the applicant takes the result in a proxy mode (seed 000 table 2 row 4 a/b). */
export const DeliveryWindow = z.enum(['remoteWindow', 'localWindow']);

/** 申请: opens the case. Pins the item and catalogue version (domain.md "cases outlive definitions"). */
export const SubmitPayload = z.object({
  itemCode: text,
  itemName: text,
  catalogueVersion: z.number().int().min(0),
  mode: Mode,
  kind: CaseKind,
  /** 承诺时限 in working days, pinned from the item. */
  promisedDays: z.number().int().min(0),
  /** Transfer time limit of proxy modes in working days (seed 000 table 2 row 1 c). */
  transferDays: z.number().int().min(0).optional(),
  /** 联办件: lead department first, then the others giving parallel opinions (seed 004 6.7, 8.5.2). */
  jointUnits: z.array(text).default([]),
  applicant: Applicant,
  /** Materials the item demands (pinned). */
  required: z.array(CaseMaterial).default([]),
  /** 送达方式 chosen at application (seed 000 5.4); proxy modes record it at proxyReceive. */
  deliveryMethod: DeliveryMethod.optional(),
  /** Names of materials handed in (or replaced by an e-licence the hall fetched, seed 003 九). */
  submitted: z.array(text).default([]),
  /** Electronic licences the hall fetched in place of materials: which licence, when (seed 003 九; seed 004 6.2 b). */
  eLicences: z.array(ELicenceFetch).default([]),
  /** 一件事 bundle application number linking the cases (seed 003 四). */
  bundleId: text.optional(),
  /** Which 一件事 of the catalogue (ServiceItem.bundles entry); bundleId is the bundle application number. */
  bundleName: text.optional(),
});

export const GuidancePayload = z.object({ note: z.string().trim().default('') });
export const NotePayload = z.object({ note: text });

/**
 * The deadlines of a case counted again when a year's official holiday arrangement replaced what the calendar had
 * (a provisional year from the statutory rules, or an earlier import): old and new dates, for the log.
 */
export const RecomputeDeadlinePayload = z.object({
  year: z.number().int(),
  /** The notice imported, e.g. '国务院办公厅关于2027年部分节假日安排的通知'. */
  source: text,
  changes: z
    .array(
      z.object({
        deadline: z.enum(['dueAt', 'transferDueAt']),
        from: instant.nullable(),
        fromProvisional: z.boolean(),
        to: instant.nullable(),
        toProvisional: z.boolean(),
      }),
    )
    .min(1),
});

export const ProxyReceivePayload = z.object({
  /** 送达方式 chosen by the applicant (seed 000 table 2/3 row 1 b; 5.4). */
  deliveryMethod: DeliveryMethod,
  /** Which window hands over the result (table 2 row 4); proxyRemote always remoteWindow (table 3 row 4). */
  deliverAt: DeliveryWindow.default('remoteWindow'),
});

/** Reasons are told all at once (一次性告知): at least one, every one listed in this single event. */
export const ReasonsPayload = z.object({
  reasons: z.array(text).min(1, 'list every reason at once (一次性告知)'),
  basis: z.string().trim().optional(),
});

export const TransferPayload = z
  .object({
    /** 系统推送 or 邮寄 (seed 000 table 2 row 1 c). */
    method: z.enum(['push', 'post']),
    trackingNumber: z.string().trim().optional(),
    /** Transfer bundle that carried the materials (`tongban transfer export`), when pushed by bundle. */
    bundleId: z.string().trim().min(1).optional(),
    /** Receiving site code. */
    toSite: z.string().trim().min(1).optional(),
    /** Transfer time limit: when the materials must be with the local window (seed 000 table 2 row 1 c). */
    dueAt: instant.optional(),
  })
  .refine((p) => p.method !== 'post' || !!p.trackingNumber, {
    message: 'a postal transfer needs its tracking number',
    path: ['trackingNumber'],
  });

export const ReceiveTransferPayload = z.object({ note: z.string().trim().default('') });

export const AcceptPayload = z.object({
  /** Special procedures foreseen, written on the acceptance slip with their time (seed 004 8.2.6; seed 002 9.3.4). */
  specialProcedures: z
    .array(z.object({ kind: SpecialProcedureKind, days: z.number().int().min(1).optional() }))
    .default([]),
  /** Joint case: which department leads (defaults to jointUnits[0]). */
  note: z.string().trim().default(''),
});

export const AcceptWithTolerancePayload = AcceptPayload.extend({
  /** Secondary tolerable materials still missing (seed 004 6.5; seed 002 3.5). */
  missing: z.array(text).min(1),
  /** Deadline for handing them in (seed 002 9.3.6: 时限). */
  dueAt: instant,
  /** The applicant's written pledge to hand them in (seed 002 3.5: 书面承诺). */
  pledge: z.literal(true),
});

export const SupplementItem = z.object({ material: text, reason: text });
export const RequestSupplementPayload = z.object({
  /** Every missing or defective material at once (seed 001 6.1.3; seed 000 table 1 row 3 a 1). */
  items: z.array(SupplementItem).min(1),
  /** 补正时限 (seed 000 table 1 row 3 a 1). */
  dueAt: instant,
  /** At intake the department confirms the window's request (seed 001 6.1.3: 经业务主管部门确认). */
  confirmedBy: z.string().trim().optional(),
});

export const SupplementPayload = z.object({ materials: z.array(text).min(1) });
export const ExpiryPayload = z.object({ note: z.string().trim().default('') });

export const StartSpecialProcedurePayload = z.object({
  kind: SpecialProcedureKind,
  expectedDays: z.number().int().min(1).optional(),
  note: z.string().trim().default(''),
});
export const EndSpecialProcedurePayload = z.object({ result: z.string().trim().default('') });

export const OpinionPayload = z.object({
  /** The department giving its parallel opinion (seed 004 6.7; seed 001 6.2.2). */
  department: text,
  opinion: z.enum(['agree', 'disagree']),
  note: z.string().trim().default(''),
});

export const ApprovePayload = z.object({
  /** The deciding department; in a joint case it must be the lead (seed 004 8.5.2). */
  department: z.string().trim().optional(),
  /** 办理结果: the licence or document produced (seed 004 8.5.3). */
  result: z.string().trim().default(''),
});

/** Rights the denial must state with their limits (seed 004 8.5.5). Minimums are the statutory ones. */
export const AppealRights = z.object({
  review: z.object({
    /** 行政复议机关 */
    body: text,
    /** 行政复议法: 60 days from knowing of the decision. */
    withinDays: z.number().int().min(60, 'administrative review may be applied for within at least 60 days'),
  }),
  litigation: z.object({
    /** 人民法院 */
    court: text,
    /** 行政诉讼法 art. 46: 6 months. */
    withinMonths: z.number().int().min(6, 'litigation may be brought within at least 6 months'),
  }),
});
export type AppealRights = z.infer<typeof AppealRights>;

export const DenyPayload = z.object({
  department: z.string().trim().optional(),
  reasons: z.array(text).min(1, 'a denial states its reasons (seed 004 8.5.5)'),
  basis: z.string().trim().optional(),
  rights: AppealRights,
});

export const ForwardResultPayload = z.object({ note: z.string().trim().default('') });
export const DeliverPayload = z.object({
  method: DeliveryMethod,
  trackingNumber: z.string().trim().optional(),
  recipient: z.string().trim().optional(),
});
export const DeliveryFeedbackPayload = z.object({ to: Unit });
/** 不予受理 fed back: the deciding department to the remote window, which tells the applicant (seed 000 table 2 row 2 b). */
export const RefusalFeedbackPayload = z.object({
  to: z.enum(['remoteWindow', 'applicant']),
  note: z.string().trim().default(''),
});
export const MoveMaterialsPayload = z.object({ to: Unit, note: z.string().trim().default('') });
export const ArchivePayload = z.object({
  /** The archive bundle id (External-Identifier of the bag, `tongban archive create`). */
  reference: z.string().trim().default(''),
});
export const WithdrawPayload = z.object({ reason: z.string().trim().default('') });

export interface EventTypeInfo {
  schema: z.ZodType;
  /** One line, zh-CN, used by the timeline. */
  label: string;
  meaning: string;
  seed: string;
}

/** The catalogue of event types. */
export const EVENT_TYPES = {
  submit: {
    schema: SubmitPayload,
    label: '提交申请',
    meaning: 'opens the case with the pinned item, applicant and materials handed in',
    seed: 'seed 000 table 1 row 1; seed 001 6.1.1; seed 002 9.3.1',
  },
  guidance: {
    schema: GuidancePayload,
    label: '网上申请指导',
    meaning: 'a window helps the applicant fill in an online application (no state change)',
    seed: 'seed 000 table 1 row 1',
  },
  note: {
    schema: NotePayload,
    label: '办理记录',
    meaning: 'a remark by a unit (call, reminder); no state change, kept for traceability',
    seed: 'seed 000 6.1 (责任倒查)',
  },
  recomputeDeadline: {
    schema: RecomputeDeadlinePayload,
    label: '按节假日安排重算期限',
    meaning:
      "the system counted the case's deadlines again on a year's official holiday arrangement (tongban calendar import); no state change",
    seed: '《全国年节及纪念日放假办法》 (the notice fixes the year); seed 000 6.1 (责任倒查)',
  },
  proxyReceive: {
    schema: ProxyReceivePayload,
    label: '代收申请材料',
    meaning:
      'the remote window takes in complete materials, records the delivery method, issues the 代收凭证',
    seed: 'seed 000 table 2 row 1 a 1, b; table 3 row 1 a 1, b',
  },
  proxyRefuse: {
    schema: ReasonsPayload,
    label: '不予代收',
    meaning: 'the remote window refuses, telling every reason at once, issues the 不予代收凭证',
    seed: 'seed 000 table 2 row 1 a 2; table 3 row 1 a 2',
  },
  transfer: {
    schema: TransferPayload,
    label: '材料流转',
    meaning: 'the remote window sends the materials to the local window by system push or post',
    seed: 'seed 000 table 2 row 1 c',
  },
  receiveTransfer: {
    schema: ReceiveTransferPayload,
    label: '流转材料签收',
    meaning: 'the local window signs for posted materials',
    seed: 'seed 000 table 2 row 1 c; seed 001 6.1.5',
  },
  accept: {
    schema: AcceptPayload,
    label: '受理',
    meaning: 'the responsible unit accepts; the promised time limit starts; acceptance notice issued',
    seed: 'seed 000 tables 1-3 row 2 a 1; seed 001 6.1.1; seed 004 8.2.2',
  },
  acceptWithTolerance: {
    schema: AcceptWithTolerancePayload,
    label: '容缺受理',
    meaning: 'accept with secondary tolerable materials missing, with a deadline for them',
    seed: 'seed 002 3.5, 9.3.6; seed 004 6.5, 8.2.4',
  },
  refuse: {
    schema: ReasonsPayload,
    label: '不予受理',
    meaning: 'refuse to accept, telling every reason at once; non-acceptance notice issued',
    seed: 'seed 000 tables 1-3 row 2 a 2; seed 002 9.3.3',
  },
  requestSupplement: {
    schema: RequestSupplementPayload,
    label: '一次性告知补正',
    meaning: 'ask once per stage for every missing or defective material, with a deadline; the clock stops',
    seed: 'seed 000 tables 1-3 row 3 a 1; seed 001 6.1.3, appendix C',
  },
  supplement: {
    schema: SupplementPayload,
    label: '补正材料',
    meaning: 'the applicant hands in requested or tolerated materials; the clock runs again',
    seed: 'seed 001 6.1.3; seed 004 6.5',
  },
  supplementExpired: {
    schema: ExpiryPayload,
    label: '补正逾期',
    meaning: 'the supplement deadline passed: withdrawn before acceptance, terminated after',
    seed: 'seed 000 table 1 row 3 a 1 (补正时限)',
  },
  toleranceExpired: {
    schema: ExpiryPayload,
    label: '容缺材料逾期未补',
    meaning:
      'the tolerated materials did not arrive by their deadline: the case is terminated (超期处理办法)',
    seed: 'seed 002 9.3.6; seed 004 8.2.4',
  },
  startSpecialProcedure: {
    schema: StartSpecialProcedurePayload,
    label: '特别程序开始',
    meaning: 'a hearing, inspection, expert review... begins; its time does not count',
    seed: 'seed 004 8.2.6, 8.4.3; seed 002 9.5.3',
  },
  endSpecialProcedure: {
    schema: EndSpecialProcedurePayload,
    label: '特别程序结束',
    meaning: 'the special procedure ends; the clock runs again',
    seed: 'seed 004 8.2.6, 8.4.3',
  },
  giveOpinion: {
    schema: OpinionPayload,
    label: '联办部门意见',
    meaning: 'a non-lead department of a joint case gives its parallel opinion',
    seed: 'seed 004 6.7, 8.5.2; seed 001 6.1.6, 6.2.2; seed 002 9.5.4.1',
  },
  approve: {
    schema: ApprovePayload,
    label: '审批通过(办结)',
    meaning: 'the decision grants the application; approval notice and result produced',
    seed: 'seed 000 tables 1-3 row 3 a 2; seed 004 8.5.3',
  },
  deny: {
    schema: DenyPayload,
    label: '审批不予通过',
    meaning:
      'the decision refuses, with reasons and the rights to review (60 days) and litigation (6 months)',
    seed: 'seed 000 tables 1-3 row 3 a 3; seed 004 8.5.5',
  },
  forwardResult: {
    schema: ForwardResultPayload,
    label: '结果转至异地窗口',
    meaning: 'the local window sends the result to the remote window which hands it over',
    seed: 'seed 000 table 2 row 4 b',
  },
  deliver: {
    schema: DeliverPayload,
    label: '送达结果',
    meaning: 'the result is handed over by the method the applicant chose',
    seed: 'seed 000 tables 1-3 row 4; 5.4; seed 001 6.3.2-6.3.3',
  },
  deliveryFeedback: {
    schema: DeliveryFeedbackPayload,
    label: '送达情况反馈',
    meaning: 'the delivering window tells the other unit that the result was delivered',
    seed: 'seed 000 table 2 row 4 a; seed 001 6.3.4',
  },
  refusalFeedback: {
    schema: RefusalFeedbackPayload,
    label: '不予受理反馈',
    meaning:
      'in a proxy mode the deciding department feeds a non-acceptance back to the remote window, which tells the applicant',
    seed: 'seed 000 table 2 row 2 b; table 3 row 2 b',
  },
  moveMaterials: {
    schema: MoveMaterialsPayload,
    label: '材料移交属地',
    meaning: 'finished materials (window) and originals (department) move to the local side',
    seed: 'seed 000 table 3 row 4 b, row 5 b',
  },
  archive: {
    schema: ArchivePayload,
    label: '归档',
    meaning: 'one unit archives its part; the case is archived when every unit of the mode has',
    seed: 'seed 000 tables 1-3 row 5; seed 001 6.4; seed 004 8.8',
  },
  withdraw: {
    schema: WithdrawPayload,
    label: '撤回申请',
    meaning: 'the applicant withdraws before a decision',
    seed: 'seed 002 9.3 (申请人权利; no fixed clause)',
  },
} as const satisfies Record<string, EventTypeInfo>;

export type CaseEventType = keyof typeof EVENT_TYPES;
export const CASE_EVENT_TYPES = Object.keys(EVENT_TYPES) as CaseEventType[];
export type PayloadOf<T extends CaseEventType> = z.infer<(typeof EVENT_TYPES)[T]['schema']>;

export function isCaseEventType(type: string): type is CaseEventType {
  return Object.hasOwn(EVENT_TYPES, type);
}

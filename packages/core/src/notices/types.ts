import type { Unit } from '../cases/case-event.js';
import type { DeliveryMethod, Mode, ServiceItem, SpecialProcedureKind } from '../catalogue/service-item.js';
import type { MessageLocale } from '../messages/index.js';

/** 通知书 / 凭证 (DESIGN glossary `Notice`): every paper a step of the seeds issues. */
export const NOTICE_TYPES = [
  'proxyReceipt', // 代收凭证 (seed 000 tables 2-3 row 1 a 1)
  'proxyRefusal', // 不予代收凭证 (seed 000 tables 2-3 row 1 a 2)
  'acceptance', // 收件（受理）通知书 + 存根 (seed 001 appendix B; seed 004 8.2.2)
  'nonAcceptance', // 不予受理通知书 (seed 000 tables 1-3 row 2 a 2; seed 002 9.3.3)
  'supplement', // 补齐补正通知书 + 存根 (seed 001 appendix C, 6.1.3; seed 000 tables 1-3 row 3 a 1)
  'approval', // 办结通知书 (seed 000 tables 1-3 row 3 a 2)
  'denial', // 不予通过通知书 (seed 000 tables 1-3 row 3 a 3; seed 004 8.5.5)
] as const;
export type NoticeType = (typeof NOTICE_TYPES)[number];

// ---------------------------------------------------------------------------------------------------------------
// Layout-neutral content: what the PDF renderer, the receipt printer and noticeToText walk in order.
// ---------------------------------------------------------------------------------------------------------------

/** A piece of a paragraph; `key` is set when the piece is a filled-in blank of the template (a field). */
export interface NoticeRun {
  text: string;
  key?: string;
}

/** A labelled field. `blank` fields are left empty for a hand-written entry (signature, date signed). */
export interface NoticeField {
  key: string;
  label: string;
  value: string;
  blank?: boolean;
}

export interface NoticeColumn {
  key: string;
  label: string;
}

/**
 * Paragraph styles: `salutation` flush left (收件人：); `body` first-line indent of two characters; `closing`
 * (特此告知) indented; `note` small bold (the template's 注); `date` right-aligned under the seal.
 */
export type NoticeParagraphStyle = 'salutation' | 'body' | 'closing' | 'note' | 'date';

/**
 * One section of a notice. Sections come in the template's order; a `stub` section is the cut line before the
 * 存根 (the second part: 第二联窗口存档), and everything after it belongs to the stub.
 */
export type NoticeSection =
  /** Centred bold heading (the notice title; `stubTitle` for the stub's own heading). */
  | { kind: 'title'; key: string; text: string }
  | { kind: 'paragraph'; key: string; style: NoticeParagraphStyle; runs: NoticeRun[]; text: string }
  /**
   * Labelled fields: `inline` share one line (经办人 / 联系电话 / 监督投诉电话 as in the templates), `stacked` take
   * one line each (the acceptance slip of seed 004 8.2.2, terms of delivery, deadlines).
   */
  | { kind: 'fields'; key: string; layout: 'inline' | 'stacked'; fields: NoticeField[] }
  /** A table of materials; rows hold one cell per column, in column order. */
  | { kind: 'table'; key: string; columns: NoticeColumn[]; rows: string[][] }
  /** A numbered list (reasons, told all at once). */
  | { kind: 'list'; key: string; items: string[] }
  /** The seal area: the label (承办窗口（章）) with the issuing unit's name; leave room for the stamp. */
  | { kind: 'seal'; key: string; label: string; issuer: string }
  /** QR code carrying `payload` (progress query), with a caption that repeats the application number. */
  | { kind: 'qr'; key: string; payload: string; caption: string }
  /** Dashed cut line; what follows is the 存根 kept by the window. */
  | { kind: 'stub'; key: string; label: string };

export type NoticeSectionKind = NoticeSection['kind'];

// ---------------------------------------------------------------------------------------------------------------
// Inputs
// ---------------------------------------------------------------------------------------------------------------

/** What the notices read from a catalogue entry (a full ServiceItem fits). */
export type NoticeItem = Pick<ServiceItem, 'mainName' | 'itemCode'> &
  Partial<
    Pick<
      ServiceItem,
      | 'subName'
      | 'promisedDays'
      | 'specialProcedures'
      | 'intermediaryServices'
      | 'contact'
      | 'materials'
      | 'implementingUnit'
      | 'transferDays'
    >
  >;

/** The facts every notice needs: who, which case, who issues it and when. */
export interface NoticeContext {
  /** 申请编号 (= case id; the 受理号 of seed 004 8.2.2). */
  applicationNo: string;
  /** The ID number is only ever shown masked (first 6, last 4). */
  applicant: { name: string; idNumber?: string; phone?: string };
  /** The issuing unit and its name as printed in the seal area (e.g. 安阳市政务服务中心 3 号综合窗口). */
  issuer: { unit: Unit; name: string };
  /** 经办人 */
  handler: string;
  /** 联系电话 (咨询) and 监督投诉电话; default to the item's contact (ServiceItem.contact). */
  phones?: { enquiry?: string; complaint?: string };
  /** When the notice is issued: a UTC ISO-8601 instant or a Date. Written as a date in Asia/Shanghai. */
  issuedAt: Date | string;
  locale?: MessageLocale;
  /**
   * Base of the progress query carried by the QR code: with `{applicationNo}` it is substituted, otherwise the
   * number is appended (URI-encoded). Without a base the QR carries the bare application number, which the kiosk's
   * progress query reads.
   */
  progressQueryBase?: string;
}

/** A material handed in (代收 / 收件). */
export interface ReceivedMaterial {
  name: string;
  original?: boolean;
  copies?: number;
  /** Fetched by the hall as this electronic licence (seed 003 九), not handed in. */
  eLicence?: string;
}

/** Rights to administrative review and litigation with their time limits (seed 004 8.5.5). */
export interface NoticeRights {
  /** 行政复议: the body and the limit in days (行政复议法 art. 20: 60 days). */
  review: { body: string; withinDays?: number };
  /** 行政诉讼: the court and the limit in months (行政诉讼法 art. 46: 6 months). */
  litigation: { court: string; withinMonths?: number };
}

export interface ProxyReceiptInput {
  mode: Extract<Mode, 'proxyLocal' | 'proxyRemote'>;
  materials: ReceivedMaterial[];
  /** 送达方式 chosen by the applicant (seed 000 table 2 row 1 b; 5.4). */
  delivery: DeliveryMethod;
  /** Which window hands over the result (seed 000 table 2 row 4). */
  deliverAt?: 'remoteWindow' | 'localWindow';
  /** The unit that accepts and decides; defaults to the item's implementing unit. */
  handlingUnit?: string;
  /** proxyLocal: how and how fast the materials go to the local window (seed 000 table 2 row 1 c). */
  transfer?: { method: 'push' | 'post'; days?: number; to: string };
}

export interface ReasonsInput {
  /** Every reason, told at once (一次性告知). */
  reasons: string[];
  /** 依据 (seed 002 9.3.3: 说明理由和依据). */
  basis?: string;
}

export interface ProxyRefusalInput extends ReasonsInput {
  advice?: string;
}

export interface AcceptanceInput {
  /** Materials handed in, or just their number (申请材料计××项). */
  materials?: ReceivedMaterial[];
  materialCount?: number;
  /** 承诺时限 in working days; defaults to the item's promisedDays. */
  promisedDays?: number;
  /** 受理时间 (seed 004 8.2.2); defaults to issuedAt. */
  acceptedAt?: Date | string;
  /** Promised completion date computed on the work calendar (承诺办结). */
  dueAt?: Date | string;
  /** The date was counted on a provisional (预计) year, before its State Council notice: the notice says so. */
  dueProvisional?: boolean;
  /** Special procedures that do not count, with their time (seed 004 8.2.6); defaults to the item's. */
  specialProcedures?: { kind: SpecialProcedureKind; days?: number }[];
  /** 中介服务事项名称 (seed 004 8.2.2); defaults to the item's intermediary services. */
  intermediaryServices?: string[];
  /** 容缺受理: missing secondary materials, their deadline and what happens when it passes (seed 002 9.3.6). */
  tolerance?: { materials: string[]; dueAt: Date | string; consequence?: string };
}

export type SupplementProblem = 'unspecified' | 'missing' | 'defective' | 'both';

export interface SupplementInput {
  /** Every missing or defective material at once (seed 001 6.1.3). */
  materials: { name: string; reason: string; copies?: number }[];
  /** 补正时限 (seed 000 tables 1-3 row 3 a 1). */
  dueAt: Date | string;
  /** At intake (appendix C wording) or during review after acceptance. */
  stage?: 'intake' | 'review';
  problem?: SupplementProblem;
  /** What happens if the deadline passes. */
  consequence?: string;
}

export interface NonAcceptanceInput extends ReasonsInput {
  rights?: NoticeRights;
}

export interface ApprovalInput {
  decidedAt?: Date | string;
  /** 办理结果: the licence or document produced (seed 004 8.5.3). */
  result?: string;
  resultNo?: string;
  delivery?: DeliveryMethod;
  deliveryDetail?: string;
}

export interface DenialInput extends ReasonsInput {
  decidedAt?: Date | string;
  rights: NoticeRights;
}

export interface NoticeInputs {
  proxyReceipt: ProxyReceiptInput;
  proxyRefusal: ProxyRefusalInput;
  acceptance: AcceptanceInput;
  nonAcceptance: NonAcceptanceInput;
  supplement: SupplementInput;
  approval: ApprovalInput;
  denial: DenialInput;
}

// ---------------------------------------------------------------------------------------------------------------
// The Notice values: JSON-safe (no Date, no functions), so they cross worker threads and files unchanged.
// ---------------------------------------------------------------------------------------------------------------

export interface NoticeBase<T extends NoticeType> {
  type: T;
  locale: MessageLocale;
  title: string;
  applicationNo: string;
  applicant: { name: string; idNumberMasked?: string; phone?: string };
  item: { code: string; name: string };
  issuer: { unit: Unit; name: string };
  handler: string;
  phones: { enquiry: string; complaint: string };
  /** UTC ISO-8601 */
  issuedAt: string;
  /** 'YYYY-MM-DD' in Asia/Shanghai */
  issuedDate: string;
  qrPayload: string;
  /** Whether the sections end with a 存根 (seed 001 appendices B and C). */
  hasStub: boolean;
  sections: NoticeSection[];
}

export interface RightsValue {
  review: { body: string; withinDays: number };
  litigation: { court: string; withinMonths: number };
}

export interface ProxyReceiptNotice extends NoticeBase<'proxyReceipt'> {
  mode: 'proxyLocal' | 'proxyRemote';
  handlingUnit: string;
  materials: ReceivedMaterial[];
  materialCount: number;
  delivery: DeliveryMethod;
  deliverAt?: 'remoteWindow' | 'localWindow';
  transfer?: { method: 'push' | 'post'; days: number; to: string };
}

export interface ProxyRefusalNotice extends NoticeBase<'proxyRefusal'> {
  reasons: string[];
  basis?: string;
}

export interface AcceptanceNotice extends NoticeBase<'acceptance'> {
  materialCount: number;
  promisedDays: number;
  acceptedAt: string;
  /** 'YYYY-MM-DD' (Asia/Shanghai) */
  dueDate?: string;
  /** dueDate was counted on a provisional (预计) year. */
  dueProvisional?: boolean;
  specialProcedures: { kind: SpecialProcedureKind; days?: number }[];
  intermediaryServices: string[];
  tolerance?: { materials: string[]; dueDate: string; consequence: string };
}

export interface NonAcceptanceNotice extends NoticeBase<'nonAcceptance'> {
  reasons: string[];
  basis?: string;
  rights?: RightsValue;
}

export interface SupplementNotice extends NoticeBase<'supplement'> {
  stage: 'intake' | 'review';
  problem: SupplementProblem;
  materials: { name: string; reason: string; copies?: number }[];
  /** 'YYYY-MM-DD' (Asia/Shanghai) */
  dueDate: string;
  consequence?: string;
}

export interface ApprovalNotice extends NoticeBase<'approval'> {
  decidedAt: string;
  result: string;
  resultNo?: string;
  delivery?: DeliveryMethod;
  deliveryDetail?: string;
}

export interface DenialNotice extends NoticeBase<'denial'> {
  decidedAt: string;
  reasons: string[];
  basis?: string;
  rights: RightsValue;
}

export type Notice =
  | ProxyReceiptNotice
  | ProxyRefusalNotice
  | AcceptanceNotice
  | NonAcceptanceNotice
  | SupplementNotice
  | ApprovalNotice
  | DenialNotice;

export type NoticeOf<T extends NoticeType> = Extract<Notice, { type: T }>;

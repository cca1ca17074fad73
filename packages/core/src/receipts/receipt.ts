/**
 * Receipt content (凭证 / 回执): what a kiosk fills and a printer renders (packages/devices renders ESC/POS;
 * the kiosk can show the same content on screen when the printer fails).
 * Fields follow the acceptance slip of seed 004 8.2.2 (事项名称、受理号、申请人及联系电话、受理时间、承诺办结时限)
 * and the application number told to the applicant of seed 002 8.3.2 / 8.5 (progress query).
 */
import { z } from 'zod';
import { maskIdNumber } from '../identity/index.js';
import { formatLocalDate, t } from '../messages/index.js';

export const ReceiptKind = z.enum(['submission', 'acceptance', 'proxyReceipt', 'appointment', 'supplement']);
export type ReceiptKind = z.infer<typeof ReceiptKind>;

export const ReceiptLine = z.object({ label: z.string().min(1), value: z.string() });
export type ReceiptLine = z.infer<typeof ReceiptLine>;

const masked = z
  .string()
  .min(1)
  .refine((s) => s.includes('*'), { message: 'must be masked (keep the first 6 and last 4 characters)' });

export const Receipt = z.object({
  kind: ReceiptKind,
  /** Printed as the heading, e.g. 受理回执. */
  title: z.string().min(1),
  /** Service hall or terminal location (政务服务中心 / 24 小时自助服务区, seed 001 4.1.2). */
  hall: z.string().min(1),
  /** 申请编号 (= case id), seed 002 8.3.2. */
  applicationNumber: z.string().min(1),
  itemName: z.string().min(1),
  itemCode: z.string().optional(),
  applicant: z.object({
    name: z.string().min(1),
    /** Masked ID number only: the full number never reaches a receipt. */
    idNumberMasked: masked,
    phoneMasked: masked.optional(),
  }),
  /** UTC ISO-8601 instant of the submission / acceptance. */
  at: z.iso.datetime(),
  /** Promised completion date (承诺办结), YYYY-MM-DD in Asia/Shanghai, computed on the work calendar. */
  promisedDueDate: z.iso.date().optional(),
  /**
   * The date was counted on a provisional (预计) year, before its State Council notice: printed as
   * "预计 2027年2月18日前办结，以法定假日安排为准" (issue 15).
   */
  promisedDueProvisional: z.boolean().optional(),
  promisedDays: z.number().int().nonnegative().optional(),
  /** What the QR code carries: the application number or a progress-query address containing it. */
  qrPayload: z.string().min(1).max(300),
  /** Further label/value lines (window, appointment slot, missing materials...). */
  lines: z.array(ReceiptLine).default([]),
  /** Free notes printed at the bottom (how to check progress, complaint hotline...). */
  notes: z.array(z.string()).default([]),
  terminalId: z.string().optional(),
});
export type Receipt = z.infer<typeof Receipt>;

export const RECEIPT_TITLES: Record<ReceiptKind, string> = {
  submission: '申请回执',
  acceptance: '受理回执',
  proxyReceipt: '代收凭证',
  appointment: '预约凭证',
  supplement: '补正告知',
};

/** Labels of the fixed fields (zh-CN default, en). */
export const RECEIPT_LABELS = {
  'zh-CN': {
    applicationNumber: '申请编号',
    itemName: '办理事项',
    itemCode: '事项编码',
    applicant: '申请人',
    idNumber: '证件号码',
    phone: '联系电话',
    at: '时间',
    promisedDueDate: '承诺办结',
    promisedDays: '承诺时限',
    workingDays: '个工作日',
    terminal: '终端',
    scan: '扫码查询办理进度',
  },
  en: {
    applicationNumber: 'Application no.',
    itemName: 'Service',
    itemCode: 'Item code',
    applicant: 'Applicant',
    idNumber: 'ID no.',
    phone: 'Phone',
    at: 'Time',
    promisedDueDate: 'Due by',
    promisedDays: 'Time limit',
    workingDays: ' working days',
    terminal: 'Terminal',
    scan: 'Scan to check progress',
  },
} as const;
export type ReceiptLocale = keyof typeof RECEIPT_LABELS;

export interface ReceiptInput {
  kind: ReceiptKind;
  title?: string;
  hall: string;
  applicationNumber: string;
  itemName: string;
  itemCode?: string;
  applicant: { name: string; idNumber: string; phone?: string };
  at: Date | string;
  promisedDueDate?: string;
  promisedDueProvisional?: boolean;
  promisedDays?: number;
  qrPayload?: string;
  lines?: ReceiptLine[];
  notes?: string[];
  terminalId?: string;
}

/** Masks a phone number keeping the first 3 and last 4 digits. */
export function maskPhone(phone: string): string {
  const s = phone.trim();
  if (s.length < 8) return '*'.repeat(s.length);
  return s.slice(0, 3) + '*'.repeat(s.length - 7) + s.slice(-4);
}

/** Builds a receipt from raw data, masking the ID number and phone; the QR defaults to the application number. */
export function createReceipt(input: ReceiptInput): Receipt {
  return Receipt.parse({
    kind: input.kind,
    title: input.title ?? RECEIPT_TITLES[input.kind],
    hall: input.hall,
    applicationNumber: input.applicationNumber,
    itemName: input.itemName,
    itemCode: input.itemCode,
    applicant: {
      name: input.applicant.name,
      idNumberMasked: maskIdNumber(input.applicant.idNumber),
      phoneMasked: input.applicant.phone === undefined ? undefined : maskPhone(input.applicant.phone),
    },
    at: typeof input.at === 'string' ? new Date(input.at).toISOString() : input.at.toISOString(),
    promisedDueDate: input.promisedDueDate,
    promisedDueProvisional: input.promisedDueProvisional || undefined,
    promisedDays: input.promisedDays,
    qrPayload: input.qrPayload ?? input.applicationNumber,
    lines: input.lines ?? [],
    notes: input.notes ?? [],
    terminalId: input.terminalId,
  });
}

const SHANGHAI = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** 'YYYY-MM-DD HH:mm' in Asia/Shanghai, as printed on receipts. */
export function formatReceiptTime(iso: string): string {
  const parts = Object.fromEntries(SHANGHAI.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/**
 * The promised completion date as the applicant reads it: the date, or, when it was counted on a provisional
 * year, "预计 2027年2月18日前办结，以法定假日安排为准" (message catalogue: calendar.provisionalDue).
 */
export function promisedDueText(receipt: Receipt, locale: ReceiptLocale = 'zh-CN'): string | undefined {
  if (!receipt.promisedDueDate) return undefined;
  if (!receipt.promisedDueProvisional) return receipt.promisedDueDate;
  return t('calendar.provisionalDue', { date: formatLocalDate(receipt.promisedDueDate, locale) }, locale);
}

/** The label/value lines of a receipt in print order (fixed fields first, then the receipt's own lines). */
export function receiptFields(receipt: Receipt, locale: ReceiptLocale = 'zh-CN'): ReceiptLine[] {
  const L = RECEIPT_LABELS[locale];
  const out: ReceiptLine[] = [
    { label: L.applicationNumber, value: receipt.applicationNumber },
    { label: L.itemName, value: receipt.itemName },
  ];
  if (receipt.itemCode) out.push({ label: L.itemCode, value: receipt.itemCode });
  out.push({ label: L.applicant, value: receipt.applicant.name });
  out.push({ label: L.idNumber, value: receipt.applicant.idNumberMasked });
  if (receipt.applicant.phoneMasked) out.push({ label: L.phone, value: receipt.applicant.phoneMasked });
  out.push({ label: L.at, value: formatReceiptTime(receipt.at) });
  if (receipt.promisedDays !== undefined)
    out.push({ label: L.promisedDays, value: `${receipt.promisedDays}${L.workingDays}` });
  const due = promisedDueText(receipt, locale);
  if (due) out.push({ label: L.promisedDueDate, value: due });
  out.push(...receipt.lines);
  if (receipt.terminalId) out.push({ label: L.terminal, value: receipt.terminalId });
  return out;
}

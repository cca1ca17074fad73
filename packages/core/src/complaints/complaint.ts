import { z } from 'zod';
import { TongbanError } from '../errors/tongban-error.js';
import { maskIdNumber } from '../identity/id-number.js';

const text = (what: string) => z.string().trim().min(1, `${what} must not be empty`);
const instant = z.iso.datetime({ offset: true });

/** 电话、网上、现场和信件投诉 (seed 002 10.2; seed 004 9.2.2). */
export const COMPLAINT_CHANNELS = ['phone', 'online', 'onSite', 'letter'] as const;
export const ComplaintChannel = z.enum(COMPLAINT_CHANNELS);
export type ComplaintChannel = z.infer<typeof ComplaintChannel>;

/** 投诉举报类型 (seed 002 10.2 c); the list follows the violations of seed 002 12.3.5 plus attitude and advice. */
export const COMPLAINT_TYPES = {
  attitude: '服务态度',
  efficiency: '办事效率',
  notAccepted: '应受理未受理',
  extraSteps: '擅自增加环节或条件',
  overdue: '逾期未办结',
  fees: '违规收费',
  noResult: '未出具办理结果',
  integrity: '廉政问题',
  suggestion: '意见建议',
  other: '其他',
} as const;
export const ComplaintType = z.enum(Object.keys(COMPLAINT_TYPES) as [keyof typeof COMPLAINT_TYPES]);
export type ComplaintType = z.infer<typeof ComplaintType>;

/** 受理→调查→处置→反馈 (seed 000 7.2; GB/T 36113). */
export const COMPLAINT_STEPS = ['received', 'investigating', 'resolved', 'replied'] as const;
export const ComplaintStep = z.enum(COMPLAINT_STEPS);
export type ComplaintStep = z.infer<typeof ComplaintStep>;

/** Who did what when, for each step. */
export const ComplaintStepRecord = z.object({
  step: ComplaintStep,
  at: instant,
  by: text('actor'),
  note: z.string().default(''),
});
export type ComplaintStepRecord = z.infer<typeof ComplaintStepRecord>;

/** What a person fills in: the form of seed 002 10.2 (a is the number, given on receipt). */
export const ComplaintForm = z.object({
  channel: ComplaintChannel,
  /** b) 被投诉举报单位或部门 */
  targetUnit: text('the unit or department complained about'),
  /** c) 投诉举报类型 */
  type: ComplaintType,
  /** d) 被投诉举报人姓名 (may be unknown) */
  respondentName: z.string().trim().optional(),
  /** e) 投诉举报内容 */
  content: text('the content of the complaint'),
  /** e) 投诉举报人提出的要求 */
  demands: z.string().trim().default(''),
  complainant: z
    .object({
      name: z.string().trim().optional(),
      phone: z.string().trim().optional(),
      /** Masked whenever shown. */
      idNumber: z.string().trim().optional(),
    })
    .default({}),
  /** The case it concerns, if any. */
  caseId: z.string().trim().optional(),
  itemCode: z.string().trim().optional(),
  /** Received at the 有诉即办 desk (seed 001 6.3.5): assigned to a department, replied by the desk. */
  desk: z.enum(['general', 'yousujiban']).default('general'),
});
export type ComplaintForm = z.infer<typeof ComplaintForm>;
export type ComplaintFormInput = z.input<typeof ComplaintForm>;

export const Complaint = ComplaintForm.extend({
  /** a) 投诉举报受理编号, with a check character (see complaint-number.ts). */
  id: z.string().min(1),
  revision: z.number().int().min(0),
  state: ComplaintStep,
  receivedAt: instant,
  /** Reply limit: 5 working days from receipt on the work calendar (seed 000 7.2). */
  dueAt: instant,
  steps: z.array(ComplaintStepRecord).min(1),
  /** 承办部门 the complaint was passed to (seed 001 6.3.5 分类交办). */
  assignedTo: z.string().optional(),
  /** Written result of the investigation (seed 001 6.3.5 书面处理结果). */
  outcome: z.string().optional(),
  /** Corrective measures to publish (seed 002 10.4). */
  measures: z.string().optional(),
  reply: z.object({ text: z.string(), channel: ComplaintChannel, at: instant, by: z.string() }).optional(),
});
export type Complaint = z.infer<typeof Complaint>;

function wrongStep(c: Complaint, want: ComplaintStep, action: string): TongbanError {
  return new TongbanError(
    'COMPLAINT_WRONG_STATE',
    `complaint ${c.id} is ${c.state}; it must be ${want} to be ${action}`,
    {
      where: { complaint: c.id, state: c.state },
      hint: `steps go received → investigating → resolved → replied (seed 000 7.2); do the ${want} step first`,
    },
  );
}

function requireText(c: Complaint, value: string | undefined, field: string, hint: string): string {
  const v = value?.trim();
  if (!v)
    throw new TongbanError('COMPLAINT_FIELD_MISSING', `${field} is missing`, {
      where: { complaint: c.id, field },
      hint,
    });
  return v;
}

/** received → investigating: who investigates; 有诉即办 requires the department it is passed to (seed 001 6.3.5). */
export function startInvestigation(
  c: Complaint,
  step: { by: string; at: string; assignedTo?: string; note?: string },
): Complaint {
  if (c.state !== 'received') throw wrongStep(c, 'received', 'investigated');
  const assignedTo =
    c.desk === 'yousujiban'
      ? requireText(
          c,
          step.assignedTo,
          'assignedTo',
          '有诉即办 passes each matter to the responsible department (seed 001 6.3.5 分类交办)',
        )
      : step.assignedTo;
  return {
    ...c,
    state: 'investigating',
    ...(assignedTo ? { assignedTo } : {}),
    steps: [...c.steps, { step: 'investigating', at: step.at, by: step.by, note: step.note ?? '' }],
  };
}

/** investigating → resolved: the written result (seed 001 6.3.5) and any corrective measures (seed 002 10.4). */
export function resolveComplaint(
  c: Complaint,
  step: { by: string; at: string; outcome: string; measures?: string },
): Complaint {
  if (c.state !== 'investigating') throw wrongStep(c, 'investigating', 'resolved');
  const outcome = requireText(
    c,
    step.outcome,
    'outcome',
    'write down what the investigation found and what was done',
  );
  return {
    ...c,
    state: 'resolved',
    outcome,
    ...(step.measures ? { measures: step.measures } : {}),
    steps: [...c.steps, { step: 'resolved', at: step.at, by: step.by, note: outcome }],
  };
}

/** resolved → replied: the answer to the complainant (seed 000 7.2 反馈; seed 002 10.1). */
export function replyToComplaint(
  c: Complaint,
  step: { by: string; at: string; text: string; channel?: ComplaintChannel },
): Complaint {
  if (c.state !== 'resolved') throw wrongStep(c, 'resolved', 'replied');
  const text = requireText(c, step.text, 'reply', 'write what the complainant is told');
  const channel = step.channel ?? c.channel;
  const note = c.desk === 'yousujiban' ? `有诉即办窗口反馈: ${text}` : text;
  return {
    ...c,
    state: 'replied',
    reply: { text, channel, at: step.at, by: step.by },
    steps: [...c.steps, { step: 'replied', at: step.at, by: step.by, note }],
  };
}

/** Not yet replied and past the limit (seed 000 7.2). */
export function isComplaintOverdue(c: Pick<Complaint, 'state' | 'dueAt'>, now: Date): boolean {
  return c.state !== 'replied' && new Date(c.dueAt).getTime() < now.getTime();
}

/** Replied at or before the limit (seed 000 7.2). */
export function repliedWithinLimit(c: Pick<Complaint, 'reply' | 'dueAt'>): boolean {
  return !!c.reply && new Date(c.reply.at).getTime() <= new Date(c.dueAt).getTime();
}

/** What a complainant sees when querying by number (seed 002 10.3): no third party's data, own ID masked. */
export interface ComplaintView {
  number: string;
  state: ComplaintStep;
  type: ComplaintType;
  targetUnit: string;
  receivedAt: string;
  dueAt: string;
  overdue: boolean;
  steps: { step: ComplaintStep; at: string }[];
  reply?: { text: string; at: string };
  measures?: string;
  complainantId?: string;
}

export function complaintView(c: Complaint, now: Date): ComplaintView {
  return {
    number: c.id,
    state: c.state,
    type: c.type,
    targetUnit: c.targetUnit,
    receivedAt: c.receivedAt,
    dueAt: c.dueAt,
    overdue: isComplaintOverdue(c, now),
    steps: c.steps.map((s) => ({ step: s.step, at: s.at })),
    ...(c.reply ? { reply: { text: c.reply.text, at: c.reply.at } } : {}),
    ...(c.measures ? { measures: c.measures } : {}),
    ...(c.complainant.idNumber ? { complainantId: maskIdNumber(c.complainant.idNumber) } : {}),
  };
}

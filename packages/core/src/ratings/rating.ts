import { z } from 'zod';
import { TongbanError } from '../errors/tongban-error.js';

/** 好差评 five levels (国办发〔2019〕51号, domain.md "Complaints and ratings"; seed 003 三). */
export const RATING_LEVELS = {
  5: { zh: '非常满意', en: 'very satisfied' },
  4: { zh: '满意', en: 'satisfied' },
  3: { zh: '基本满意', en: 'fairly satisfied' },
  2: { zh: '不满意', en: 'dissatisfied' },
  1: { zh: '非常不满意', en: 'very dissatisfied' },
} as const;
export const RatingLevel = z
  .number()
  .int()
  .min(1, 'levels run 1 (非常不满意) to 5 (非常满意)')
  .max(5, 'levels run 1 (非常不满意) to 5 (非常满意)');
export type RatingLevel = 1 | 2 | 3 | 4 | 5;

/** 差评: 不满意 and 非常不满意 (levels 1-2). */
export function isBadRating(level: number): boolean {
  return level <= 2;
}
/** 满意 for the satisfaction rate: 基本满意 and above (levels 3-5). */
export function isSatisfied(level: number): boolean {
  return level >= 3;
}

export const RATING_CHANNELS = ['kiosk', 'online', 'mobile', 'sms', 'phone', 'device', 'system'] as const;
export const RatingChannel = z.enum(RATING_CHANNELS);
export type RatingChannel = z.infer<typeof RatingChannel>;

const instant = z.iso.datetime({ offset: true });

/** 一事一评 (seed 002 12.2.2): one rating per case; stored as a `ratings` record whose id is the case id. */
export const Rating = z.object({
  id: z.string().min(1),
  revision: z.number().int().min(0),
  caseId: z.string().min(1),
  itemCode: z.string().optional(),
  level: RatingLevel,
  comment: z.string().trim().default(''),
  /** Optional dimensions (efficiency, attitude, skill...), each 1-5. */
  dimensions: z.record(z.string(), RatingLevel).default({}),
  channel: RatingChannel,
  ratedAt: instant,
  /** Masked whenever shown. */
  applicantId: z.string().optional(),
  /** Recorded as 满意 because no rating came in time (setting, off by default). */
  auto: z.boolean().default(false),
  bad: z.boolean(),
  /** The rectification task a bad rating opened. */
  taskId: z.string().optional(),
});
export type Rating = z.infer<typeof Rating>;

/** Rectification of a bad rating: open → rectified | explained → answered (差评重办, seed 003 三). */
export const RECTIFICATION_STATES = ['open', 'rectified', 'explained', 'answered'] as const;
export const RectificationState = z.enum(RECTIFICATION_STATES);
export type RectificationState = z.infer<typeof RectificationState>;

export const RectificationTask = z.object({
  id: z.string().min(1),
  revision: z.number().int().min(0),
  kind: z.literal('rectification'),
  caseId: z.string().min(1),
  ratingLevel: RatingLevel,
  comment: z.string(),
  /** The unit that handled the case and must answer (domain.md: handled by whoever handled the case). */
  assignedUnit: z.string().optional(),
  state: RectificationState,
  openedAt: instant,
  /** Working days from the rating (setting, default 5). */
  dueAt: instant,
  steps: z.array(z.object({ state: RectificationState, at: instant, by: z.string(), note: z.string() })),
  answer: z.object({ text: z.string(), at: instant, by: z.string(), channel: z.string() }).optional(),
});
export type RectificationTask = z.infer<typeof RectificationTask>;

function wrong(t: RectificationTask, want: string, action: string) {
  return new TongbanError(
    'RECTIFICATION_WRONG_STATE',
    `rectification ${t.id} is ${t.state}; it must be ${want} to be ${action}`,
    {
      where: { caseId: t.caseId, task: t.id, state: t.state },
      hint: 'a bad rating is first rectified or explained, then the applicant is answered (seed 003 三)',
    },
  );
}

/** open → rectified (the fault was fixed) or explained (no fault: the reason is explained). */
export function settleRectification(
  t: RectificationTask,
  step: { outcome: 'rectified' | 'explained'; by: string; at: string; note: string },
): RectificationTask {
  if (t.state !== 'open') throw wrong(t, 'open', step.outcome);
  if (!step.note.trim()) {
    throw new TongbanError('RECTIFICATION_NOTE_MISSING', `say what was ${step.outcome}`, {
      where: { caseId: t.caseId, task: t.id, field: 'note' },
      hint: 'write what was fixed, or the explanation given',
    });
  }
  return {
    ...t,
    state: step.outcome,
    steps: [...t.steps, { state: step.outcome, at: step.at, by: step.by, note: step.note.trim() }],
  };
}

/** rectified | explained → answered: the applicant is told; work on the case is closed again. */
export function answerRectification(
  t: RectificationTask,
  step: { by: string; at: string; text: string; channel: string },
): RectificationTask {
  if (t.state !== 'rectified' && t.state !== 'explained')
    throw wrong(t, 'rectified or explained', 'answered');
  if (!step.text.trim()) {
    throw new TongbanError('RECTIFICATION_ANSWER_MISSING', 'the answer to the applicant is empty', {
      where: { caseId: t.caseId, task: t.id, field: 'text' },
      hint: 'write what the applicant is told',
    });
  }
  return {
    ...t,
    state: 'answered',
    answer: { text: step.text.trim(), at: step.at, by: step.by, channel: step.channel },
    steps: [...t.steps, { state: 'answered', at: step.at, by: step.by, note: step.text.trim() }],
  };
}

export function isRectificationOverdue(t: Pick<RectificationTask, 'state' | 'dueAt'>, now: Date): boolean {
  return t.state !== 'answered' && new Date(t.dueAt).getTime() < now.getTime();
}

export const RatingSettings = z.object({
  /** Working days to rectify and answer a bad rating (regional: 5, 7 or 15 seen; default 5). */
  rectifyDays: z.number().int().min(1).max(60).default(5),
  /** Record 满意 when no rating came within `afterDays` working days of the decision (off by default). */
  autoSatisfied: z
    .object({ enabled: z.boolean().default(false), afterDays: z.number().int().min(1).max(60).default(5) })
    .default({ enabled: false, afterDays: 5 }),
});
export type RatingSettings = z.infer<typeof RatingSettings>;
export type RatingSettingsInput = z.input<typeof RatingSettings>;

/**
 * zod schemas of the documented `--json` shapes of the appointments, complaints, ratings and metrics commands
 * (docs/appointments.md, docs/complaints-ratings.md, docs/metrics.md); the tests parse every output with them, so a change
 * of shape fails a test. Strict objects: an added field is a change of the documented shape too.
 */
import { z } from 'zod';

const instant = z.iso.datetime({ offset: true });
const day = z.iso.date();
const hhmm = z.string().regex(/^\d{2}:\d{2}$/);
/** A masked ID number: first 6 and last 4 kept. */
const maskedId = z.string().regex(/^.{6}\*+.{4}$|^[^*]*\*+[^*]*$/);

export const AppointmentRow = z.strictObject({
  id: z.string().regex(/^YY\d{8}-\d{4}$/),
  day,
  slot: z.strictObject({ start: hhmm, end: hhmm }),
  startsAt: instant,
  itemCode: z.string(),
  itemName: z.string().optional(),
  windowId: z.string(),
  applicantId: maskedId,
  applicantName: z.string().optional(),
  phone: z.string().optional(),
  channel: z.string(),
  status: z.enum(['booked', 'cancelled', 'done', 'noShow']),
  bookedAt: instant,
  bookedBy: z.string(),
  cancelledAt: instant.optional(),
  cancelReason: z.string().optional(),
});

export const CapacitySetResult = z.strictObject({
  itemCode: z.string(),
  windowId: z.string(),
  capacity: z.number().int().min(0),
  slots: z.array(hhmm).nullable(),
  days: z.array(day),
  skipped: z.array(day),
  written: z.number().int(),
  overbooked: z.array(
    z.strictObject({ day, slot: hhmm, taken: z.number().int(), capacity: z.number().int() }),
  ),
});

export const CapacityShowResult = z.strictObject({
  day,
  workingDay: z.boolean(),
  entries: z.array(
    z.strictObject({
      itemCode: z.string(),
      itemName: z.string().optional(),
      windowId: z.string(),
      slots: z.array(
        z.strictObject({
          start: hhmm,
          end: hhmm,
          capacity: z.number().int(),
          taken: z.number().int(),
          remaining: z.number().int(),
          source: z.enum(['slot', 'day', 'item']),
        }),
      ),
    }),
  ),
});

export const AppointmentsListResult = z.strictObject({
  day,
  total: z.number().int(),
  appointments: z.array(AppointmentRow),
});

export const AppointmentsBookResult = z.strictObject({ appointment: AppointmentRow, message: z.string() });
export const AppointmentsCancelResult = z.strictObject({ appointment: AppointmentRow });

/** What a messaging system reads from `appointments remind --json`. */
export const AppointmentsRemindResult = z.strictObject({
  at: instant,
  marked: z.boolean(),
  reminders: z.array(
    z.strictObject({
      appointmentId: z.string(),
      ruleId: z.string().regex(/^(dayBefore@\d{2}:\d{2}|minutesBefore@\d+)$/),
      dueAt: instant,
      skipped: z.array(z.string()),
      day,
      slot: z.strictObject({ start: hhmm, end: hhmm }),
      startsAt: instant,
      itemCode: z.string(),
      itemName: z.string().optional(),
      windowId: z.string(),
      applicantName: z.string().optional(),
      applicantId: maskedId,
      phone: z.string().optional(),
      text: z.strictObject({ 'zh-CN': z.string().min(1), en: z.string().min(1) }),
    }),
  ),
});

const step = z.enum(['received', 'investigating', 'resolved', 'replied']);
const channel = z.enum(['phone', 'online', 'onSite', 'letter']);

export const ComplaintRecord = z.strictObject({
  id: z.string().regex(/^TS\d{12}[0-9A-Z]$/),
  number: z.string().regex(/^TS-\d{8}-\d{4}-[0-9A-Z]$/),
  channel,
  targetUnit: z.string(),
  type: z.string(),
  respondentName: z.string().optional(),
  content: z.string(),
  demands: z.string(),
  complainant: z.strictObject({
    name: z.string().optional(),
    phone: z.string().optional(),
    idNumber: maskedId.optional(),
  }),
  caseId: z.string().optional(),
  itemCode: z.string().optional(),
  desk: z.enum(['general', 'yousujiban']),
  state: step,
  receivedAt: instant,
  dueAt: instant,
  steps: z.array(z.strictObject({ step, at: instant, by: z.string(), note: z.string() })).min(1),
  assignedTo: z.string().optional(),
  outcome: z.string().optional(),
  measures: z.string().optional(),
  reply: z.strictObject({ text: z.string(), channel, at: instant, by: z.string() }).optional(),
  overdue: z.boolean(),
});

export const ComplaintsFileResult = z.strictObject({ complaint: ComplaintRecord, message: z.string() });
export const ComplaintResult = z.strictObject({ complaint: ComplaintRecord });
export const ComplaintsListResult = z.strictObject({
  at: instant,
  total: z.number().int(),
  complaints: z.array(ComplaintRecord),
});
export const ComplaintsOverdueResult = z.strictObject({
  at: instant,
  total: z.number().int(),
  complaints: z.array(ComplaintRecord.extend({ workingDaysLate: z.number().int().min(0) }).strict()),
});

const taskState = z.enum(['open', 'rectified', 'explained', 'answered']);
export const TaskRow = z.strictObject({
  id: z.string(),
  caseId: z.string(),
  ratingLevel: z.number().int().min(1).max(5),
  comment: z.string(),
  assignedUnit: z.string().optional(),
  state: taskState,
  openedAt: instant,
  dueAt: instant,
  steps: z.array(z.strictObject({ state: taskState, at: instant, by: z.string(), note: z.string() })),
  answer: z.strictObject({ text: z.string(), at: instant, by: z.string(), channel: z.string() }).optional(),
  overdue: z.boolean(),
});

export const RatingsListResult = z.strictObject({
  at: instant,
  total: z.number().int(),
  ratings: z.array(
    z.strictObject({
      caseId: z.string(),
      itemCode: z.string().optional(),
      level: z.number().int().min(1).max(5),
      levelName: z.string(),
      bad: z.boolean(),
      comment: z.string(),
      channel: z.string(),
      ratedAt: instant,
      auto: z.boolean(),
      applicantId: maskedId.optional(),
      task: TaskRow.optional(),
    }),
  ),
});
export const RectificationResult = z.strictObject({ task: TaskRow });

const nullableRate = z.number().min(0).max(1).nullable();
export const MetricsReportResult = z.strictObject({
  period: z.strictObject({ from: day, to: day }),
  filter: z.strictObject({
    unit: z.string().optional(),
    window: z.string().optional(),
    itemCode: z.string().optional(),
  }),
  metrics: z.array(
    z.strictObject({
      id: z.string(),
      zh: z.string(),
      en: z.string(),
      seed: z.string(),
      denominator: z.string(),
      numerator: z.string(),
      formula: z.string().min(1),
      numeratorCount: z.number().int(),
      denominatorCount: z.number().int(),
      value: nullableRate,
      misses: z.array(z.string()),
    }),
  ),
  byUnit: z.array(
    z.strictObject({
      unit: z.string(),
      name: z.string(),
      metrics: z.array(
        z.strictObject({
          id: z.string(),
          numeratorCount: z.number().int(),
          denominatorCount: z.number().int(),
          value: nullableRate,
        }),
      ),
    }),
  ),
  skipped: z.array(z.strictObject({ caseId: z.string(), reason: z.string() })),
});

const ledgerStatus = z.enum(['open', 'inProgress', 'closed']);
export const LedgerRow = z.strictObject({
  id: z.string().regex(/^GJ-\d{4}Q[1-4]-\d{3,}$/),
  quarter: z.string().regex(/^\d{4}Q[1-4]$/),
  problem: z.string().min(1),
  responsibleUnit: z.string().min(1),
  measure: z.string().min(1),
  deadline: day,
  metricId: z.string().optional(),
  cause: z.string().optional(),
  status: ledgerStatus,
  progress: z.string().optional(),
  result: z.string().optional(),
  createdAt: instant,
  createdBy: z.string(),
  updatedAt: instant,
  closedAt: instant.optional(),
  history: z
    .array(
      z.strictObject({
        action: z.enum(['add', 'update', 'close']),
        at: instant,
        by: z.string(),
        fields: z.array(z.string()),
        note: z.string(),
      }),
    )
    .min(1),
  overdue: z.boolean(),
});
export const LedgerEntryResult = z.strictObject({ entry: LedgerRow });
export const LedgerListResult = z.strictObject({
  at: instant,
  total: z.number().int(),
  entries: z.array(LedgerRow),
});
export const LedgerExportResult = z.strictObject({
  file: z.string(),
  format: z.enum(['csv', 'xlsx']),
  entries: z.number().int(),
  bytes: z.number().int().positive(),
});

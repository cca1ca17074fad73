/**
 * zod schemas of the documented `--json` shapes of `tongban cases` (docs/cases.md), checked by the tests.
 * Strict objects: a new key is a change of the documented shape and must be added here and in docs/cases.md.
 */
import { Unit } from '@tongban/core/cases';
import { z } from 'zod';

const instant = z.iso.datetime();
const date = z.iso.date();
const unit = Unit;
const noticeType = z.enum([
  'proxyReceipt',
  'proxyRefusal',
  'acceptance',
  'nonAcceptance',
  'supplement',
  'approval',
  'denial',
]);
const NoticeRef = z.strictObject({ type: noticeType, name: z.string().min(1) });
const NextStep = z.strictObject({ event: z.string(), label: z.string(), units: z.array(unit).min(1) });

export const StepResult = z.strictObject({
  caseId: z.string().min(1),
  event: z.strictObject({
    id: z.string().min(1),
    type: z.string(),
    label: z.string(),
    unit,
    unitName: z.string(),
    actor: z.string(),
    at: instant,
  }),
  from: z.string(),
  state: z.string(),
  stateName: z.string(),
  waitingOn: unit.nullable(),
  dueAt: instant.nullable(),
  dueDate: date.nullable(),
  dueProvisional: z.boolean(),
  notices: z.array(NoticeRef),
  nextSteps: z.array(NextStep),
  length: z.number().int().min(1),
  duplicate: z.boolean(),
});

/** An ID number as shown: first 6 and last 4 kept (DESIGN "Personal data"). */
const maskedId = z.string().regex(/^.{0,6}\*+.{0,4}$/, 'ID numbers are masked');

export const ShowResult = z.strictObject({
  caseId: z.string(),
  itemCode: z.string(),
  itemName: z.string(),
  catalogueVersion: z.number().int(),
  mode: z.enum(['online', 'proxyLocal', 'proxyRemote', 'window']),
  kind: z.enum(['immediate', 'promised', 'joint']),
  bundleId: z.string().nullable(),
  state: z.string(),
  stateName: z.string(),
  closed: z.boolean(),
  waitingOn: unit.nullable(),
  waitingOnName: z.string().nullable(),
  applicant: z.strictObject({ name: z.string(), idNumber: maskedId, phone: z.string() }),
  materials: z.strictObject({
    required: z.array(z.strictObject({ name: z.string(), kind: z.string(), tolerable: z.boolean() })),
    submitted: z.array(z.string()),
    /** Electronic licences fetched by the hall in place of materials (seed 003 九). */
    eLicences: z.array(z.strictObject({ material: z.string(), licence: z.string(), fetchedAt: instant })),
    missing: z.array(z.string()),
  }),
  deliveryMethod: z.string().nullable(),
  deliverAt: z.string().nullable(),
  deadlines: z.strictObject({
    acceptedAt: instant.nullable(),
    promisedDays: z.number().int(),
    dueAt: instant.nullable(),
    dueDate: date.nullable(),
    dueProvisional: z.boolean(),
    overdue: z.boolean(),
    workingDaysOver: z.number().int().nullable(),
    clockStopped: z.boolean(),
    pauses: z.array(
      z.strictObject({
        from: instant,
        to: instant.nullable(),
        reason: z.string(),
        workingDays: z.number().int(),
      }),
    ),
    pausedWorkingDays: z.number().int(),
    supplements: z.array(
      z.strictObject({
        stage: z.enum(['intake', 'review']),
        unit,
        requestedAt: instant,
        dueAt: instant,
        items: z.array(z.strictObject({ material: z.string(), reason: z.string() })),
        answeredAt: instant.nullable(),
        answered: z.array(z.string()),
      }),
    ),
    tolerance: z
      .strictObject({
        grantedAt: instant,
        dueAt: instant,
        missing: z.array(z.string()),
        handedIn: z.array(z.strictObject({ material: z.string(), at: instant, late: z.boolean() })),
      })
      .nullable(),
    transferDueAt: instant.nullable(),
    transferDueProvisional: z.boolean(),
    decidedAt: instant.nullable(),
    decidedOnTime: z.boolean().nullable(),
  }),
  decision: z
    .strictObject({
      outcome: z.enum(['approved', 'denied']),
      at: instant,
      unit,
      department: z.string().nullable(),
      result: z.string().nullable(),
      reasons: z.array(z.string()),
      basis: z.string().nullable(),
      rights: z
        .strictObject({
          review: z.strictObject({ body: z.string(), withinDays: z.number().int() }),
          litigation: z.strictObject({ court: z.string(), withinMonths: z.number().int() }),
        })
        .nullable(),
    })
    .nullable(),
  refusal: z
    .strictObject({
      unit,
      at: instant,
      reasons: z.array(z.string()).min(1),
      basis: z.string().nullable(),
      proxy: z.boolean(),
    })
    .nullable(),
  deliveredAt: instant.nullable(),
  deliveredBy: unit.nullable(),
  archivedBy: z.array(unit),
  timeline: z.array(
    z.strictObject({
      at: instant,
      event: z.string(),
      label: z.string(),
      unit,
      unitName: z.string(),
      actor: z.string(),
      state: z.string(),
      stateName: z.string(),
      text: z.string().min(1),
    }),
  ),
  notices: z.array(
    NoticeRef.extend({ eventId: z.string(), eventType: z.string(), unit, at: instant }).strict(),
  ),
  nextSteps: z.array(NextStep),
  createdAt: instant,
  updatedAt: instant,
  closedAt: instant.nullable(),
  length: z.number().int().min(1),
});

const CaseRow = z.strictObject({
  caseId: z.string(),
  itemCode: z.string(),
  itemName: z.string(),
  mode: z.string(),
  state: z.string(),
  stateName: z.string(),
  waitingOn: unit.nullable(),
  createdAt: instant,
  updatedAt: instant,
  dueAt: instant.nullable(),
  dueDate: date.nullable(),
  dueProvisional: z.boolean(),
  closedAt: instant.nullable(),
  overdue: z.boolean(),
  length: z.number().int().min(1),
});

export const ListResult = z.strictObject({
  now: instant,
  query: z.record(z.string(), z.unknown()),
  total: z.number().int(),
  cases: z.array(CaseRow),
});

export const OverdueResult = z.strictObject({
  now: instant,
  total: z.number().int(),
  groups: z.array(
    z.strictObject({
      unit: z.string(),
      unitName: z.string(),
      count: z.number().int().min(1),
      cases: z.array(
        z.strictObject({
          caseId: z.string(),
          itemCode: z.string(),
          itemName: z.string(),
          mode: z.string(),
          state: z.string(),
          dueAt: instant,
          dueDate: date,
          workingDaysOver: z.number().int(),
          calendarDaysOver: z.number().int(),
        }),
      ),
    }),
  ),
});

export const ExpireResult = z.strictObject({
  now: instant,
  total: z.number().int(),
  changed: z.array(
    z.strictObject({ caseId: z.string(), itemCode: z.string(), state: z.string(), stateName: z.string() }),
  ),
});

export const ErrorResult = z.strictObject({
  error: z.strictObject({
    name: z.string(),
    code: z.string(),
    message: z.string().min(1),
    where: z.record(z.string(), z.unknown()).optional(),
    hint: z.string().optional(),
  }),
  exitCode: z.number().int().min(1),
});

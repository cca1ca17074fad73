/**
 * The `--json` rows of appointments, complaints and ratings: personal data masked (ID numbers keep the first 6
 * and last 4 characters; phones in lists keep the first 3 and last 4). Shapes are in schemas.ts.
 */
import type { Appointment } from '@tongban/core/appointments';
import type { Complaint } from '@tongban/core/complaints';
import type { Rating, RectificationTask } from '@tongban/core/ratings';
import { maskPhone } from './flags.js';

type Mask = (id: string) => string;

export interface AppointmentRow {
  id: string;
  day: string;
  slot: { start: string; end: string };
  startsAt: string;
  itemCode: string;
  itemName?: string;
  windowId: string;
  applicantId: string;
  applicantName?: string;
  phone?: string;
  channel: string;
  status: string;
  bookedAt: string;
  bookedBy: string;
  cancelledAt?: string;
  cancelReason?: string;
}

export function appointmentRow(a: Appointment, mask: Mask): AppointmentRow {
  return {
    id: a.id,
    day: a.day,
    slot: { start: a.slot.start, end: a.slot.end },
    startsAt: a.startsAt,
    itemCode: a.itemCode,
    ...(a.itemName ? { itemName: a.itemName } : {}),
    windowId: a.windowId,
    applicantId: mask(a.applicantId),
    ...(a.applicantName ? { applicantName: a.applicantName } : {}),
    ...(a.phone ? { phone: maskPhone(a.phone) } : {}),
    channel: a.channel,
    status: a.status,
    bookedAt: a.bookedAt,
    bookedBy: a.bookedBy,
    ...(a.cancelledAt ? { cancelledAt: a.cancelledAt } : {}),
    ...(a.cancelReason ? { cancelReason: a.cancelReason } : {}),
  };
}

export type ComplaintRecord = Omit<Complaint, 'revision'> & {
  /** Printed form TS-20261123-0007-4. */
  number: string;
  overdue: boolean;
};

export function complaintRecord(
  c: Complaint,
  opts: { mask: Mask; format: (n: string) => string; overdue: boolean },
): ComplaintRecord {
  const { revision: _revision, ...rest } = c;
  const complainant = { ...c.complainant };
  if (complainant.idNumber) complainant.idNumber = opts.mask(complainant.idNumber);
  return { ...rest, complainant, number: opts.format(c.id), overdue: opts.overdue };
}

export interface RatingRow {
  caseId: string;
  itemCode?: string;
  level: number;
  levelName: string;
  bad: boolean;
  comment: string;
  channel: string;
  ratedAt: string;
  auto: boolean;
  applicantId?: string;
  task?: TaskRow;
}

export type TaskRow = Omit<RectificationTask, 'revision' | 'kind'> & { overdue: boolean };

export function taskRow(t: RectificationTask, overdue: boolean): TaskRow {
  const { revision: _r, kind: _k, ...rest } = t;
  return { ...rest, overdue };
}

export function ratingRow(
  r: Rating,
  opts: { mask: Mask; levelName: string; task?: RectificationTask; overdue: boolean },
): RatingRow {
  return {
    caseId: r.caseId,
    ...(r.itemCode ? { itemCode: r.itemCode } : {}),
    level: r.level,
    levelName: opts.levelName,
    bad: r.bad,
    comment: r.comment,
    channel: r.channel,
    ratedAt: r.ratedAt,
    auto: r.auto,
    ...(r.applicantId ? { applicantId: opts.mask(r.applicantId) } : {}),
    ...(opts.task ? { task: taskRow(opts.task, opts.overdue) } : {}),
  };
}

/** 2026-11-23T02:00:00.000Z → 2026-11-23 10:00 (Asia/Shanghai) for human tables (output/time.ts). */
export { localMinute as localTime } from '../output/time.js';

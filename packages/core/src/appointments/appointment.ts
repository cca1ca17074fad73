import { z } from 'zod';
import { DAY, HHMM, minutesOf } from './local-time.js';

const hhmm = z.string().regex(HHMM, "a local time is written 'HH:MM' (24-hour, Asia/Shanghai)");
const day = z.string().regex(DAY, "a day is written 'YYYY-MM-DD'");

/** One opening period of the hall on a working day, local time. */
export const OpeningPeriod = z
  .object({ from: hhmm, to: hhmm })
  .refine((p) => minutesOf(p.from) < minutesOf(p.to), {
    message: 'an opening period must end after it starts',
  });
export type OpeningPeriod = z.infer<typeof OpeningPeriod>;

/**
 * When to remind a booked applicant (seed 002 8.2.4 预约到期前应提醒; seed 004 7.2.2 到期提醒):
 * `dayBefore` at a local time on the calendar day before the slot, or `minutesBefore` the slot starts.
 */
export const ReminderRule = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('dayBefore'), at: hhmm }),
  z.object({
    kind: z.literal('minutesBefore'),
    minutes: z
      .number()
      .int()
      .min(1)
      .max(7 * 24 * 60),
  }),
]);
export type ReminderRule = z.infer<typeof ReminderRule>;

export function reminderRuleId(rule: ReminderRule): string {
  return rule.kind === 'dayBefore' ? `dayBefore@${rule.at}` : `minutesBefore@${rule.minutes}`;
}

/** Settings of the appointment desk; stored as the `settings` record with id `appointments`. */
export const AppointmentSettings = z.object({
  /** The hall's hours on a working day (appointments only inside them). */
  hours: z
    .array(OpeningPeriod)
    .min(1)
    .default([
      { from: '09:00', to: '12:00' },
      { from: '13:30', to: '17:30' },
    ]),
  /** Length of one slot (时间段, seed 002 8.2.1); the last slot of a period ends with the period. */
  slotMinutes: z
    .number()
    .int()
    .min(5)
    .max(12 * 60)
    .default(60),
  /** How many calendar days ahead one may book. */
  maxDaysAhead: z.number().int().min(0).max(366).default(30),
  reminders: z.array(ReminderRule).default([
    { kind: 'dayBefore', at: '16:00' },
    { kind: 'minutesBefore', minutes: 60 },
  ]),
});
export type AppointmentSettings = z.infer<typeof AppointmentSettings>;
export type AppointmentSettingsInput = z.input<typeof AppointmentSettings>;

export const APPOINTMENT_STATUSES = ['booked', 'cancelled', 'done', 'noShow'] as const;
export const AppointmentStatus = z.enum(APPOINTMENT_STATUSES);
export type AppointmentStatus = z.infer<typeof AppointmentStatus>;

export const APPOINTMENT_CHANNELS = ['kiosk', 'online', 'mobile', 'phone', 'window'] as const;
export const AppointmentChannel = z.enum(APPOINTMENT_CHANNELS);
export type AppointmentChannel = z.infer<typeof AppointmentChannel>;

export const Slot = z.object({ start: hhmm, end: hhmm });
export type Slot = z.infer<typeof Slot>;

/** 预约: one booking of one slot for one item at one window (seed 002 8.2.1). Stored as an `appointments` record. */
export const Appointment = z.object({
  /** Appointment number, printed on the receipt, e.g. YY20261124-0007. */
  id: z.string().min(1),
  revision: z.number().int().min(0),
  itemCode: z.string().min(1),
  itemName: z.string().optional(),
  windowId: z.string().min(1),
  day,
  slot: Slot,
  /** UTC ISO-8601 instants of the slot's start and end. */
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }),
  /** The valid ID document's number (seed 002 8.2.3 一个有效证件); masked whenever shown. */
  applicantId: z.string().min(1),
  applicantName: z.string().optional(),
  phone: z.string().optional(),
  channel: AppointmentChannel,
  status: AppointmentStatus,
  bookedAt: z.iso.datetime({ offset: true }),
  bookedBy: z.string().min(1),
  cancelledAt: z.iso.datetime({ offset: true }).optional(),
  cancelReason: z.string().optional(),
  doneAt: z.iso.datetime({ offset: true }).optional(),
  /** The case opened at the window for this booking, when done. */
  caseId: z.string().optional(),
  noShowAt: z.iso.datetime({ offset: true }).optional(),
  /** Ids of the reminder rules already sent (see reminderRuleId). */
  reminded: z.array(z.string()).default([]),
  /** Who last changed the status. */
  updatedBy: z.string().optional(),
});
export type Appointment = z.infer<typeof Appointment>;

/**
 * A capacity override (seed 002 8.2.2 最大预约数; seed 004 7.2.2): for one item at one window on one day, either
 * for one slot (`slotStart`) or for every slot of the day. Stored as a `capacity` record.
 */
export const CapacityOverride = z.object({
  id: z.string().min(1),
  revision: z.number().int().min(0),
  itemCode: z.string().min(1),
  windowId: z.string().min(1),
  day,
  slotStart: hhmm.optional(),
  /** 0 closes the slot. */
  capacity: z.number().int().min(0).max(10_000),
  setBy: z.string().min(1),
  setAt: z.iso.datetime({ offset: true }),
  note: z.string().optional(),
});
export type CapacityOverride = z.infer<typeof CapacityOverride>;

export function capacityOverrideId(itemCode: string, windowId: string, day: string, slotStart?: string) {
  return `${itemCode}|${windowId}|${day}|${slotStart ?? '*'}`;
}

/** Places of one slot. */
export interface SlotCapacity {
  day: string;
  slot: Slot;
  capacity: number;
  taken: number;
  remaining: number;
}

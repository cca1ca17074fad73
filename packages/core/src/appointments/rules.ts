import type { WorkCalendar } from '../calendar/index.js';
import type { ServiceItem } from '../catalogue/service-item.js';
import { TongbanError } from '../errors/tongban-error.js';
import { maskIdNumber } from '../identity/id-number.js';
import {
  type Appointment,
  type AppointmentSettings,
  type CapacityOverride,
  type ReminderRule,
  reminderRuleId,
  type Slot,
  type SlotCapacity,
} from './appointment.js';
import { addDays, hhmmOf, localInstant, minutesOf, shanghaiDay } from './local-time.js';

/** The slots of a working day: each opening period cut into `slotMinutes` pieces (seed 002 8.2.1 时间段). */
export function hallSlots(settings: AppointmentSettings): Slot[] {
  const slots: Slot[] = [];
  const periods = [...settings.hours].sort((a, b) => minutesOf(a.from) - minutesOf(b.from));
  for (const p of periods) {
    const end = minutesOf(p.to);
    for (let t = minutesOf(p.from); t < end; t += settings.slotMinutes) {
      slots.push({ start: hhmmOf(t), end: hhmmOf(Math.min(t + settings.slotMinutes, end)) });
    }
  }
  return slots;
}

/** A booking takes a place unless it was cancelled (seed 002 8.2.5). */
export function takesPlace(a: Appointment): boolean {
  return a.status !== 'cancelled';
}

/**
 * Active = still blocks a new booking of the same item by the same ID (seed 002 8.2.3: until done or cancelled).
 * A booking whose slot has ended without being marked is treated as over (a no-show nobody recorded), so that a
 * forgotten mark never locks a person out for good.
 */
export function isActiveBooking(a: Appointment, now: Date): boolean {
  return a.status === 'booked' && new Date(a.endsAt).getTime() > now.getTime();
}

/** Capacity of one slot: the slot's override, else the day's override, else the item's default (seed 002 8.2.2). */
export function capacityOf(
  item: Pick<ServiceItem, 'appointmentCapacity'>,
  slotStart: string,
  overrides: Pick<CapacityOverride, 'slotStart' | 'capacity'>[],
): number {
  const forSlot = overrides.find((o) => o.slotStart === slotStart);
  if (forSlot) return forSlot.capacity;
  const forDay = overrides.find((o) => o.slotStart === undefined);
  if (forDay) return forDay.capacity;
  return item.appointmentCapacity ?? 0;
}

/** Places per slot of one item at one window on one day; `bookings` and `overrides` may hold other days too. */
export function slotCapacities(
  item: Pick<ServiceItem, 'itemCode' | 'appointmentCapacity'>,
  windowId: string,
  day: string,
  settings: AppointmentSettings,
  overrides: CapacityOverride[],
  bookings: Appointment[],
): SlotCapacity[] {
  const mine = overrides.filter(
    (o) => o.itemCode === item.itemCode && o.windowId === windowId && o.day === day,
  );
  const booked = bookings.filter(
    (b) => b.itemCode === item.itemCode && b.windowId === windowId && b.day === day && takesPlace(b),
  );
  return hallSlots(settings).map((slot) => {
    const capacity = capacityOf(item, slot.start, mine);
    const taken = booked.filter((b) => b.slot.start === slot.start).length;
    return { day, slot, capacity, taken, remaining: Math.max(0, capacity - taken) };
  });
}

/** A full slot: the error carries the other slots of that day with places left (seed 002 8.2.2). */
export class SlotFullError extends TongbanError {
  readonly alternatives: SlotCapacity[];
  constructor(itemCode: string, windowId: string, day: string, slot: Slot, alternatives: SlotCapacity[]) {
    const list = alternatives.map((a) => `${a.slot.start}-${a.slot.end} (${a.remaining})`).join(', ');
    super(
      'APPOINTMENT_SLOT_FULL',
      `slot ${day} ${slot.start}-${slot.end} of item ${itemCode} at window ${windowId} is full`,
      {
        where: { itemCode, windowId, day, slot: slot.start },
        hint: list
          ? `choose another slot with places left: ${list}`
          : 'no slot that day has places left; choose another day',
      },
    );
    this.alternatives = alternatives;
  }
}

export interface BookingRequest {
  item: Pick<ServiceItem, 'itemCode' | 'appointmentCapacity' | 'mainName'>;
  windowId: string;
  day: string;
  slotStart: string;
  applicantId: string;
}

/**
 * Every rule a booking must pass, given what the store holds now (run inside `store.transact`):
 * a working day (calendar) inside the booking horizon, a slot of the hall's hours not yet started, no other active
 * booking of the same item by the same ID (seed 002 8.2.3), and a place left (seed 002 8.2.2). Returns the slot.
 */
export function checkBooking(
  req: BookingRequest,
  ctx: {
    calendar: Pick<WorkCalendar, 'isWorkingDay'>;
    settings: AppointmentSettings;
    overrides: CapacityOverride[];
    bookings: Appointment[];
    now: Date;
  },
): Slot {
  const { item, windowId, day, slotStart, applicantId } = req;
  const where = { itemCode: item.itemCode, windowId, day, slot: slotStart };
  const dayOverrides = ctx.overrides.filter(
    (o) => o.itemCode === item.itemCode && o.windowId === windowId && o.day === day,
  );
  if (item.appointmentCapacity === undefined && dayOverrides.length === 0) {
    throw new TongbanError('APPOINTMENT_NOT_OFFERED', `item ${item.itemCode} takes no appointments`, {
      where,
      hint: 'set appointmentCapacity on the item in the catalogue, or a capacity for this window and day',
    });
  }
  if (!ctx.calendar.isWorkingDay(day)) {
    throw new TongbanError('APPOINTMENT_NOT_WORKING_DAY', `${day} is not a working day`, {
      where,
      hint: 'choose a working day of the official calendar (weekends and holidays are closed, 调休 days open)',
    });
  }
  const today = shanghaiDay(ctx.now);
  const last = addDays(today, ctx.settings.maxDaysAhead);
  if (day > last) {
    throw new TongbanError(
      'APPOINTMENT_TOO_FAR',
      `${day} is more than ${ctx.settings.maxDaysAhead} days ahead`,
      {
        where,
        hint: `book a day up to ${last}`,
      },
    );
  }
  const slot = hallSlots(ctx.settings).find((s) => s.start === slotStart);
  if (!slot) {
    const all = hallSlots(ctx.settings)
      .map((s) => s.start)
      .join(', ');
    throw new TongbanError('APPOINTMENT_NO_SUCH_SLOT', `no slot starts at ${slotStart} in the hall's hours`, {
      where,
      hint: `slots start at ${all}`,
    });
  }
  if (localInstant(day, slot.start).getTime() <= ctx.now.getTime()) {
    throw new TongbanError('APPOINTMENT_IN_PAST', `slot ${day} ${slot.start} has already started`, {
      where,
      hint: 'choose a later slot',
    });
  }
  const active = ctx.bookings.find(
    (b) => b.itemCode === item.itemCode && b.applicantId === applicantId && isActiveBooking(b, ctx.now),
  );
  if (active) {
    throw new TongbanError(
      'APPOINTMENT_DUPLICATE',
      `ID ${maskIdNumber(applicantId)} already holds appointment ${active.id} for item ${item.itemCode} (${active.day} ${active.slot.start})`,
      {
        where: { ...where, appointment: active.id },
        hint: 'one valid ID may book an item once until that booking is done or cancelled (seed 002 8.2.3); cancel it first to choose another slot',
      },
    );
  }
  const places = slotCapacities(item, windowId, day, ctx.settings, ctx.overrides, ctx.bookings);
  const mine = places.find((p) => p.slot.start === slot.start);
  if (!mine || mine.remaining <= 0) {
    const nowMs = ctx.now.getTime();
    const alternatives = places.filter(
      (p) => p.remaining > 0 && localInstant(day, p.slot.start).getTime() > nowMs,
    );
    throw new SlotFullError(item.itemCode, windowId, day, slot, alternatives);
  }
  return slot;
}

/** Cancel before or during the slot (seed 002 8.2.5), only a booking still booked. */
export function checkCancel(a: Appointment, now: Date): void {
  if (a.status !== 'booked') {
    throw new TongbanError('APPOINTMENT_WRONG_STATE', `appointment ${a.id} is ${a.status}, not booked`, {
      where: { appointment: a.id },
      hint: 'only a booked appointment can be cancelled',
    });
  }
  if (new Date(a.endsAt).getTime() <= now.getTime()) {
    throw new TongbanError(
      'APPOINTMENT_CANCEL_TOO_LATE',
      `appointment ${a.id} ended at ${a.day} ${a.slot.end}; it can no longer be cancelled`,
      {
        where: { appointment: a.id },
        hint: 'an appointment can be cancelled before or during its slot (seed 002 8.2.5); mark it as a no-show instead',
      },
    );
  }
}

export interface DueReminder {
  appointment: Appointment;
  ruleId: string;
  /** When the reminder became due (UTC ISO-8601). */
  dueAt: string;
}

/** The instant a reminder rule falls due for a booking. */
export function reminderInstant(a: Pick<Appointment, 'day' | 'startsAt'>, rule: ReminderRule): Date {
  if (rule.kind === 'dayBefore') return localInstant(addDays(a.day, -1), rule.at);
  return new Date(new Date(a.startsAt).getTime() - rule.minutes * 60_000);
}

/**
 * Reminders to send now (seed 002 8.2.4; seed 004 7.2.2): for each booked appointment whose slot has not started,
 * each rule whose instant has come, came after the booking was made, and was not sent yet. When several are due, only the latest rule of a
 * booking is listed (no point sending "tomorrow" one hour before), the older ones are reported as `skipped`.
 */
export function dueReminders(
  bookings: Appointment[],
  rules: ReminderRule[],
  now: Date,
): (DueReminder & { skipped: string[] })[] {
  const out: (DueReminder & { skipped: string[] })[] = [];
  for (const a of bookings) {
    if (a.status !== 'booked' || new Date(a.startsAt).getTime() <= now.getTime()) continue;
    const due = rules
      .map((r) => ({ ruleId: reminderRuleId(r), at: reminderInstant(a, r) }))
      .filter(
        (r) =>
          r.at.getTime() <= now.getTime() &&
          r.at.getTime() >= new Date(a.bookedAt).getTime() &&
          !a.reminded.includes(r.ruleId),
      )
      .sort((x, y) => x.at.getTime() - y.at.getTime());
    const latest = due.at(-1);
    if (!latest) continue;
    out.push({
      appointment: a,
      ruleId: latest.ruleId,
      dueAt: latest.at.toISOString(),
      skipped: due.slice(0, -1).map((r) => r.ruleId),
    });
  }
  return out.sort((x, y) => x.appointment.startsAt.localeCompare(y.appointment.startsAt));
}

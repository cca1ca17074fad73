import type { WorkCalendar } from '../calendar/index.js';
import type { ServiceItem } from '../catalogue/service-item.js';
import { TongbanError } from '../errors/tongban-error.js';
import type { Store } from '../store/store.js';
import {
  Appointment,
  type AppointmentChannel,
  AppointmentSettings,
  type AppointmentSettingsInput,
  type CapacityOverride,
  capacityOverrideId,
  type SlotCapacity,
} from './appointment.js';
import { DAY, localInstant, toDate } from './local-time.js';
import { checkBooking, checkCancel, type DueReminder, dueReminders, slotCapacities } from './rules.js';

export interface AppointmentsOptions {
  store: Store;
  calendar: Pick<WorkCalendar, 'isWorkingDay'>;
  /** Overrides the stored `settings/appointments` record. */
  settings?: AppointmentSettingsInput;
}

export interface BookInput {
  item: Pick<ServiceItem, 'itemCode' | 'appointmentCapacity' | 'mainName'>;
  windowId: string;
  day: string;
  /** 'HH:MM' start of one of the hall's slots. */
  slotStart: string;
  applicantId: string;
  applicantName?: string;
  phone?: string;
  channel: AppointmentChannel;
  /** Kiosk id, clerk id or 'online'. */
  actor: string;
  at?: Date | string;
}

const SETTINGS_ID = 'appointments';

/**
 * 预约 (seed 002 8.2; seed 004 7.2) over a Store. Every check-then-write runs inside `store.transact`, so two kiosks
 * on one data directory never overbook a slot nor give one ID two bookings of an item.
 */
export class Appointments {
  readonly store: Store;
  readonly calendar: Pick<WorkCalendar, 'isWorkingDay'>;
  private readonly override: AppointmentSettingsInput | undefined;

  constructor(options: AppointmentsOptions) {
    this.store = options.store;
    this.calendar = options.calendar;
    this.override = options.settings;
  }

  /** Settings: the constructor's, else the stored record, else the defaults. */
  async settings(store: Store = this.store): Promise<AppointmentSettings> {
    if (this.override) return AppointmentSettings.parse(this.override);
    const rec = await store.getRecord<{ id: string; revision: number; value?: unknown }>(
      'settings',
      SETTINGS_ID,
    );
    return AppointmentSettings.parse(rec?.value ?? {});
  }

  async saveSettings(input: AppointmentSettingsInput): Promise<AppointmentSettings> {
    const value = AppointmentSettings.parse(input);
    await this.store.putRecord('settings', { id: SETTINGS_ID, value });
    return value;
  }

  /** Book a slot (seed 002 8.2.1-8.2.3). Throws SlotFullError with the day's other free slots when full. */
  async book(input: BookInput): Promise<Appointment> {
    checkDay(input.day);
    const now = toDate(input.at);
    return this.store.transact(async (tx) => {
      const settings = await this.settings(tx);
      const overrides = await this.overridesOf(tx, input.item.itemCode, input.windowId, input.day);
      const sameDay = (await tx.listRecords<Appointment>('appointments', { day: input.day })).filter(
        (a) => a.day === input.day,
      );
      const sameApplicant = (
        await tx.listRecords<Appointment>('appointments', { applicantId: input.applicantId })
      ).filter((a) => a.applicantId === input.applicantId);
      const slot = checkBooking(input, {
        calendar: this.calendar,
        settings,
        overrides,
        bookings: [...new Map([...sameDay, ...sameApplicant].map((a) => [a.id, a])).values()],
        now,
      });
      const number = `YY${input.day.replaceAll('-', '')}-${String(sameDay.length + 1).padStart(4, '0')}`;
      const record = Appointment.omit({ revision: true }).parse({
        id: number,
        itemCode: input.item.itemCode,
        itemName: input.item.mainName,
        windowId: input.windowId,
        day: input.day,
        slot,
        startsAt: localInstant(input.day, slot.start).toISOString(),
        endsAt: localInstant(input.day, slot.end).toISOString(),
        applicantId: input.applicantId,
        applicantName: input.applicantName,
        phone: input.phone,
        channel: input.channel,
        status: 'booked',
        bookedAt: now.toISOString(),
        bookedBy: input.actor,
        reminded: [],
      });
      if (await tx.getRecord('appointments', record.id)) {
        throw new TongbanError('APPOINTMENT_NUMBER_TAKEN', `appointment number ${record.id} is taken`, {
          where: { appointment: record.id },
          hint: 'the appointment records of that day were edited by hand; restore them from the backup',
        });
      }
      return Appointment.parse(await tx.putRecord('appointments', record));
    });
  }

  /** Cancel before or during the slot (seed 002 8.2.5). */
  async cancel(
    id: string,
    opts: { actor: string; reason?: string; at?: Date | string },
  ): Promise<Appointment> {
    const now = toDate(opts.at);
    return this.update(id, (a) => {
      checkCancel(a, now);
      return {
        ...a,
        status: 'cancelled',
        cancelledAt: now.toISOString(),
        cancelReason: opts.reason,
        updatedBy: opts.actor,
      };
    });
  }

  /** The applicant came and was served: the item may be booked again (seed 002 8.2.3). */
  async markDone(
    id: string,
    opts: { actor: string; caseId?: string; at?: Date | string },
  ): Promise<Appointment> {
    const now = toDate(opts.at);
    return this.update(id, (a) => {
      requireBooked(a, 'marked done');
      return { ...a, status: 'done', doneAt: now.toISOString(), caseId: opts.caseId, updatedBy: opts.actor };
    });
  }

  /** The applicant did not come; only once the slot has started. */
  async noShow(id: string, opts: { actor: string; at?: Date | string }): Promise<Appointment> {
    const now = toDate(opts.at);
    return this.update(id, (a) => {
      requireBooked(a, 'marked as a no-show');
      if (new Date(a.startsAt).getTime() > now.getTime()) {
        throw new TongbanError(
          'APPOINTMENT_NOT_STARTED',
          `appointment ${a.id} starts at ${a.day} ${a.slot.start}`,
          {
            where: { appointment: a.id },
            hint: 'mark a no-show only once the slot has started; cancel it if the applicant called off',
          },
        );
      }
      return { ...a, status: 'noShow', noShowAt: now.toISOString(), updatedBy: opts.actor };
    });
  }

  /** Places left per slot of one item at one window on one day (seed 002 8.2.2). */
  async remainingCapacity(
    item: Pick<ServiceItem, 'itemCode' | 'appointmentCapacity'>,
    windowId: string,
    day: string,
  ): Promise<SlotCapacity[]> {
    checkDay(day);
    if (!this.calendar.isWorkingDay(day)) return [];
    const settings = await this.settings();
    const overrides = await this.overridesOf(this.store, item.itemCode, windowId, day);
    const bookings = await this.store.listRecords<Appointment>('appointments', { day });
    return slotCapacities(item, windowId, day, settings, overrides, bookings);
  }

  /** Set the maximum for one slot, or for every slot of the day when slotStart is omitted (seed 002 8.2.2). */
  async setCapacity(input: {
    itemCode: string;
    windowId: string;
    day: string;
    slotStart?: string;
    capacity: number;
    actor: string;
    note?: string;
    at?: Date | string;
  }): Promise<CapacityOverride> {
    checkDay(input.day);
    const rec: Omit<CapacityOverride, 'revision'> = {
      id: capacityOverrideId(input.itemCode, input.windowId, input.day, input.slotStart),
      itemCode: input.itemCode,
      windowId: input.windowId,
      day: input.day,
      capacity: input.capacity,
      setBy: input.actor,
      setAt: toDate(input.at).toISOString(),
      ...(input.slotStart ? { slotStart: input.slotStart } : {}),
      ...(input.note ? { note: input.note } : {}),
    };
    if (!Number.isInteger(rec.capacity) || rec.capacity < 0) {
      throw new TongbanError(
        'APPOINTMENT_BAD_CAPACITY',
        `capacity ${input.capacity} is not a whole number >= 0`,
        {
          where: { itemCode: input.itemCode, windowId: input.windowId, day: input.day },
          hint: 'give 0 to close the slot or a positive whole number of places',
        },
      );
    }
    return this.store.putRecord<CapacityOverride>('capacity', rec);
  }

  /** Reminders due now (seed 002 8.2.4); send them, then call markReminded. */
  async remindersDue(now?: Date | string): Promise<(DueReminder & { skipped: string[] })[]> {
    const settings = await this.settings();
    const booked = await this.store.listRecords<Appointment>('appointments', { status: 'booked' });
    return dueReminders(booked, settings.reminders, toDate(now));
  }

  /** Record that reminders were sent (the skipped ones too, so they are not sent late). */
  async markReminded(id: string, ruleIds: string[]): Promise<Appointment> {
    return this.update(id, (a) => ({ ...a, reminded: [...new Set([...a.reminded, ...ruleIds])] }));
  }

  async get(id: string): Promise<Appointment | undefined> {
    const rec = await this.store.getRecord<Appointment>('appointments', id);
    return rec && Appointment.parse(rec);
  }

  /** Bookings of one ID (for the kiosk's "my appointments"). */
  async ofApplicant(applicantId: string): Promise<Appointment[]> {
    const list = await this.store.listRecords<Appointment>('appointments', { applicantId });
    return list
      .filter((a) => a.applicantId === applicantId)
      .sort((x, y) => x.startsAt.localeCompare(y.startsAt));
  }

  private async overridesOf(store: Store, itemCode: string, windowId: string, day: string) {
    const list = await store.listRecords<CapacityOverride>('capacity', { itemCode, windowId, day });
    return list.filter((o) => o.itemCode === itemCode && o.windowId === windowId && o.day === day);
  }

  private async update(id: string, change: (a: Appointment) => Appointment): Promise<Appointment> {
    return this.store.transact(async (tx) => {
      const rec = await tx.getRecord<Appointment>('appointments', id);
      if (!rec) {
        throw new TongbanError('APPOINTMENT_NOT_FOUND', `no appointment numbered ${id}`, {
          where: { appointment: id },
          hint: 'check the number printed on the appointment slip',
        });
      }
      const next = change(Appointment.parse(rec));
      const { revision, ...rest } = next;
      return Appointment.parse(await tx.putRecord('appointments', rest, { expectedRevision: revision }));
    });
  }
}

function requireBooked(a: Appointment, what: string): void {
  if (a.status !== 'booked') {
    throw new TongbanError(
      'APPOINTMENT_WRONG_STATE',
      `appointment ${a.id} is ${a.status} and cannot be ${what}`,
      {
        where: { appointment: a.id },
        hint: 'only a booked appointment can change',
      },
    );
  }
}

function checkDay(day: string): void {
  if (!DAY.test(day)) {
    throw new TongbanError('APPOINTMENT_BAD_DAY', `"${day}" is not a day`, {
      where: { field: 'day' },
      hint: "write the day as 'YYYY-MM-DD'",
    });
  }
}

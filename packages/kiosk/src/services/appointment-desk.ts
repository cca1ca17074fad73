/**
 * 预约 at the kiosk (seed 002 8.2): which items take appointments, at which windows, on which days, with the places
 * left per slot; booking and cancelling go through core's Appointments, which checks capacity inside
 * store.transact (two kiosks on one data directory never overbook a slot).
 */
import {
  type Appointment,
  Appointments,
  type CapacityOverride,
  type SlotCapacity,
} from '@tongban/core/appointments';
import { WorkCalendar } from '@tongban/core/calendar';
import type { ServiceItem } from '@tongban/core/catalogue';
import { TongbanError } from '@tongban/core/errors';
import { createReceipt, type Receipt } from '@tongban/core/receipts';
import type { Store } from '@tongban/core/store';
import type { KioskConfig } from '../config/kiosk-config.js';
import type { Applicant } from './kiosk-services.js';

export interface BookingDay {
  day: string;
  /** Slots not yet started, with their places. */
  slots: SlotCapacity[];
  remaining: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export class AppointmentDesk {
  readonly appointments: Appointments;

  constructor(
    readonly store: Store,
    readonly config: KioskConfig,
    readonly items: readonly ServiceItem[],
    readonly calendar: WorkCalendar,
  ) {
    this.appointments = new Appointments({ store, calendar });
  }

  /** Items that take appointments: a capacity in the catalogue, or a capacity record (seed 002 8.2.2). */
  async bookableItems(): Promise<ServiceItem[]> {
    const withRecords = new Set(
      (await this.store.listRecords<CapacityOverride>('capacity')).map((o) => o.itemCode),
    );
    return this.items.filter((i) => i.appointmentCapacity !== undefined || withRecords.has(i.itemCode));
  }

  /** This kiosk's window first, then any other window with capacity records for the item. */
  async windowsFor(item: ServiceItem): Promise<string[]> {
    const records = await this.store.listRecords<CapacityOverride>('capacity', { itemCode: item.itemCode });
    const others = records.filter((o) => o.itemCode === item.itemCode).map((o) => o.windowId);
    return [...new Set([this.config.terminal.window, ...others.sort()])];
  }

  /** The next `count` working days with a slot still to come, inside the booking horizon. */
  async days(item: ServiceItem, windowId: string, now = new Date(), count = 5): Promise<BookingDay[]> {
    const settings = await this.appointments.settings();
    const out: BookingDay[] = [];
    for (let k = 0; k <= settings.maxDaysAhead && out.length < count; k++) {
      const day = WorkCalendar.localDate(new Date(now.getTime() + k * DAY_MS));
      if (!this.calendar.isWorkingDay(day)) continue;
      const slots = (await this.appointments.remainingCapacity(item, windowId, day)).filter(
        (s) => new Date(`${day}T${s.slot.start}:00+08:00`).getTime() > now.getTime() && s.capacity > 0,
      );
      if (slots.length === 0) continue;
      out.push({ day, slots, remaining: slots.reduce((n, s) => n + s.remaining, 0) });
    }
    return out;
  }

  /** Books one slot (seed 002 8.2.1-8.2.3) and makes the 预约凭证. Throws SlotFullError when the slot filled up. */
  async book(
    input: { item: ServiceItem; windowId: string; day: string; slotStart: string; applicant: Applicant },
    at = new Date(),
  ): Promise<{ appointment: Appointment; receipt: Receipt }> {
    const a = await this.appointments.book({
      item: input.item,
      windowId: input.windowId,
      day: input.day,
      slotStart: input.slotStart,
      applicantId: input.applicant.idNumber,
      applicantName: input.applicant.name,
      channel: 'kiosk',
      actor: this.config.terminal.id,
      at,
    });
    const receipt = createReceipt({
      kind: 'appointment',
      hall: this.config.hall.name,
      applicationNumber: a.id,
      itemName: a.itemName ?? input.item.mainName,
      itemCode: a.itemCode,
      applicant: input.applicant,
      at,
      lines: [
        { label: '预约时段', value: `${a.day} ${a.slot.start}-${a.slot.end}` },
        { label: '办理窗口', value: a.windowId },
      ],
      notes: ['请携带所需材料按时到场', '如需取消，请在自助终端“我的预约”中办理'],
      terminalId: this.config.terminal.id,
    });
    return { appointment: a, receipt };
  }

  /** The applicant's bookings, those still to come first (seed 002 8.2.5). */
  async of(applicantId: string, now = new Date()): Promise<Appointment[]> {
    const all = await this.appointments.ofApplicant(applicantId);
    const open = (a: Appointment) => a.status === 'booked' && new Date(a.endsAt).getTime() > now.getTime();
    return [...all.filter(open), ...all.filter((a) => !open(a)).reverse()];
  }

  /** Cancels a booking of this applicant only (before or during the slot, seed 002 8.2.5). */
  async cancel(id: string, applicantId: string, at = new Date()): Promise<Appointment> {
    const a = await this.appointments.get(id);
    if (!a || a.applicantId !== applicantId) {
      throw new TongbanError('APPOINTMENT_NOT_FOUND', `no appointment ${id} of this applicant`, {
        where: { appointment: id },
        hint: 'only your own appointments can be cancelled here',
      });
    }
    return this.appointments.cancel(id, { actor: this.config.terminal.id, reason: '申请人自助取消', at });
  }
}

import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '../calendar/index.js';
import { TongbanError } from '../errors/tongban-error.js';
import { maskIdNumber } from '../identity/id-number.js';
import {
  APPOINTMENT_CHANNELS,
  APPOINTMENT_STATUSES,
  type Appointment,
  AppointmentSettings,
  type CapacityOverride,
} from './appointment.js';
import { localInstant } from './local-time.js';
import { appointmentMessages } from './messages.js';
import {
  checkBooking,
  checkCancel,
  dueReminders,
  hallSlots,
  SlotFullError,
  slotCapacities,
} from './rules.js';

const calendar = WorkCalendar.default();
const settings = AppointmentSettings.parse({});
const item = { itemCode: '1100000001', mainName: '居民身份证换领', appointmentCapacity: 2 };
const ID_A = '110101199003071234';
const ID_B = '110101198512124321';
const now = localInstant('2026-11-23', '10:00'); // Monday

let seq = 0;
function booking(over: Partial<Appointment> = {}): Appointment {
  const day = over.day ?? '2026-11-24';
  const slot = over.slot ?? { start: '09:00', end: '10:00' };
  seq += 1;
  return {
    id: `YY-${seq}`,
    revision: 1,
    itemCode: item.itemCode,
    windowId: 'W01',
    day,
    slot,
    startsAt: localInstant(day, slot.start).toISOString(),
    endsAt: localInstant(day, slot.end).toISOString(),
    applicantId: `ID-${seq}`,
    channel: 'kiosk',
    status: 'booked',
    bookedAt: localInstant('2026-11-20', '09:00').toISOString(),
    bookedBy: 'kiosk-1',
    reminded: [],
    ...over,
  };
}

function ctx(bookings: Appointment[], overrides: CapacityOverride[] = [], at = now) {
  return { calendar, settings, overrides, bookings, now: at };
}

function caught(fn: () => unknown): TongbanError {
  try {
    fn();
  } catch (e) {
    if (e instanceof TongbanError) return e;
    throw e;
  }
  throw new Error('expected a TongbanError');
}

describe('hall slots', () => {
  it('cuts the hall hours into slots, the last one ending with its period (seed 002 8.2.1 时间段)', () => {
    const s = hallSlots(
      AppointmentSettings.parse({ hours: [{ from: '13:30', to: '17:00' }], slotMinutes: 60 }),
    );
    expect(s).toEqual([
      { start: '13:30', end: '14:30' },
      { start: '14:30', end: '15:30' },
      { start: '15:30', end: '16:30' },
      { start: '16:30', end: '17:00' },
    ]);
    expect(hallSlots(settings)).toHaveLength(7); // 09-12 (3) + 13:30-17:30 (4)
  });
});

describe('booking rules', () => {
  const req = { item, windowId: 'W01', day: '2026-11-24', slotStart: '09:00', applicantId: ID_A };

  it('accepts a free slot on a working day and returns it (seed 002 8.2.1)', () => {
    expect(checkBooking(req, ctx([]))).toEqual({ start: '09:00', end: '10:00' });
  });

  it('refuses weekends and holidays, allows a 调休 Saturday (working days of the calendar)', () => {
    expect(caught(() => checkBooking({ ...req, day: '2026-11-28' }, ctx([]))).code).toBe(
      'APPOINTMENT_NOT_WORKING_DAY',
    );
    const beforeHoliday = localInstant('2026-09-30', '09:00');
    expect(caught(() => checkBooking({ ...req, day: '2026-10-02' }, ctx([], [], beforeHoliday))).code).toBe(
      'APPOINTMENT_NOT_WORKING_DAY',
    );
    // 2026-10-10 is a Saturday made a working day (调休 for the National Day holiday)
    expect(checkBooking({ ...req, day: '2026-10-10' }, ctx([], [], beforeHoliday)).start).toBe('09:00');
  });

  it("refuses a slot outside the hall's hours, one already started, and one beyond the horizon", () => {
    expect(caught(() => checkBooking({ ...req, slotStart: '12:30' }, ctx([]))).code).toBe(
      'APPOINTMENT_NO_SUCH_SLOT',
    );
    expect(caught(() => checkBooking({ ...req, day: '2026-11-23', slotStart: '10:00' }, ctx([]))).code).toBe(
      'APPOINTMENT_IN_PAST',
    );
    expect(checkBooking({ ...req, day: '2026-11-23', slotStart: '11:00' }, ctx([])).start).toBe('11:00');
    expect(caught(() => checkBooking({ ...req, day: '2026-12-24' }, ctx([]))).code).toBe(
      'APPOINTMENT_TOO_FAR',
    );
  });

  it('refuses an item that takes no appointments', () => {
    const noAppt = { ...item, appointmentCapacity: undefined };
    expect(caught(() => checkBooking({ ...req, item: noAppt }, ctx([]))).code).toBe(
      'APPOINTMENT_NOT_OFFERED',
    );
  });

  it('refuses a second active booking of the same item by the same ID, masking the ID (seed 002 8.2.3)', () => {
    const held = booking({ applicantId: ID_A, day: '2026-11-25', slot: { start: '14:30', end: '15:30' } });
    const e = caught(() => checkBooking(req, ctx([held])));
    expect(e.code).toBe('APPOINTMENT_DUPLICATE');
    expect(e.message).toContain(maskIdNumber(ID_A));
    expect(e.message).not.toContain(ID_A);
    // another item is fine; another ID is fine
    expect(checkBooking({ ...req, item: { ...item, itemCode: '2200000002' } }, ctx([held])).start).toBe(
      '09:00',
    );
    expect(checkBooking({ ...req, applicantId: ID_B }, ctx([held])).start).toBe('09:00');
  });

  it('lets the same ID book again once the booking is done or cancelled (seed 002 8.2.3)', () => {
    for (const status of ['done', 'cancelled', 'noShow'] as const) {
      const old = booking({ applicantId: ID_A, status });
      expect(checkBooking(req, ctx([old])).start).toBe('09:00');
    }
  });

  it('refuses a full slot and suggests the slots of that day with places left (seed 002 8.2.2 最大预约数)', () => {
    const full = [booking(), booking()]; // capacity 2 at 09:00
    const other = [booking({ slot: { start: '10:00', end: '11:00' } })]; // 1 left at 10:00
    const e = caught(() => checkBooking(req, ctx([...full, ...other])));
    expect(e).toBeInstanceOf(SlotFullError);
    const alts = (e as SlotFullError).alternatives;
    expect(alts.map((a) => `${a.slot.start}:${a.remaining}`)).toEqual([
      '10:00:1',
      '11:00:2',
      '13:30:2',
      '14:30:2',
      '15:30:2',
      '16:30:2',
    ]);
    expect(e.hint).toContain('10:00-11:00 (1)');
  });

  it('frees a place when a booking is cancelled (seed 002 8.2.5)', () => {
    const list = [booking(), booking({ status: 'cancelled' })];
    expect(checkBooking(req, ctx(list)).start).toBe('09:00');
  });

  it('uses a per-slot capacity record over the day record over the item default (seed 002 8.2.2)', () => {
    const base = {
      itemCode: item.itemCode,
      windowId: 'W01',
      day: '2026-11-24',
      setBy: 'admin',
      setAt: now.toISOString(),
      revision: 1,
    };
    const overrides: CapacityOverride[] = [
      { ...base, id: 'd', capacity: 5 },
      { ...base, id: 's', slotStart: '09:00', capacity: 0 },
    ];
    const caps = slotCapacities(item, 'W01', '2026-11-24', settings, overrides, [
      booking({ slot: { start: '10:00', end: '11:00' } }),
    ]);
    expect(caps[0]).toMatchObject({ slot: { start: '09:00' }, capacity: 0, remaining: 0 });
    expect(caps[1]).toMatchObject({ slot: { start: '10:00' }, capacity: 5, taken: 1, remaining: 4 });
    expect(caught(() => checkBooking(req, ctx([], overrides))).code).toBe('APPOINTMENT_SLOT_FULL');
    // another window on the same day keeps the item default
    expect(slotCapacities(item, 'W02', '2026-11-24', settings, overrides, [])[0]?.capacity).toBe(2);
  });
});

describe('cancel', () => {
  const a = booking({ day: '2026-11-23', slot: { start: '10:00', end: '11:00' } });
  it('allows cancelling before and during the slot, not after (seed 002 8.2.5)', () => {
    expect(() => checkCancel(a, localInstant('2026-11-23', '09:59'))).not.toThrow();
    expect(() => checkCancel(a, localInstant('2026-11-23', '10:30'))).not.toThrow();
    expect(caught(() => checkCancel(a, localInstant('2026-11-23', '11:00'))).code).toBe(
      'APPOINTMENT_CANCEL_TOO_LATE',
    );
    expect(caught(() => checkCancel({ ...a, status: 'done' }, now)).code).toBe('APPOINTMENT_WRONG_STATE');
  });
});

describe('reminders', () => {
  const rules = settings.reminders; // day before at 16:00, 60 minutes before
  const a = booking({ day: '2026-11-25', slot: { start: '09:00', end: '10:00' } });

  it('lists the day-before reminder from 16:00 the day before (seed 002 8.2.4)', () => {
    expect(dueReminders([a], rules, localInstant('2026-11-24', '15:59'))).toEqual([]);
    const due = dueReminders([a], rules, localInstant('2026-11-24', '16:00'));
    expect(due.map((d) => d.ruleId)).toEqual(['dayBefore@16:00']);
  });

  it('lists the one-hour reminder, and only once each (seed 002 8.2.4)', () => {
    const sent = { ...a, reminded: ['dayBefore@16:00'] };
    expect(dueReminders([sent], rules, localInstant('2026-11-25', '07:59'))).toEqual([]);
    const due = dueReminders([sent], rules, localInstant('2026-11-25', '08:00'));
    expect(due.map((d) => [d.ruleId, d.dueAt])).toEqual([['minutesBefore@60', '2026-11-25T00:00:00.000Z']]);
    expect(
      dueReminders(
        [{ ...sent, reminded: [...sent.reminded, 'minutesBefore@60'] }],
        rules,
        localInstant('2026-11-25', '08:30'),
      ),
    ).toEqual([]);
  });

  it('sends only the latest when several are due, and none once the slot started or for a cancelled booking', () => {
    const due = dueReminders([a], rules, localInstant('2026-11-25', '08:30'));
    expect(due[0]).toMatchObject({ ruleId: 'minutesBefore@60', skipped: ['dayBefore@16:00'] });
    expect(dueReminders([a], rules, localInstant('2026-11-25', '09:00'))).toEqual([]);
    expect(dueReminders([{ ...a, status: 'cancelled' }], rules, localInstant('2026-11-25', '08:30'))).toEqual(
      [],
    );
  });

  it('skips a reminder that fell due before the booking was made', () => {
    const late = { ...a, bookedAt: localInstant('2026-11-24', '17:00').toISOString() };
    expect(dueReminders([late], rules, localInstant('2026-11-24', '17:05'))).toEqual([]);
    expect(dueReminders([late], rules, localInstant('2026-11-25', '08:00')).map((d) => d.ruleId)).toEqual([
      'minutesBefore@60',
    ]);
  });
});

describe('words shown to people', () => {
  it('names every status and channel in zh-CN and en', () => {
    const keys = Object.keys(appointmentMessages);
    for (const s of APPOINTMENT_STATUSES) expect(keys).toContain(`appointment.status.${s}`);
    for (const c of APPOINTMENT_CHANNELS) expect(keys).toContain(`appointment.channel.${c}`);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WorkCalendar } from '../calendar/index.js';
import { TongbanError } from '../errors/tongban-error.js';
import { type MemoryStore, openMemoryStore } from '../store/test-support/memory-store.js';
import { localInstant } from './local-time.js';
import { SlotFullError } from './rules.js';
import { Appointments } from './service.js';

const calendar = WorkCalendar.default();
const item = { itemCode: '1100000001', mainName: '居民身份证换领', appointmentCapacity: 2 };
const ID_A = '110101199003071234';
const ID_B = '110101198512124321';
const ID_C = '110101197001015678';
const now = localInstant('2026-11-23', '10:00').toISOString(); // Monday
const TUE = '2026-11-24';

let store: MemoryStore;
let appts: Appointments;

beforeEach(async () => {
  store = openMemoryStore();
  appts = new Appointments({ store, calendar });
});
afterEach(async () => {
  await store.close();
});

const book = (applicantId: string, slotStart = '09:00', day = TUE, at = now) =>
  appts.book({ item, windowId: 'W01', day, slotStart, applicantId, channel: 'kiosk', actor: 'kiosk-1', at });

async function failure(p: Promise<unknown>): Promise<TongbanError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof TongbanError) return e;
    throw e;
  }
  throw new Error('expected a TongbanError');
}

describe('Appointments over the lowdb store', () => {
  it('books, numbers and stores a slot with its instants (seed 002 8.2.1)', async () => {
    const a = await book(ID_A);
    expect(a).toMatchObject({
      id: 'YY20261124-0001',
      status: 'booked',
      slot: { start: '09:00', end: '10:00' },
    });
    expect(a.startsAt).toBe('2026-11-24T01:00:00.000Z');
    expect((await book(ID_B, '10:00')).id).toBe('YY20261124-0002');
    expect((await appts.get(a.id))?.applicantId).toBe(ID_A);
  });

  it('keeps one active booking per ID per item until done or cancelled (seed 002 8.2.3)', async () => {
    const a = await book(ID_A);
    expect((await failure(book(ID_A, '14:30'))).code).toBe('APPOINTMENT_DUPLICATE');
    await appts.cancel(a.id, { actor: 'kiosk-1', at: now });
    const b = await book(ID_A, '14:30');
    await appts.markDone(b.id, { actor: 'W01', caseId: 'CASE-1', at: localInstant(TUE, '14:40') });
    // after the visit is done the same ID may book the item again
    expect((await book(ID_A, '09:00', '2026-11-25', localInstant(TUE, '15:00').toISOString())).status).toBe(
      'booked',
    );
  });

  it('refuses a full slot and suggests the others, counting places in the store (seed 002 8.2.2)', async () => {
    await book(ID_A);
    await book(ID_B);
    const e = await failure(book(ID_C));
    expect(e).toBeInstanceOf(SlotFullError);
    expect((e as SlotFullError).alternatives[0]).toMatchObject({ slot: { start: '10:00' }, remaining: 2 });
    const caps = await appts.remainingCapacity(item, 'W01', TUE);
    expect(caps.map((c) => c.remaining)).toEqual([0, 2, 2, 2, 2, 2, 2]);
    expect(await appts.remainingCapacity(item, 'W01', '2026-11-28')).toEqual([]); // Saturday
  });

  it('applies a per-slot capacity record (seed 002 8.2.2; seed 004 7.2.2 最大预约数)', async () => {
    await appts.setCapacity({
      itemCode: item.itemCode,
      windowId: 'W01',
      day: TUE,
      slotStart: '09:00',
      capacity: 3,
      actor: 'admin',
    });
    await appts.setCapacity({
      itemCode: item.itemCode,
      windowId: 'W01',
      day: TUE,
      capacity: 0,
      actor: 'admin',
    });
    await book(ID_A);
    await book(ID_B);
    await book(ID_C);
    expect((await appts.remainingCapacity(item, 'W01', TUE)).map((c) => c.capacity)).toEqual([
      3, 0, 0, 0, 0, 0, 0,
    ]);
    expect((await failure(book('110101196001011111', '10:00'))).code).toBe('APPOINTMENT_SLOT_FULL');
  });

  it('cancels before or during the slot, not after; marks no-shows only once started (seed 002 8.2.5)', async () => {
    const a = await book(ID_A);
    expect((await failure(appts.noShow(a.id, { actor: 'W01', at: now }))).code).toBe(
      'APPOINTMENT_NOT_STARTED',
    );
    expect((await failure(appts.cancel(a.id, { actor: 'k', at: localInstant(TUE, '10:00') }))).code).toBe(
      'APPOINTMENT_CANCEL_TOO_LATE',
    );
    const during = await appts.cancel(a.id, {
      actor: 'k',
      reason: '临时有事',
      at: localInstant(TUE, '09:30'),
    });
    expect(during).toMatchObject({ status: 'cancelled', cancelReason: '临时有事' });
    expect((await failure(appts.cancel(a.id, { actor: 'k', at: now }))).code).toBe('APPOINTMENT_WRONG_STATE');
    const b = await book(ID_B);
    expect((await appts.noShow(b.id, { actor: 'W01', at: localInstant(TUE, '10:01') })).status).toBe(
      'noShow',
    );
    expect((await failure(appts.cancel('YY-nope', { actor: 'k' }))).code).toBe('APPOINTMENT_NOT_FOUND');
  });

  it('lists reminders due and does not list them again once sent (seed 002 8.2.4)', async () => {
    const a = await book(ID_A);
    await book(ID_B, '10:00');
    const due = await appts.remindersDue(localInstant('2026-11-23', '16:05'));
    expect(due.map((d) => [d.appointment.id, d.ruleId])).toEqual([
      [a.id, 'dayBefore@16:00'],
      ['YY20261124-0002', 'dayBefore@16:00'],
    ]);
    await appts.markReminded(a.id, [due[0]?.ruleId as string]);
    expect(
      (await appts.remindersDue(localInstant('2026-11-23', '16:10'))).map((d) => d.appointment.id),
    ).toEqual(['YY20261124-0002']);
    // next morning: A's one-hour reminder; B's day-before reminder was never sent, so it is still listed
    expect(
      (await appts.remindersDue(localInstant(TUE, '08:00'))).map((d) => [d.appointment.id, d.ruleId]),
    ).toEqual([
      [a.id, 'minutesBefore@60'],
      ['YY20261124-0002', 'dayBefore@16:00'],
    ]);
  });

  it('takes the hours and reminders from the stored settings', async () => {
    await appts.saveSettings({
      hours: [{ from: '08:30', to: '11:30' }],
      slotMinutes: 90,
      reminders: [{ kind: 'minutesBefore', minutes: 30 }],
    });
    const fresh = new Appointments({ store, calendar });
    expect(
      (await fresh.remainingCapacity(item, 'W01', TUE)).map((c) => `${c.slot.start}-${c.slot.end}`),
    ).toEqual(['08:30-10:00', '10:00-11:30']);
    expect((await failure(book(ID_A, '09:00'))).code).toBe('APPOINTMENT_NO_SUCH_SLOT');
  });
});

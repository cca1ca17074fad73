import { Flags } from '@oclif/core';
import type { Appointment, CapacityOverride } from '@tongban/core/appointments';
import { TongbanError } from '@tongban/core/errors';
import { TongbanCommand } from '../../../base-command.js';
import { loadCalendar } from '../../../calendar-support.js';
import { renderTable } from '../../../output/table.js';
import { byFlag, parseDay, parseHhmm, shanghaiToday } from '../../../records/flags.js';
import { findItem } from '../../../records/items.js';
import { appointmentsOf } from '../../../records/services.js';

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

export interface CapacitySetResult {
  itemCode: string;
  windowId: string;
  capacity: number;
  /** Slot starts set, or null for every slot of the day (a day-wide maximum). */
  slots: string[] | null;
  /** Working days written, in order. */
  days: string[];
  /** Days of the range that matched --weekday but are not working days (nothing written). */
  skipped: string[];
  written: number;
  /** Slots already holding more bookings than the new capacity (those bookings keep their places). */
  overbooked: { day: string; slot: string; taken: number; capacity: number }[];
}

export default class AppointmentsCapacitySet extends TongbanCommand<CapacitySetResult> {
  static override summary = 'Set the maximum number of appointments (最大预约数) of an item at a window.';
  static override description = [
    'Seed 002 8.2.2: the hall sets the maximum number of bookings of a service item. The maximum applies to one',
    'window on one day, for the listed slots (--slot, repeatable) or for every slot of the day. With --weekday',
    'it is written for each working day of that weekday from --from to --to (default: today to the booking',
    'horizon). 0 closes the slot. Without an override a slot takes the item’s appointmentCapacity.',
  ].join('\n');
  static override examples = [
    '<%= config.bin %> <%= command.id %> --item 1100000001 --window W01 --day 2026-11-24 --capacity 8 --by 张敏',
    '<%= config.bin %> <%= command.id %> --item 1100000001 --window W01 --day 2026-11-24 --slot 09:00 --slot 10:00 --capacity 0 --by 张敏',
    '<%= config.bin %> <%= command.id %> --item 1100000001 --window W01 --weekday mon --weekday fri --from 2026-12-01 --to 2026-12-31 --capacity 4 --by 张敏 --json',
  ];
  static override flags = {
    item: Flags.string({ summary: 'Item code (事项编码).', required: true }),
    window: Flags.string({ summary: 'Window id (窗口), e.g. W01.', required: true }),
    day: Flags.string({ summary: "One day 'YYYY-MM-DD'.", exclusive: ['weekday'] }),
    weekday: Flags.option({
      options: WEEKDAYS,
      multiple: true,
      summary: 'Every working day of this weekday.',
    })(),
    from: Flags.string({ summary: 'With --weekday: first day (default today).', dependsOn: ['weekday'] }),
    to: Flags.string({
      summary: 'With --weekday: last day (default the booking horizon).',
      dependsOn: ['weekday'],
    }),
    slot: Flags.string({ multiple: true, summary: "Slot start 'HH:MM' (repeatable); omit for every slot." }),
    capacity: Flags.integer({
      summary: 'Places per slot; 0 closes it.',
      required: true,
      min: 0,
      max: 10_000,
    }),
    note: Flags.string({ summary: 'Why (e.g. 窗口人员培训).' }),
    by: byFlag('Who sets the capacity.'),
  };

  async run(): Promise<CapacitySetResult> {
    const { flags } = await this.parse(AppointmentsCapacitySet);
    if (!flags.day && !flags.weekday) {
      throw new TongbanError('usage.noDay', 'say which day: --day or --weekday', {
        where: { field: '--day' },
        hint: 'give --day 2026-11-24, or --weekday mon (repeatable) with optional --from/--to',
      });
    }
    const store = await this.openStore(flags.data);
    const item = await findItem(store, flags.item);
    const appointments = await appointmentsOf(store, flags.data);
    const { hallSlots, slotCapacities } = await import('@tongban/core/appointments');
    const settings = await appointments.settings();
    const starts = hallSlots(settings).map((s) => s.start);
    const slots = flags.slot?.map((s) => parseHhmm(s, '--slot'));
    for (const s of slots ?? []) {
      if (!starts.includes(s)) {
        throw new TongbanError('APPOINTMENT_NO_SUCH_SLOT', `no slot starts at ${s} in the hall's hours`, {
          where: { field: '--slot', slot: s },
          hint: `slots start at ${starts.join(', ')}`,
        });
      }
    }
    const calendar = await loadCalendar(flags.data);
    let days: string[];
    const skipped: string[] = [];
    if (flags.day) {
      days = [parseDay(flags.day, '--day')];
    } else {
      const today = shanghaiToday();
      const from = flags.from ? parseDay(flags.from, '--from') : today;
      const horizon = new Date(`${today}T00:00:00Z`);
      horizon.setUTCDate(horizon.getUTCDate() + settings.maxDaysAhead);
      const to = flags.to ? parseDay(flags.to, '--to') : horizon.toISOString().slice(0, 10);
      if (to < from) {
        throw new TongbanError('usage.badRange', `--to ${to} is before --from ${from}`, {
          where: { field: '--to' },
          hint: 'give --to on or after --from',
        });
      }
      const wanted = new Set(flags.weekday);
      days = [];
      for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
        const d = new Date(t);
        const day = d.toISOString().slice(0, 10);
        if (!wanted.has(WEEKDAYS[d.getUTCDay()] as (typeof WEEKDAYS)[number])) continue;
        if (calendar.isWorkingDay(day)) days.push(day);
        else skipped.push(day);
      }
    }
    if (flags.day && !calendar.isWorkingDay(days[0] as string)) {
      throw new TongbanError('APPOINTMENT_NOT_WORKING_DAY', `${days[0]} is not a working day`, {
        where: { field: '--day', day: days[0] },
        hint: 'the hall takes no appointments on weekends and holidays; see `tongban calendar show`',
      });
    }
    const { Appointments } = await import('@tongban/core/appointments');
    const overbooked: CapacitySetResult['overbooked'] = [];
    const written = await store.transact(async (tx) => {
      const svc = new Appointments({ store: tx, calendar });
      let n = 0;
      for (const day of days) {
        for (const slotStart of slots ?? [undefined]) {
          await svc.setCapacity({
            itemCode: item.itemCode,
            windowId: flags.window,
            day,
            ...(slotStart ? { slotStart } : {}),
            capacity: flags.capacity,
            actor: flags.by,
            ...(flags.note ? { note: flags.note } : {}),
          });
          n += 1;
        }
        const overrides = await tx.listRecords<CapacityOverride>('capacity', {
          itemCode: item.itemCode,
          windowId: flags.window,
          day,
        });
        const bookings = await tx.listRecords<Appointment>('appointments', { day });
        for (const p of slotCapacities(item, flags.window, day, settings, overrides, bookings)) {
          if (p.taken > p.capacity)
            overbooked.push({ day, slot: p.slot.start, taken: p.taken, capacity: p.capacity });
        }
      }
      return n;
    });
    const result: CapacitySetResult = {
      itemCode: item.itemCode,
      windowId: flags.window,
      capacity: flags.capacity,
      slots: slots ?? null,
      days,
      skipped,
      written,
      overbooked,
    };
    const what = slots ? `slot(s) ${slots.join(', ')}` : 'every slot';
    this.log(
      `Capacity ${flags.capacity} set for item ${item.itemCode} at window ${flags.window}, ${what}, on ${days.length} day(s)${days.length ? `: ${days.join(', ')}` : ''}.`,
    );
    if (skipped.length) this.log(`Skipped ${skipped.length} non-working day(s): ${skipped.join(', ')}.`);
    if (overbooked.length) {
      this.warn(
        'some slots already hold more bookings than the new capacity; those bookings keep their places:',
      );
      this.log(
        renderTable(overbooked, [
          { header: 'day', get: (r) => r.day },
          { header: 'slot', get: (r) => r.slot },
          { header: 'taken', get: (r) => r.taken, align: 'right' },
          { header: 'capacity', get: (r) => r.capacity, align: 'right' },
        ]),
      );
    }
    return result;
  }
}

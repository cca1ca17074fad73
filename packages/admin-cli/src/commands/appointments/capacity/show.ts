import { Flags } from '@oclif/core';
import type { Appointment, CapacityOverride } from '@tongban/core/appointments';
import { TongbanCommand } from '../../../base-command.js';
import { loadCalendar } from '../../../calendar-support.js';
import { renderTable } from '../../../output/table.js';
import { parseDay, shanghaiToday } from '../../../records/flags.js';
import { itemsByCode } from '../../../records/items.js';
import { appointmentsOf } from '../../../records/services.js';

export interface CapacitySlotRow {
  start: string;
  end: string;
  capacity: number;
  taken: number;
  remaining: number;
  /** Where the capacity comes from: an override of the slot, of the day, or the item's default. */
  source: 'slot' | 'day' | 'item';
}

export interface CapacityShowResult {
  day: string;
  workingDay: boolean;
  entries: { itemCode: string; itemName?: string; windowId: string; slots: CapacitySlotRow[] }[];
}

export default class AppointmentsCapacityShow extends TongbanCommand<CapacityShowResult> {
  static override summary =
    'Show places per slot on a day: capacity, taken, remaining, and where the capacity comes from.';
  static override description = [
    'Seed 002 8.2.2. Without --item/--window, shows every item and window that has a capacity set or a booking',
    'that day. Capacity comes from an override of the slot, else of the day, else the item’s appointmentCapacity.',
  ].join('\n');
  static override examples = [
    '<%= config.bin %> <%= command.id %> --day 2026-11-24',
    '<%= config.bin %> <%= command.id %> --day 2026-11-24 --item 1100000001 --window W01 --json',
  ];
  static override flags = {
    day: Flags.string({ summary: "Day 'YYYY-MM-DD' (default today)." }),
    item: Flags.string({ summary: 'Only this item code.' }),
    window: Flags.string({ summary: 'Only this window.' }),
  };

  async run(): Promise<CapacityShowResult> {
    const { flags } = await this.parse(AppointmentsCapacityShow);
    const day = flags.day ? parseDay(flags.day, '--day') : shanghaiToday();
    const store = await this.openStore(flags.data);
    const calendar = await loadCalendar(flags.data);
    const appointments = await appointmentsOf(store, flags.data);
    const { slotCapacities } = await import('@tongban/core/appointments');
    const settings = await appointments.settings();
    const items = await itemsByCode(store);
    const overrides = (await store.listRecords<CapacityOverride>('capacity', { day })).filter(
      (o) => o.day === day,
    );
    const bookings = (await store.listRecords<Appointment>('appointments', { day })).filter(
      (b) => b.day === day,
    );
    const combos = new Map<string, { itemCode: string; windowId: string }>();
    const add = (itemCode: string, windowId: string) => {
      if (flags.item && itemCode !== flags.item) return;
      if (flags.window && windowId !== flags.window) return;
      combos.set(`${itemCode}|${windowId}`, { itemCode, windowId });
    };
    if (flags.item && flags.window) add(flags.item, flags.window);
    for (const o of overrides) add(o.itemCode, o.windowId);
    for (const b of bookings) add(b.itemCode, b.windowId);
    const workingDay = calendar.isWorkingDay(day);
    const entries = [...combos.values()]
      .sort((a, b) => a.windowId.localeCompare(b.windowId) || a.itemCode.localeCompare(b.itemCode))
      .map(({ itemCode, windowId }) => {
        const item = items.get(itemCode);
        const mine = overrides.filter((o) => o.itemCode === itemCode && o.windowId === windowId);
        const places = workingDay
          ? slotCapacities(
              { itemCode, appointmentCapacity: item?.appointmentCapacity },
              windowId,
              day,
              settings,
              mine,
              bookings,
            )
          : [];
        return {
          itemCode,
          ...(item ? { itemName: item.mainName } : {}),
          windowId,
          slots: places.map(
            (p): CapacitySlotRow => ({
              start: p.slot.start,
              end: p.slot.end,
              capacity: p.capacity,
              taken: p.taken,
              remaining: p.remaining,
              source: mine.some((o) => o.slotStart === p.slot.start)
                ? 'slot'
                : mine.some((o) => o.slotStart === undefined)
                  ? 'day'
                  : 'item',
            }),
          ),
        };
      });
    if (!workingDay) this.log(`${day} is not a working day: no appointments.`);
    if (entries.length === 0) {
      this.log(
        `No capacity set and no bookings on ${day}; give --item and --window to see an item's default.`,
      );
    }
    for (const e of entries) {
      this.log(`${e.windowId} · ${e.itemCode}${e.itemName ? ` ${e.itemName}` : ''} · ${day}`);
      this.log(
        renderTable(e.slots, [
          { header: 'slot', get: (r) => `${r.start}-${r.end}` },
          { header: 'capacity', get: (r) => r.capacity, align: 'right' },
          { header: 'taken', get: (r) => r.taken, align: 'right' },
          { header: 'left', get: (r) => r.remaining, align: 'right' },
          { header: 'from', get: (r) => r.source },
        ]),
      );
      this.log('');
    }
    return { day, workingDay, entries };
  }
}

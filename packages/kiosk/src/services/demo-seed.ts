/**
 * Demo appointment capacity (seed 002 8.2.2 最大预约数), so a demo shows places running out: when the data
 * directory holds no capacity record yet, the next three working days get small capacities for every item that
 * takes appointments — 3 places a slot at this kiosk's window (1 in the first slot of the first day) and 2 a slot
 * at a second window. One store transaction; a directory that already has capacity records is left alone.
 */
import { type CapacityOverride, capacityOverrideId } from '@tongban/core/appointments';
import { WorkCalendar } from '@tongban/core/calendar';
import type { ServiceItem } from '@tongban/core/catalogue';
import type { Store } from '@tongban/core/store';
import type { KioskConfig } from '../config/kiosk-config.js';

export const DEMO_SECOND_WINDOW = 'W02';

/** Seeds demo capacity; returns the number of capacity records written (0 when some were there). */
export async function seedDemoCapacity(
  store: Store,
  config: Pick<KioskConfig, 'terminal'>,
  items: readonly ServiceItem[],
  options: { calendar?: WorkCalendar; now?: Date; days?: number } = {},
): Promise<number> {
  const calendar = options.calendar ?? WorkCalendar.default();
  const now = options.now ?? new Date();
  const codes = [...new Set(items.filter((i) => i.appointmentCapacity !== undefined).map((i) => i.itemCode))];
  const days: string[] = [];
  for (let k = 1; days.length < (options.days ?? 3) && k < 60; k++) {
    const day = WorkCalendar.localDate(new Date(now.getTime() + k * 86_400_000));
    if (calendar.isWorkingDay(day)) days.push(day);
  }
  const window = config.terminal.window;
  const setAt = now.toISOString();
  return store.transact(async (tx) => {
    if ((await tx.listRecords('capacity')).length > 0) return 0;
    let n = 0;
    const put = async (r: Omit<CapacityOverride, 'revision' | 'id' | 'setBy' | 'setAt'>) => {
      const id = capacityOverrideId(r.itemCode, r.windowId, r.day, r.slotStart);
      await tx.putRecord<CapacityOverride>('capacity', {
        ...r,
        id,
        setBy: 'kiosk-demo',
        setAt,
        note: 'demo',
      });
      n++;
    };
    for (const itemCode of codes) {
      for (const [k, day] of days.entries()) {
        await put({ itemCode, windowId: window, day, capacity: 3 });
        await put({ itemCode, windowId: DEMO_SECOND_WINDOW, day, capacity: 2 });
        if (k === 0) await put({ itemCode, windowId: window, day, slotStart: '09:00', capacity: 1 });
      }
    }
    return n;
  });
}

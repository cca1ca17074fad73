/**
 * A kiosk process for the overbooking test (service.test.ts):
 *   node --import tsx kiosk-worker.ts <dataDir> <kioskName> <attempts> <day> <slotStart> <nowIso> <startEpochMs>
 * Books `attempts` different ID numbers into one slot of item 1100000001 at window W01 (capacity 5) and prints
 * {"booked": n, "full": m} as JSON. All kiosks wait for the same start instant so that their bookings collide;
 * any other error goes to stderr with exit code 1.
 */

import { Appointments, SlotFullError } from '@tongban/core/appointments';
import { WorkCalendar } from '@tongban/core/calendar';
import { openLowdbStore } from '../index.js';

const [dir, name, attempts, day, slotStart, now, start] = process.argv.slice(2);
const store = await openLowdbStore({ dir: dir as string, durable: false, lockWaitMs: 120_000 });
const appointments = new Appointments({ store, calendar: WorkCalendar.default() });
const item = { itemCode: '1100000001', mainName: '居民身份证换领', appointmentCapacity: 5 };
await new Promise((r) => setTimeout(r, Math.max(0, Number(start) - Date.now())));
let booked = 0;
let full = 0;
try {
  for (let i = 0; i < Number(attempts); i++) {
    try {
      await appointments.book({
        item,
        windowId: 'W01',
        day: day as string,
        slotStart: slotStart as string,
        applicantId: `${name}-${String(i).padStart(12, '0')}`,
        channel: 'kiosk',
        actor: name as string,
        at: now as string,
      });
      booked += 1;
    } catch (e) {
      if (!(e instanceof SlotFullError)) throw e;
      full += 1;
    }
  }
  process.stdout.write(JSON.stringify({ booked, full }));
} catch (e) {
  process.stderr.write(String((e as Error).stack ?? e));
  process.exitCode = 1;
} finally {
  await store.close();
}

/**
 * A kiosk process for the overbooking test (kiosks.test.ts):
 *   node --import tsx kiosk-worker.ts <dataDir> <kioskName> <attempts> <day> <slotStart> <nowIso>
 * Opens the store, prints "ready", waits for a line on its standard input (the test sends it to every kiosk once
 * all are ready, so that their bookings collide however slowly each started), then books `attempts` different ID
 * numbers into one slot of item 1100000001 at window W01 (capacity 5) and prints {"booked": n, "full": m} as JSON
 * on a line of its own. Any other error goes to stderr with exit code 1.
 */

import { Appointments, SlotFullError } from '@tongban/core/appointments';
import { WorkCalendar } from '@tongban/core/calendar';
import { openLowdbStore } from '../index.js';

const [dir, name, attempts, day, slotStart, now] = process.argv.slice(2);
const store = await openLowdbStore({ dir: dir as string, durable: false, lockWaitMs: 120_000 });
const appointments = new Appointments({ store, calendar: WorkCalendar.default() });
const item = { itemCode: '1100000001', mainName: '居民身份证换领', appointmentCapacity: 5 };
process.stdout.write('ready\n');
await new Promise((r) => process.stdin.once('data', r));
process.stdin.pause();
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
  process.stdout.write(`${JSON.stringify({ booked, full })}\n`);
} catch (e) {
  process.stderr.write(String((e as Error).stack ?? e));
  process.exitCode = 1;
} finally {
  await store.close();
}

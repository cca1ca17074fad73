/**
 * A headless kiosk for the offline fault test (issue 9): the kiosk's own store opening (services/kiosk-store.ts),
 * services and receipt layout, without the screen. It submits cases one after another and "prints" each receipt
 * as the ESC/POS bytes the printer would get, written durably to <printed>/<pid>-<n>.bin only after the submission
 * returned — the moment a real kiosk prints. Killed and restarted at random by the test.
 *   tsx --conditions=source offline-kiosk.ts CONFIG.json DATA_DIR PRINTED_DIR TARGET
 */
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { WorkCalendar } from '@tongban/core/calendar';
import { renderReceipt } from '@tongban/devices';
import { loadKioskConfig } from '../config/kiosk-config.js';
import { KioskServices } from '../services/kiosk-services.js';
import { openKioskStore } from '../services/kiosk-store.js';

const [configFile, dataDir, printedDir, targetText] = process.argv.slice(2);
if (!configFile || !dataDir || !printedDir || !targetText)
  throw new Error('usage: CONFIG DATA PRINTED TARGET');
const target = Number(targetText);
mkdirSync(printedDir, { recursive: true });

/** A receipt is printed whole or not at all: written beside, flushed, then renamed into the printed folder. */
function printDurably(bytes: Uint8Array, n: number): void {
  const name = `${process.pid}-${n}.bin`;
  const tmp = join(printedDir as string, '..', `.printing-${name}`);
  const fd = openSync(tmp, 'w');
  writeSync(fd, bytes);
  fsyncSync(fd);
  closeSync(fd);
  renameSync(tmp, join(printedDir as string, name));
}

const config = loadKioskConfig(configFile);
const calendar = WorkCalendar.default();
const kiosk = await openKioskStore({ config, dataDir, calendar });
// At start the kiosk may be offline: the catalogue then comes from the outbox's cache of the last one seen.
let services: KioskServices | undefined;
while (!services) {
  try {
    services = await KioskServices.open(kiosk.store, config);
  } catch {
    await new Promise((r) => setTimeout(r, 200));
  }
}
const item =
  services.items.find((i) => i.modes.includes('window') && i.promisedDays > 0) ?? services.items[0];
if (!item) throw new Error('empty catalogue');
process.stdout.write(`ready ${process.pid}\n`);
for (let n = 1; readdirSync(printedDir).length < target; n++) {
  const { receipt } = await services.submit({
    item,
    mode: item.modes.includes('window') ? 'window' : (item.modes[0] ?? 'window'),
    deliveryMethod: 'pickup',
    applicant: { name: '张三', idNumber: '230102199001011234' },
    submitted: item.materials.map((m) => m.name),
  });
  printDurably(renderReceipt(receipt), n);
}
await kiosk.close();
process.stdout.write('done\n');

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Appointments } from '@tongban/core/appointments';
import { WorkCalendar } from '@tongban/core/calendar';
import { openStore } from '@tongban/store';
import { describe, expect, it } from 'vitest';
import { demoConfig } from '../config/kiosk-config.js';
import { ensureSampleCatalogue } from '../start.js';
import { DEMO_SECOND_WINDOW, seedDemoCapacity } from './demo-seed.js';
import { KioskServices } from './kiosk-services.js';

describe('demo appointment capacity (seed 002 8.2.2)', () => {
  it('seeds small capacities once, at two windows, so a demo shows places running out', async () => {
    const store = await openStore({ data: mkdtempSync(join(tmpdir(), 'kiosk-seed-')) });
    try {
      await ensureSampleCatalogue(store);
      const config = demoConfig();
      const services = await KioskServices.open(store, config);
      const now = new Date('2026-11-23T00:00:00Z'); // Monday 08:00 in Shanghai
      const n = await seedDemoCapacity(store, config, services.items, { now });
      expect(n).toBeGreaterThan(0);
      expect(await seedDemoCapacity(store, config, services.items, { now })).toBe(0); // left alone the second time
      const item = (await services.appointments.bookableItems())[0];
      if (!item) throw new Error('bookable items');
      expect(await services.appointments.windowsFor(item)).toEqual([
        config.terminal.window,
        DEMO_SECOND_WINDOW,
      ]);
      const appts = new Appointments({ store, calendar: WorkCalendar.default() });
      const tue = await appts.remainingCapacity(item, config.terminal.window, '2026-11-24');
      expect(tue.map((c) => c.remaining)).toEqual([1, 3, 3, 3, 3, 3, 3]);
      const w2 = await appts.remainingCapacity(item, DEMO_SECOND_WINDOW, '2026-11-25');
      expect(w2.every((c) => c.capacity === 2)).toBe(true);
    } finally {
      await store.close();
    }
  });
});

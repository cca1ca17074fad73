/**
 * The kiosk's store choice (issue 9): the embedded store by default; with a database URL an offline-first store
 * whose submissions wait in the outbox while the database cannot be reached, and the receipt says so. The
 * unreachable database here is a real refused TCP connection (nothing listens on port 1).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WorkCalendar } from '@tongban/core/calendar';
import { ServiceItem } from '@tongban/core/catalogue';
import { Outbox } from '@tongban/store/sync';
import { describe, expect, it } from 'vitest';
import { demoConfig, parseKioskConfig } from '../config/kiosk-config.js';
import { KioskServices, sampleItems } from './kiosk-services.js';
import { openKioskStore } from './kiosk-store.js';

const calendar = WorkCalendar.default();
const items = sampleItems().map((i) => ServiceItem.parse(i));

describe('kiosk store (issue 9, seed 003 一: 全时在线)', () => {
  it('uses the embedded store of the data directory when no database is configured', async () => {
    const data = mkdtempSync(join(tmpdir(), 'tongban-kstore-'));
    const k = await openKioskStore({ config: demoConfig(), dataDir: data, calendar, env: {} });
    expect(k.offline).toBeUndefined();
    await k.store.publish({ items, publishedBy: 't', message: 'v1' });
    expect((await k.store.catalogue())?.version).toBe(1);
    await k.close();
  });

  it('queues a submission in the outbox while the database refuses connections, and the receipt says so', async () => {
    const data = mkdtempSync(join(tmpdir(), 'tongban-kstore-'));
    const config = parseKioskConfig({
      hall: { name: '测试大厅', site: 'KS1' },
      terminal: { id: 'KIOSK-KS-01' },
      database: { url: 'postgres://kiosk@127.0.0.1:1/province', syncSeconds: 3600 },
    });
    // The catalogue this kiosk saw before the outage (cached by the outbox on every online read).
    new Outbox(join(data, 'outbox'), 'KIOSK-KS-01').cacheCatalogue({
      version: 3,
      publishedBy: 'admin',
      publishedAt: '2026-11-01T00:00:00.000Z',
      message: 'v3',
      items,
    });
    const k = await openKioskStore({ config, dataDir: data, calendar, env: {} });
    expect(k.offline).toBeDefined();
    const services = await KioskServices.open(k.store, config);
    const item = services.items.find((i) => i.modes.includes('window'))!;
    const { caseRecord, receipt } = await services.submit({
      item,
      mode: 'window',
      deliveryMethod: 'pickup',
      applicant: { name: '张三', idNumber: '230102199001011234' },
      submitted: item.materials.map((m) => m.name),
    });
    expect(receipt.applicationNumber).toBe(caseRecord.id);
    expect(k.offline?.connectivity()).toBe('offline');
    expect(services.pendingSync(caseRecord.id)).toBe(true);
    expect(k.offline?.outbox.status()).toMatchObject({ kioskId: 'KIOSK-KS-01', pending: 1 });
    // Progress for that case answers from the outbox.
    expect((await services.progress(caseRecord.id))?.caseId).toBe(caseRecord.id);
    await k.close();
  });

  it('refuses a database URL that is not PostgreSQL, naming the field', () => {
    expect(() =>
      parseKioskConfig({
        hall: { name: '测试大厅', site: 'KS1' },
        terminal: { id: 'K' },
        database: { url: 'mysql://x@y/z' },
      }),
    ).toThrow(/database\.url: database\.url must be a PostgreSQL URL/);
  });
});

import { mkdtempSync } from 'node:fs';
const { prepareKiosk } = await import('/work/main/packages/kiosk/dist/start.js');
await import('/work/main/packages/kiosk/dist/app/kiosk-app.js');
const p = await prepareKiosk({ demo: true, data: mkdtempSync('/tmp/h2/d-') });
await p.devices.close(); await p.store.close();

import v8 from 'node:v8'; if (process.env.H2_FLAG) v8.setFlagsFromString(process.env.H2_FLAG);
const t0 = performance.now(); await import('ink'); const t1 = performance.now();
const { prepareKiosk } = await import('/work/main/packages/kiosk/dist/start.js'); await import('/work/main/packages/kiosk/dist/app/kiosk-app.js');
const { mkdtempSync } = await import('node:fs');
const p = await prepareKiosk({ demo: true, data: mkdtempSync('/tmp/h2/d-') }); const t2 = performance.now();
console.log(process.env.H2_FLAG ?? '-', 'ink', (t1-t0).toFixed(0), 'rest', (t2-t1).toFixed(0));
await p.devices.close(); await p.store.close();

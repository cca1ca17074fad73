import v8 from 'node:v8'; if (process.env.H2_FLAG) v8.setFlagsFromString(process.env.H2_FLAG);
import { readFileSync, mkdtempSync } from 'node:fs';
const hwm = () => Number(/VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status','utf8'))[1])/1024;
const rss = () => process.memoryUsage().rss/2**20;
const h = () => { const m = process.memoryUsage(); return `rss ${rss().toFixed(1)} hwm ${hwm().toFixed(1)} heap ${(m.heapUsed/2**20).toFixed(1)}/${(m.heapTotal/2**20).toFixed(1)} ext ${(m.external/2**20).toFixed(1)} ab ${(m.arrayBuffers/2**20).toFixed(1)}`; };
const K='/work/main/packages/kiosk/dist/', C='/work/main/packages/core/dist/';
console.log('start', h());
for (const m of ['ink', 'react', K+'start.js', 'zod', K+'config/kiosk-config.js', C+'store/index.js', C+'catalogue/index.js', 'pinyin-pro', K+'services/kiosk-services.js', K+'devices/kiosk-devices.js', K+'app/kiosk-app.js']) {
  await import(m); console.log(m.replace(/.*\/dist\//,''), h());
}
const { prepareKiosk } = await import(K+'start.js');
const p = await prepareKiosk({ demo: true, data: mkdtempSync('/tmp/h2/d-') });
console.log('prepared', h());
global.gc?.(); console.log('gc', h());
await p.devices.close(); await p.store.close();

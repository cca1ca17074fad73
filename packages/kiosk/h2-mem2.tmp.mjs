import { readFileSync } from 'node:fs';
const hwm = () => Number(/VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status','utf8'))[1])/1024;
const h = () => { const m = process.memoryUsage(); return `rss ${(m.rss/2**20).toFixed(1)} hwm ${hwm().toFixed(1)} heap ${(m.heapUsed/2**20).toFixed(1)}/${(m.heapTotal/2**20).toFixed(1)}`; };
for (const m of process.argv.slice(2)) { await import(m); console.log(m.replace(/.*\/dist\//,''), h()); }
if (process.argv.includes('pinyin-pro')) { const { pinyin } = await import('pinyin-pro'); pinyin('居民身份证换领', {toneType:'none', type:'array', v:true}); console.log('used', h()); }

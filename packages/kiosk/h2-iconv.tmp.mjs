import { readFileSync } from 'node:fs';
const hwm = () => Number(/VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status','utf8'))[1])/1024;
await import('ink'); const iconv = (await import('iconv-lite')).default;
console.log('before', hwm().toFixed(1), (process.memoryUsage().heapUsed/2**20).toFixed(1));
iconv.encode('居民身份证换领申请回执', 'gb18030');
console.log('after', hwm().toFixed(1), (process.memoryUsage().heapUsed/2**20).toFixed(1));

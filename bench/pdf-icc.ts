/**
 * The sRGB profile of the notices' PDF/A OutputIntent (every notice is PDF/A-2b by default): the compact profile
 * computed by packages/pdf/src/icc.ts beside pdfkit's own sRGB_IEC61966_2_1.icc, both deflated as embedded, and
 * what each makes of the mean notice. `npx tsx --conditions=source bench/pdf-icc.ts`
 */

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { sampleNotices } from '../packages/core/src/notices/test-support/samples.js';
import { compactSrgbProfile, compactSrgbProfileStream } from '../packages/pdf/src/icc.js';
import { NoticePdfRenderer } from '../packages/pdf/src/index.js';

const require = createRequire(new URL('../packages/pdf/package.json', import.meta.url));
// the file pdfkit embeds (js/data beside its main module; the package exports no subpath for it)
const pdfkitProfile = readFileSync(join(dirname(require.resolve('pdfkit')), 'data', 'sRGB_IEC61966_2_1.icc'));
const ours = compactSrgbProfileStream().data.length;
const theirs = deflateSync(pdfkitProfile).length;
const renderer = new NoticePdfRenderer(); // PDF/A-2b
const sizes: number[] = [];
for (let seed = 1; seed <= 5; seed++)
  for (const n of sampleNotices(seed)) sizes.push((await renderer.render(n)).length);
const mean = sizes.reduce((a, b) => a + b, 0) / sizes.length;
const kib = (b: number) => (b / 1024).toFixed(1);
console.log(
  `sRGB profile: ours ${compactSrgbProfile().length} B (${ours} B deflated), pdfkit's ${pdfkitProfile.length} B (${theirs} B deflated): ${(theirs / ours).toFixed(1)}x`,
);
console.log(
  `mean notice (${sizes.length}, PDF/A-2b): ${kib(mean)} KiB with ours, ${kib(mean - ours + theirs)} KiB with pdfkit's: ${((mean - ours + theirs) / mean).toFixed(3)}x`,
);

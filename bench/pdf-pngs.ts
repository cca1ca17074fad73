/**
 * PNG snapshots of the first page of each notice type for the README: `npx tsx bench/pdf-pngs.ts [dpi]`.
 * Renders the sample notices of packages/core/src/notices/test-support/samples.ts and rasterises them with poppler's
 * pdftoppm into docs/notices/<type>.png (poppler-utils must be installed).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sampleNotices } from '../packages/core/src/notices/test-support/samples.js';
import { NoticePdfRenderer } from '../packages/pdf/src/index.js';

const dpi = process.argv[2] ?? '60';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'docs', 'notices');
mkdirSync(outDir, { recursive: true });
const tmp = mkdtempSync(join(tmpdir(), 'tongban-pngs-'));
const renderer = new NoticePdfRenderer();
for (const notice of sampleNotices()) {
  const pdf = join(tmp, `${notice.type}.pdf`);
  writeFileSync(pdf, await renderer.render(notice));
  const stem = join(tmp, notice.type);
  execFileSync('pdftoppm', ['-png', '-r', dpi, '-f', '1', '-l', '1', '-singlefile', pdf, stem]);
  renameSync(`${stem}.png`, join(outDir, `${notice.type}.png`));
  console.log(`docs/notices/${notice.type}.png`);
}

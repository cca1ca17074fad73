/**
 * End-to-end import of a 10,000-item XLSX catalogue: `tongban items import` as a real process into an empty
 * data directory (read, validate every row and the whole catalogue, diff, write the draft). Goal (issue 6): <= 3 s.
 * In the same run, interleaved:
 *   - baseline: a bare process that only loads the same workbook with exceljs (what any exceljs-based import
 *     spends before its first row; it was the floor of our import until the fast reader);
 *   - our import forced onto the exceljs reader (TONGBAN_XLSX_READER=exceljs: the previous reader);
 *   - our import as shipped (the fast XLSX reader, catalogue-io/xlsx-fast.ts).
 * Needs the CLI built (npm run build).
 *   npx tsx bench/items-import.ts [items] [repetitions]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { itemsToRows, TABULAR_SHEET_NAME } from '@tongban/core/catalogue';
import ExcelJS from 'exceljs';
import { generateCatalogue } from '../fixtures/src/synthetic-catalogue.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const n = Number(process.argv[2] ?? 10_000);
const reps = Number(process.argv[3] ?? 3);
const tmp = mkdtempSync(join(tmpdir(), 'tongban-bench-import-'));
const file = join(tmp, `catalogue-${n}.xlsx`);

const wb = new ExcelJS.Workbook();
const ws = wb.addWorksheet(TABULAR_SHEET_NAME);
for (const row of itemsToRows(generateCatalogue(n, 1))) ws.addRow(row);
writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));

const floor = join(tmp, 'floor.mjs');
writeFileSync(
  floor,
  `import { createRequire } from 'node:module';
const require = createRequire(${JSON.stringify(join(root, 'packages/admin-cli/package.json'))});
const ExcelJS = require('exceljs');
const wb = new ExcelJS.Workbook();
await wb.xlsx.readFile(${JSON.stringify(file)});
let cells = 0;
wb.worksheets[0].eachRow((r) => r.eachCell(() => cells++));
console.log(cells);
`,
);

function timed(args: string[], env: NodeJS.ProcessEnv = process.env): number {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { env, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr.slice(0, 2000)}`);
  return Number(process.hrtime.bigint() - t) / 1e9;
}

const base: number[] = [];
const viaExceljs: number[] = [];
const ours: number[] = [];
const cli = join(root, 'packages/admin-cli/bin/run.js');
const importInto = (data: string, extra: NodeJS.ProcessEnv = {}) =>
  timed([cli, 'items', 'import', file, '--json'], { ...process.env, TONGBAN_DATA: data, ...extra });
for (let i = 0; i < reps; i++) {
  base.push(timed([floor]));
  viaExceljs.push(importInto(join(tmp, `data-exceljs-${i}`), { TONGBAN_XLSX_READER: 'exceljs' }));
  ours.push(importInto(join(tmp, `data-${i}`)));
}
const best = (xs: number[]) => Math.min(...xs);
const b = best(base);
console.log(
  `${n}-item XLSX import, best of ${reps} interleaved runs (node ${process.version}; load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores):`,
);
console.log(`  exceljs workbook load only (bare process)      ${b.toFixed(2)} s  baseline`);
console.log(
  `  tongban items import, exceljs reader           ${best(viaExceljs).toFixed(2)} s  ${(best(viaExceljs) / b).toFixed(2)}x`,
);
console.log(
  `  tongban items import (end to end, as shipped)  ${best(ours).toFixed(2)} s  ${(best(ours) / b).toFixed(2)}x; goal <= 3 s ${best(ours) <= 3 ? 'met' : 'NOT met'}`,
);
rmSync(tmp, { recursive: true, force: true });

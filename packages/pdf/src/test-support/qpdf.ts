/**
 * qpdf (Debian's qpdf, installed by .ci/run) as the tests' independent reader of PDF structure: `qpdf --check`
 * validates the syntax, cross-reference stream and object streams; `expanded` rewrites a file with its object
 * streams opened up (stream data kept as it is), so that a test can read the dictionaries as text.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'tongban-qpdf-'));
let n = 0;

/** qpdf --check: its output, and whether it found no error (exit 0; 3 = warnings only). */
export function qpdfCheck(pdf: Uint8Array): { ok: boolean; output: string } {
  const file = join(dir, `check-${n++}.pdf`);
  writeFileSync(file, pdf);
  const r = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
}

/** The same file with every object written plainly (no object streams, classic xref), streams untouched. */
export function expanded(pdf: Uint8Array): Buffer {
  const file = join(dir, `in-${n++}.pdf`);
  const out = join(dir, `out-${n++}.pdf`);
  writeFileSync(file, pdf);
  execFileSync('qpdf', ['--object-streams=disable', '--stream-data=preserve', file, out]);
  return readFileSync(out);
}

/**
 * Vitest global setup: every test's temporary files go under one directory of this run (TMPDIR, which os.tmpdir()
 * reads and child processes inherit), removed when the run ends, so that runs leave nothing behind in /tmp.
 * TONGBAN_KEEP_TMP=1 keeps it (its path is printed) to look at what a failing test wrote.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'tongban-test-'));
  // like /tmp, others may pass through: the PostgreSQL test clusters run initdb as the postgres user in a directory
  // of their own inside (mkdtemp makes 0700)
  chmodSync(dir, 0o755);
  process.env.TMPDIR = dir;
  return () => {
    if (process.env.TONGBAN_KEEP_TMP) console.log(`temporary files kept in ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  };
}

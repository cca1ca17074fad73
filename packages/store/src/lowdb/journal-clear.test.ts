/**
 * Issue 25 "Personal data, the small leaks": after a commit is applied, the writer's journal (its tenure's marker
 * file) no longer holds the commit's body; an applicant's full ID number lives only in the case data itself.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { event, summary } from '@tongban/core/store/test-support';
import { afterEach, describe, expect, it } from 'vitest';
import { TENURES_DIR } from './layout.js';
import { openLowdbStore } from './lowdb-store.js';

const ID = '230102198807150425';
const temps: string[] = [];
afterEach(async () => {
  for (const d of temps.splice(0)) await rm(d, { recursive: true, force: true });
});

function filesUnder(dir: string): string[] {
  let out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out = out.concat(filesUnder(p));
    else out.push(p);
  }
  return out;
}

describe('the journal after a commit', () => {
  it('keeps no body of the applied commit, so no full ID number, while the store is open and after it closes', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tongban-journal-'));
    temps.push(dir);
    const store = await openLowdbStore({ dir });
    const e = { ...event('C1', 1, 'submit'), payload: { applicant: { idNumber: ID, name: '王芳' } } };
    await store.append('C1', [e], summary('C1', 1, { applicantId: ID }));
    await store.append('C1', [event('C1', 2)], summary('C1', 2, { applicantId: ID }));
    const journals = () => filesUnder(join(dir, TENURES_DIR));
    expect(journals().length).toBeGreaterThan(0); // the tenure's marker is there, idle
    for (const f of journals()) {
      expect(readFileSync(f, 'latin1')).not.toContain(ID);
      expect(statSync(f).size).toBeLessThanOrEqual(32); // an empty journal is its header alone
    }
    await store.close();
    for (const f of journals()) expect(readFileSync(f, 'latin1')).not.toContain(ID);
    // the case itself still has it (the store keeps it for lookup at the kiosk; shown masked)
    expect(
      (
        await openLowdbStore({ dir }).then(async (s) => {
          const found = await s.findCases({ applicantId: ID });
          await s.close();
          return found;
        })
      ).map((c) => c.caseId),
    ).toEqual(['C1']);
  });
});

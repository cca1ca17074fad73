import { execFileSync } from 'node:child_process';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import * as S from '../../cases/schemas.js';
import { ensureBuilt, repoRoot, tempDir, tongban, tongbanJson } from '../../test-support/cli.js';
import { CalendarImportResult } from '../../test-support/schemas.js';

/**
 * Deadlines on a provisional year (issue 15), as real processes. Today is 2026-12-02 and the shipped calendar ends
 * with 2026, so a 40-working-day case accepted today is due in 2027, a year counted on the statutory holidays
 * until its notice is imported: every view says 预计, and importing the notice recomputes it and logs it.
 * (When the real 2027 notice ships in core, move these dates to the next year without one.)
 */

const INJURY = '000118004001'; // 工伤认定: 窗口办, promised 40 working days
const ID = '11010519491231002X';
const env = { TONGBAN_USER: 'zhangmin', TONGBAN_SITE: 'HRB1', TONGBAN_UNIT: 'window' };
const REHEARSAL = join(repoRoot, 'fixtures', 'calendar', 'rehearsal', 'cn-2027.json');

let seeded = '';
beforeAll(async () => {
  await ensureBuilt();
  seeded = tempDir('tongban-provisional-seed-');
  const catalogue = join(repoRoot, 'fixtures', 'catalogue', 'sample-catalogue.json');
  expect((await tongban(['items', 'import', catalogue], { data: seeded })).code).toBe(0);
  expect((await tongban(['items', 'publish', '-m', 'v1', '--by', 'admin'], { data: seeded })).code).toBe(0);
}, 300_000);

async function json(data: string, args: string[]) {
  const run = await tongbanJson(args, { data, env });
  if (run.code !== 0)
    throw new Error(`tongban ${args.join(' ')} exited ${run.code}: ${run.stdout}${run.stderr}`);
  return run.json;
}

/** Submits and accepts a 40-day case on the given local date, 09:30 and 10:00 Beijing time. */
async function acceptedOn(data: string, date: string) {
  const s = S.StepResult.parse(
    await json(data, [
      'cases',
      'submit',
      INJURY,
      '--mode',
      'window',
      '--name',
      '王芳',
      '--id-number',
      ID,
      '--all-materials',
      '--at',
      `${date}T09:30:00+08:00`,
    ]),
  );
  return S.StepResult.parse(
    await json(data, ['cases', 'accept', s.caseId, '--at', `${date}T10:00:00+08:00`]),
  );
}

describe('tongban cases on a provisional year, then calendar import of its notice (real processes)', () => {
  it('marks 预计 in accept, show and list, and import recomputes, lists and logs every such case', async () => {
    const data = tempDir('tongban-provisional-');
    cpSync(seeded, data, { recursive: true });
    // accepted today: 40 working days skip 2027-01-01 元旦 (statutory rule) -> Thu 2027-01-28
    const today = await acceptedOn(data, '2026-12-02');
    expect([today.dueDate, today.dueProvisional]).toEqual(['2027-01-28', true]);
    // accepted on Mon 12-07: due Tue 2027-02-02 by the rules; the notice's make-up Sunday 01-31 makes it 02-01
    const later = await acceptedOn(data, '2026-12-07');
    expect([later.dueDate, later.dueProvisional]).toEqual(['2027-02-02', true]);

    const accept = await tongban(['cases', 'show', today.caseId], { data, env });
    expect(accept.stdout).toMatch(/到期 due\s+2027-01-28 预计 provisional/);
    const shown = S.ShowResult.parse(
      await json(data, ['cases', 'show', today.caseId, '--now', '2026-12-02']),
    );
    expect(shown.deadlines).toMatchObject({ dueDate: '2027-01-28', dueProvisional: true, overdue: false });
    const listed = S.ListResult.parse(await json(data, ['cases', 'list', '--open']));
    expect(listed.cases.map((c) => [c.caseId, c.dueDate, c.dueProvisional])).toEqual([
      [today.caseId, '2027-01-28', true],
      [later.caseId, '2027-02-02', true],
    ]);
    // the acceptance notice as PDF, read back: the promise says 预计 (notices' text, rendered by the PDF package)
    const out = tempDir('tongban-provisional-pdf-');
    expect(
      (
        await tongban(
          [
            'notices',
            'render',
            today.caseId,
            '--type',
            'acceptance',
            '--out',
            out,
            '--enquiry-phone',
            '0451-12345',
          ],
          {
            data,
            env,
          },
        )
      ).code,
    ).toBe(0);
    const pdf = execFileSync('pdftotext', ['-layout', join(out, `${today.caseId}_acceptance.pdf`), '-'], {
      encoding: 'utf8',
    }).replace(/\s+/g, '');
    expect(pdf).toContain('40个工作日（预计2027年1月28日前办结，以法定假日安排为准）');
    const table = await tongban(['cases', 'list'], { data, env });
    expect(table.stdout).toContain('2027-01-28 预计');
    expect(table.stdout).toContain('预计 = provisional');

    // a dry run lists what would change and writes nothing
    const dry = CalendarImportResult.parse(await json(data, ['calendar', 'import', REHEARSAL, '--dry-run']));
    expect([dry.dryRun, dry.changed, dry.recomputed.length]).toEqual([true, 1, 2]);
    expect(S.ShowResult.parse(await json(data, ['cases', 'show', later.caseId])).length).toBe(2);

    const run = await tongbanJson(['calendar', 'import', REHEARSAL], { data, env });
    expect(run.code).toBe(0);
    const imp = CalendarImportResult.parse(run.json);
    expect(imp).toMatchObject({ year: 2027, before: 'provisional', changed: 1 });
    expect(
      imp.recomputed.map((c) => [
        c.caseId,
        c.fromDate,
        c.fromProvisional,
        c.toDate,
        c.toProvisional,
        c.changed,
      ]),
    ).toEqual([
      [today.caseId, '2027-01-28', true, '2027-01-28', false, false],
      [later.caseId, '2027-02-02', true, '2027-02-01', false, true],
    ]);
    const human = await tongban(['calendar', 'import', REHEARSAL, '--dry-run'], { data, env });
    expect(human.stdout).toContain('replacing the earlier data');

    // each case: official date, no 预计, and the recomputation as a system event in its log (nothing lost)
    const after = S.ShowResult.parse(await json(data, ['cases', 'show', later.caseId]));
    expect(after.deadlines).toMatchObject({ dueDate: '2027-02-01', dueProvisional: false });
    expect(after.length).toBe(3);
    expect(after.timeline.at(-1)).toMatchObject({
      event: 'recomputeDeadline',
      unit: 'system',
      actor: 'calendar-import',
    });
    expect(after.timeline.at(-1)?.text).toContain('办结期限 2027-02-02(预计) → 2027-02-01');
    expect(after.nextSteps.map((s) => s.event)).not.toContain('recomputeDeadline');
    const relisted = S.ListResult.parse(await json(data, ['cases', 'list', '--open']));
    expect(relisted.cases.map((c) => [c.dueDate, c.dueProvisional])).toEqual([
      ['2027-01-28', false],
      ['2027-02-01', false],
    ]);
  });

  it('says how many changed in words, case by case with old and new date', async () => {
    const data = tempDir('tongban-provisional-');
    cpSync(seeded, data, { recursive: true });
    const c = await acceptedOn(data, '2026-12-07');
    const run = await tongban(['calendar', 'import', REHEARSAL], { data, env });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('replacing the provisional year (statutory rules)');
    expect(run.stdout).toContain(
      'Recomputed 1 open case(s) whose deadline was counted on 2027: 1 deadline(s) changed.',
    );
    expect(run.stdout).toMatch(
      new RegExp(`${c.caseId}\\s+${INJURY}\\s+办结 due\\s+2027-02-02 预计\\s+2027-02-01\\s+changed`),
    );
  });

  it('warns when a 补正 deadline given in --days is counted on the provisional year (it stays as told)', async () => {
    const data = tempDir('tongban-provisional-');
    cpSync(seeded, data, { recursive: true });
    const c = await acceptedOn(data, '2026-12-02');
    const run = await tongban(
      [
        'cases',
        'request-supplement',
        c.caseId,
        '--material',
        '劳动关系证明材料=缺少单位盖章',
        '--days',
        '30',
        '--at',
        '2026-12-02T11:00:00+08:00',
      ],
      { data, env: { ...env, TONGBAN_UNIT: 'department' } },
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('--days 30 was counted on 2027, a provisional year (预计');
    expect(run.stderr).toContain('Give --deadline');
  });
});

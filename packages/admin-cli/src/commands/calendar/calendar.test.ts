import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, repoRoot, tempDir, tongban, tongbanJson } from '../../test-support/cli.js';
import {
  CalendarAddDaysResult,
  CalendarImportResult,
  CalendarShowResult,
  ErrorResult,
} from '../../test-support/schemas.js';

beforeAll(ensureBuilt, 300_000);

describe('tongban calendar (real process)', () => {
  it('shows 2025 from the shipped data: 248 working days, 国庆 on 10-01, make-up day on 09-28', async () => {
    const { code, json } = await tongbanJson(['calendar', 'show', '2025'], { data: tempDir() });
    expect(code).toBe(0);
    const r = CalendarShowResult.parse(json);
    expect(r.workingDays).toBe(248);
    expect(r.days).toContainEqual({
      date: '2025-10-01',
      weekday: '周三',
      kind: 'holiday',
      name: '国庆节、中秋节',
    });
    expect(r.days.find((d) => d.date === '2025-09-28')?.kind).toBe('workday');
  });

  it('adds working days across the National Day break, counting the Saturday make-up day', async () => {
    const { code, json } = await tongbanJson(['calendar', 'add-days', '2025-09-30', '5'], {
      data: tempDir(),
    });
    expect(code).toBe(0);
    const r = CalendarAddDaysResult.parse(json);
    expect(r.deadlineDate).toBe('2025-10-14');
    expect(r.deadline).toBe('2025-10-14T15:59:59.999Z');
  });

  it('refuses a year without data with exit 4 and says how to import it', async () => {
    const run = await tongban(['calendar', 'show', '2031'], { data: tempDir() });
    expect(run.code).toBe(4);
    expect(run.stderr).toContain('no work calendar for 2031');
    expect(run.stderr).toContain('tongban calendar import');
  });

  it('imports a year into the data directory, then uses it', async () => {
    const data = tempDir();
    const file = join(repoRoot, 'fixtures/calendar/example-2027.json');
    const imp = await tongbanJson(['calendar', 'import', file], { data });
    expect(imp.code).toBe(0);
    const r = CalendarImportResult.parse(imp.json);
    expect(r).toMatchObject({ year: 2027, replaced: false, dryRun: false });
    expect(readFileSync(join(data, 'calendar', 'cn-2027.json'), 'utf8')).toContain('"year": 2027');
    const show = await tongbanJson(['calendar', 'show', '2027'], { data });
    expect(show.code).toBe(0);
    expect(CalendarShowResult.parse(show.json).source).toBe(r.source);
    const again = await tongbanJson(['calendar', 'import', file], { data });
    expect(CalendarImportResult.parse(again.json).replaced).toBe(true);
  });

  it('refuses an invalid calendar file (make-up day on a weekday) with exit 2 and writes nothing', async () => {
    const data = tempDir();
    const bad = join(repoRoot, 'fixtures/calendar/bad/workday-not-weekend.json');
    const run = await tongbanJson(['calendar', 'import', bad], { data });
    expect(run.code).toBe(2);
    const err = ErrorResult.parse(run.json);
    expect(err.error.message).toMatch(/weekday/);
    const show = await tongban(['calendar', 'show', '2031'], { data });
    expect(show.code).toBe(4);
  });

  it('reports a missing file with exit 4', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'x.txt'), '');
    const run = await tongban(['calendar', 'import', join(dir, 'nope.json')], { data: dir });
    expect(run.code).toBe(4);
    expect(run.stderr).toContain('no such file');
  });
});

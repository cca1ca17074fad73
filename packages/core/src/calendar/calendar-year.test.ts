import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CalendarFileError,
  formatCalendarYear,
  mergeCalendarYear,
  parseCalendarYear,
  WorkCalendar,
} from './index.js';

const FIXTURES = fileURLToPath(new URL('../../../../fixtures/calendar/', import.meta.url));

async function errorOf(name: string): Promise<CalendarFileError> {
  const file = join(FIXTURES, 'bad', name);
  try {
    parseCalendarYear(await readFile(file, 'utf8'), file);
  } catch (e) {
    if (e instanceof CalendarFileError) return e;
    throw e;
  }
  throw new Error(`${name} was accepted`);
}

const temps: string[] = [];
afterEach(async () => {
  for (const d of temps.splice(0)) await rm(d, { recursive: true, force: true });
});
async function tempDir(): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), 'tongban-cal-'));
  temps.push(d);
  return d;
}

describe('parseCalendarYear: bad calendar files name file, field and reason', () => {
  it('refuses a date listed both as holiday and as make-up working day', async () => {
    const e = await errorOf('both-holiday-and-workday.json');
    expect(e.where.file).toMatch(/both-holiday-and-workday\.json$/);
    expect(e.where.field).toBe('workdays[0].date');
    expect(e.message).toContain('both as a holiday and as a make-up working day');
    expect(e.hint).toContain('example-2027.json');
  });

  it('refuses a make-up working day that is not a weekend', async () => {
    const e = await errorOf('workday-not-weekend.json');
    expect(e.where.field).toBe('workdays[0].date');
    expect(e.message).toMatch(/2027-10-08 is a weekday/);
  });

  it('refuses a holiday outside its year', async () => {
    const e = await errorOf('date-outside-year.json');
    expect(e.where.field).toBe('holidays[1].date');
    expect(e.message).toContain('2026-12-31 is not in 2027');
  });

  it('lists every problem: impossible dates, empty names and source, unknown keys', async () => {
    const e = await errorOf('invalid-date-and-unknown-key.json');
    const fields = e.problems.map((p) => p.field);
    expect(fields).toEqual(
      expect.arrayContaining(['source', 'holidays[0].date', 'workdays[0].date', 'workdays[0].name', '']),
    );
    expect(e.problems.find((p) => p.field === '')?.message).toMatch(/holiday/); // unrecognised key "holiday"
    expect(e.message).toMatch(/more problem/);
  });

  it('refuses text that is not JSON, naming the file', async () => {
    const e = await errorOf('not-json.json');
    expect(e.message).toMatch(/not-json\.json: not valid JSON/);
  });

  it('accepts the format example and a UTF-8 BOM', async () => {
    const file = join(FIXTURES, 'example-2027.json');
    const text = await readFile(file, 'utf8');
    const y = parseCalendarYear(`\uFEFF${text}`, file);
    expect(y.year).toBe(2027);
    expect(y.note).toMatch(/not official/);
  });
});

describe('import format: one file per year, a year replaces the same year', () => {
  const base = WorkCalendar.default().years();

  it('mergeCalendarYear adds a new year and replaces an existing one', () => {
    const y2027 = { year: 2027, source: 'x', holidays: [], workdays: [] };
    expect(mergeCalendarYear(base, y2027).map((y) => y.year)).toEqual([2024, 2025, 2026, 2027]);
    const corrected = { ...base[1]!, source: 'corrected', holidays: [] };
    const merged = mergeCalendarYear(base, corrected);
    expect(merged.map((y) => y.year)).toEqual([2024, 2025, 2026]);
    expect(merged[1]!.source).toBe('corrected');
    expect(new WorkCalendar(merged).isWorkingDay('2025-01-01')).toBe(true);
  });

  it('formatCalendarYear writes text that parses back to the same year, dates sorted', () => {
    const y = base[0]!;
    const shuffled = { ...y, holidays: [...y.holidays].reverse() };
    const text = formatCalendarYear(shuffled);
    expect(parseCalendarYear(text, 'x.json')).toEqual(y);
  });

  it('load(dir) reads every *.json year and refuses two files for one year', async () => {
    const loaded = await WorkCalendar.load(FIXTURES); // example-2027.json; bad/ is a sub-folder
    expect(loaded.loadedYears()).toEqual([2027]);
    const dir = await tempDir();
    const example = await readFile(join(FIXTURES, 'example-2027.json'), 'utf8');
    await writeFile(join(dir, 'a-2027.json'), example);
    await writeFile(join(dir, 'b-2027.json'), example);
    await expect(WorkCalendar.load(dir)).rejects.toThrow(/2027 is already given by .*a-2027\.json/);
    await expect(WorkCalendar.load(join(dir, 'missing'))).rejects.toThrow(
      /cannot read the calendar directory/,
    );
  });

  it('loadWithDefaults(dir) adds the imported years to the shipped ones', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'cn-2027.json'), await readFile(join(FIXTURES, 'example-2027.json')));
    const c = await WorkCalendar.loadWithDefaults(dir);
    expect(c.loadedYears()).toEqual([2024, 2025, 2026, 2027]);
    expect(c.isWorkingDay('2027-02-14')).toBe(true);
    expect(c.isWorkingDay('2025-02-08')).toBe(true);
  });

  it('the shipped files are valid and each file is named after its year', async () => {
    for (const year of [2024, 2025, 2026]) {
      const file = fileURLToPath(new URL(`./data/cn-${year}.json`, import.meta.url));
      expect(parseCalendarYear(await readFile(file, 'utf8'), file).year).toBe(year);
    }
  });

  it('loads zod only to check a file: the shipped years are used without it (start-up of commands and kiosk)', () => {
    const index = new URL('./index.ts', import.meta.url).href;
    const script = `
      import { createRequire } from 'node:module';
      const { WorkCalendar, parseCalendarYear } = await import(${JSON.stringify(index)});
      const loaded = () => Object.keys(createRequire(import.meta.url).cache).some((k) => k.includes('/zod/'));
      const due = WorkCalendar.default().addWorkingDays('2026-09-30T02:00:00Z', 3).toISOString();
      const before = loaded();
      parseCalendarYear({ year: 2027, source: 'x', holidays: [], workdays: [] }, 'x.json');
      console.log(JSON.stringify({ due, before, after: loaded() }));`;
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
    });
    // the same answer as here (over the National Day break of 2026), zod loaded only by the file check
    const due = WorkCalendar.default().addWorkingDays('2026-09-30T02:00:00Z', 3).toISOString();
    expect(JSON.parse(out)).toEqual({ due, before: false, after: true });
  });

  it('loads the lunar library (tyme4ts) only when a provisional year is first needed', () => {
    const index = new URL('./index.ts', import.meta.url).href;
    const script = `
      import { createRequire } from 'node:module';
      const { WorkCalendar } = await import(${JSON.stringify(index)});
      const loaded = () => Object.keys(createRequire(import.meta.url).cache).some((k) => k.includes('/tyme4ts/'));
      const cal = new WorkCalendar(WorkCalendar.default().years(), { today: '2026-12-02' });
      cal.addWorkingDays('2026-09-30T02:00:00Z', 3);
      const before = loaded();
      const due = cal.addWorkingDays('2026-12-30T02:00:00Z', 3).toISOString();
      console.log(JSON.stringify({ due, before, after: loaded() }));`;
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
    });
    // Wed 2026-12-30 + 3: 12-31, (2027-01-01 元旦), 01-04, 01-05
    expect(JSON.parse(out)).toEqual({ due: '2027-01-05T15:59:59.999Z', before: false, after: true });
  });
});

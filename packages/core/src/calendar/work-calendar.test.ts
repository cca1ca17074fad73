import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TongbanError } from '../errors/index.js';
import { parseCalendarYear } from './calendar-year.js';
import { CalendarRangeError, type ClockPause, WorkCalendar } from './index.js';

/**
 * The State Council notices, written out independently of the data files (domain.md "Holidays"):
 * [first, last] day-off ranges and make-up working days.
 */
const NOTICES: Record<number, { off: [string, string][]; work: string[] }> = {
  // 国办发明电〔2023〕7号
  2024: {
    off: [
      ['2024-01-01', '2024-01-01'],
      ['2024-02-10', '2024-02-17'],
      ['2024-04-04', '2024-04-06'],
      ['2024-05-01', '2024-05-05'],
      ['2024-06-10', '2024-06-10'],
      ['2024-09-15', '2024-09-17'],
      ['2024-10-01', '2024-10-07'],
    ],
    work: [
      '2024-02-04',
      '2024-02-18',
      '2024-04-07',
      '2024-04-28',
      '2024-05-11',
      '2024-09-14',
      '2024-09-29',
      '2024-10-12',
    ],
  },
  // 国办发明电〔2024〕12号
  2025: {
    off: [
      ['2025-01-01', '2025-01-01'],
      ['2025-01-28', '2025-02-04'],
      ['2025-04-04', '2025-04-06'],
      ['2025-05-01', '2025-05-05'],
      ['2025-05-31', '2025-06-02'],
      ['2025-10-01', '2025-10-08'],
    ],
    work: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  // notice of 2025-11-04
  2026: {
    off: [
      ['2026-01-01', '2026-01-03'],
      ['2026-02-15', '2026-02-23'],
      ['2026-04-04', '2026-04-06'],
      ['2026-05-01', '2026-05-05'],
      ['2026-06-19', '2026-06-21'],
      ['2026-09-25', '2026-09-27'],
      ['2026-10-01', '2026-10-07'],
    ],
    work: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
};

function* daysOf(year: number): Generator<string> {
  for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += 86_400_000) {
    yield new Date(t).toISOString().slice(0, 10);
  }
}

function expected(date: string): boolean {
  const notice = NOTICES[Number(date.slice(0, 4))]!;
  if (notice.off.some(([a, b]) => date >= a && date <= b)) return false;
  if (notice.work.includes(date)) return true;
  const wd = new Date(`${date}T00:00:00Z`).getUTCDay();
  return wd !== 0 && wd !== 6;
}

const cal = WorkCalendar.default();
/** End of a local (Asia/Shanghai) date, as the UTC instant. */
const endOf = (date: string) => new Date(`${date}T23:59:59.999+08:00`);

describe('WorkCalendar: the official 2024-2026 arrangements', () => {
  for (const year of [2024, 2025, 2026]) {
    it(`reproduces every day of ${year} as the State Council notice sets it`, () => {
      const wrong = [...daysOf(year)].filter((d) => cal.isWorkingDay(d) !== expected(d));
      expect(wrong).toEqual([]);
    });
    it(`checks each listed holiday and make-up working day of ${year}`, () => {
      for (const [a, b] of NOTICES[year]!.off) {
        for (const d of daysOf(year)) if (d >= a && d <= b) expect(cal.isWorkingDay(d), d).toBe(false);
      }
      for (const d of NOTICES[year]!.work) expect(cal.isWorkingDay(d), d).toBe(true);
    });
  }

  it('keeps ordinary weekdays working and ordinary weekends off', () => {
    expect(cal.isWorkingDay('2025-03-12')).toBe(true); // Wednesday
    expect(cal.isWorkingDay('2025-03-15')).toBe(false); // Saturday
    expect(cal.isWorkingDay('2025-03-16')).toBe(false); // Sunday
    expect(cal.isWorkingDay('2024-02-09')).toBe(true); // 除夕 2024 is not an official day off
    expect(cal.isWorkingDay('2026-02-24')).toBe(true); // first day back after the 2026 Spring Festival
    expect(cal.isWorkingDay('2024-06-08')).toBe(false); // ordinary weekend bridged to 端午 2024
  });

  it("cites each year's notice in its source", () => {
    const sources = Object.fromEntries(cal.years().map((y) => [y.year, y.source]));
    expect(sources[2024]).toContain('国办发明电〔2023〕7号');
    expect(sources[2025]).toContain('国办发明电〔2024〕12号');
    expect(sources[2026]).toContain('2026年部分节假日安排');
    expect(cal.loadedYears()).toEqual([2024, 2025, 2026]);
  });
});

describe('WorkCalendar.addWorkingDays', () => {
  it('counts across the 2025 Spring Festival with its make-up Sunday', () => {
    // Fri 2025-01-24 -> 1: Sun 01-26 (调休上班), 2: Mon 01-27, 3: Wed 02-05 (after the 01-28..02-04 break)
    expect(cal.addWorkingDays('2025-01-24T10:00:00+08:00', 1)).toEqual(endOf('2025-01-26'));
    expect(cal.addWorkingDays('2025-01-24T10:00:00+08:00', 3)).toEqual(endOf('2025-02-05'));
    // ... and 2: Sat 02-08 is a make-up day too
    expect(cal.addWorkingDays('2025-02-05T09:00:00+08:00', 3)).toEqual(endOf('2025-02-08'));
  });

  it('counts across National Day 2024 with both make-up Saturdays/Sundays', () => {
    // Fri 09-27 -> Sun 09-29, Mon 09-30, Tue 10-08 .. Fri 10-11, Sat 10-12 (调休上班)
    expect(cal.addWorkingDays('2024-09-27T09:00:00+08:00', 2)).toEqual(endOf('2024-09-30'));
    expect(cal.addWorkingDays('2024-09-27T09:00:00+08:00', 3)).toEqual(endOf('2024-10-08'));
    expect(cal.addWorkingDays('2024-09-27T09:00:00+08:00', 7)).toEqual(endOf('2024-10-12'));
    expect(cal.addWorkingDays('2024-09-27T09:00:00+08:00', 8)).toEqual(endOf('2024-10-14'));
  });

  it('counts across the nine-day 2026 Spring Festival', () => {
    expect(cal.addWorkingDays('2026-02-13T09:00:00+08:00', 1)).toEqual(endOf('2026-02-14'));
    expect(cal.addWorkingDays('2026-02-13T09:00:00+08:00', 2)).toEqual(endOf('2026-02-24'));
    expect(cal.addWorkingDays('2026-02-13T09:00:00+08:00', 5)).toEqual(endOf('2026-02-27'));
    expect(cal.addWorkingDays('2026-02-13T09:00:00+08:00', 6)).toEqual(endOf('2026-02-28'));
  });

  it('day 0 is the end of the start date itself, in Asia/Shanghai (即办件, seed 001 4.2.2)', () => {
    expect(cal.addWorkingDays('2025-03-03T15:30:00Z', 0)).toEqual(endOf('2025-03-03')); // 23:30 local
    expect(cal.addWorkingDays('2025-03-03T16:30:00Z', 0)).toEqual(endOf('2025-03-04')); // 00:30 next day
    expect(cal.addWorkingDays('2024-02-12T10:00:00+08:00', 0)).toEqual(endOf('2024-02-12')); // even on a holiday
    expect(endOf('2025-03-03').toISOString()).toBe('2025-03-03T15:59:59.999Z');
  });

  it('day 1 is the first working day after the start date', () => {
    expect(cal.addWorkingDays('2025-03-07T17:00:00+08:00', 1)).toEqual(endOf('2025-03-10')); // Fri -> Mon
    expect(cal.addWorkingDays('2025-03-08T11:00:00+08:00', 1)).toEqual(endOf('2025-03-10')); // Sat -> Mon
    expect(cal.addWorkingDays('2025-03-03', 1)).toEqual(endOf('2025-03-04')); // a bare date is local
  });

  it('a supplement wait (补正) pauses the clock and pushes the deadline (seed 001 6.1.3)', () => {
    const start = '2025-03-03T09:00:00+08:00'; // Mon, promised 5 working days -> Mon 03-10
    expect(cal.addWorkingDays(start, 5)).toEqual(endOf('2025-03-10'));
    const wait: ClockPause = {
      from: '2025-03-04T02:00:00Z', // Tue 10:00 local
      to: '2025-03-06T07:00:00Z', // Thu 15:00 local
      reason: '补正',
    };
    // Tue, Wed, Thu do not count: Fri 03-07, Mon 10, Tue 11, Wed 12, Thu 13
    expect(cal.addWorkingDays(start, 5, [wait])).toEqual(endOf('2025-03-13'));
  });

  it('special procedures do not count towards the promised limit (seed 001 appendix B: 听证、检验、专家评审…不计入承诺时限)', () => {
    const start = '2024-09-20T09:00:00+08:00'; // Fri; 10 days -> 09-23..09-30 (7 incl. Sun 09-29), 10-08..10-10
    expect(cal.addWorkingDays(start, 10)).toEqual(endOf('2024-10-10'));
    const hearing: ClockPause = {
      from: '2024-09-24T09:00:00+08:00',
      to: '2024-09-25T12:00:00+08:00',
      reason: '听证',
    };
    const expert: ClockPause = {
      from: '2024-10-09T09:00:00+08:00',
      to: '2024-10-10T00:00:00+08:00',
      reason: '专家评审',
    };
    // hearing removes 09-24 and 09-25; expert review ends at midnight and removes 10-09 only
    expect(cal.addWorkingDays(start, 10, [hearing, expert])).toEqual(endOf('2024-10-14'));
    expect(cal.workingDaysBetween(start, endOf('2024-10-14'), [hearing, expert])).toBe(10);
  });

  it('a pause of zero length covers nothing; a pause ending before it starts is refused', () => {
    const p = { from: '2025-03-04T02:00:00Z', to: '2025-03-04T02:00:00Z', reason: '补正' };
    expect(cal.addWorkingDays('2025-03-03', 2, [p])).toEqual(endOf('2025-03-05'));
    expect(() =>
      cal.addWorkingDays('2025-03-03', 2, [
        { from: '2025-03-05T00:00:00Z', to: '2025-03-04T00:00:00Z', reason: 'x' },
      ]),
    ).toThrow(/ends .* before it starts/);
  });

  it('a running pause before the deadline leaves it unknown; one after the deadline does not matter', () => {
    const running: ClockPause = { from: '2025-03-05T02:00:00Z', reason: '检验' };
    const err = (() => {
      try {
        cal.addWorkingDays('2025-03-03', 5, [running]);
      } catch (e) {
        return e as TongbanError;
      }
    })();
    expect(err).toBeInstanceOf(TongbanError);
    expect(err?.code).toBe('calendar.pauseRunning');
    expect(err?.hint).toMatch(/`to`/);
    expect(cal.addWorkingDays('2025-03-03', 1, [running])).toEqual(endOf('2025-03-04'));
    // workingDaysBetween counts a running pause up to `to`
    expect(cal.workingDaysBetween('2025-03-03', '2025-03-07', [running])).toBe(1);
  });

  it('refuses a negative or fractional time limit', () => {
    expect(() => cal.addWorkingDays('2025-03-03', -1)).toThrow(TongbanError);
    expect(() => cal.addWorkingDays('2025-03-03', 1.5)).toThrow(/whole number/);
  });
});

describe('WorkCalendar.workingDaysBetween', () => {
  it('counts strictly after from up to and including to, negative when reversed', () => {
    expect(cal.workingDaysBetween('2025-03-03T09:00:00+08:00', '2025-03-03T18:00:00+08:00')).toBe(0);
    expect(cal.workingDaysBetween('2025-03-03', '2025-03-10')).toBe(5);
    expect(cal.workingDaysBetween('2025-03-10', '2025-03-03')).toBe(-5);
    // Fri 09-26 -> Sun 28 (调休), Mon 29, Tue 30, Thu 10-09, Fri 10, Sat 11 (调休)
    expect(cal.workingDaysBetween('2025-09-26', '2025-10-11')).toBe(6);
  });

  const instant = fc
    .integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2025, 11, 31) })
    .map((ms) => new Date(ms).toISOString());
  const pause = fc
    .tuple(
      fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2026, 5, 1) }),
      fc.integer({ min: 0, max: 20 * 86_400_000 }),
    )
    .map(([from, len]) => ({
      from: new Date(from).toISOString(),
      to: new Date(from + len).toISOString(),
      reason: 'p',
    }));

  it('is the inverse of addWorkingDays, with and without pauses (property)', () => {
    fc.assert(
      fc.property(
        instant,
        fc.integer({ min: 0, max: 120 }),
        fc.array(pause, { maxLength: 3 }),
        (start, n, ps) => {
          const deadline = cal.addWorkingDays(start, n, ps);
          expect(cal.workingDaysBetween(start, deadline, ps)).toBe(n);
          if (n > 0) {
            expect(cal.isWorkingDay(WorkCalendar.localDate(deadline))).toBe(true);
            expect(cal.addWorkingDays(start, n - 1, ps).getTime()).toBeLessThan(deadline.getTime());
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('adds up over consecutive intervals (property)', () => {
    fc.assert(
      fc.property(instant, instant, instant, fc.array(pause, { maxLength: 2 }), (a, b, c, ps) => {
        expect(cal.workingDaysBetween(a, b, ps) + cal.workingDaysBetween(b, c, ps)).toBe(
          cal.workingDaysBetween(a, c, ps),
        );
      }),
      { numRuns: 200 },
    );
  });
});

describe('WorkCalendar: years outside the data', () => {
  // "today" pinned: the horizon of estimated (provisional) years is two years past today's year (issue 15)
  const dec2026 = new WorkCalendar(cal.years(), { today: '2026-12-02' });

  it('refuses a year before 2024 or more than two years ahead, naming it and what to do, never guessing', () => {
    let err: unknown;
    try {
      dec2026.isWorkingDay('2029-01-04');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(CalendarRangeError);
    const e = err as CalendarRangeError;
    expect(e.year).toBe(2029);
    expect(e.message).toContain('more than 2 years after this year (2026)');
    expect(e.message).toContain('2024, 2025, 2026');
    expect(e.hint).toContain('up to 2028-12-31');
    expect(e.hint).toContain('tongban calendar import cn-2029.json');
    expect(() => dec2026.isWorkingDay('2023-12-29')).toThrow(/no work calendar for 2023.*before 2024/);
  });

  it('throws when a deadline runs past the horizon', () => {
    const mid2024 = new WorkCalendar(cal.years(), { today: '2024-06-01' });
    expect(() => mid2024.addWorkingDays('2026-12-25T09:00:00+08:00', 10)).toThrow(CalendarRangeError);
    expect(() => mid2024.workingDaysBetween('2026-12-25', '2027-01-05')).toThrow(/2027/);
    const jan2025 = new WorkCalendar(cal.years(), { today: '2025-01-10' });
    expect(() => jan2025.workingDaysBetween('2026-12-25', '2027-01-05')).not.toThrow();
  });

  it('counts a provisional year from the statutory rules and says it is provisional', () => {
    // Fri 2026-12-25 -> 28, 29, 30, 31, (2027-01-01 元旦, Friday), 01-04 ... 01-08
    expect(dec2026.addWorkingDays('2026-12-25T09:00:00+08:00', 9)).toEqual(endOf('2027-01-08'));
    expect(dec2026.isProvisional(2027)).toBe(true);
    expect(dec2026.isProvisional(2026)).toBe(false);
    expect(dec2026.provisionalYearsBetween('2026-12-25', '2027-01-08')).toEqual([2027]);
    expect(dec2026.provisionalYearsBetween('2026-01-05', '2026-12-31')).toEqual([]);
    expect(dec2026.loadedYears()).toEqual([2024, 2025, 2026]); // official years only
    // 春节 2027: 除夕 Fri 02-05, 初一/初二 on the weekend -> 补假 Tue 02-09 and Wed 02-10
    expect(
      ['2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10'].map((d) => dec2026.isWorkingDay(d)),
    ).toEqual([false, false, false, false]);
    expect(dec2026.isWorkingDay('2027-02-11')).toBe(true);
  });

  it('uses the official year once it is imported (withYear), and no longer calls it provisional', async () => {
    const { readFile } = await import('node:fs/promises');
    const file = fileURLToPath(new URL('../../../../fixtures/calendar/example-2027.json', import.meta.url));
    const next = dec2026.withYear(parseCalendarYear(await readFile(file, 'utf8'), file));
    expect(next.loadedYears()).toEqual([2024, 2025, 2026, 2027]);
    expect(next.isProvisional(2027)).toBe(false);
    expect(next.addWorkingDays('2026-12-25T09:00:00+08:00', 9)).toEqual(endOf('2027-01-08'));
    expect(next.isWorkingDay('2027-02-14')).toBe(true); // the example's make-up Sunday
    expect(dec2026.isWorkingDay('2027-02-14')).toBe(false); // the rules know no make-up days
    expect(cal.loadedYears()).toEqual([2024, 2025, 2026]); // the shipped calendar is unchanged
  });
});

describe('WorkCalendar: Asia/Shanghai regardless of the machine time zone', () => {
  it('local dates follow +08:00', () => {
    expect(WorkCalendar.localDate('2025-03-03T15:59:59.999Z')).toBe('2025-03-03');
    expect(WorkCalendar.localDate('2025-03-03T16:00:00Z')).toBe('2025-03-04');
    expect(WorkCalendar.localDate(new Date('2024-12-31T16:00:00Z'))).toBe('2025-01-01');
    expect(WorkCalendar.localDate('2025-03-03T23:30:00')).toBe('2025-03-03'); // no zone = Shanghai wall time
    expect(WorkCalendar.localDate('2025-03-03T23:30:00-05:00')).toBe('2025-03-04');
    expect(() => WorkCalendar.localDate('03/03/2025')).toThrow(/not a valid date/);
    expect(() => cal.isWorkingDay('2025-02-30')).toThrow(TongbanError);
  });

  it('gives the same answers in a process running with TZ=America/New_York', () => {
    const script = `
      const { WorkCalendar } = await import(${JSON.stringify(new URL('./index.ts', import.meta.url).href)});
      const c = WorkCalendar.default();
      console.log(JSON.stringify([
        new Date().getTimezoneOffset(),
        WorkCalendar.localDate('2025-03-03T16:00:00Z'),
        WorkCalendar.localDate('2025-03-03T23:30:00'),
        c.addWorkingDays('2025-01-24T10:00:00+08:00', 3).toISOString(),
        c.addWorkingDays('2024-03-10T01:30:00', 0).toISOString(),
        c.workingDaysBetween('2024-09-27', '2024-10-12'),
      ]));`;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      env: { ...process.env, TZ: 'America/New_York' },
      encoding: 'utf8',
    });
    expect(child.stderr).toBe('');
    const [offset, ...rest] = JSON.parse(child.stdout) as [number, ...unknown[]];
    expect(offset).toBeGreaterThan(0); // the child really runs west of UTC
    expect(rest).toEqual([
      WorkCalendar.localDate('2025-03-03T16:00:00Z'),
      WorkCalendar.localDate('2025-03-03T23:30:00'),
      cal.addWorkingDays('2025-01-24T10:00:00+08:00', 3).toISOString(),
      cal.addWorkingDays('2024-03-10T01:30:00', 0).toISOString(),
      cal.workingDaysBetween('2024-09-27', '2024-10-12'),
    ]);
    expect(rest).toEqual([
      '2025-03-04',
      '2025-03-03',
      '2025-02-05T15:59:59.999Z',
      '2024-03-10T15:59:59.999Z',
      7,
    ]);
  });
});

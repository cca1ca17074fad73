import { describe, expect, it } from 'vitest';
import type { CalendarYear } from './calendar-year.js';
import { SHIPPED_CALENDAR_YEARS } from './default-data.js';
import { dayOfIsoDate, isoDateOfDay, weekdayOfDay } from './shanghai-time.js';
import { statutoryRulesFor, statutoryYear } from './statutory-holidays.js';

const official = new Map(
  SHIPPED_CALENDAR_YEARS.map(([, json]) => [(json as CalendarYear).year, json as CalendarYear]),
);
const isWeekday = (date: string) => ![0, 6].includes(weekdayOfDay(dayOfIsoDate(date)));

/** What the rule reproduces of an official year, counted on the days that move a deadline. */
function compare(year: number) {
  const notice = official.get(year) as CalendarYear;
  const rule = statutoryYear(year);
  const noticeOff = new Set(notice.holidays.map((h) => h.date).filter(isWeekday));
  const ruleOff = new Set(rule.holidays.map((h) => h.date).filter(isWeekday));
  const first = dayOfIsoDate(`${year}-01-01`);
  const days = dayOfIsoDate(`${year + 1}-01-01`) - first;
  let agree = 0;
  const working = (off: Set<string>, work: Set<string>, date: string) =>
    work.has(date) || (isWeekday(date) && !off.has(date));
  const noticeWork = new Set(notice.workdays.map((w) => w.date));
  for (let d = first; d < first + days; d++) {
    const date = isoDateOfDay(d);
    if (working(noticeOff, noticeWork, date) === working(ruleOff, new Set(), date)) agree++;
  }
  return {
    /** Weekdays off in the notice (statutory days, 补假 and 调休 bridges). */
    noticeWeekdaysOff: noticeOff.size,
    /** Of those, the ones the rule gives too. */
    reproduced: [...ruleOff].filter((d) => noticeOff.has(d)).length,
    /** Weekdays the rule gives off that the notice keeps as working days (none wanted). */
    wrong: [...ruleOff].filter((d) => !noticeOff.has(d)),
    /** Make-up working days (调休上班) of the notice; the rule gives none. */
    makeUpDays: notice.workdays.length,
    /** Days of the year that are working days on both, or days off on both. */
    agree,
    days,
  };
}

describe('the statutory rules against the three shipped official years (docs/calendar.md)', () => {
  // Each count is computed here; docs/calendar.md quotes them. The rule gives every statutory day and every 补假 the
  // notices gave, never a day the notices kept as working; what it cannot give are the 调休 bridges (a weekday off,
  // paid back by a make-up Saturday or Sunday), which only the notice fixes.
  it.each([
    [2024, { noticeWeekdaysOff: 19, reproduced: 11, wrong: [], makeUpDays: 8, agree: 350, days: 366 }],
    [2025, { noticeWeekdaysOff: 18, reproduced: 13, wrong: [], makeUpDays: 5, agree: 355, days: 365 }],
    [2026, { noticeWeekdaysOff: 19, reproduced: 13, wrong: [], makeUpDays: 6, agree: 353, days: 365 }],
  ])('%i', (year, expected) => {
    expect(compare(year)).toEqual(expected);
  });

  it('in all: 37 of the 56 weekdays off, 0 wrong, 0 of the 19 make-up days; 1,058 of 1,096 days agree', () => {
    const all = [2024, 2025, 2026].map(compare);
    const sum = (f: (c: ReturnType<typeof compare>) => number) => all.reduce((n, c) => n + f(c), 0);
    expect([sum((c) => c.reproduced), sum((c) => c.noticeWeekdaysOff), sum((c) => c.wrong.length)]).toEqual([
      37, 56, 0,
    ]);
    expect([sum((c) => c.makeUpDays), sum((c) => c.agree), sum((c) => c.days)]).toEqual([19, 1058, 1096]);
    // every weekday the notices gave beyond the rule is paid back by one make-up day: 56 - 37 = 19
    expect(sum((c) => c.noticeWeekdaysOff) - sum((c) => c.reproduced)).toBe(sum((c) => c.makeUpDays));
  });

  it('uses the revision in force: 2024 under the 2013 text (春节 3 days, 劳动节 1), 2025 on under the 2024 one', () => {
    expect(statutoryRulesFor(2024).title).toContain('2013年12月11日修订');
    expect(statutoryRulesFor(2025).title).toContain('2024年11月10日修订');
    expect(statutoryYear(2024).holidays.filter((h) => h.name === '春节').length).toBe(3);
    expect(statutoryYear(2025).holidays.filter((h) => h.name === '春节').length).toBe(4); // 除夕 on
    expect(statutoryYear(2025).holidays.filter((h) => h.name === '劳动节').length).toBe(2);
  });
});

describe('provisional years from the rules (issue 15)', () => {
  it('2027: 13 statutory days, and 补假 after each holiday for its days on a weekend', () => {
    const y = statutoryYear(2027);
    expect(y.provisional).toBe(true);
    expect(y.workdays).toEqual([]);
    expect(y.holidays.filter((h) => h.rule.startsWith('法定')).length).toBe(13);
    expect(y.holidays.map((h) => `${h.date} ${h.name}`)).toEqual([
      '2027-01-01 元旦',
      '2027-02-05 春节', // 除夕, Friday
      '2027-02-06 春节',
      '2027-02-07 春节',
      '2027-02-08 春节',
      '2027-02-09 春节补假', // for 初一 on Saturday
      '2027-02-10 春节补假', // for 初二 on Sunday
      '2027-04-05 清明节',
      '2027-05-01 劳动节', // Saturday
      '2027-05-02 劳动节', // Sunday
      '2027-05-03 劳动节补假',
      '2027-05-04 劳动节补假',
      '2027-06-09 端午节',
      '2027-09-15 中秋节',
      '2027-10-01 国庆节',
      '2027-10-02 国庆节',
      '2027-10-03 国庆节',
      '2027-10-04 国庆节补假',
      '2027-10-05 国庆节补假',
    ]);
    expect(y.holidays.find((h) => h.date === '2027-02-09')?.rule).toBe('补假：2月6日逢周六');
    expect(y.source).toContain('预计');
  });

  it('a holiday on a day another already gives is made up too: 2028 中秋 on 3 October', () => {
    const y = statutoryYear(2028);
    const oct = y.holidays.filter((h) => h.date.startsWith('2028-10'));
    expect(oct.map((h) => `${h.date} ${h.name}`)).toEqual([
      '2028-10-01 国庆节', // Sunday
      '2028-10-02 国庆节',
      '2028-10-03 中秋节、国庆节',
      '2028-10-04 国庆节补假',
      '2028-10-05 国庆节补假',
    ]);
    expect(y.holidays.find((h) => h.date === '2028-01-03')?.name).toBe('元旦补假'); // 1 January is a Saturday
  });
});

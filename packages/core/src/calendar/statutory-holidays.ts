import type { CalendarDay, CalendarYear } from './calendar-year.js';
import { lunarToIsoDate, solarTermDate } from './lunar-dates.js';
import { dayOfIsoDate, isoDateOfDay, weekdayOfDay } from './shanghai-time.js';

/**
 * The statutory holidays of 《全国年节及纪念日放假办法》, article 2 (全体公民放假的节日), and its rule that a holiday
 * falling on a Saturday or Sunday is made up on a working day (补假). A year whose State Council notice is not yet
 * out is computed from them: a provisional (预计) year. The notice adds what no rule fixes, the 调休 bridges and
 * make-up Saturdays; it replaces the provisional year when imported (docs/calendar.md).
 */

/** A day of a provisional year, with the rule it comes from. */
export interface RuleDay extends CalendarDay {
  /** e.g. '法定：农历除夕', '补假：5月2日逢周六' */
  rule: string;
}

/** A year computed from the statutory rules, before its official notice. */
export interface ProvisionalYear extends CalendarYear {
  provisional: true;
  holidays: RuleDay[];
  /** The statutory rules never add make-up working days (调休上班): only a notice does. */
  workdays: [];
}

interface HolidayRule {
  name: string;
  /** zh-CN words of the rule, as the Measures write them. */
  rule: string;
  dates(year: number): string[];
}

interface Revision {
  title: string;
  /** First calendar year the revision governs. */
  from: number;
  holidays: HolidayRule[];
}

const fixed =
  (month: number, ...days: number[]) =>
  (year: number) =>
    days.map((d) => `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
const lunar =
  (month: number, ...days: number[]) =>
  (year: number) =>
    days.map((d) => lunarToIsoDate(year, month, d));

const NEW_YEAR: HolidayRule = { name: '元旦', rule: '1月1日', dates: fixed(1, 1) };
const QINGMING: HolidayRule = {
  name: '清明节',
  rule: '农历清明当日',
  dates: (y) => [solarTermDate(y, '清明')],
};
const DRAGON_BOAT: HolidayRule = { name: '端午节', rule: '农历端午当日', dates: lunar(5, 5) };
const MID_AUTUMN: HolidayRule = { name: '中秋节', rule: '农历中秋当日', dates: lunar(8, 15) };
const NATIONAL_DAY: HolidayRule = { name: '国庆节', rule: '10月1日至3日', dates: fixed(10, 1, 2, 3) };

/** Oldest first. */
const REVISIONS: readonly Revision[] = [
  {
    title: '《全国年节及纪念日放假办法》（2013年12月11日修订，2014年1月1日起施行）',
    from: 2014,
    holidays: [
      NEW_YEAR,
      { name: '春节', rule: '农历正月初一至初三', dates: lunar(1, 1, 2, 3) },
      QINGMING,
      { name: '劳动节', rule: '5月1日', dates: fixed(5, 1) },
      DRAGON_BOAT,
      MID_AUTUMN,
      NATIONAL_DAY,
    ],
  },
  {
    title: '《全国年节及纪念日放假办法》（2024年11月10日修订，2025年1月1日起施行）',
    from: 2025,
    holidays: [
      NEW_YEAR,
      // day 0 of 正月 = 除夕, the last day of the lunar year before (29th or 30th of 腊月)
      { name: '春节', rule: '农历除夕、正月初一至初三', dates: lunar(1, 0, 1, 2, 3) },
      QINGMING,
      { name: '劳动节', rule: '5月1日、2日', dates: fixed(5, 1, 2) },
      DRAGON_BOAT,
      MID_AUTUMN,
      NATIONAL_DAY,
    ],
  },
];

/** The revision of the Measures in force in a year (2014 on). */
export function statutoryRulesFor(year: number): Revision {
  const rev = [...REVISIONS].reverse().find((r) => year >= r.from);
  if (!rev) throw new RangeError(`the statutory rules are modelled from 2014 on, not for ${year}`);
  return rev;
}

const WEEKDAY = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
const isWeekend = (day: number) => weekdayOfDay(day) === 0 || weekdayOfDay(day) === 6;
const monthDay = (date: string) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;

/**
 * The days off a year's statutory rules give: each holiday's own days, then for each of its days that falls on a
 * Saturday or Sunday, or on a day another holiday already gives (中秋 on 1-3 October), one 补假 on the next working
 * day after the holiday that is not already off. That is how the notices of 2024-2026 placed them: 2024 春节
 * (初一、初二 on Saturday and Sunday: 13 and 14 February), 2025 端午 (31 May, a Saturday: 2 June), 2026 清明
 * (5 April, a Sunday: 6 April), 2026 劳动节 (2 May: 4 May), 2026 国庆 (3 October: 5 October).
 * The list holds the statutory days (those on a weekend too) and the 补假, not the weekend days between them.
 */
export function statutoryYear(year: number): ProvisionalYear {
  const rules = statutoryRulesFor(year);
  const off = new Map<number, RuleDay>();
  const owed: { rule: HolidayRule; last: number; reasons: string[] }[] = [];
  for (const h of rules.holidays) {
    const days = h.dates(year).map(dayOfIsoDate);
    const reasons: string[] = [];
    for (const day of days) {
      const date = isoDateOfDay(day);
      const other = off.get(day);
      if (other) {
        reasons.push(`${monthDay(date)}与${other.name}重合`);
        off.set(day, { ...other, name: `${other.name}、${h.name}`, rule: `${other.rule}；法定：${h.rule}` });
        continue;
      }
      if (isWeekend(day)) reasons.push(`${monthDay(date)}逢${WEEKDAY[weekdayOfDay(day)]}`);
      off.set(day, { date, name: h.name, rule: `法定：${h.rule}` });
    }
    if (reasons.length) owed.push({ rule: h, last: Math.max(...days), reasons });
  }
  // 补假 after every holiday's own days are placed, so that a make-up day never lands on a later holiday
  for (const o of owed.sort((a, b) => a.last - b.last)) {
    let day = o.last;
    for (const reason of o.reasons) {
      day++;
      while (isWeekend(day) || off.has(day)) day++;
      off.set(day, { date: isoDateOfDay(day), name: `${o.rule.name}补假`, rule: `补假：${reason}` });
    }
  }
  return {
    year,
    source: `按${rules.title}推算（预计，待国务院办公厅${year}年节假日安排通知）`,
    provisional: true,
    holidays: [...off.keys()].sort((a, b) => a - b).map((d) => off.get(d) as RuleDay),
    workdays: [],
  };
}

import { describe, expect, it } from 'vitest';
import { lunarToIsoDate, solarTermDate } from './lunar-dates.js';

/**
 * Written out from the Hong Kong Observatory's Gregorian-Lunar Calendar Conversion Table, 1901-2100
 * (https://www.hko.gov.hk/en/gts/time/conversion.htm, one table per year, with the 24 solar terms), which agrees with
 * the Purple Mountain Observatory's 《中国天文年历》 for these years; not computed by the library under test.
 * Years to look at: 2030 (the new moon of 正月 falls at 00:07 Beijing time on 3 February: a calendar that computes
 * it approximately puts 春节 on 2 February) and 2033 (闰十一月, the "2033 problem": a calendar that places the leap
 * month after 七月 puts 中秋 on 7 October instead of 8 September).
 */
// biome-ignore format: one row per year, as the table prints it
const TABLE: { year: number; chuxi: string; chunjie: string; qingming: string; duanwu: string; zhongqiu: string }[] =
  [
    { year: 2027, chuxi: '2027-02-05', chunjie: '2027-02-06', qingming: '2027-04-05', duanwu: '2027-06-09', zhongqiu: '2027-09-15' },
    { year: 2028, chuxi: '2028-01-25', chunjie: '2028-01-26', qingming: '2028-04-04', duanwu: '2028-05-28', zhongqiu: '2028-10-03' },
    { year: 2029, chuxi: '2029-02-12', chunjie: '2029-02-13', qingming: '2029-04-04', duanwu: '2029-06-16', zhongqiu: '2029-09-22' },
    { year: 2030, chuxi: '2030-02-02', chunjie: '2030-02-03', qingming: '2030-04-05', duanwu: '2030-06-05', zhongqiu: '2030-09-12' },
    { year: 2031, chuxi: '2031-01-22', chunjie: '2031-01-23', qingming: '2031-04-05', duanwu: '2031-06-24', zhongqiu: '2031-10-01' },
    { year: 2032, chuxi: '2032-02-10', chunjie: '2032-02-11', qingming: '2032-04-04', duanwu: '2032-06-12', zhongqiu: '2032-09-19' },
    { year: 2033, chuxi: '2033-01-30', chunjie: '2033-01-31', qingming: '2033-04-04', duanwu: '2033-06-01', zhongqiu: '2033-09-08' },
    { year: 2034, chuxi: '2034-02-18', chunjie: '2034-02-19', qingming: '2034-04-05', duanwu: '2034-06-20', zhongqiu: '2034-09-27' },
    { year: 2035, chuxi: '2035-02-07', chunjie: '2035-02-08', qingming: '2035-04-05', duanwu: '2035-06-10', zhongqiu: '2035-09-16' },
  ];

describe('lunar dates and 清明 (tyme4ts) against the observatories’ table, 2027-2035', () => {
  it.each(TABLE)('$year: 除夕 $chuxi, 春节 $chunjie, 清明 $qingming, 端午 $duanwu, 中秋 $zhongqiu', (row) => {
    expect({
      chuxi: lunarToIsoDate(row.year, 1, 0),
      chunjie: lunarToIsoDate(row.year, 1, 1),
      qingming: solarTermDate(row.year, '清明'),
      duanwu: lunarToIsoDate(row.year, 5, 5),
      zhongqiu: lunarToIsoDate(row.year, 8, 15),
    }).toEqual({
      chuxi: row.chuxi,
      chunjie: row.chunjie,
      qingming: row.qingming,
      duanwu: row.duanwu,
      zhongqiu: row.zhongqiu,
    });
  });

  it('gives the shipped years’ festivals as their notices date them (2024-2026)', () => {
    // 国办发明电〔2023〕7号, 〔2024〕12号 and the 2026 notice name these days
    expect([2024, 2025, 2026].map((y) => lunarToIsoDate(y, 1, 1))).toEqual([
      '2024-02-10',
      '2025-01-29',
      '2026-02-17',
    ]);
    expect([2024, 2025, 2026].map((y) => lunarToIsoDate(y, 8, 15))).toEqual([
      '2024-09-17',
      '2025-10-06',
      '2026-09-25',
    ]);
    expect([2024, 2025, 2026].map((y) => solarTermDate(y, '清明'))).toEqual([
      '2024-04-04',
      '2025-04-04',
      '2026-04-05',
    ]);
  });
});

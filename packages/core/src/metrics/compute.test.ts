import { describe, expect, it } from 'vitest';
import { computeMetrics, countVisits, type MetricsReport } from './compute.js';
import { METRIC_IDS, METRICS } from './definitions.js';
import {
  calendar,
  cases,
  complaints,
  ev,
  histories,
  K0,
  K1,
  K2,
  K3,
  november,
  ratings,
} from './november-2026.fixture.js';

/*
 * A hand-made history for November 2026 (no public holiday that month: only weekends are off).
 * Mondays: 2, 9, 16, 23, 30 Nov. All times below are local (Asia/Shanghai).
 *
 * C1 window, promised 3 days, counter W01: submit 11-02 09:00 (3 materials, 1 e-licence), accept 11-02 09:30,
 *    approve (department) Thu 11-05 10:00, pickup Fri 11-06.   due = end of 3rd working day after 11-02 = 11-05 → on time.
 *    visits: 11-02 (submit at the window) and 11-06 (pickup) = 2.
 * C2 online, promised 2 days: submit by the applicant 11-03 20:00 (2 materials, both e-licences), accept 11-04 09:00,
 *    supplement requested 11-04 10:00, supplied 11-09 10:00, approve 11-10 15:00, electronic delivery 11-10.
 *    Without the pause the due date would be 11-06 (late); the pause covers working days 11-05, 11-06 and 11-09, so
 *    the working days counted are 11-10 (1) and 11-11 (2): due end of 11-11 → on time. visits: 0.
 * C3 window, immediate (0 days), W01: submit 11-12 10:00 (1 material), accept 10:05, approve 10:20, pickup 10:25.
 *    due end of 11-12 → on time; accepted same day; visits 1.
 * C4 proxyLocal, promised 5 days, transfer limit 1 day: submit + proxy receipt at the remote window 11-16 09:00
 *    (2 materials, 1 e-licence), push transfer Wed 11-18 09:00 (limit = end of 11-17 → late), accept 11-18 11:00
 *    (reached the department by the push that day → same day), inspection 11-19 09:00 .. 11-24 17:00 (pauses
 *    working days 19, 20, 23, 24), deny Mon 11-30 (due: 25, 26, 27, 30, 12-01 → end of 12-01 → on time),
 *    delivered by post 12-02 (outside the period).
 * C5 proxyLocal, promised 10, transfer limit 2: receipt Mon 11-23 10:00 (2 materials, no e-licence), posted Tue
 *    11-24 16:00 (limit end of 11-25 → in time), signed for 11-26 09:00, accepted 11-26 10:00 (same day). Undecided.
 * C6 window, promised 1 day, counter W02: submit 11-23 09:00 (1 material), accept Tue 11-24 09:00 (next day),
 *    approve Thu 11-26 10:00 (due end of 11-25 → late), pickup 11-26 11:00; visits 11-23 and 11-26 = 2.
 * C7 window, W01, entirely in October (2 e-licence materials): must not count anywhere except its rating on 11-02.
 * C8 window, W02: submit 11-05 09:00 (2 materials, 1 e-licence), refused 09:20: not accepted, not decided.
 *
 * Complaints (reply limit = receipt + 5 working days):
 * K0 received Mon 10-26 → due end of Mon 11-02 (in the period), replied 10-30 → in time.
 * K1 received Mon 11-02 → due end of 11-09, replied 11-06 → in time.
 * K2 received Tue 11-17 about C4 → due end of Tue 11-24, replied Wed 11-25 → late.
 * K3 received Mon 11-23 → due end of Mon 11-30, still investigating → not in time.
 * K4 received Wed 11-25 → due end of Wed 12-02 → outside the period.
 *
 * Ratings: C7 5 on 11-02, C1 2 on 11-06 (bad), C2 4 on 11-10, C3 3 on 11-12, C6 1 on 12-01 (outside).
 *
 * Expected for 2026-11-01..2026-11-30, worked out by hand from the above:
 *   onTimeCompletion     decided in Nov: C1 C2 C3 C4 C6; on time: C1 C2 C3 C4          = 4/5
 *   sameDayAcceptance    accepted in Nov: C1 C2 C3 C4 C5 C6; same day: C1 C3 C4 C5     = 4/6
 *   onlineCompletion     decided C1 C2 C3 C4 C6; online: C2                            = 1/5
 *   immediateShare       decided C1 C2 C3 C4 C6; immediate: C3                         = 1/5
 *   oneVisitShare        delivered in Nov: C1(2) C2(0) C3(1) C6(2); <= 1: C2 C3         = 2/4
 *   transferTimeliness   transferred in Nov: C4 (late) C5 (in time)                    = 1/2
 *   complaintReplyInTime due in Nov: K0 K1 K2 K3; in time K0 K1                        = 2/4
 *   satisfaction         rated in Nov: C7(5) C1(2) C2(4) C3(3); >= 3: three            = 3/4
 *   eLicenceReplacement  submitted in Nov: C1 3/1, C2 2/2, C3 1/0, C4 2/1, C5 2/0, C6 1/0, C8 2/1 = 5/13
 */

function byId(r: MetricsReport) {
  return Object.fromEntries(r.metrics.map((m) => [m.id, [m.numeratorCount, m.denominatorCount, m.misses]]));
}

describe('metrics on a hand-made November 2026', () => {
  const report = computeMetrics({ cases, complaints, ratings, calendar, period: november });

  it('folds every case of the history (the history is legal for the case engine)', () => {
    expect(report.skipped).toEqual([]);
  });

  it('on-time completion rate = 4/5: C6 late; C2 on time only because the 补正 pause is subtracted (seed 002 12.3.4 b; seed 004 11.3.4 c)', () => {
    expect(byId(report).onTimeCompletion).toEqual([4, 5, ['C6']]);
  });
  it('same-day acceptance rate = 4/6 (seed 004 11.3.4 b)', () => {
    expect(byId(report).sameDayAcceptance).toEqual([4, 6, ['C2', 'C6']]);
  });
  it('online completion rate = 1/5 (seed 002 12.3.4 c; seed 004 11.3.4 d)', () => {
    expect(byId(report).onlineCompletion).toEqual([1, 5, ['C1', 'C3', 'C4', 'C6']]);
  });
  it('immediate-case share = 1/5 (seed 002 12.3.4 d; seed 004 11.3.4 e)', () => {
    expect(byId(report).immediateShare).toEqual([1, 5, ['C1', 'C2', 'C4', 'C6']]);
  });
  it('one-visit share = 2/4 (seed 004 11.3.4 f 最多跑一次)', () => {
    expect(byId(report).oneVisitShare).toEqual([2, 4, ['C1', 'C6']]);
    expect(countVisits(histories.C4 ?? [])).toBe(1); // submit and proxy receipt on the same day, post delivery
  });
  it('transfer timeliness = 1/2 (seed 000 7.1 材料流转及时率; table 2 row 1 c)', () => {
    expect(byId(report).transferTimeliness).toEqual([1, 2, ['C4']]);
  });
  it('complaints replied within 5 working days = 2/4, cohort by due date (seed 000 7.2)', () => {
    expect(byId(report).complaintReplyInTime).toEqual([2, 4, [K2, K3]]);
    expect(K0 && K1).toBeTruthy();
  });
  it('satisfaction rate = 3/4 (seed 000 7.1; seed 003 三)', () => {
    expect(byId(report).satisfaction).toEqual([3, 4, ['C1']]);
  });
  it('e-licence replacement share = 5/13 (seed 000 7.1 减材料率; seed 003 九)', () => {
    const m = report.metrics.find((x) => x.id === 'eLicenceReplacement');
    expect([m?.numeratorCount, m?.denominatorCount]).toEqual([5, 13]);
    expect(m?.value).toBeCloseTo(5 / 13, 12);
  });

  it('narrows to a unit: remoteWindow touched C4 and C5 only', () => {
    const r = byId(
      computeMetrics({
        cases,
        complaints,
        ratings,
        calendar,
        period: november,
        filter: { unit: 'remoteWindow' },
      }),
    );
    expect(r.onTimeCompletion).toEqual([1, 1, []]);
    expect(r.sameDayAcceptance).toEqual([2, 2, []]);
    expect(r.transferTimeliness).toEqual([1, 2, ['C4']]);
    // C4 2 materials / 1 e-licence, C5 2 / 0
    expect(r.eLicenceReplacement?.slice(0, 2)).toEqual([1, 4]);
    // only K2 concerns C4
    expect(r.complaintReplyInTime).toEqual([0, 1, [K2]]);
    expect(r.satisfaction).toEqual([0, 0, []]);
  });

  it('narrows to a counter: W01 served C1, C3 (and C7 in October)', () => {
    const report = computeMetrics({
      cases,
      complaints,
      ratings,
      calendar,
      period: november,
      filter: { window: 'W01' },
    });
    const r = byId(report);
    expect(r.onTimeCompletion).toEqual([2, 2, []]);
    expect(r.oneVisitShare).toEqual([1, 2, ['C1']]);
    expect(r.satisfaction).toEqual([2, 3, ['C1']]); // C7 (5), C1 (2), C3 (3)
    expect(report.metrics.find((m) => m.id === 'satisfaction')?.value).toBeCloseTo(2 / 3, 12);
  });

  it('gives null, not 0, when nothing was counted', () => {
    const r = computeMetrics({
      cases,
      complaints,
      ratings,
      calendar,
      period: { from: '2026-12-10', to: '2026-12-11' },
    });
    expect(r.metrics.every((m) => m.value === null && m.denominatorCount === 0)).toBe(true);
  });

  it('names a case whose events cannot be folded instead of failing the report', () => {
    const broken = [{ caseId: 'BAD', events: [ev('BAD', 'approve', 'department', '2026-11-02 09:00')] }];
    const r = computeMetrics({
      cases: [...cases, ...broken],
      complaints,
      ratings,
      calendar,
      period: november,
    });
    expect(r.skipped.map((s) => s.caseId)).toEqual(['BAD']);
    expect(byId(r).onTimeCompletion).toEqual([4, 5, ['C6']]);
  });

  it('refuses a period that is not a range of days', () => {
    expect(() =>
      computeMetrics({
        cases,
        complaints,
        ratings,
        calendar,
        period: { from: '2026-11-30', to: '2026-11-01' },
      }),
    ).toThrow(/range of days/);
  });
});

describe('metric definitions as data', () => {
  it('documents every metric with zh/en names, formula, seed clause, numerator and denominator (seed 000 7.1; seed 002 12.3.4; seed 004 11.3.4)', () => {
    expect(METRICS.map((m) => m.id)).toEqual([...METRIC_IDS]);
    for (const m of METRICS) {
      for (const field of [m.zh, m.en, m.formula, m.seed, m.numerator, m.denominator])
        expect(field.length).toBeGreaterThan(3);
      expect(m.seed).toMatch(/seed 00\d/);
    }
  });
});

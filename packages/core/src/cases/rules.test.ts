import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '../calendar/index.js';
import { CaseRuleError, TransitionError } from './errors.js';
import { history, RIGHTS, submitPayload } from './testing.js';
import { isDueSoon, isOverdue } from './views.js';

const calendar = WorkCalendar.default();
const accepted = (id: string, over = {}) => {
  const h = history(id, { calendar });
  h.step('submit', 'applicant', '2025-03-10T01:00:00Z', submitPayload('online', over));
  h.step('accept', 'localDepartment', '2025-03-10T02:00:00Z');
  return h;
};

describe('补正 (seed 000 table 1 row 3 a 1; seed 001 6.1.3)', () => {
  it('refuses a second supplement request for the same stage (seed 001 6.1.3, 一次性告知)', () => {
    const h = accepted('R1');
    const req = { items: [{ material: '租赁合同', reason: '过期' }], dueAt: '2025-03-20T01:00:00Z' };
    h.step('requestSupplement', 'localDepartment', '2025-03-11T01:00:00Z', req);
    h.step('supplement', 'applicant', '2025-03-12T01:00:00Z', { materials: ['租赁合同'] });
    const before = h.case;
    expect(() => h.step('requestSupplement', 'localDepartment', '2025-03-13T01:00:00Z', req)).toThrow(
      /second request/,
    );
    expect(h.case).toBe(before);
  });

  it('an overdue supplement after acceptance terminates the case, before acceptance withdraws it (seed 000 table 1 row 3 a 1 补正时限)', () => {
    const h = accepted('R2');
    h.step('requestSupplement', 'localDepartment', '2025-03-11T01:00:00Z', {
      items: [{ material: '租赁合同', reason: '过期' }],
      dueAt: '2025-03-20T01:00:00Z',
    });
    expect(() => h.step('supplementExpired', 'system', '2025-03-19T01:00:00Z')).toThrow(/not passed/);
    h.step('supplementExpired', 'system', '2025-03-20T01:00:00Z');
    expect(h.case.state).toBe('terminated');
    expect(h.case.pauses.at(-1)?.to).toBe('2025-03-20T01:00:00Z');

    const g = history('R3', { calendar });
    g.step('submit', 'applicant', '2025-03-10T01:00:00Z', submitPayload('online', { submitted: ['身份证'] }));
    g.step('requestSupplement', 'localDepartment', '2025-03-10T02:00:00Z', {
      items: [
        { material: '经营场所证明', reason: '未交' },
        { material: '租赁合同', reason: '未交' },
      ],
      dueAt: '2025-03-12T01:00:00Z',
    });
    g.step('supplementExpired', 'system', '2025-03-12T02:00:00Z');
    expect(g.case.state).toBe('withdrawn');
  });
});

describe('容缺受理 (seed 002 3.5, 9.3.6; seed 004 6.5)', () => {
  const start = (id: string, submitted: string[]) => {
    const h = history(id, { calendar });
    h.step('submit', 'applicant', '2025-03-10T01:00:00Z', submitPayload('online', { submitted }));
    return h;
  };

  it('accepts with a secondary tolerable material missing, and blocks approval until it arrives (seed 004 6.5)', () => {
    const h = start('T1', ['身份证', '经营场所证明']);
    h.step('acceptWithTolerance', 'localDepartment', '2025-03-10T02:00:00Z', {
      missing: ['租赁合同'],
      dueAt: '2025-03-17T09:00:00Z',
      pledge: true,
    });
    expect(h.case.state).toBe('accepted');
    expect(h.case.tolerance?.missing).toEqual(['租赁合同']);
    expect(() => h.step('approve', 'localDepartment', '2025-03-11T01:00:00Z')).toThrow(/still owed/);
    h.step('supplement', 'applicant', '2025-03-12T01:00:00Z', { materials: ['租赁合同'] });
    h.step('approve', 'localDepartment', '2025-03-12T02:00:00Z');
    expect(h.case.state).toBe('approved');
  });

  it('refuses 容缺 when a key material is missing (seed 004 6.5: 主要申请材料齐全)', () => {
    const h = start('T2', ['身份证', '租赁合同']);
    expect(() =>
      h.step('acceptWithTolerance', 'localDepartment', '2025-03-10T02:00:00Z', {
        missing: ['经营场所证明'],
        dueAt: '2025-03-17T09:00:00Z',
        pledge: true,
      }),
    ).toThrow(/key material/);
  });

  it('refuses 容缺 for immediate items and without the written pledge (seed 002 3.5)', () => {
    const h = start('T3', ['身份证', '经营场所证明']);
    expect(() =>
      h.step('acceptWithTolerance', 'localDepartment', '2025-03-10T02:00:00Z', {
        missing: ['租赁合同'],
        dueAt: '2025-03-17T09:00:00Z',
      }),
    ).toThrow(CaseRuleError);
    const g = history('T4', { calendar });
    g.step(
      'submit',
      'applicant',
      '2025-03-10T01:00:00Z',
      submitPayload('online', { kind: 'immediate', promisedDays: 0, submitted: ['身份证', '经营场所证明'] }),
    );
    expect(() =>
      g.step('acceptWithTolerance', 'localDepartment', '2025-03-10T02:00:00Z', {
        missing: ['租赁合同'],
        dueAt: '2025-03-17T09:00:00Z',
        pledge: true,
      }),
    ).toThrow(/non-immediate/);
  });

  it('when the tolerated materials are overdue the case is terminated (seed 002 9.3.6 超期处理办法)', () => {
    const h = start('T5', ['身份证', '经营场所证明']);
    h.step('acceptWithTolerance', 'localDepartment', '2025-03-10T02:00:00Z', {
      missing: ['租赁合同'],
      dueAt: '2025-03-17T09:00:00Z',
      pledge: true,
    });
    expect(() => h.step('toleranceExpired', 'system', '2025-03-16T09:00:00Z')).toThrow(/not passed/);
    expect(() => h.step('toleranceExpired', 'localDepartment', '2025-03-18T09:00:00Z')).toThrow(
      TransitionError,
    );
    h.step('toleranceExpired', 'system', '2025-03-18T09:00:00Z');
    expect(h.case.state).toBe('terminated');
    expect(h.case.closedAt).toBe('2025-03-18T09:00:00Z');
  });
});

describe('特别程序 (seed 004 8.2.6, 8.4.3)', () => {
  it('the days of a special procedure do not count against the promised limit', () => {
    const h = accepted('S1');
    expect(h.case.dueAt).toBe('2025-03-17T15:59:59.999Z');
    h.step('startSpecialProcedure', 'localDepartment', '2025-03-11T01:00:00Z', {
      kind: 'expertReview',
      expectedDays: 5,
    });
    expect(h.case.state).toBe('specialProcedure');
    expect(h.case.dueAt).toBeUndefined();
    h.step('endSpecialProcedure', 'localDepartment', '2025-03-14T09:00:00Z', { result: '评审通过' });
    // 11, 12, 13, 14 March were paused: four working days later than 17 March
    expect(h.case.dueAt).toBe('2025-03-21T15:59:59.999Z');
    expect(h.case.specialProcedures).toEqual([
      { kind: 'expertReview', from: '2025-03-11T01:00:00Z', to: '2025-03-14T09:00:00Z', expectedDays: 5 },
    ]);
  });
});

describe('denial (seed 004 8.5.5)', () => {
  it('refuses a denial without reasons or without review and litigation rights with their limits', () => {
    const h = accepted('D1');
    const before = h.case;
    expect(() =>
      h.step('deny', 'localDepartment', '2025-03-11T01:00:00Z', { reasons: ['不符合条件'] }),
    ).toThrow(/rights/);
    expect(() =>
      h.step('deny', 'localDepartment', '2025-03-11T01:00:00Z', { reasons: [], rights: RIGHTS }),
    ).toThrow(/reasons/);
    expect(() =>
      h.step('deny', 'localDepartment', '2025-03-11T01:00:00Z', {
        reasons: ['x'],
        rights: { ...RIGHTS, review: { body: '市政府', withinDays: 30 } },
      }),
    ).toThrow(/60 days/);
    expect(h.case).toBe(before);
    h.step('deny', 'localDepartment', '2025-03-11T01:00:00Z', { reasons: ['不符合条件'], rights: RIGHTS });
    expect(h.case.decision?.rights?.litigation.withinMonths).toBe(6);
  });
});

describe('transitions and idempotence', () => {
  it('a wrong unit is a TransitionError naming the state, the event and the units expected and given (seed 000 table 1 row 2)', () => {
    const h = history('E1', { calendar });
    h.step('submit', 'applicant', '2025-03-10T01:00:00Z', submitPayload('online'));
    try {
      h.step('accept', 'localWindow', '2025-03-10T02:00:00Z');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(TransitionError);
      const t = e as TransitionError;
      expect([t.state, t.eventType, t.unitExpected, t.unitGiven]).toEqual([
        'awaitingAcceptance',
        'accept',
        ['localDepartment'],
        'localWindow',
      ]);
      expect(t.describe()).toMatch(/must be done by localDepartment, not by localWindow/);
    }
  });

  it('the same event id twice is stored once', async () => {
    const { appendEvent } = await import('./engine.js');
    const h = accepted('E2');
    const again = appendEvent(h.case, h.events[1] as never, { calendar });
    expect(again).toBe(h.case);
  });
});

describe('deadlines', () => {
  it('overdue and due-soon follow the promised due date on the work calendar (seed 002 12.3.5)', () => {
    const h = accepted('O1');
    expect(isOverdue(h.case, '2025-03-17T15:00:00Z')).toBe(false);
    expect(isOverdue(h.case, '2025-03-17T16:00:00Z')).toBe(true);
    expect(isDueSoon(h.case, '2025-03-14T01:00:00Z', 1, calendar)).toBe(true);
    expect(isDueSoon(h.case, '2025-03-11T01:00:00Z', 1, calendar)).toBe(false);
    h.step('approve', 'localDepartment', '2025-03-18T01:00:00Z');
    expect(isOverdue(h.case, '2025-03-19T01:00:00Z')).toBe(false); // decided: no longer overdue, late for metrics
  });
});

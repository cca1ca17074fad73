import { WorkCalendar } from '@tongban/core/calendar';
import { describe, expect, it } from 'vitest';
import { caseExitCode } from '../../cases/case-command.js';
import { isOverdueSummary, overdueQuery } from '../../cases/list.js';
import { deadlineOf, materialReasons } from '../../cases/payload-flags.js';
import { parseDeadline, parseInstant } from '../../cases/time.js';
import { EXIT } from '../../exit-codes.js';

const err = (code: string, name = 'TongbanError') => ({ name, code, message: '', where: {}, hint: '' });

describe('cases CLI helpers (no process)', () => {
  it('reads dates as Asia/Shanghai: an instant at noon, a deadline at the end of the day', () => {
    expect(parseInstant('2026-03-02', '--at')).toBe('2026-03-02T04:00:00.000Z');
    expect(parseInstant('2026-03-02T09:30:00+08:00', '--at')).toBe('2026-03-02T01:30:00.000Z');
    expect(parseDeadline('2026-03-05', '--deadline')).toBe('2026-03-05T15:59:59.999Z');
    expect(() => parseInstant('next monday', '--at')).toThrow(
      /--at "next monday" is not a date or an instant/,
    );
    expect(() => parseInstant('2026-03-02 09:30', '--at')).toThrow(/usage|not a date/);
  });

  it('counts --days in working days on the calendar (seed 000 table 1 row 3 a 1 补正时限)', () => {
    const calendar = WorkCalendar.default();
    const due = deadlineOf({ days: 1 }, '2026-03-06T10:00:00+08:00', calendar);
    expect(due).toBe('2026-03-09T15:59:59.999Z'); // Friday + 1 working day = Monday
    // 30 Sep 2026 + 1 working day skips the National Day holiday 1-7 Oct (cn-2026.json).
    expect(deadlineOf({ days: 1 }, '2026-09-30T10:00:00+08:00', calendar)).toBe('2026-10-08T15:59:59.999Z');
    expect(() => deadlineOf({}, '2026-03-06T10:00:00+08:00', calendar)).toThrow(
      /--deadline DATE or --days N/,
    );
  });

  it('parses NAME=REASON pairs of a supplement request, refusing a pair without its reason (一次性告知 lists why)', () => {
    expect(materialReasons(['居住地住址证明=未提交', ' 照片 = 不符合规格 '])).toEqual([
      { material: '居住地住址证明', reason: '未提交' },
      { material: '照片', reason: '不符合规格' },
    ]);
    expect(() => materialReasons(['居住地住址证明'])).toThrow(/must be NAME=REASON/);
  });

  it('asks the store index for overdue cases: undecided states, open, due before now (seed 002 12.3.5)', () => {
    const now = '2026-03-20T04:00:00.000Z';
    expect(overdueQuery({ mode: 'online' }, now)).toEqual({
      mode: 'online',
      state: ['accepted', 'supplementRequested', 'specialProcedure'],
      dueBefore: now,
      open: true,
    });
    expect(overdueQuery({ state: ['approved', 'accepted'] }, now).state).toEqual(['accepted']);
    expect(overdueQuery({ state: 'approved' }, now).state).toEqual([]);
    const s = {
      caseId: 'X',
      itemCode: '1',
      mode: 'online',
      state: 'accepted',
      applicantId: '',
      createdAt: now,
      updatedAt: now,
      units: [],
      length: 2,
      dueAt: '2026-03-11T15:59:59.999Z',
    };
    expect(isOverdueSummary(s, now)).toBe(true);
    expect(isOverdueSummary({ ...s, state: 'approved' }, now)).toBe(false);
    expect(isOverdueSummary(s, '2026-03-11T15:00:00.000Z')).toBe(false);
  });

  it('maps an illegal transition to exit 3 (conflict with the current state) and leaves other codes as documented', () => {
    expect(caseExitCode(err('CASE_TRANSITION', 'TransitionError'))).toBe(EXIT.conflict);
    expect(caseExitCode(err('CASE_RULE', 'CaseRuleError'))).toBe(EXIT.invalid);
    expect(caseExitCode(err('STORE_CONFLICT', 'StoreConflictError'))).toBe(EXIT.conflict);
    expect(caseExitCode(err('case.notFound'))).toBe(EXIT.notFound);
  });
});

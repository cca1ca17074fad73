import { describe, expect, it } from 'vitest';
import { ratingMessages } from './messages.js';
import {
  answerRectification,
  isBadRating,
  isRectificationOverdue,
  isSatisfied,
  RATING_LEVELS,
  RatingSettings,
  type RectificationTask,
  settleRectification,
} from './rating.js';

const task: RectificationTask = {
  id: 'rectify-C1',
  revision: 1,
  kind: 'rectification',
  caseId: 'C1',
  ratingLevel: 1,
  comment: '等了很久',
  state: 'open',
  openedAt: '2026-11-23T02:00:00.000Z',
  dueAt: '2026-11-30T15:59:59.999Z',
  steps: [{ state: 'open', at: '2026-11-23T02:00:00.000Z', by: 'system', note: '等了很久' }],
};

describe('好差评 levels (seed 003 三; 国办发〔2019〕51号)', () => {
  it('has five levels from 非常满意 5 to 非常不满意 1; 1-2 are bad, 3-5 count as satisfied', () => {
    expect(Object.values(RATING_LEVELS).map((l) => l.zh)).toEqual([
      '非常不满意',
      '不满意',
      '基本满意',
      '满意',
      '非常满意',
    ]);
    expect([1, 2, 3, 4, 5].map(isBadRating)).toEqual([true, true, false, false, false]);
    expect([1, 2, 3, 4, 5].map(isSatisfied)).toEqual([false, false, true, true, true]);
  });

  it('defaults: 5 working days to rectify, auto-满意 off (domain.md "Complaints and ratings")', () => {
    expect(RatingSettings.parse({})).toEqual({
      rectifyDays: 5,
      autoSatisfied: { enabled: false, afterDays: 5 },
    });
  });
});

describe('rectification task (差评重办, seed 003 三)', () => {
  it('goes open → explained → answered with who, when and what', () => {
    const explained = settleRectification(task, {
      outcome: 'explained',
      by: 'W01',
      at: '2026-11-24T02:00:00.000Z',
      note: '系统升级导致等待',
    });
    const answered = answerRectification(explained, {
      by: 'W01',
      at: '2026-11-24T03:00:00.000Z',
      text: '已电话致歉并说明',
      channel: 'phone',
    });
    expect(answered.state).toBe('answered');
    expect(answered.steps.map((s) => `${s.state}/${s.by}`)).toEqual([
      'open/system',
      'explained/W01',
      'answered/W01',
    ]);
    expect(answered.answer).toMatchObject({ text: '已电话致歉并说明', channel: 'phone' });
  });

  it('refuses to answer before the fault is rectified or explained, and a second settlement', () => {
    expect(() =>
      answerRectification(task, { by: 'W01', at: task.openedAt, text: 'x', channel: 'sms' }),
    ).toThrow(/must be rectified or explained/);
    const fixed = settleRectification(task, {
      outcome: 'rectified',
      by: 'W01',
      at: task.openedAt,
      note: '已补办',
    });
    expect(() =>
      settleRectification(fixed, { outcome: 'explained', by: 'W01', at: task.openedAt, note: 'x' }),
    ).toThrow(/must be open/);
    expect(() =>
      settleRectification(task, { outcome: 'rectified', by: 'W01', at: task.openedAt, note: ' ' }),
    ).toThrow(/say what/);
  });

  it('is overdue only while unanswered after its deadline', () => {
    expect(isRectificationOverdue(task, new Date('2026-11-30T15:59:59.999Z'))).toBe(false);
    expect(isRectificationOverdue(task, new Date('2026-11-30T16:00:00.000Z'))).toBe(true);
    expect(isRectificationOverdue({ ...task, state: 'answered' }, new Date('2026-12-30T00:00:00Z'))).toBe(
      false,
    );
  });
});

describe('words shown to people', () => {
  it('names every level and task state in zh-CN and en', () => {
    for (const level of [1, 2, 3, 4, 5] as const) {
      expect(ratingMessages[`rating.level.${level}`][0]).toBe(RATING_LEVELS[level].zh);
    }
    for (const st of ['open', 'rectified', 'explained', 'answered'] as const) {
      expect(ratingMessages[`rating.rectification.${st}`]).toHaveLength(2);
    }
  });
});

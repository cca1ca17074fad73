import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { foldCase } from '../cases/engine.js';
import { summarise } from '../cases/views.js';
import { calendar, histories, sh } from '../metrics/november-2026.fixture.js';
import { type MemoryStore, openMemoryStore } from '../store/test-support/memory-store.js';
import { Ratings } from './service.js';

let store: MemoryStore;
let ratings: Ratings;
const APPLICANT = '230102198001011234'; // the applicant of every fixture case

beforeEach(async () => {
  store = openMemoryStore();
  for (const [caseId, events] of Object.entries(histories)) {
    await store.append(caseId, events, summarise(foldCase(events, { calendar })));
  }
  ratings = new Ratings({ store, calendar });
});
afterEach(async () => {
  await store.close();
});

describe('Ratings over the lowdb store', () => {
  it('rates a decided case once, on five levels with a comment (seed 002 12.2.2 一事一评)', async () => {
    const { rating, task } = await ratings.rate({
      caseId: 'C1',
      level: 5,
      comment: '很快',
      channel: 'kiosk',
      applicantId: APPLICANT,
      at: sh('2026-11-06 12:00'),
    });
    expect(rating).toMatchObject({ caseId: 'C1', level: 5, bad: false, comment: '很快', auto: false });
    expect(task).toBeUndefined();
    await expect(ratings.rate({ caseId: 'C1', level: 4, channel: 'online' })).rejects.toMatchObject({
      code: 'RATING_EXISTS',
    });
  });

  it('refuses an undecided case, an unknown case and another person, masking the ID', async () => {
    await expect(ratings.rate({ caseId: 'C5', level: 4, channel: 'kiosk' })).rejects.toMatchObject({
      code: 'RATING_TOO_EARLY',
    });
    await expect(ratings.rate({ caseId: 'NOPE', level: 4, channel: 'kiosk' })).rejects.toMatchObject({
      code: 'RATING_NO_CASE',
    });
    const e = await ratings
      .rate({ caseId: 'C3', level: 4, channel: 'kiosk', applicantId: '110101199003071234' })
      .catch((x) => x);
    expect(e.code).toBe('RATING_NOT_APPLICANT');
    expect(e.message).toContain('110101********1234');
    expect(await ratings.list()).toEqual([]);
  });

  it('a bad rating opens a rectification task due in 5 working days and reopens the case until answered (seed 003 三 差评重办)', async () => {
    // rated Fri 27 Nov 2026: working days Mon 30 Nov, 1, 2, 3, 4 Dec → due end of Fri 4 Dec
    const { task } = await ratings.rate({
      caseId: 'C6',
      level: 1,
      comment: '跑了两次',
      channel: 'kiosk',
      at: sh('2026-11-27 10:00'),
    });
    expect(task).toMatchObject({
      state: 'open',
      dueAt: '2026-12-04T15:59:59.999Z',
      assignedUnit: 'department',
    });
    expect(await ratings.caseRectification('C6', sh('2026-11-30 09:00'))).toMatchObject({
      reopened: true,
      overdue: false,
    });
    expect((await ratings.overdueRectifications(sh('2026-12-05 00:00'))).map((t) => t.caseId)).toEqual([
      'C6',
    ]);

    await expect(ratings.answer('C6', { by: 'W02', text: '致歉', channel: 'phone' })).rejects.toMatchObject({
      code: 'RECTIFICATION_WRONG_STATE',
    });
    await ratings.settle('C6', {
      outcome: 'rectified',
      by: 'W02',
      note: '改为邮寄送达，免二次跑动',
      at: sh('2026-11-30 10:00'),
    });
    const answered = await ratings.answer('C6', {
      by: 'W02',
      text: '已改进并致歉',
      channel: 'phone',
      at: sh('2026-11-30 11:00'),
    });
    expect(answered.steps.map((s) => s.state)).toEqual(['open', 'rectified', 'answered']);
    expect(await ratings.caseRectification('C6', sh('2026-12-05 00:00'))).toMatchObject({
      reopened: false,
      overdue: false,
    });
    expect(await ratings.overdueRectifications(sh('2026-12-05 00:00'))).toEqual([]);
    expect(await ratings.openRectifications()).toEqual([]);
  });

  it('takes the rectification deadline from settings (regional: 5, 7 or 15 working days)', async () => {
    const r15 = new Ratings({ store, calendar, settings: { rectifyDays: 15 } });
    const { task } = await r15.rate({ caseId: 'C3', level: 2, channel: 'kiosk', at: sh('2026-11-12 11:00') });
    // 15 working days after Thu 12 Nov: 13 (1), 16-20 (2-6), 23-27 (7-11), 30 Nov (12), 1 (13), 2 (14), 3 Dec (15)
    expect(task?.dueAt).toBe('2026-12-03T15:59:59.999Z');
    expect(task?.assignedUnit).toBe('window'); // the 即办件 was handled by the window alone
  });

  it('records 满意 automatically after 5 working days only when the setting is on', async () => {
    expect(await ratings.autoRate(sh('2026-12-31 09:00'))).toEqual([]);
    await ratings.rate({ caseId: 'C1', level: 2, channel: 'kiosk', at: sh('2026-11-06 12:00') });
    const auto = new Ratings({ store, calendar, settings: { autoSatisfied: { enabled: true } } });
    // decisions: C2 Tue 10 Nov, C3 Thu 12 Nov, C4 Mon 30 Nov, C6 Thu 26 Nov, C7 Thu 29 Oct, C8 refused Thu 5 Nov.
    // On Tue 17 Nov: C2 has 11, 12, 13, 16, 17 = 5 working days; C3 only 13, 16, 17 = 3; C7 and C8 are older.
    const made = await auto.autoRate(sh('2026-11-17 12:00'));
    expect(made.map((r) => [r.caseId, r.level, r.auto]).sort()).toEqual([
      ['C2', 4, true],
      ['C7', 4, true],
      ['C8', 4, true],
    ]);
    expect((await auto.get('C1'))?.level).toBe(2); // an existing rating is kept
    expect(await auto.autoRate(sh('2026-11-17 12:00'))).toEqual([]);
  });
});

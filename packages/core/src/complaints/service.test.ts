import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WorkCalendar } from '../calendar/index.js';
import { type MemoryStore, openMemoryStore } from '../store/test-support/memory-store.js';
import { formatComplaintNumber } from './complaint-number.js';
import { Complaints } from './service.js';

const calendar = WorkCalendar.default();
let store: MemoryStore;
let complaints: Complaints;

beforeEach(async () => {
  store = openMemoryStore();
  complaints = new Complaints({ store, calendar });
});
afterEach(async () => {
  await store.close();
});

const form = {
  channel: 'phone' as const,
  targetUnit: '不动产登记中心',
  type: 'overdue' as const,
  respondentName: '赵六',
  content: '承诺5个工作日办结，已过期未办',
  demands: '尽快办结并说明原因',
  complainant: { name: '钱七', phone: '13800000000', idNumber: '230102198001011234' },
  caseId: 'CASE-9',
};
const monday = '2026-11-23T02:00:00.000Z'; // 10:00 in Shanghai

describe('Complaints over the lowdb store', () => {
  it('numbers complaints per day with a check character and keeps every form field (seed 002 10.2 a-e)', async () => {
    const a = await complaints.receive(form, { by: 'hotline-1', at: monday });
    const b = await complaints.receive({ ...form, channel: 'letter' }, { by: 'mail-1', at: monday });
    expect(a.id).toMatch(/^TS202611230001[0-9A-Z]$/);
    expect(b.id).toMatch(/^TS202611230002[0-9A-Z]$/);
    const stored = await complaints.get(formatComplaintNumber(a.id));
    expect(stored).toMatchObject({
      targetUnit: '不动产登记中心',
      type: 'overdue',
      respondentName: '赵六',
      content: form.content,
      demands: form.demands,
      state: 'received',
      dueAt: '2026-11-30T15:59:59.999Z', // Mon 23 Nov + 5 working days = end of Mon 30 Nov (seed 000 7.2)
    });
  });

  it('refuses a form without the unit complained about, saying which field (seed 002 10.2 b)', async () => {
    await expect(
      complaints.receive({ ...form, targetUnit: ' ' }, { by: 'x', at: monday }),
    ).rejects.toMatchObject({
      code: 'COMPLAINT_FORM_INVALID',
      where: { field: 'targetUnit' },
    });
    expect(await complaints.list()).toEqual([]);
  });

  it('walks received → investigating → resolved → replied and answers the query by number (seed 000 7.2; seed 002 10.3)', async () => {
    const c = await complaints.receive(form, { by: 'hotline-1', at: monday });
    await complaints.investigate(c.id, {
      by: 'sup-1',
      assignedTo: '不动产登记中心',
      at: '2026-11-24T01:00:00Z',
    });
    await complaints.resolve(c.id, {
      by: 'sup-1',
      outcome: '系统故障致延误，已办结',
      measures: '增设超期预警',
      at: '2026-11-25T01:00:00Z',
    });
    const done = await complaints.reply(c.id, {
      by: 'sup-1',
      text: '已办结，致歉',
      at: '2026-11-26T01:00:00Z',
    });
    expect(done.steps.map((s) => [s.step, s.by])).toEqual([
      ['received', 'hotline-1'],
      ['investigating', 'sup-1'],
      ['resolved', 'sup-1'],
      ['replied', 'sup-1'],
    ]);
    const view = await complaints.query(c.id.toLowerCase(), '2026-11-27T00:00:00Z');
    expect(view).toMatchObject({
      state: 'replied',
      overdue: false,
      reply: { text: '已办结，致歉' },
      measures: '增设超期预警',
    });
    expect(view.complainantId).toBe('230102********1234');
  });

  it('catches a mistyped number before looking it up (seed 002 10.3)', async () => {
    const c = await complaints.receive(form, { by: 'hotline-1', at: monday });
    const typo = c.id.slice(0, 12) + (c.id[12] === '0' ? '1' : '0') + c.id.slice(13);
    await expect(complaints.query(typo)).rejects.toMatchObject({ code: 'COMPLAINT_NUMBER_CHECK' });
  });

  it('lists overdue complaints: unreplied after 5 working days (seed 000 7.2)', async () => {
    const late = await complaints.receive(form, { by: 'a', at: monday });
    const replied = await complaints.receive(form, { by: 'a', at: monday });
    await complaints.receive(form, { by: 'a', at: '2026-11-27T02:00:00.000Z' }); // Friday: due Fri 4 Dec
    await complaints.investigate(replied.id, { by: 's' });
    await complaints.resolve(replied.id, { by: 's', outcome: '已处理' });
    await complaints.reply(replied.id, { by: 's', text: '已处理' });
    expect(await complaints.overdueComplaints('2026-11-30T15:59:59.999Z')).toEqual([]);
    expect((await complaints.overdueComplaints('2026-12-01T00:00:00.000Z')).map((c) => c.id)).toEqual([
      late.id,
    ]);
  });

  it('takes the limit from settings', async () => {
    const seven = new Complaints({ store, calendar, settings: { replyDays: 7 } });
    expect((await seven.receive(form, { by: 'a', at: monday })).dueAt).toBe('2026-12-02T15:59:59.999Z');
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type MemoryStore, openMemoryStore } from '../store/test-support/memory-store.js';
import { ImprovementLedger, isLedgerOverdue, LEDGER_COLUMNS, ledgerRows, quarterOf } from './ledger.js';

let store: MemoryStore;
let ledger: ImprovementLedger;

beforeEach(async () => {
  store = openMemoryStore();
  ledger = new ImprovementLedger(store);
});
afterEach(async () => {
  await store.close();
});

const at = '2026-11-23T02:00:00.000Z'; // Mon 23 Nov 2026, 10:00 in Shanghai
const entry = {
  problem: '投诉按时反馈率仅 60%',
  responsibleUnit: '市政务服务中心投诉科',
  measure: '投诉件每日晨会督办，超 3 个工作日未反馈的升级处理',
  deadline: '2026-12-31',
  metricId: 'complaintReplyInTime' as const,
};

describe('ImprovementLedger (seed 000 7.3 问题清单-责任部门-整改措施-完成时限)', () => {
  it('numbers entries per quarter and keeps the four fields of the seed', async () => {
    const a = await ledger.add(entry, { by: '张敏', at });
    const b = await ledger.add({ ...entry, problem: '当场受理率低' }, { by: '张敏', at });
    const c = await ledger.add({ ...entry, quarter: '2027Q1', deadline: '2027-03-31' }, { by: '张敏', at });
    expect([a.id, b.id, c.id]).toEqual(['GJ-2026Q4-001', 'GJ-2026Q4-002', 'GJ-2027Q1-001']);
    expect(a).toMatchObject({ ...entry, quarter: '2026Q4', status: 'open', createdBy: '张敏' });
    expect((await ledger.list({ quarter: '2026Q4' })).map((e) => e.id)).toEqual([a.id, b.id]);
    expect((await ledger.get('gj-2026q4-002')).problem).toBe('当场受理率低');
  });

  it('refuses an entry without a responsible unit and says which field (seed 000 7.3 责任部门)', async () => {
    await expect(ledger.add({ ...entry, responsibleUnit: ' ' }, { by: 'x', at })).rejects.toMatchObject({
      code: 'LEDGER_INVALID',
      where: { field: 'responsibleUnit' },
    });
    await expect(ledger.add({ ...entry, deadline: '2026-11-22' }, { by: 'x', at })).rejects.toMatchObject({
      code: 'LEDGER_DEADLINE_PAST',
    });
    expect(await ledger.list()).toEqual([]);
  });

  it('records progress (open → inProgress), then closes with a result; a closed entry stays closed', async () => {
    const a = await ledger.add(entry, { by: '张敏', at });
    const u = await ledger.update(
      a.id,
      { progress: '已建立晨会督办' },
      { by: '李华', at: '2026-11-30T02:00:00Z' },
    );
    expect(u).toMatchObject({ status: 'inProgress', progress: '已建立晨会督办' });
    expect(u.history.at(-1)).toMatchObject({ action: 'update', by: '李华', fields: ['progress', 'status'] });
    const d = await ledger.update(a.id, { deadline: '2027-01-15' }, { by: '李华', at });
    expect(d.deadline).toBe('2027-01-15');
    await expect(ledger.update(a.id, {}, { by: 'x', at })).rejects.toMatchObject({
      code: 'LEDGER_EMPTY_UPDATE',
    });
    await expect(ledger.close(a.id, { result: ' ', by: 'x', at })).rejects.toMatchObject({
      code: 'LEDGER_RESULT_EMPTY',
    });
    const c = await ledger.close(a.id, { result: '反馈率升至 95%', by: '张敏', at: '2027-01-10T02:00:00Z' });
    expect(c).toMatchObject({
      status: 'closed',
      result: '反馈率升至 95%',
      closedAt: '2027-01-10T02:00:00.000Z',
    });
    await expect(ledger.update(a.id, { progress: 'x' }, { by: 'x', at })).rejects.toMatchObject({
      code: 'LEDGER_WRONG_STATE',
    });
    await expect(ledger.get('GJ-2026Q4-009')).rejects.toMatchObject({ code: 'LEDGER_NOT_FOUND' });
  });

  it('is overdue once the deadline day has ended in Shanghai, unless closed', async () => {
    const a = await ledger.add(entry, { by: '张敏', at });
    expect(isLedgerOverdue(a, '2026-12-31T15:59:59.999Z')).toBe(false);
    expect(isLedgerOverdue(a, '2026-12-31T16:00:00.000Z')).toBe(true);
    expect(isLedgerOverdue({ ...a, status: 'closed' }, '2027-06-01T00:00:00Z')).toBe(false);
    expect((await ledger.list({ overdueAt: '2027-01-01T00:00:00Z' })).map((e) => e.id)).toEqual([a.id]);
    const rows = ledgerRows([a], '2027-01-01T00:00:00Z');
    expect(rows[0]).toHaveLength(LEDGER_COLUMNS.length);
    expect(rows[0]).toContain('待整改');
    expect(rows[0]?.[LEDGER_COLUMNS.findIndex((c) => c.key === 'overdue')]).toBe('是');
  });

  it('finds the quarter of a day (seed 000 7.3 每季度)', () => {
    expect(['2026-01-01', '2026-03-31', '2026-04-01', '2026-12-31'].map(quarterOf)).toEqual([
      '2026Q1',
      '2026Q1',
      '2026Q2',
      '2026Q4',
    ]);
  });
});

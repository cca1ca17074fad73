import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '../calendar/index.js';
import { history, RIGHTS, submitPayload } from '../cases/testing.js';
import { noticesDue } from '../cases/views.js';
import { ServiceItem } from '../catalogue/service-item.js';
import { TongbanError } from '../errors/index.js';
import { type CaseNoticeContext, noticeFor, noticeKeys, noticeToText, templateGaps } from './index.js';

const calendar = WorkCalendar.default();

/** The catalogue item the testing cases pin (code 11230000MB0001, 个体工商户登记). */
const item = ServiceItem.parse({
  mainName: '个体工商户登记',
  itemType: 'confirmation',
  itemCode: '11230000MB0001',
  legalBasis: ['《促进个体工商户发展条例》'],
  materials: [
    { name: '身份证', kind: 'key', original: true },
    { name: '经营场所证明', kind: 'key', copies: 1 },
    { name: '租赁合同', kind: 'secondary', tolerable: true, copies: 2 },
  ],
  process: ['申请', '受理', '决定'],
  promisedDays: 5,
  legalDays: 15,
  audience: ['person'],
  contact: { phone: '0451-86660000', complaintPhone: '0451-12345' },
  level: 'city',
  implementingUnit: '哈尔滨市市场监督管理局',
  windowCategory: '市场准入',
  caseKind: 'promised',
  modes: ['window', 'online', 'proxyLocal', 'proxyRemote'],
  transferDays: 1,
  specialProcedures: [{ kind: 'inspection', maxDays: 3 }],
});

const ctx = (over: Partial<CaseNoticeContext> = {}): CaseNoticeContext => ({
  issuer: { name: '哈尔滨市政务服务中心 5 号综合窗口' },
  handler: '赵磊',
  ...over,
});

describe('noticeFor: notices from a case history (seed 000 tables 1-3)', () => {
  it('window case: acceptance at the window with the due date on the work calendar, then review supplement and denial', () => {
    const h = history('HRB1-W1', { calendar });
    h.step('submit', 'window', '2025-03-10T01:00:00Z', submitPayload('window'));
    h.step('accept', 'window', '2025-03-10T02:00:00Z', {
      specialProcedures: [{ kind: 'hearing', days: 10 }],
    });
    const acceptance = noticeFor(h.case, item, 'acceptance', ctx());
    expect(acceptance).toMatchObject({
      type: 'acceptance',
      applicationNo: 'HRB1-W1',
      materialCount: 3,
      promisedDays: 5,
      dueDate: '2025-03-17',
      issuedAt: '2025-03-10T02:00:00.000Z',
      issuer: { unit: 'window', name: '哈尔滨市政务服务中心 5 号综合窗口' },
      specialProcedures: [{ kind: 'hearing', days: 10 }],
      applicant: { name: '张三', idNumberMasked: '230102********1234', phone: '13800000000' },
    });
    expect(templateGaps(acceptance)).toEqual([]);
    expect(noticeToText(acceptance)).toContain('涉及的以下程序：听证（约10个工作日），不计入承诺时限');
    // a reprint is the same notice (issued at the step's instant)
    expect(noticeFor(h.case, item, 'acceptance', ctx())).toEqual(acceptance);

    h.step('requestSupplement', 'department', '2025-03-11T02:00:00Z', {
      items: [{ material: '经营场所证明', reason: '缺少产权人签字' }],
      dueAt: '2025-03-20T09:00:00Z',
    });
    const supplement = noticeFor(
      h.case,
      item,
      'supplement',
      ctx({ issuer: { name: '哈尔滨市市场监督管理局' } }),
    );
    expect(supplement).toMatchObject({
      stage: 'review',
      issuer: { unit: 'department' },
      materials: [{ name: '经营场所证明', reason: '缺少产权人签字', copies: 1 }],
      dueDate: '2025-03-20',
    });
    expect(templateGaps(supplement)).toEqual([]);

    h.step('supplement', 'applicant', '2025-03-12T02:00:00Z', { materials: ['经营场所证明'] });
    h.step('deny', 'department', '2025-03-13T02:00:00Z', { reasons: ['经营场所用途不符'], rights: RIGHTS });
    const denial = noticeFor(h.case, item, 'denial', ctx({ issuer: { name: '哈尔滨市市场监督管理局' } }));
    expect(denial.rights).toEqual(RIGHTS);
    expect(noticeToText(denial)).toContain('承办部门（章）：哈尔滨市市场监督管理局');
    expect(templateGaps(denial)).toEqual([]);
    // every notice the case's steps call for can be built
    for (const due of noticesDue(h.case)) {
      expect(() => noticeFor(h.case, item, due.type, ctx({ at: due.at }))).not.toThrow();
    }
  });

  it('acceptance on a provisional year says 预计 and 以法定假日安排为准; once the notice is in, the plain date (issue 15)', async () => {
    const { readFile } = await import('node:fs/promises');
    const { parseCalendarYear } = await import('../calendar/index.js');
    const dec2026 = new WorkCalendar(calendar.years(), { today: '2026-12-02' });
    const accepted = (cal: WorkCalendar, locale: 'zh-CN' | 'en' = 'zh-CN') => {
      const h = history('HRB1-P1', { calendar: cal });
      h.step('submit', 'window', '2026-12-02T01:00:00Z', submitPayload('window', { promisedDays: 40 }));
      h.step('accept', 'window', '2026-12-02T02:00:00Z', {});
      return noticeFor(h.case, item, 'acceptance', ctx({ locale }));
    };
    const provisional = accepted(dec2026);
    expect(provisional).toMatchObject({ dueDate: '2027-01-28', dueProvisional: true });
    expect(noticeToText(provisional)).toContain('40个工作日（预计2027年1月28日前办结，以法定假日安排为准）');
    expect(noticeToText(accepted(dec2026, 'en'))).toContain(
      '40 working days (expected by 28 January 2027, subject to the official holiday arrangement)',
    );
    const file = new URL('../../../../fixtures/calendar/rehearsal/cn-2027.json', import.meta.url);
    const official = accepted(
      dec2026.withYear(parseCalendarYear(await readFile(file, 'utf8'), 'cn-2027.json')),
    );
    expect(official.dueProvisional).toBeUndefined();
    expect(noticeToText(official)).toContain('40个工作日（2027年1月28日前办结）');
  });

  it('proxyLocal: proxy receipt with the delivery method and the transfer time limit (seed 000 table 2 row 1)', () => {
    const h = history('HRB1-PL', { calendar });
    h.step('submit', 'remoteWindow', '2025-04-01T01:00:00Z', submitPayload('proxyLocal'));
    h.step('proxyReceive', 'remoteWindow', '2025-04-01T01:30:00Z', {
      deliveryMethod: 'pickup',
      deliverAt: 'localWindow',
    });
    const receipt = noticeFor(h.case, item, 'proxyReceipt', ctx({ transfer: { method: 'push' } }));
    expect(receipt).toMatchObject({
      mode: 'proxyLocal',
      handlingUnit: '哈尔滨市市场监督管理局',
      delivery: 'pickup',
      deliverAt: 'localWindow',
      materialCount: 3,
      transfer: { method: 'push', days: 1, to: '属地综合窗口' },
      issuer: { unit: 'remoteWindow' },
    });
    expect(templateGaps(receipt)).toEqual([]);
    const en = noticeFor(h.case, item, 'proxyReceipt', ctx({ transfer: { method: 'push' }, locale: 'en' }));
    expect(noticeKeys(en)).toEqual(noticeKeys(receipt));
    expect(noticeToText(en)).toContain('Result delivered by: Pick up in person');
  });

  it('proxy refusal and non-acceptance carry every reason of their event', () => {
    const p = history('HRB1-PR', { calendar });
    p.step('submit', 'remoteWindow', '2025-04-01T01:00:00Z', submitPayload('proxyRemote'));
    p.step('proxyRefuse', 'remoteWindow', '2025-04-01T01:30:00Z', {
      reasons: ['身份证已过期', '经营场所证明无公章'],
    });
    expect(noticeFor(p.case, item, 'proxyRefusal', ctx()).reasons).toEqual([
      '身份证已过期',
      '经营场所证明无公章',
    ]);

    const w = history('HRB1-NA', { calendar });
    w.step('submit', 'window', '2025-03-10T01:00:00Z', submitPayload('window'));
    w.step('refuse', 'window', '2025-03-10T01:30:00Z', {
      reasons: ['不属于本机关职权范围'],
      basis: '《行政许可法》第三十二条',
    });
    const n = noticeFor(w.case, item, 'nonAcceptance', ctx({ rights: RIGHTS }));
    expect(n).toMatchObject({
      reasons: ['不属于本机关职权范围'],
      basis: '《行政许可法》第三十二条',
      rights: RIGHTS,
    });
    // a proxy refusal is not a non-acceptance
    expect(() => noticeFor(w.case, item, 'proxyRefusal', ctx())).toThrow(TongbanError);
  });

  it('容缺受理: the acceptance tells the owed materials, deadline and overdue handling; a supplement notice can repeat them (seed 002 9.3.6)', () => {
    const h = history('HRB1-TOL', { calendar });
    h.step(
      'submit',
      'window',
      '2025-03-10T01:00:00Z',
      submitPayload('window', { submitted: ['身份证', '经营场所证明'] }),
    );
    h.step('acceptWithTolerance', 'window', '2025-03-10T02:00:00Z', {
      missing: ['租赁合同'],
      dueAt: '2025-03-14T09:00:00Z',
      pledge: true,
    });
    const a = noticeFor(h.case, item, 'acceptance', ctx());
    expect(a.materialCount).toBe(2);
    expect(a.tolerance).toEqual({
      materials: ['租赁合同'],
      dueDate: '2025-03-14',
      consequence: '逾期未补正的，终止办理。',
    });
    const s = noticeFor(h.case, item, 'supplement', ctx());
    expect(s).toMatchObject({
      stage: 'review',
      problem: 'missing',
      materials: [{ name: '租赁合同', reason: '容缺受理，按承诺补交', copies: 2 }],
    });
    expect(templateGaps(s)).toEqual([]);
    // noticesDue lists both papers for the acceptWithTolerance step
    for (const due of noticesDue(h.case)) {
      expect(noticeFor(h.case, item, due.type, ctx({ at: due.at })).type).toBe(due.type);
    }
  });

  it('approval carries the result and the delivery method chosen at intake', () => {
    const h = history('HRB1-OK', { calendar });
    h.step(
      'submit',
      'applicant',
      '2025-03-10T01:00:00Z',
      submitPayload('online', { deliveryMethod: 'post' }),
    );
    h.step('accept', 'localDepartment', '2025-03-10T02:00:00Z');
    h.step('approve', 'localDepartment', '2025-03-12T02:00:00Z', { result: '营业执照' });
    const n = noticeFor(
      h.case,
      item,
      'approval',
      ctx({ issuer: { name: '哈尔滨市市场监督管理局' }, resultNo: '91230102MA1234' }),
    );
    expect(n).toMatchObject({
      result: '营业执照',
      resultNo: '91230102MA1234',
      delivery: 'post',
      decidedAt: '2025-03-12T02:00:00.000Z',
    });
    expect(templateGaps(n)).toEqual([]);
  });

  it('refuses a notice for a step the case has not reached, naming the case and its state', () => {
    const h = history('HRB1-EARLY', { calendar });
    h.step('submit', 'window', '2025-03-10T01:00:00Z', submitPayload('window'));
    for (const type of [
      'acceptance',
      'supplement',
      'approval',
      'denial',
      'proxyReceipt',
      'nonAcceptance',
    ] as const) {
      try {
        noticeFor(h.case, item, type, ctx());
        throw new Error(`${type} should fail`);
      } catch (e) {
        expect(e).toBeInstanceOf(TongbanError);
        expect((e as TongbanError).code).toBe('notice.caseState');
        expect((e as TongbanError).where).toMatchObject({ caseId: 'HRB1-EARLY', notice: type });
        expect((e as TongbanError).message).toContain('awaitingAcceptance');
      }
    }
  });

  it('falls back to the pinned item name when the catalogue item is not at hand', () => {
    const h = history('HRB1-NOITEM', { calendar });
    h.step('submit', 'window', '2025-03-10T01:00:00Z', submitPayload('window'));
    h.step('accept', 'window', '2025-03-10T02:00:00Z');
    const n = noticeFor(
      h.case,
      undefined,
      'acceptance',
      ctx({ phones: { enquiry: '0451-1', complaint: '0451-12345' } }),
    );
    expect(n.item).toEqual({ code: '11230000MB0001', name: '个体工商户登记' });
    // without the item, phones must come from the context
    expect(() => noticeFor(h.case, undefined, 'acceptance', ctx())).toThrow(/联系电话/);
  });
});

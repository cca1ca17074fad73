import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '../calendar/index.js';
import { caseHistory } from './case.js';
import { CaseRuleError, TransitionError } from './errors.js';
import { history, RIGHTS, submitPayload } from './testing.js';
import { noticesDue, summarise, timeline, waitingOn } from './views.js';

const calendar = WorkCalendar.default();
const notices = (c: Parameters<typeof noticesDue>[0]) => noticesDue(c).map((n) => n.type);

describe('online (全程网办, seed 000 table 1)', () => {
  it('walks intake → acceptance by the local department → supplement → approval → delivery → archive by both units (seed 000 table 1 rows 1-5)', () => {
    const h = history('HRB1-ONLINE', { calendar });
    h.step(
      'submit',
      'applicant',
      '2025-03-10T01:00:00Z',
      submitPayload('online', { deliveryMethod: 'post' }),
    );
    expect(h.case.state).toBe('awaitingAcceptance');
    expect(waitingOn(h.case)).toBe('localDepartment');
    h.step('guidance', 'localWindow', '2025-03-10T01:10:00Z', { note: '指导填报' });
    // the window may not accept: the local department does (table 1 row 2)
    expect(() => h.step('accept', 'localWindow', '2025-03-10T02:00:00Z')).toThrow(TransitionError);
    h.step('accept', 'localDepartment', '2025-03-10T02:00:00Z');
    expect(notices(h.case)).toEqual(['acceptance']);
    // 5 working days from Monday 2025-03-10: end of Monday 2025-03-17, Asia/Shanghai
    expect(h.case.dueAt).toBe('2025-03-17T15:59:59.999Z');
    h.step('requestSupplement', 'localDepartment', '2025-03-11T02:00:00Z', {
      items: [{ material: '经营场所证明', reason: '缺少盖章' }],
      dueAt: '2025-03-20T09:00:00Z',
    });
    expect(h.case.state).toBe('supplementRequested');
    expect(h.case.dueAt).toBeUndefined(); // clock stopped
    h.step('supplement', 'applicant', '2025-03-13T02:00:00Z', { materials: ['经营场所证明'] });
    expect(h.case.state).toBe('accepted');
    // paused 2025-03-11..13 → the working days 11, 12, 13 do not count: due three working days later
    expect(h.case.dueAt).toBe('2025-03-20T15:59:59.999Z');
    h.step('approve', 'localDepartment', '2025-03-14T02:00:00Z', { result: '营业执照' });
    expect(() => h.step('deliver', 'localWindow', '2025-03-14T03:00:00Z', { method: 'pickup' })).toThrow(
      CaseRuleError,
    );
    h.step('deliver', 'localWindow', '2025-03-14T03:00:00Z', { method: 'post', trackingNumber: 'EMS1' });
    h.step('archive', 'localWindow', '2025-03-14T04:00:00Z');
    expect(h.case.state).toBe('archiving');
    expect(waitingOn(h.case)).toBe('localDepartment');
    h.step('archive', 'localDepartment', '2025-03-14T05:00:00Z');
    expect(h.case.state).toBe('archived');
    expect(h.case.closedAt).toBe('2025-03-14T05:00:00Z');
    expect(notices(h.case)).toEqual(['acceptance', 'supplement', 'approval']);
    expect(summarise(h.case)).toMatchObject({ state: 'archived', waitingOn: undefined, length: 9 });
    expect(timeline(h.case)[2]?.text).toBe('属地审批部门(localDepartment-1)受理');
  });
});

describe('proxyLocal (异地代收-属地办理, seed 000 table 2)', () => {
  it('proxy receipt at the remote window, post transfer, local acceptance, local delivery with feedback, archive by three units (seed 000 table 2 rows 1-5)', () => {
    const h = history('HRB1-PL', { calendar });
    h.step('submit', 'remoteWindow', '2025-04-01T01:00:00Z', submitPayload('proxyLocal'));
    expect(waitingOn(h.case)).toBe('remoteWindow');
    h.step('proxyReceive', 'remoteWindow', '2025-04-01T01:30:00Z', {
      deliveryMethod: 'pickup',
      deliverAt: 'localWindow',
    });
    expect(notices(h.case)).toEqual(['proxyReceipt']);
    expect(h.case.transferDueAt).toBe('2025-04-02T15:59:59.999Z'); // transferDays 1
    expect(() => h.step('transfer', 'remoteWindow', '2025-04-01T02:00:00Z', { method: 'post' })).toThrow(
      /tracking number/,
    );
    h.step('transfer', 'remoteWindow', '2025-04-01T02:00:00Z', { method: 'post', trackingNumber: 'SF123' });
    expect(h.case.state).toBe('inTransit');
    h.step('receiveTransfer', 'localWindow', '2025-04-02T02:00:00Z');
    expect(() => h.step('accept', 'remoteDepartment', '2025-04-02T03:00:00Z')).toThrow(TransitionError);
    h.step('accept', 'localDepartment', '2025-04-02T03:00:00Z');
    h.step('approve', 'localDepartment', '2025-04-03T03:00:00Z');
    expect(() => h.step('forwardResult', 'localWindow', '2025-04-03T04:00:00Z')).toThrow(CaseRuleError);
    expect(() => h.step('deliver', 'remoteWindow', '2025-04-03T04:00:00Z', { method: 'pickup' })).toThrow(
      TransitionError,
    );
    h.step('deliver', 'localWindow', '2025-04-03T04:00:00Z', { method: 'pickup' });
    expect(() => h.step('archive', 'remoteWindow', '2025-04-03T05:00:00Z')).toThrow(/reports the delivery/);
    h.step('deliveryFeedback', 'localWindow', '2025-04-03T05:00:00Z', { to: 'remoteWindow' });
    for (const u of ['remoteWindow', 'localWindow', 'localDepartment'] as const)
      h.step('archive', u, '2025-04-03T06:00:00Z');
    expect(h.case.state).toBe('archived');
    expect(h.case.units).toEqual(['remoteWindow', 'localWindow', 'localDepartment']);
    expect(notices(h.case)).toEqual(['proxyReceipt', 'acceptance', 'approval']);
  });

  it('delivery at the remote window goes through forwardResult (seed 000 table 2 row 4 b)', () => {
    const h = history('HRB1-PL2', { calendar });
    h.step('submit', 'applicant', '2025-04-01T01:00:00Z', submitPayload('proxyLocal'));
    h.step('proxyReceive', 'remoteWindow', '2025-04-01T01:30:00Z', {
      deliveryMethod: 'pickup',
      deliverAt: 'remoteWindow',
    });
    h.step('transfer', 'remoteWindow', '2025-04-01T02:00:00Z', { method: 'push' });
    expect(h.case.state).toBe('awaitingAcceptance');
    h.step('accept', 'localDepartment', '2025-04-01T03:00:00Z');
    h.step('deny', 'localDepartment', '2025-04-02T03:00:00Z', { reasons: ['不符合条件'], rights: RIGHTS });
    expect(() => h.step('deliver', 'localWindow', '2025-04-02T04:00:00Z', { method: 'pickup' })).toThrow(
      /remote window/,
    );
    h.step('forwardResult', 'localWindow', '2025-04-02T04:00:00Z');
    h.step('deliver', 'remoteWindow', '2025-04-03T04:00:00Z', { method: 'pickup' });
    for (const u of ['remoteWindow', 'localWindow', 'localDepartment'] as const)
      h.step('archive', u, '2025-04-03T06:00:00Z');
    expect(h.case.state).toBe('archived');
    expect(notices(h.case)).toEqual(['proxyReceipt', 'acceptance', 'denial']);
  });

  it('refuses the proxy receipt with every reason at once, and closes (seed 000 table 2 row 1 a 2)', () => {
    const h = history('HRB1-PL3', { calendar });
    h.step(
      'submit',
      'applicant',
      '2025-04-01T01:00:00Z',
      submitPayload('proxyLocal', { submitted: ['身份证'] }),
    );
    expect(() =>
      h.step('proxyReceive', 'remoteWindow', '2025-04-01T01:10:00Z', { deliveryMethod: 'sms' }),
    ).toThrow(/incomplete/);
    expect(() => h.step('proxyRefuse', 'remoteWindow', '2025-04-01T01:10:00Z', { reasons: [] })).toThrow(
      CaseRuleError,
    );
    h.step('proxyRefuse', 'remoteWindow', '2025-04-01T01:10:00Z', {
      reasons: ['缺经营场所证明', '缺租赁合同'],
    });
    expect(h.case.state).toBe('proxyRefused');
    expect(notices(h.case)).toEqual(['proxyRefusal']);
    expect(() => h.step('accept', 'localDepartment', '2025-04-01T02:00:00Z')).toThrow(/closed/);
  });
});

describe('proxyRemote (异地代收-异地办理, seed 000 table 3)', () => {
  it('remote department accepts and decides, remote window delivers, materials move to the local side, four units archive (seed 000 table 3 rows 1-5)', () => {
    const h = history('HRB1-PR', { calendar });
    h.step('submit', 'applicant', '2025-05-06T01:00:00Z', submitPayload('proxyRemote'));
    expect(() =>
      h.step('proxyReceive', 'remoteWindow', '2025-05-06T01:10:00Z', {
        deliveryMethod: 'pickup',
        deliverAt: 'localWindow',
      }),
    ).toThrow(/remote window/);
    h.step('proxyReceive', 'remoteWindow', '2025-05-06T01:10:00Z', { deliveryMethod: 'pickup' });
    expect(h.case.state).toBe('awaitingAcceptance');
    expect(waitingOn(h.case)).toBe('remoteDepartment');
    expect(() => h.step('accept', 'localDepartment', '2025-05-06T02:00:00Z')).toThrow(TransitionError);
    h.step('accept', 'remoteDepartment', '2025-05-06T02:00:00Z');
    h.step('approve', 'remoteDepartment', '2025-05-07T02:00:00Z');
    expect(() => h.step('deliver', 'localWindow', '2025-05-07T03:00:00Z', { method: 'pickup' })).toThrow(
      TransitionError,
    );
    h.step('deliver', 'remoteWindow', '2025-05-07T03:00:00Z', { method: 'pickup' });
    h.step('archive', 'remoteWindow', '2025-05-07T04:00:00Z');
    expect(() => h.step('archive', 'localWindow', '2025-05-07T04:00:00Z')).toThrow(/finished materials/);
    h.step('moveMaterials', 'remoteWindow', '2025-05-07T05:00:00Z', { to: 'localWindow' });
    h.step('archive', 'remoteDepartment', '2025-05-07T05:00:00Z');
    expect(() => h.step('archive', 'localDepartment', '2025-05-07T05:00:00Z')).toThrow(/originals/);
    h.step('moveMaterials', 'remoteDepartment', '2025-05-07T06:00:00Z', { to: 'localDepartment' });
    h.step('archive', 'localWindow', '2025-05-08T01:00:00Z');
    expect(h.case.state).toBe('archiving');
    h.step('archive', 'localDepartment', '2025-05-08T01:00:00Z');
    expect(h.case.state).toBe('archived');
    expect(notices(h.case)).toEqual(['proxyReceipt', 'acceptance', 'approval']);
  });
});

describe('window (窗口办, seed 001 6.1-6.4; seed 002 9.3-9.8; seed 004 8.2-8.8)', () => {
  it('an immediate case (即办件) is accepted and decided at once at the window (seed 001 4.2.2; seed 004 6.6)', () => {
    const h = history('HRB1-W1', { calendar });
    h.step(
      'submit',
      'window',
      '2025-06-03T01:00:00Z',
      submitPayload('window', { kind: 'immediate', promisedDays: 0 }),
    );
    h.step('accept', 'window', '2025-06-03T01:05:00Z');
    expect(h.case.dueAt).toBe('2025-06-03T15:59:59.999Z'); // same day
    h.step('approve', 'window', '2025-06-03T01:10:00Z');
    h.step('deliver', 'window', '2025-06-03T01:15:00Z', { method: 'pickup' });
    expect(() => h.step('archive', 'department', '2025-06-03T02:00:00Z')).toThrow(/reports the delivery/);
    h.step('deliveryFeedback', 'window', '2025-06-03T01:20:00Z', { to: 'department' });
    h.step('archive', 'window', '2025-06-03T02:00:00Z');
    h.step('archive', 'department', '2025-06-03T02:00:00Z');
    expect(h.case.state).toBe('archived');
    expect(notices(h.case)).toEqual(['acceptance', 'approval']);
  });

  it('a promised case is not decided at the window (seed 004 8.5)', () => {
    const h = history('HRB1-W2', { calendar });
    h.step('submit', 'applicant', '2025-06-03T01:00:00Z', submitPayload('window'));
    h.step('accept', 'window', '2025-06-03T01:05:00Z');
    expect(() => h.step('approve', 'window', '2025-06-03T01:10:00Z')).toThrow(/即办件/);
    h.step('approve', 'department', '2025-06-04T01:10:00Z');
    expect(h.case.state).toBe('approved');
  });

  it('a joint case (联办件) waits for every parallel opinion and is decided by the lead (seed 004 6.7, 8.5.2)', () => {
    const h = history('HRB1-W3', { calendar });
    h.step(
      'submit',
      'window',
      '2025-06-03T01:00:00Z',
      submitPayload('window', { kind: 'joint', jointUnits: ['市场监管局', '消防救援支队', '生态环境局'] }),
    );
    h.step('accept', 'window', '2025-06-03T01:05:00Z');
    expect(() =>
      h.step('approve', 'department', '2025-06-04T01:00:00Z', { department: '市场监管局' }),
    ).toThrow(/awaited/);
    h.step('giveOpinion', 'department', '2025-06-04T01:00:00Z', {
      department: '消防救援支队',
      opinion: 'agree',
    });
    expect(() =>
      h.step('giveOpinion', 'department', '2025-06-04T01:00:00Z', {
        department: '消防救援支队',
        opinion: 'agree',
      }),
    ).toThrow(/already/);
    h.step('giveOpinion', 'department', '2025-06-04T02:00:00Z', {
      department: '生态环境局',
      opinion: 'agree',
    });
    expect(() =>
      h.step('approve', 'department', '2025-06-05T01:00:00Z', { department: '消防救援支队' }),
    ).toThrow(/lead/);
    h.step('approve', 'department', '2025-06-05T01:00:00Z', { department: '市场监管局' });
    expect(h.case.decision).toMatchObject({ outcome: 'approved', department: '市场监管局' });
    expect(caseHistory(h.case).map((e) => e.type)).toEqual([
      'submit',
      'accept',
      'giveOpinion',
      'giveOpinion',
      'approve',
    ]);
  });

  it('intake at the window: a supplement request listing every missing material, then acceptance (seed 001 6.1.1, 6.1.3)', () => {
    const h = history('HRB1-W4', { calendar });
    h.step('submit', 'applicant', '2025-06-03T01:00:00Z', submitPayload('window', { submitted: ['身份证'] }));
    expect(() => h.step('accept', 'window', '2025-06-03T01:05:00Z')).toThrow(/missing/);
    expect(() =>
      h.step('requestSupplement', 'window', '2025-06-03T01:05:00Z', {
        items: [{ material: '租赁合同', reason: '未提交' }],
        dueAt: '2025-06-10T01:00:00Z',
      }),
    ).toThrow(/leaves out/);
    h.step('requestSupplement', 'window', '2025-06-03T01:05:00Z', {
      items: [
        { material: '经营场所证明', reason: '未提交' },
        { material: '租赁合同', reason: '未提交' },
      ],
      dueAt: '2025-06-10T01:00:00Z',
      confirmedBy: '市场监管局',
    });
    expect(h.case.pauses).toEqual([]); // before acceptance no clock runs
    h.step('supplement', 'applicant', '2025-06-05T01:00:00Z', { materials: ['经营场所证明', '租赁合同'] });
    expect(h.case.state).toBe('awaitingAcceptance');
    h.step('accept', 'window', '2025-06-05T01:05:00Z');
    expect(notices(h.case)).toEqual(['supplement', 'acceptance']);
  });
});

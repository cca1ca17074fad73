import type { CaseSummary } from '../store/store.js';
import { type Case, type CaseState, caseHistory, isClosed } from './case.js';
import type { Unit } from './case-event.js';
import { type CaseEventType, EVENT_TYPES } from './event-types.js';
import type { DeadlineCalendar } from './reducer.js';
import { ARCHIVE_UNITS, DEPARTMENT } from './transitions.js';

/** zh-CN names of units for the kiosk and notices. */
export const UNIT_NAMES: Record<Unit, string> = {
  remoteWindow: '异地综合窗口',
  localWindow: '属地综合窗口',
  localDepartment: '属地审批部门',
  remoteDepartment: '异地被授权部门',
  window: '综合窗口',
  department: '审批部门',
  applicant: '申请人',
  system: '系统',
};

/** zh-CN names of states for the progress screen. */
export const STATE_NAMES: Record<CaseState, string> = {
  submitted: '已提交,待代收',
  proxyReceived: '已代收,待流转',
  inTransit: '材料邮寄流转中',
  awaitingAcceptance: '待受理',
  supplementRequested: '待补正材料',
  accepted: '审批中',
  specialProcedure: '特别程序中(不计时)',
  approved: '已办结,待送达',
  denied: '不予批准,待送达',
  resultForwarded: '结果已转异地窗口,待领取',
  delivered: '已送达',
  archiving: '已送达,归档中',
  archived: '已归档',
  proxyRefused: '不予代收',
  refused: '不予受理',
  withdrawn: '已撤回',
  terminated: '已终止办理',
};

const ms = (iso: string) => Date.parse(iso);
const asMs = (t: Date | string) => (typeof t === 'string' ? Date.parse(t) : t.getTime());

/** Overdue: accepted, not yet decided, clock running and the promised due date passed (seed 002 12.3.5). */
export function isOverdue(c: Case, now: Date | string): boolean {
  if (isClosed(c) || c.decidedAt !== undefined || c.dueAt === undefined) return false;
  return asMs(now) > ms(c.dueAt);
}

/**
 * Due soon: undecided and due within `days` — working days when a calendar is given, calendar days otherwise.
 * Overdue cases are not "due soon".
 */
export function isDueSoon(c: Case, now: Date | string, days: number, calendar?: DeadlineCalendar): boolean {
  if (isClosed(c) || c.decidedAt !== undefined || c.dueAt === undefined || isOverdue(c, now)) return false;
  const horizon = calendar ? calendar.addWorkingDays(now, days).getTime() : asMs(now) + days * 86_400_000;
  return ms(c.dueAt) <= horizon;
}

/** Decided within the promised time (for metrics): undefined until decided. */
export function decidedOnTime(c: Case): boolean | undefined {
  if (c.decidedAt === undefined || c.acceptedAt === undefined) return undefined;
  return c.dueAt === undefined || ms(c.decidedAt) <= ms(c.dueAt);
}

/** The unit the case waits on now (undefined when closed). */
export function waitingOn(c: Case): Unit | undefined {
  const dept = DEPARTMENT[c.mode];
  const deliverer: Record<Case['mode'], Unit> = {
    online: 'localWindow',
    proxyLocal: 'localWindow',
    proxyRemote: 'remoteWindow',
    window: 'window',
  };
  switch (c.state) {
    case 'submitted':
    case 'proxyReceived':
    case 'resultForwarded':
      return 'remoteWindow';
    case 'inTransit':
      return 'localWindow';
    case 'awaitingAcceptance':
      return c.mode === 'window' ? 'window' : dept;
    case 'supplementRequested':
      return 'applicant';
    case 'accepted':
    case 'specialProcedure':
      return c.mode === 'window' && c.kind === 'immediate' ? 'window' : dept;
    case 'approved':
    case 'denied':
      return deliverer[c.mode];
    case 'delivered':
    case 'archiving':
      return ARCHIVE_UNITS[c.mode].find((u) => !c.archivedBy.includes(u));
    default:
      return undefined;
  }
}

/** The store's projection of a case (store.ts CaseSummary). */
export function summarise(c: Case): CaseSummary {
  return {
    caseId: c.id,
    itemCode: c.itemCode,
    mode: c.mode,
    state: c.state,
    waitingOn: waitingOn(c),
    applicantId: c.applicant.idNumber,
    bundleId: c.bundleId,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    dueAt: c.dueAt,
    closedAt: c.closedAt,
    units: [...c.units],
    length: c.length,
  };
}

export interface TimelineEntry {
  at: string;
  /** Plain zh-CN: what happened, who did it, and the detail. */
  text: string;
  unit: Unit;
  actor: string;
  state: CaseState;
  stateName: string;
}

/** The case's progress in plain words for the kiosk (seed 002 8.5: progress query), oldest first. */
export function timeline(c: Case): TimelineEntry[] {
  return caseHistory(c).map((h) => {
    const label = EVENT_TYPES[h.type].label;
    const who = `${UNIT_NAMES[h.unit]}${h.unit === 'applicant' || h.unit === 'system' ? '' : `(${h.actor})`}`;
    return {
      at: h.at,
      text: `${who}${label}${h.detail ? `:${h.detail}` : ''}`,
      unit: h.unit,
      actor: h.actor,
      state: h.state,
      stateName: STATE_NAMES[h.state],
    };
  });
}

/** Notice types (DESIGN glossary `Notice`); H7 renders their content. */
export type NoticeType =
  | 'proxyReceipt'
  | 'proxyRefusal'
  | 'acceptance'
  | 'nonAcceptance'
  | 'supplement'
  | 'approval'
  | 'denial';

/** Which step issues which paper (seed 000 tables 1-3; seed 001 6.1.1, 6.1.3; seed 004 8.2.2, 8.5.5). */
export const NOTICES_FOR_EVENT: Partial<Record<CaseEventType, readonly NoticeType[]>> = {
  proxyReceive: ['proxyReceipt'], // 代收凭证, seed 000 table 2/3 row 1 a 1
  proxyRefuse: ['proxyRefusal'], // 不予代收凭证, row 1 a 2
  accept: ['acceptance'], // 受理通知书 / 受理单, seed 001 appendix B; seed 004 8.2.2
  // 容缺: acceptance plus the one-time list of owed materials, deadline and consequence (seed 002 9.3.6)
  acceptWithTolerance: ['acceptance', 'supplement'],
  refuse: ['nonAcceptance'], // 不予受理通知书, row 2 a 2
  requestSupplement: ['supplement'], // 补齐补正通知书, seed 001 appendix C
  approve: ['approval'], // 办结通知书, row 3 a 2
  deny: ['denial'], // 不予通过通知书, row 3 a 3; seed 004 8.5.5
};

export interface NoticeDue {
  type: NoticeType;
  eventId: string;
  eventType: CaseEventType;
  unit: Unit;
  at: string;
}

/** Every notice the case's steps so far call for, in order. */
export function noticesDue(c: Case): NoticeDue[] {
  return caseHistory(c).flatMap((h) =>
    (NOTICES_FOR_EVENT[h.type] ?? []).map((type) => ({
      type,
      eventId: h.id,
      eventType: h.type,
      unit: h.unit,
      at: h.at,
    })),
  );
}

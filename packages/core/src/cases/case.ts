import type { CaseKind, DeliveryMethod, Mode, SpecialProcedureKind } from '../catalogue/service-item.js';
import type { Unit } from './case-event.js';
import type { AppealRights, Applicant, CaseEventType, CaseMaterial } from './event-types.js';
import type { ELicenceFetch } from './material-presence.js';

/**
 * States of a case. Which states a mode passes through is in transitions.ts (one table per mode).
 * open:   submitted → (proxyReceived → inTransit) → awaitingAcceptance → accepted ⇄ supplementRequested /
 *         specialProcedure → approved | denied → resultForwarded → delivered → archiving
 * closed: proxyRefused, refused, withdrawn, terminated, archived
 */
export const CASE_STATES = [
  'submitted', // 已提交, waiting for proxy receipt at the remote window (proxy modes)
  'proxyReceived', // 已代收, waiting for transfer to the local window (proxyLocal)
  'inTransit', // 邮寄流转中 (proxyLocal, post)
  'awaitingAcceptance', // 待受理
  'supplementRequested', // 待补正 (clock stopped after acceptance)
  'accepted', // 已受理, under review
  'specialProcedure', // 特别程序中 (clock stopped)
  'approved', // 审批通过 (办结), result to deliver
  'denied', // 不予通过, decision to deliver
  'resultForwarded', // 结果已转异地窗口 (proxyLocal)
  'delivered', // 已送达, waiting for archiving
  'archiving', // some units archived
  'archived', // 已归档 (closed)
  'proxyRefused', // 不予代收 (closed)
  'refused', // 不予受理 (closed)
  'withdrawn', // 撤回 / 补正逾期视为撤回 (closed)
  'terminated', // 终止办理: supplement or tolerated materials overdue after acceptance (closed)
] as const;
export type CaseState = (typeof CASE_STATES)[number];

export const CLOSED_STATES: readonly CaseState[] = [
  'archived',
  'proxyRefused',
  'refused',
  'withdrawn',
  'terminated',
];

/** Structurally the calendar's ClockPause (CALENDAR_API.md): `to` undefined = still running. */
export interface CasePause {
  from: string;
  to?: string;
  reason: string;
}

/** Stage of a supplement request: one request per stage (一次性告知, seed 001 6.1.3). */
export type SupplementStage = 'intake' | 'review';

export interface SupplementRequest {
  stage: SupplementStage;
  items: { material: string; reason: string }[];
  requestedAt: string;
  dueAt: string;
  unit: Unit;
  confirmedBy?: string;
  answeredAt?: string;
  answered: string[];
}

export interface Tolerance {
  grantedAt: string;
  dueAt: string;
  /** Still missing (emptied as they arrive). */
  missing: string[];
  /** Each tolerated material as it arrived; `late` when after dueAt (the overdue rule still applies). */
  handedIn: { material: string; at: string; late: boolean }[];
}

export interface SpecialProcedureRun {
  kind: SpecialProcedureKind;
  from: string;
  to?: string;
  expectedDays?: number;
}

export interface Opinion {
  department: string;
  opinion: 'agree' | 'disagree';
  note: string;
  at: string;
}

export interface Decision {
  outcome: 'approved' | 'denied';
  at: string;
  unit: Unit;
  department?: string;
  result?: string;
  reasons?: string[];
  basis?: string;
  rights?: AppealRights;
}

export interface Transfer {
  method: 'push' | 'post';
  at: string;
  trackingNumber?: string;
  receivedAt?: string;
}

/** One entry of the log as kept in the case (for the timeline and idempotence). */
export interface HistoryEntry {
  id: string;
  type: CaseEventType;
  unit: Unit;
  actor: string;
  at: string;
  /** State after this event. */
  state: CaseState;
  /** A short zh-CN detail for the timeline (reasons, materials...). */
  detail: string;
}

/**
 * The event log shared by successive snapshots of one case: a snapshot of length n sees entries [0, n).
 * Appending to the newest snapshot is O(1); appending to an older one copies its prefix first (fork), so every
 * Case value behaves as immutable. Read it through caseHistory(case) / hasEvent(case, id).
 */
export class CaseLog {
  readonly entries: HistoryEntry[] = [];
  readonly positions = new Map<string, number>();
  toJSON(): unknown {
    return { length: this.entries.length };
  }
}

/** 办件: the fold of a case's events. */
export interface Case {
  /** = application number (申请编号). */
  id: string;
  itemCode: string;
  itemName: string;
  /** Catalogue version the case was opened under; its rules stay pinned (domain.md). */
  catalogueVersion: number;
  mode: Mode;
  kind: CaseKind;
  promisedDays: number;
  transferDays?: number;
  /** 联办件: lead first. */
  jointUnits: string[];
  applicant: Applicant;
  /** 一件事 application number (kind B) linking the cases of one bundle application (seed 003 四). */
  bundleId?: string;
  /** Which 一件事 of the catalogue (ServiceItem.bundles entry). */
  bundleName?: string;

  state: CaseState;
  /** State before a pause state (supplementRequested, specialProcedure), to return to. */
  resumeState?: CaseState;

  materials: {
    required: CaseMaterial[];
    /** Names handed in by the applicant (paper or scan). */
    submitted: string[];
    /** Electronic licences the hall fetched in place of materials (seed 003 九): which licence, when. */
    eLicences: ELicenceFetch[];
    /** Required materials not present (material-presence.ts: neither handed in nor fetched as an e-licence). */
    missing: string[];
  };
  supplementRequests: SupplementRequest[];
  tolerance?: Tolerance;
  /** Clock pauses after acceptance: supplement waits and special procedures (seed 004 8.2.6). */
  pauses: CasePause[];
  specialProcedures: SpecialProcedureRun[];
  /** Special procedures written on the acceptance slip (seed 004 8.2.6). */
  announcedProcedures: { kind: SpecialProcedureKind; days?: number }[];
  opinions: Opinion[];

  deliveryMethod?: DeliveryMethod;
  deliverAt?: 'remoteWindow' | 'localWindow';
  transfer?: Transfer;
  /** Deadline for moving proxy-received materials to the local window (seed 000 table 2 row 1 c). */
  transferDueAt?: string;
  /** The transfer deadline counted on a provisional (预计) year of the work calendar. */
  transferDueProvisional?: boolean;
  refusal?: {
    unit: Unit;
    at: string;
    reasons: string[];
    basis?: string;
    proxy: boolean;
    /** Proxy modes: who has been told, in order (remoteWindow by the department, then applicant by the window). */
    fedBackTo?: { to: 'remoteWindow' | 'applicant'; unit: Unit; at: string }[];
  };

  createdAt: string;
  updatedAt: string;
  acceptedAt?: string;
  /** Promised due date (UTC ISO-8601) on the work calendar, pauses subtracted; undefined while paused. */
  dueAt?: string;
  /**
   * The due date counted on a provisional (预计) year, estimated from the statutory rules before that year's State
   * Council notice: shown as 预计 and recomputed when the notice is imported (recomputeDeadline).
   */
  dueProvisional?: boolean;
  decidedAt?: string;
  decision?: Decision;
  deliveredAt?: string;
  deliveredBy?: Unit;
  closedAt?: string;

  deliveryFeedbackTo: Unit[];
  materialsMovedBy: Unit[];
  archivedBy: Unit[];
  /** Units that have acted on the case, in order of first action. */
  units: Unit[];
  /** Number of (distinct) events folded. */
  length: number;
  log: CaseLog;
}

export function isClosed(c: Pick<Case, 'state'>): boolean {
  return CLOSED_STATES.includes(c.state);
}

/** The entries this snapshot sees, oldest first. */
export function caseHistory(c: Case): readonly HistoryEntry[] {
  return c.log.entries.length === c.length ? c.log.entries : c.log.entries.slice(0, c.length);
}

/** Whether this snapshot already holds the event with this id (idempotent append). */
export function hasEvent(c: Case, eventId: string): boolean {
  const pos = c.log.positions.get(eventId);
  return pos !== undefined && pos < c.length;
}

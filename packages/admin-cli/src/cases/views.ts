import type { WorkCalendar } from '@tongban/core/calendar';
import {
  type Case,
  type CaseEventType,
  type CaseState,
  caseHistory,
  decidedOnTime,
  EVENT_TYPES,
  isClosed,
  isOverdue,
  NOTICES_FOR_EVENT,
  noticesDue,
  STATE_NAMES,
  TRANSITIONS,
  timeline,
  UNIT_NAMES,
  type Unit,
  waitingOn,
} from '@tongban/core/cases';
import { maskIdNumber } from '@tongban/core/identity';
import { messageTemplate } from '@tongban/core/messages';
import type { NoticeType } from '@tongban/core/notices';
import { maskPhone } from '@tongban/core/receipts';
import { localDate } from './time.js';

/**
 * The documented `--json` shapes of `tongban cases` (docs/cases.md), built from core's fold and views. Absent
 * values are `null`, never missing keys, so that scripts see one stable shape; zod schemas in ./schemas.ts.
 */

export interface NextStep {
  event: string;
  label: string;
  units: Unit[];
}

export interface NoticeRef {
  type: NoticeType;
  /** zh-CN title of the notice (core message catalogue). */
  name: string;
}

export interface StepResult {
  caseId: string;
  event: {
    id: string;
    type: string;
    label: string;
    unit: Unit;
    unitName: string;
    actor: string;
    at: string;
  };
  /** State before the step ('new' for a submit). */
  from: string;
  state: CaseState;
  stateName: string;
  waitingOn: Unit | null;
  /** Promised due date (UTC) once accepted, null before or while the clock is stopped. */
  dueAt: string | null;
  dueDate: string | null;
  /** The due date was counted on a provisional (预计) year: it may move when that year's notice is imported. */
  dueProvisional: boolean;
  /** Notices this step calls for (seed 000 tables 1-3). */
  notices: NoticeRef[];
  nextSteps: NextStep[];
  /** Number of events of the case: pass it back as --if-length for an optimistic-concurrency check. */
  length: number;
  /** The same event id was already stored: nothing was appended. */
  duplicate: boolean;
}

export const unitName = (u: Unit | undefined | null): string | null => (u ? UNIT_NAMES[u] : null);

export function noticeRef(type: NoticeType): NoticeRef {
  return { type, name: messageTemplate(`noticeType.${type}`) };
}

/** Which steps may follow now, with the units that may take them (transition table of the case's mode). */
export function nextSteps(c: Case): NextStep[] {
  if (isClosed(c)) return [];
  const byEvent = new Map<string, Set<Unit>>();
  for (const r of TRANSITIONS[c.mode]) {
    if (r.event === 'note' || r.event === 'recomputeDeadline') continue;
    if (r.from !== c.state && r.from !== '*') continue;
    const units = byEvent.get(r.event) ?? new Set<Unit>();
    for (const u of r.units) units.add(u);
    byEvent.set(r.event, units);
  }
  return [...byEvent].map(([event, units]) => ({
    event,
    label: EVENT_TYPES[event as CaseEventType].label,
    units: [...units],
  }));
}

export function stepResult(c: Case, eventId: string, duplicate: boolean): StepResult {
  const history = caseHistory(c);
  const index = history.findIndex((h) => h.id === eventId);
  const entry = history[index] ?? (history.at(-1) as (typeof history)[number]);
  const from = index > 0 ? (history[index - 1]?.state ?? 'new') : 'new';
  return {
    caseId: c.id,
    event: {
      id: entry.id,
      type: entry.type,
      label: EVENT_TYPES[entry.type].label,
      unit: entry.unit,
      unitName: UNIT_NAMES[entry.unit],
      actor: entry.actor,
      at: entry.at,
    },
    from,
    state: c.state,
    stateName: STATE_NAMES[c.state],
    waitingOn: waitingOn(c) ?? null,
    dueAt: c.dueAt ?? null,
    dueDate: c.dueAt ? localDate(c.dueAt) : null,
    dueProvisional: c.dueProvisional === true,
    notices: (NOTICES_FOR_EVENT[entry.type] ?? []).map(noticeRef),
    nextSteps: nextSteps(c),
    length: c.length,
    duplicate,
  };
}

export interface TimelineRow {
  at: string;
  event: string;
  label: string;
  unit: Unit;
  unitName: string;
  actor: string;
  state: CaseState;
  stateName: string;
  /** Plain zh-CN: who did what, with the detail (core `timeline`). */
  text: string;
}

export interface PauseRow {
  from: string;
  to: string | null;
  reason: string;
  /** Working days the pause covers (up to now while it runs); they do not count against the time limit. */
  workingDays: number;
}

export interface ShowResult {
  caseId: string;
  itemCode: string;
  itemName: string;
  catalogueVersion: number;
  mode: string;
  kind: string;
  bundleId: string | null;
  state: CaseState;
  stateName: string;
  closed: boolean;
  waitingOn: Unit | null;
  waitingOnName: string | null;
  applicant: { name: string; idNumber: string; phone: string };
  materials: {
    required: { name: string; kind: string; tolerable: boolean }[];
    submitted: string[];
    eLicences: { material: string; licence: string; fetchedAt: string }[];
    missing: string[];
  };
  deliveryMethod: string | null;
  deliverAt: string | null;
  deadlines: {
    acceptedAt: string | null;
    promisedDays: number;
    dueAt: string | null;
    dueDate: string | null;
    /** The due date was counted on a provisional (预计) year (statutory rules, no notice yet). */
    dueProvisional: boolean;
    overdue: boolean;
    workingDaysOver: number | null;
    clockStopped: boolean;
    pauses: PauseRow[];
    pausedWorkingDays: number;
    supplements: {
      stage: string;
      unit: Unit;
      requestedAt: string;
      dueAt: string;
      items: { material: string; reason: string }[];
      answeredAt: string | null;
      answered: string[];
    }[];
    tolerance: {
      grantedAt: string;
      dueAt: string;
      missing: string[];
      handedIn: { material: string; at: string; late: boolean }[];
    } | null;
    transferDueAt: string | null;
    transferDueProvisional: boolean;
    decidedAt: string | null;
    decidedOnTime: boolean | null;
  };
  decision: {
    outcome: string;
    at: string;
    unit: Unit;
    department: string | null;
    result: string | null;
    reasons: string[];
    basis: string | null;
    rights: {
      review: { body: string; withinDays: number };
      litigation: { court: string; withinMonths: number };
    } | null;
  } | null;
  refusal: { unit: Unit; at: string; reasons: string[]; basis: string | null; proxy: boolean } | null;
  deliveredAt: string | null;
  deliveredBy: Unit | null;
  archivedBy: Unit[];
  timeline: TimelineRow[];
  /** Notices the steps so far called for, in order (issued at the step that calls for them). */
  notices: (NoticeRef & { eventId: string; eventType: string; unit: Unit; at: string })[];
  nextSteps: NextStep[];
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  length: number;
}

/**
 * Working days a pause covers: a pause covering any part of a working day keeps that day from counting
 * (CALENDAR_API.md addWorkingDays), so the first day counts too when it is a working day.
 */
function pausedDays(calendar: WorkCalendar, from: string, to: string): number {
  return calendar.workingDaysBetween(from, to) + (calendar.isWorkingDay(localDate(from)) ? 1 : 0);
}

export function showResult(c: Case, calendar: WorkCalendar, now: string): ShowResult {
  const history = caseHistory(c);
  const words = timeline(c);
  const pauses: PauseRow[] = c.pauses.map((p) => ({
    from: p.from,
    to: p.to ?? null,
    reason: p.reason,
    workingDays: pausedDays(calendar, p.from, p.to ?? now),
  }));
  const overdue = isOverdue(c, now);
  return {
    caseId: c.id,
    itemCode: c.itemCode,
    itemName: c.itemName,
    catalogueVersion: c.catalogueVersion,
    mode: c.mode,
    kind: c.kind,
    bundleId: c.bundleId ?? null,
    state: c.state,
    stateName: STATE_NAMES[c.state],
    closed: isClosed(c),
    waitingOn: waitingOn(c) ?? null,
    waitingOnName: unitName(waitingOn(c)),
    applicant: {
      name: c.applicant.name,
      idNumber: maskIdNumber(c.applicant.idNumber),
      phone: c.applicant.phone ? maskPhone(c.applicant.phone) : '',
    },
    materials: {
      required: c.materials.required.map((m) => ({ name: m.name, kind: m.kind, tolerable: m.tolerable })),
      submitted: [...c.materials.submitted],
      eLicences: c.materials.eLicences.map((f) => ({ ...f })),
      missing: [...c.materials.missing],
    },
    deliveryMethod: c.deliveryMethod ?? null,
    deliverAt: c.deliverAt ?? null,
    deadlines: {
      acceptedAt: c.acceptedAt ?? null,
      promisedDays: c.promisedDays,
      dueAt: c.dueAt ?? null,
      dueDate: c.dueAt ? localDate(c.dueAt) : null,
      dueProvisional: c.dueProvisional === true,
      overdue,
      workingDaysOver: overdue && c.dueAt ? calendar.workingDaysBetween(c.dueAt, now) : null,
      clockStopped: c.pauses.some((p) => p.to === undefined),
      pauses,
      pausedWorkingDays: pauses.reduce((n, p) => n + p.workingDays, 0),
      supplements: c.supplementRequests.map((r) => ({
        stage: r.stage,
        unit: r.unit,
        requestedAt: r.requestedAt,
        dueAt: r.dueAt,
        items: r.items.map((i) => ({ material: i.material, reason: i.reason })),
        answeredAt: r.answeredAt ?? null,
        answered: [...r.answered],
      })),
      tolerance: c.tolerance
        ? {
            grantedAt: c.tolerance.grantedAt,
            dueAt: c.tolerance.dueAt,
            missing: [...c.tolerance.missing],
            handedIn: c.tolerance.handedIn.map((h) => ({ ...h })),
          }
        : null,
      transferDueAt: c.transferDueAt ?? null,
      transferDueProvisional: c.transferDueProvisional === true,
      decidedAt: c.decidedAt ?? null,
      decidedOnTime: decidedOnTime(c) ?? null,
    },
    decision: c.decision
      ? {
          outcome: c.decision.outcome,
          at: c.decision.at,
          unit: c.decision.unit,
          department: c.decision.department ?? null,
          result: c.decision.result ?? null,
          reasons: c.decision.reasons ?? [],
          basis: c.decision.basis ?? null,
          rights: c.decision.rights ?? null,
        }
      : null,
    refusal: c.refusal
      ? {
          unit: c.refusal.unit,
          at: c.refusal.at,
          reasons: c.refusal.reasons,
          basis: c.refusal.basis ?? null,
          proxy: c.refusal.proxy,
        }
      : null,
    deliveredAt: c.deliveredAt ?? null,
    deliveredBy: c.deliveredBy ?? null,
    archivedBy: [...c.archivedBy],
    timeline: history.map((h, i) => ({
      at: h.at,
      event: h.type,
      label: EVENT_TYPES[h.type].label,
      unit: h.unit,
      unitName: UNIT_NAMES[h.unit],
      actor: h.actor,
      state: h.state,
      stateName: STATE_NAMES[h.state],
      text: words[i]?.text ?? '',
    })),
    notices: noticesDue(c).map((n) => ({
      ...noticeRef(n.type),
      eventId: n.eventId,
      eventType: n.eventType,
      unit: n.unit,
      at: n.at,
    })),
    nextSteps: nextSteps(c),
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    closedAt: c.closedAt ?? null,
    length: c.length,
  };
}

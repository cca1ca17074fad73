import { type Case, CaseLog, type CasePause, type CaseState, type HistoryEntry } from './case.js';
import type { CaseEvent, Unit } from './case-event.js';
import type { CaseEventType, PayloadOf } from './event-types.js';
import { missingMaterials } from './material-presence.js';
import { ARCHIVE_UNITS, FILED_CLOSED_STATES, type Target } from './transitions.js';

/** What the case engine needs of the WorkCalendar (CALENDAR_API.md); WorkCalendar satisfies it. */
export interface DeadlineCalendar {
  addWorkingDays(start: Date | string, days: number, pauses?: CasePause[]): Date;
  /** The provisional (预计) years from `from` to `to`; a calendar without the method has none. */
  provisionalYearsBetween?(from: Date | string, to: Date | string): number[];
}

/** Whether a deadline counted from `from` to `to` rests on a provisional year of the calendar. */
export function isProvisionalSpan(calendar: DeadlineCalendar, from: string, to: string): boolean {
  return (calendar.provisionalYearsBetween?.(from, to).length ?? 0) > 0;
}

const SUPPLEMENT_PAUSE = '补正';
const specialPause = (kind: string) => `特别程序:${kind}`;

/** Closes the running pause, if any, at `at`. */
function closePause(pauses: CasePause[], at: string): CasePause[] {
  const last = pauses.at(-1);
  if (!last || last.to !== undefined) return pauses;
  return [...pauses.slice(0, -1), { ...last, to: at }];
}

/** Promised due date: acceptance + promisedDays working days, pauses subtracted; undefined while paused. */
export function computeDueAt(c: Case, calendar: DeadlineCalendar | undefined): string | undefined {
  if (!calendar || c.acceptedAt === undefined) return undefined;
  if (c.pauses.some((p) => p.to === undefined)) return undefined;
  return calendar.addWorkingDays(c.acceptedAt, c.promisedDays, c.pauses).toISOString();
}

/** Appends a history entry, sharing the log with older snapshots (see CaseLog). */
function appendLog(c: Case | undefined, entry: HistoryEntry): CaseLog {
  let log = c?.log ?? new CaseLog();
  const length = c?.length ?? 0;
  if (log.entries.length !== length) {
    // An older snapshot is being extended: fork its prefix so the newer snapshot stays as it was.
    const fork = new CaseLog();
    for (let i = 0; i < length; i++) {
      const e = log.entries[i] as HistoryEntry;
      fork.entries.push(e);
      fork.positions.set(e.id, i);
    }
    log = fork;
  }
  log.positions.set(entry.id, log.entries.length);
  log.entries.push(entry);
  return log;
}

const list = (xs: readonly string[]) => xs.join('、');
const DEADLINE_NAMES = { dueAt: '办结期限', transferDueAt: '流转期限' } as const;
const dateOf = (iso: string | null) =>
  iso ? new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10) : '无';

/** '按2027年节假日安排重算：办结期限 2027-01-28(预计) → 2027-01-29' (the notice itself is in the payload) */
function recomputeDetail(p: PayloadOf<'recomputeDeadline'>): string {
  const changes = p.changes.map(
    (c) =>
      `${DEADLINE_NAMES[c.deadline]} ${dateOf(c.from)}${c.fromProvisional ? '(预计)' : ''} → ${dateOf(c.to)}${c.toProvisional ? '(预计)' : ''}${c.from === c.to ? '(未变)' : ''}`,
  );
  return `按${p.year}年节假日安排重算：${changes.join('；')}`;
}

/** A short zh-CN detail of an event for the timeline. */
function detailOf(type: CaseEventType, p: Record<string, unknown>): string {
  const r = p as {
    reasons: string[];
    items: { material: string }[];
    missing: string[];
    materials: string[];
    dueAt: string;
    method: string;
    trackingNumber?: string;
    kind: string;
    department: string;
    opinion: string;
    note?: string;
  };
  switch (type) {
    case 'proxyRefuse':
    case 'refuse':
    case 'deny':
      return `原因:${list(r.reasons)}`;
    case 'requestSupplement':
      return `需补正:${list(r.items.map((i) => i.material))};期限 ${r.dueAt}`;
    case 'acceptWithTolerance':
      return `容缺材料:${list(r.missing)};期限 ${r.dueAt}`;
    case 'supplement':
      return `已补交:${list(r.materials)}`;
    case 'transfer':
      return r.method === 'post' ? `邮寄流转,单号 ${r.trackingNumber}` : '系统推送流转';
    case 'deliver':
      return `方式:${r.method}`;
    case 'startSpecialProcedure':
      return `程序:${r.kind}`;
    case 'giveOpinion':
      return `${r.department}:${r.opinion === 'agree' ? '同意' : '不同意'}`;
    case 'refusalFeedback':
      return `不予受理已反馈至${(p as { to: string }).to === 'applicant' ? '申请人' : '异地综合窗口'}`;
    case 'note':
    case 'guidance':
      return String(r.note ?? '');
    case 'recomputeDeadline':
      return recomputeDetail(p as PayloadOf<'recomputeDeadline'>);
    default:
      return '';
  }
}

/**
 * Applies one already-checked event. Returns a new Case value; the old one is not changed (the history log is
 * shared, see CaseLog). Pure given the calendar.
 */
export function reduce(
  c: Case | undefined,
  e: CaseEvent,
  payload: unknown,
  target: Target,
  calendar: DeadlineCalendar | undefined,
): Case {
  const type = e.type as CaseEventType;
  const p = payload as PayloadOf<CaseEventType>;
  let n: Case;
  if (c === undefined) {
    const s = p as PayloadOf<'submit'>;
    const submitted = [...new Set(s.submitted)];
    n = {
      id: e.caseId,
      itemCode: s.itemCode,
      itemName: s.itemName,
      catalogueVersion: s.catalogueVersion,
      mode: s.mode,
      kind: s.kind,
      promisedDays: s.promisedDays,
      transferDays: s.transferDays,
      jointUnits: s.jointUnits,
      applicant: s.applicant,
      bundleId: s.bundleId,
      bundleName: s.bundleName,
      state: target as CaseState,
      materials: {
        required: s.required,
        submitted,
        eLicences: s.eLicences,
        missing: missingMaterials(s.required, submitted, s.eLicences),
      },
      supplementRequests: [],
      pauses: [],
      specialProcedures: [],
      announcedProcedures: [],
      opinions: [],
      deliveryMethod: s.deliveryMethod,
      createdAt: e.at,
      updatedAt: e.at,
      deliveryFeedbackTo: [],
      materialsMovedBy: [],
      archivedBy: [],
      units: [],
      length: 0,
      log: new CaseLog(),
    };
  } else {
    n = { ...c, updatedAt: e.at };
    if (target !== 'same' && target !== 'resume' && target !== 'byPayload') n.state = target;
  }
  let clockChanged = false;
  const handIn = (names: readonly string[]) => {
    const submitted = [...new Set([...n.materials.submitted, ...names])];
    n.materials = {
      ...n.materials,
      submitted,
      missing: n.materials.missing.filter((m) => !names.includes(m)),
    };
  };

  switch (type) {
    case 'proxyReceive': {
      const q = p as PayloadOf<'proxyReceive'>;
      n.deliveryMethod = q.deliveryMethod;
      n.deliverAt = q.deliverAt;
      if (calendar && n.mode === 'proxyLocal' && n.transferDays !== undefined) {
        n.transferDueAt = calendar.addWorkingDays(e.at, n.transferDays).toISOString();
        n.transferDueProvisional = isProvisionalSpan(calendar, e.at, n.transferDueAt) || undefined;
      }
      break;
    }
    case 'proxyRefuse':
    case 'refuse': {
      const q = p as PayloadOf<'refuse'>;
      n.refusal = {
        unit: e.unit,
        at: e.at,
        reasons: q.reasons,
        basis: q.basis,
        proxy: type === 'proxyRefuse',
      };
      break;
    }
    case 'refusalFeedback': {
      const q = p as PayloadOf<'refusalFeedback'>;
      const r = n.refusal as NonNullable<Case['refusal']>;
      n.refusal = { ...r, fedBackTo: [...(r.fedBackTo ?? []), { to: q.to, unit: e.unit, at: e.at }] };
      break;
    }
    case 'transfer': {
      const q = p as PayloadOf<'transfer'>;
      n.transfer = { method: q.method, at: e.at, trackingNumber: q.trackingNumber };
      if (q.method === 'push') n.transfer.receivedAt = e.at;
      n.state = q.method === 'push' ? 'awaitingAcceptance' : 'inTransit';
      break;
    }
    case 'receiveTransfer':
      n.transfer = { ...(n.transfer as NonNullable<Case['transfer']>), receivedAt: e.at };
      break;
    case 'accept':
    case 'acceptWithTolerance': {
      const q = p as PayloadOf<'acceptWithTolerance'>;
      n.acceptedAt = e.at;
      n.announcedProcedures = q.specialProcedures;
      if (type === 'acceptWithTolerance')
        n.tolerance = { grantedAt: e.at, dueAt: q.dueAt, missing: q.missing, handedIn: [] };
      clockChanged = true;
      break;
    }
    case 'requestSupplement': {
      const q = p as PayloadOf<'requestSupplement'>;
      const stage = c?.state === 'accepted' ? 'review' : 'intake';
      n.resumeState = c?.state;
      n.supplementRequests = [
        ...n.supplementRequests,
        {
          stage,
          items: q.items,
          requestedAt: e.at,
          dueAt: q.dueAt,
          unit: e.unit,
          confirmedBy: q.confirmedBy,
          answered: [],
        },
      ];
      // The supplement wait stops the clock once it runs (seed 000 table 1 row 3 a 1; seed 004 8.2.6 by analogy).
      if (stage === 'review') {
        n.pauses = [...n.pauses, { from: e.at, reason: SUPPLEMENT_PAUSE }];
        clockChanged = true;
      }
      break;
    }
    case 'supplement': {
      const q = p as PayloadOf<'supplement'>;
      handIn(q.materials);
      if (c?.state === 'supplementRequested') {
        n.supplementRequests = n.supplementRequests.map((r) =>
          r.answeredAt === undefined ? { ...r, answeredAt: e.at, answered: q.materials } : r,
        );
        n.state = n.resumeState ?? 'awaitingAcceptance';
        n.resumeState = undefined;
        n.pauses = closePause(n.pauses, e.at);
        clockChanged = true;
      } else if (n.tolerance) {
        const late = e.at > n.tolerance.dueAt;
        n.tolerance = {
          ...n.tolerance,
          missing: n.tolerance.missing.filter((m) => !q.materials.includes(m)),
          handedIn: [
            ...n.tolerance.handedIn,
            ...q.materials.map((material) => ({ material, at: e.at, late })),
          ],
        };
      }
      break;
    }
    case 'supplementExpired': {
      // 补正逾期: before acceptance the application is treated as withdrawn (视为撤回); after acceptance the case
      // is terminated (终止办理). Seeds give the deadline (seed 000 table 1 row 3 a 1), not the consequence.
      n.state = n.resumeState === 'accepted' ? 'terminated' : 'withdrawn';
      n.resumeState = undefined;
      break;
    }
    case 'startSpecialProcedure': {
      const q = p as PayloadOf<'startSpecialProcedure'>;
      n.specialProcedures = [
        ...n.specialProcedures,
        { kind: q.kind, from: e.at, expectedDays: q.expectedDays },
      ];
      n.pauses = [...n.pauses, { from: e.at, reason: specialPause(q.kind) }];
      clockChanged = true;
      break;
    }
    case 'endSpecialProcedure': {
      n.specialProcedures = n.specialProcedures.map((s, i, all) =>
        i === all.length - 1 ? { ...s, to: e.at } : s,
      );
      n.pauses = closePause(n.pauses, e.at);
      clockChanged = true;
      break;
    }
    case 'giveOpinion': {
      const q = p as PayloadOf<'giveOpinion'>;
      n.opinions = [...n.opinions, { department: q.department, opinion: q.opinion, note: q.note, at: e.at }];
      break;
    }
    case 'approve':
    case 'deny': {
      const q = p as PayloadOf<'deny'> & PayloadOf<'approve'>;
      n.decidedAt = e.at;
      n.decision =
        type === 'approve'
          ? { outcome: 'approved', at: e.at, unit: e.unit, department: q.department, result: q.result }
          : {
              outcome: 'denied',
              at: e.at,
              unit: e.unit,
              department: q.department,
              reasons: q.reasons,
              basis: q.basis,
              rights: q.rights,
            };
      break;
    }
    case 'recomputeDeadline':
      // The official year replaced a provisional one: the deadlines are counted again on the calendar in use (the
      // payload keeps the old and new dates for the log); nothing else changes.
      clockChanged = true;
      break;
    case 'deliver':
      n.deliveredAt = e.at;
      n.deliveredBy = e.unit;
      break;
    case 'deliveryFeedback':
      n.deliveryFeedbackTo = [...n.deliveryFeedbackTo, (p as PayloadOf<'deliveryFeedback'>).to];
      break;
    case 'moveMaterials':
      n.materialsMovedBy = [...n.materialsMovedBy, e.unit];
      break;
    case 'archive': {
      n.archivedBy = [...n.archivedBy, e.unit];
      // a case closed without approval is filed and keeps its state (seed 002 6.7 a)
      if ((FILED_CLOSED_STATES as readonly string[]).includes(n.state)) break;
      const all = ARCHIVE_UNITS[n.mode].every((u) => n.archivedBy.includes(u));
      n.state = all ? 'archived' : 'archiving';
      break;
    }
    default:
      break;
  }

  // Any closing step stops a running pause and fixes the closing instant.
  if (['withdrawn', 'terminated', 'refused', 'proxyRefused', 'archived'].includes(n.state)) {
    if (n.pauses.at(-1)?.to === undefined && n.pauses.length > 0) {
      n.pauses = closePause(n.pauses, e.at);
      clockChanged = true;
    }
    n.closedAt ??= e.at;
  }
  if (clockChanged) {
    n.dueAt = computeDueAt(n, calendar);
    n.dueProvisional =
      calendar && n.dueAt && n.acceptedAt
        ? isProvisionalSpan(calendar, n.acceptedAt, n.dueAt) || undefined
        : undefined;
  }
  if (!n.units.includes(e.unit)) n.units = [...n.units, e.unit as Unit];

  const entry: HistoryEntry = {
    id: e.id,
    type,
    unit: e.unit,
    actor: e.actor,
    at: e.at,
    state: n.state,
    detail: detailOf(type, payload as Record<string, unknown>),
  };
  n.log = appendLog(c, entry);
  n.length = (c?.length ?? 0) + 1;
  return n;
}

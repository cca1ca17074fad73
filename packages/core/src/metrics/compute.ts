import { WorkCalendar } from '../calendar/index.js';
import type { Case } from '../cases/case.js';
import type { CaseEvent, Unit } from '../cases/case-event.js';
import { foldCase } from '../cases/engine.js';
import type { DeadlineCalendar } from '../cases/reducer.js';
import { decidedOnTime } from '../cases/views.js';
import type { ServiceItem } from '../catalogue/service-item.js';
import { type Complaint, repliedWithinLimit } from '../complaints/complaint.js';
import { TongbanError } from '../errors/tongban-error.js';
import { isSatisfied, type Rating } from '../ratings/rating.js';
import { METRICS, type MetricDefinition, type MetricId } from './definitions.js';

/** Local days in Asia/Shanghai, both included. */
export interface MetricsPeriod {
  from: string;
  to: string;
}

/** Narrow the report to one unit (单位), one window (counter id) or one item. */
export interface MetricsFilter {
  /** Cases on which this unit performed any step. */
  unit?: Unit;
  /** Cases with a step by this actor or carrying payload.windowId = this id (a counter of the hall). */
  window?: string;
  itemCode?: string;
}

export interface MetricsInput {
  /** The events of each case, in log order. */
  cases: readonly { caseId?: string; events: readonly CaseEvent[] }[];
  complaints: readonly Complaint[];
  ratings: readonly Rating[];
  calendar: DeadlineCalendar;
  period: MetricsPeriod;
  filter?: MetricsFilter;
  /** Catalogue items, used when a case lacks a pinned transferDays. */
  items?: readonly Pick<ServiceItem, 'itemCode' | 'transferDays'>[];
}

export interface MetricValue extends MetricDefinition {
  numeratorCount: number;
  denominatorCount: number;
  /** numerator / denominator; null when nothing was counted. */
  value: number | null;
  /** Ids (case, complaint or case of a rating) counted below the line but not above it, sorted, for follow-up. */
  misses: string[];
}

export interface MetricsReport {
  period: MetricsPeriod;
  filter: MetricsFilter;
  metrics: MetricValue[];
  /** Cases whose events could not be folded (they are left out and named here). */
  skipped: { caseId: string; reason: string }[];
}

const WINDOW_UNITS = new Set<Unit>(['window', 'remoteWindow', 'localWindow']);
const ON_SITE_WHEN_AT_WINDOW = new Set(['submit', 'proxyReceive', 'supplement']);
const DAY = /^\d{4}-\d{2}-\d{2}$/;

const localDay = (t: string | Date) => WorkCalendar.localDate(t);

function checkPeriod(p: MetricsPeriod): void {
  if (!DAY.test(p.from) || !DAY.test(p.to) || p.from > p.to) {
    throw new TongbanError('METRICS_BAD_PERIOD', `period ${p.from}..${p.to} is not a range of days`, {
      where: { field: 'period' },
      hint: "give from and to as 'YYYY-MM-DD' local days, from <= to (both included)",
    });
  }
}

/** Visits (跑动): distinct local days with an on-site step by the applicant (seed 004 11.3.4 f). */
export function countVisits(events: readonly CaseEvent[]): number {
  const days = new Set<string>();
  for (const e of events) {
    const atWindow = ON_SITE_WHEN_AT_WINDOW.has(e.type) && WINDOW_UNITS.has(e.unit);
    const pickup = e.type === 'deliver' && (e.payload as { method?: string }).method === 'pickup';
    if (atWindow || pickup) days.add(localDay(e.at));
  }
  return days.size;
}

/** When the application reached the unit that accepts it (for 当场受理). */
function intakeAt(c: Case, events: readonly CaseEvent[]): string {
  if (c.mode === 'proxyLocal' && c.transfer) return c.transfer.receivedAt ?? c.transfer.at;
  if (c.mode === 'proxyRemote') return events.find((e) => e.type === 'proxyReceive')?.at ?? c.createdAt;
  return c.createdAt;
}

function inScope(events: readonly CaseEvent[], c: Case, f: MetricsFilter): boolean {
  if (f.itemCode !== undefined && c.itemCode !== f.itemCode) return false;
  if (f.unit !== undefined && !events.some((e) => e.unit === f.unit)) return false;
  if (
    f.window !== undefined &&
    !events.some((e) => e.actor === f.window || (e.payload as { windowId?: unknown }).windowId === f.window)
  ) {
    return false;
  }
  return true;
}

class Tally {
  num = 0;
  den = 0;
  misses: string[] = [];
  add(id: string, hit: boolean): void {
    this.den += 1;
    if (hit) this.num += 1;
    else this.misses.push(id);
  }
}

/**
 * The metrics report for a period (seed 000 7.1; seed 002 12.3.4; seed 004 11.3.4): a pure function of the case
 * events, complaints, ratings and the work calendar. Each metric's formula is in METRICS (definitions.ts).
 */
export function computeMetrics(input: MetricsInput): MetricsReport {
  checkPeriod(input.period);
  const { from, to } = input.period;
  const filter = input.filter ?? {};
  const filtered = filter.unit !== undefined || filter.window !== undefined || filter.itemCode !== undefined;
  const within = (t: string | undefined) => t !== undefined && localDay(t) >= from && localDay(t) <= to;
  const transferDaysOf = new Map((input.items ?? []).map((i) => [i.itemCode, i.transferDays]));

  const t = Object.fromEntries(METRICS.map((m) => [m.id, new Tally()])) as Record<MetricId, Tally>;
  const skipped: MetricsReport['skipped'] = [];
  const scoped = new Set<string>();

  for (const { caseId, events } of input.cases) {
    let c: Case;
    try {
      c = foldCase(events, { calendar: input.calendar });
    } catch (err) {
      skipped.push({ caseId: caseId ?? events[0]?.caseId ?? '?', reason: (err as Error).message });
      continue;
    }
    if (!inScope(events, c, filter)) continue;
    scoped.add(c.id);

    if (within(c.decidedAt) && c.acceptedAt !== undefined) {
      t.onTimeCompletion.add(c.id, decidedOnTime(c) === true);
      t.onlineCompletion.add(c.id, c.mode === 'online');
      t.immediateShare.add(c.id, c.kind === 'immediate');
    }
    if (within(c.acceptedAt)) {
      t.sameDayAcceptance.add(c.id, localDay(c.acceptedAt as string) === localDay(intakeAt(c, events)));
    }
    if (within(c.deliveredAt)) t.oneVisitShare.add(c.id, countVisits(events) <= 1);
    if (c.mode === 'proxyLocal' && c.transfer && within(c.transfer.at)) {
      const received = events.find((e) => e.type === 'proxyReceive')?.at;
      const days = c.transferDays ?? transferDaysOf.get(c.itemCode);
      if (received !== undefined && days !== undefined) {
        const limit = input.calendar.addWorkingDays(received, days).getTime();
        t.transferTimeliness.add(c.id, Date.parse(c.transfer.at) <= limit);
      }
    }
    if (within(c.createdAt)) {
      // counted by the presence rule: a material the hall fetched as an e-licence (material-presence.ts)
      for (const m of c.materials.required)
        t.eLicenceReplacement.add(
          c.id,
          c.materials.eLicences.some((f) => f.material === m.name),
        );
    }
  }

  for (const k of input.complaints) {
    if (filtered && !(k.caseId !== undefined && scoped.has(k.caseId)) && k.targetUnit !== filter.window)
      continue;
    if (within(k.dueAt)) t.complaintReplyInTime.add(k.id, repliedWithinLimit(k));
  }
  for (const r of input.ratings) {
    if (filtered && !scoped.has(r.caseId)) continue;
    if (within(r.ratedAt)) t.satisfaction.add(r.caseId, isSatisfied(r.level));
  }

  return {
    period: { from, to },
    filter,
    metrics: METRICS.map((m) => {
      const x = t[m.id];
      return {
        ...m,
        numeratorCount: x.num,
        denominatorCount: x.den,
        value: x.den === 0 ? null : x.num / x.den,
        misses: [...new Set(x.misses)].sort(),
      };
    }),
    skipped,
  };
}

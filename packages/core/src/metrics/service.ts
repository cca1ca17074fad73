import { addDays, localInstant } from '../appointments/local-time.js';
import type { DeadlineCalendar } from '../cases/reducer.js';
import { Complaint } from '../complaints/complaint.js';
import { Rating } from '../ratings/rating.js';
import type { Store } from '../store/store.js';
import { computeMetrics, type MetricsFilter, type MetricsPeriod, type MetricsReport } from './compute.js';

/**
 * The metrics report read from a Store (seed 000 7.1; seed 002 12.3.4; seed 004 11.3.4): the cases created before
 * the period ends (narrowed by item and unit through the case index), their events, every complaint and rating,
 * and the latest catalogue for transfer limits; then computeMetrics.
 */
export async function metricsReport(
  store: Store,
  options: { calendar: DeadlineCalendar; period: MetricsPeriod; filter?: MetricsFilter },
): Promise<MetricsReport> {
  const { period, filter = {} } = options;
  const end = /^\d{4}-\d{2}-\d{2}$/.test(period.to)
    ? localInstant(addDays(period.to, 1), '00:00').toISOString()
    : undefined;
  const summaries = await store.findCases({
    ...(end ? { createdTo: end } : {}),
    ...(filter.itemCode !== undefined ? { itemCode: filter.itemCode } : {}),
    ...(filter.unit !== undefined ? { unit: filter.unit } : {}),
  });
  const cases = [];
  for (const s of summaries) cases.push({ caseId: s.caseId, events: await store.events(s.caseId) });
  const complaints = (await store.listRecords<Complaint>('complaints')).map((c) => Complaint.parse(c));
  const ratings = (await store.listRecords<Rating>('ratings')).map((r) => Rating.parse(r));
  const items = (await store.catalogue())?.items ?? [];
  return computeMetrics({ cases, complaints, ratings, items, calendar: options.calendar, period, filter });
}

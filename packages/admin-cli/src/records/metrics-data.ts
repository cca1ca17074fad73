/**
 * Reads what the metrics need from a Store once (as core's metricsReport does), so that the report and each
 * unit's report in the chart are computed from the same snapshot without re-reading the store per unit.
 */
import type { MetricsInput } from '@tongban/core/metrics';
import type { Store } from '@tongban/core/store';

export async function loadMetricsInput(
  store: Store,
  to: string,
  itemCode: string | undefined,
): Promise<Pick<MetricsInput, 'cases' | 'complaints' | 'ratings' | 'items'>> {
  const { Complaint } = await import('@tongban/core/complaints');
  const { Rating } = await import('@tongban/core/ratings');
  const end = new Date(`${to}T00:00:00+08:00`);
  end.setUTCDate(end.getUTCDate() + 1);
  const summaries = await store.findCases({
    createdTo: end.toISOString(),
    ...(itemCode !== undefined ? { itemCode } : {}),
  });
  const cases = [];
  for (const s of summaries) cases.push({ caseId: s.caseId, events: await store.events(s.caseId) });
  const complaints = (await store.listRecords('complaints')).map((c) => Complaint.parse(c));
  const ratings = (await store.listRecords('ratings')).map((r) => Rating.parse(r));
  const items = (await store.catalogue())?.items ?? [];
  return { cases, complaints, ratings, items };
}

/** Core services of a data directory, loaded on demand so that help and simple commands stay light. */
import type { Appointments } from '@tongban/core/appointments';
import type { Complaints } from '@tongban/core/complaints';
import type { ImprovementLedger } from '@tongban/core/metrics';
import type { Ratings } from '@tongban/core/ratings';
import type { Store } from '@tongban/core/store';
import { loadCalendar } from '../calendar-support.js';

export async function appointmentsOf(store: Store, dataDir: string): Promise<Appointments> {
  const [{ Appointments }, calendar] = await Promise.all([
    import('@tongban/core/appointments'),
    loadCalendar(dataDir),
  ]);
  return new Appointments({ store, calendar });
}

export async function complaintsOf(store: Store, dataDir: string): Promise<Complaints> {
  const [{ Complaints }, calendar] = await Promise.all([
    import('@tongban/core/complaints'),
    loadCalendar(dataDir),
  ]);
  return new Complaints({ store, calendar });
}

export async function ratingsOf(store: Store, dataDir: string): Promise<Ratings> {
  const [{ Ratings }, calendar] = await Promise.all([import('@tongban/core/ratings'), loadCalendar(dataDir)]);
  return new Ratings({ store, calendar });
}

export async function ledgerOf(store: Store): Promise<ImprovementLedger> {
  const { ImprovementLedger } = await import('@tongban/core/metrics');
  return new ImprovementLedger(store);
}

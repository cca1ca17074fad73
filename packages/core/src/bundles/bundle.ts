import { newApplicationNumber } from '../cases/application-number.js';
import type { Case } from '../cases/case.js';
import type { Unit } from '../cases/case-event.js';
import { findItem, submitEvent } from '../cases/case-service.js';
import { appendEvent } from '../cases/engine.js';
import { CaseRuleError } from '../cases/errors.js';
import type { Applicant } from '../cases/event-types.js';
import type { DeadlineCalendar } from '../cases/reducer.js';
import { summarise } from '../cases/views.js';
import type { DeliveryMethod, Mode, ServiceItem } from '../catalogue/service-item.js';
import type { CaseSummary, Store } from '../store/store.js';
import { type CombinedMaterial, combineMaterials, coveredMaterials } from './combined-materials.js';

/** 一件事: one application for several related items (seed 003 四). */
export interface BundleInput {
  /** The bundle's id in the catalogue (ServiceItem.bundles entry), e.g. '新生儿出生一件事'. */
  bundleName: string;
  /** Item codes or itemKeys of the items applied for. */
  items: string[];
  mode: Mode;
  applicant: Applicant;
  /** Names of the combined materials handed in (each asked for once). */
  submitted: string[];
  unit: Unit;
  actor: string;
  site: string;
  at?: string;
  deliveryMethod?: DeliveryMethod;
}

export interface BundleApplication {
  /** The one number the applicant gets (kind B); every case carries it as bundleId. */
  bundleNumber: string;
  bundleName: string;
  cases: Case[];
  materials: CombinedMaterial[];
}

/** The items of a bundle in a catalogue version, checked to belong to it. */
export function bundleItems(
  all: readonly ServiceItem[],
  bundleName: string,
  refs: readonly string[],
): ServiceItem[] {
  if (refs.length < 2) {
    throw new CaseRuleError(
      '(bundle)',
      'submit',
      'a 一件事 bundle joins at least two items',
      'apply for a single item instead (seed 003 四)',
      'items',
    );
  }
  const items = refs.map((r) => findItem(all, r));
  for (const i of items) {
    if (!i.bundles.includes(bundleName)) {
      throw new CaseRuleError(
        '(bundle)',
        'submit',
        `item ${i.itemCode} is not part of 一件事 "${bundleName}"`,
        'check the bundle list of the catalogue (seed 003 四)',
        'items',
      );
    }
  }
  return items;
}

/**
 * One application, several linked cases: each item gets its own case and number, all carrying the bundle number;
 * the materials are asked for once. Every submit is checked before anything is written; the cases are written
 * inside one store transaction.
 */
export async function submitBundle(
  store: Store,
  calendar: DeadlineCalendar,
  catalogueVersion: number | undefined,
  input: BundleInput,
): Promise<BundleApplication> {
  const cat = await store.catalogue(catalogueVersion);
  if (!cat) {
    throw new CaseRuleError(
      '(bundle)',
      'submit',
      `catalogue version ${catalogueVersion ?? '(latest)'} does not exist`,
      'publish the catalogue first',
      'catalogueVersion',
    );
  }
  const items = bundleItems(cat.items, input.bundleName, input.items);
  const materials = combineMaterials(items);
  const bundleNumber = newApplicationNumber({ site: input.site, at: input.at, kind: 'bundle' });
  const at = input.at ?? new Date().toISOString();
  const prepared = items.map((item) => {
    const caseId = newApplicationNumber({ site: input.site, at });
    const event = submitEvent(
      item,
      cat.version,
      {
        ...input,
        at,
        item: input.items[items.indexOf(item)] as string,
        submitted: coveredMaterials(item, materials, input.submitted),
        bundleId: bundleNumber,
        bundleName: input.bundleName,
      },
      caseId,
    );
    return { event, c: appendEvent(undefined, event, { calendar }) };
  });
  await store.transact(async (tx) => {
    for (const { event, c } of prepared) await tx.append(c.id, [event], summarise(c), { expectedLength: 0 });
  });
  return { bundleNumber, bundleName: input.bundleName, cases: prepared.map((p) => p.c), materials };
}

/** The cases of one bundle application, for the kiosk's progress screen. */
export async function bundleCases(store: Store, bundleNumber: string): Promise<CaseSummary[]> {
  return store.findCases({ bundleId: bundleNumber });
}

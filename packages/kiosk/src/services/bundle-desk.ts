/**
 * 一件事一次办 at the kiosk (seed 003 四): the bundles of the catalogue, one combined material list asked for once,
 * the same verdict as a single item (complete / 容缺 / everything missing at once, seed 001 6.1.3), and one
 * submission that creates every case in one store transaction (core's submitBundle).
 */
import {
  type BundleApplication,
  type CombinedMaterial,
  combineMaterials,
  submitBundle,
} from '@tongban/core/bundles';
import { WorkCalendar } from '@tongban/core/calendar';
import {
  type DeliveryMethod,
  displayName,
  itemKey,
  LEVELS,
  type Mode,
  type ServiceItem,
} from '@tongban/core/catalogue';
import { createReceipt, type Receipt } from '@tongban/core/receipts';
import type { Store } from '@tongban/core/store';
import type { KioskConfig } from '../config/kiosk-config.js';
import type { Applicant } from './kiosk-services.js';
import type { MaterialVerdict } from './material-check.js';

export interface Bundle {
  name: string;
  /** One item per item code, the most local level (a hall applies at its own level). */
  items: ServiceItem[];
  materials: CombinedMaterial[];
  /** Handling modes every item of the bundle allows. */
  modes: Mode[];
}

/** The bundles of a catalogue that join at least two items, by name. */
export function bundlesOf(all: readonly ServiceItem[]): Bundle[] {
  const byName = new Map<string, Map<string, ServiceItem>>();
  for (const item of all) {
    for (const name of item.bundles) {
      const items = byName.get(name) ?? new Map<string, ServiceItem>();
      const seen = items.get(item.itemCode);
      if (!seen || LEVELS.indexOf(item.level) > LEVELS.indexOf(seen.level)) items.set(item.itemCode, item);
      byName.set(name, items);
    }
  }
  return [...byName.entries()]
    .map(([name, m]) => {
      const items = [...m.values()];
      const modes = items.reduce<Mode[]>(
        (acc, i) => acc.filter((x) => i.modes.includes(x)),
        [...(items[0]?.modes ?? [])],
      );
      return { name, items, materials: combineMaterials(items), modes };
    })
    .filter((b) => b.items.length >= 2);
}

/** Combined materials the applicant hands in (those with an e-licence are fetched by the hall, seed 003 九). */
export function bundleMaterialsToBring(b: Bundle): CombinedMaterial[] {
  return b.materials.filter((m) => m.eLicence === undefined);
}

/** The verdict on the combined list: 容缺 only for secondary materials every item tolerates (seed 004 6.5). */
export function checkBundleMaterials(b: Bundle, ticked: ReadonlySet<string>): MaterialVerdict {
  const bring = bundleMaterialsToBring(b);
  const fetched = b.materials.filter((m) => m.eLicence !== undefined).map((m) => m.name);
  const absent = bring.filter((m) => !ticked.has(m.name));
  const submitted = [...fetched, ...bring.filter((m) => ticked.has(m.name)).map((m) => m.name)];
  if (absent.length === 0) return { kind: 'complete', submitted };
  if (absent.every((m) => m.tolerable && m.kind === 'secondary'))
    return { kind: 'tolerance', submitted, later: absent.map((m) => m.name) };
  return { kind: 'missing', missing: absent.map((m) => m.name) };
}

export interface BundleSubmission {
  bundle: Bundle;
  mode: Mode;
  deliveryMethod: DeliveryMethod;
  applicant: Applicant;
  submitted: string[];
}

/** Submits every case of the bundle at once; one receipt lists every application number (seed 003 四). */
export async function submitKioskBundle(
  store: Store,
  calendar: WorkCalendar,
  catalogueVersion: number,
  config: KioskConfig,
  s: BundleSubmission,
  at = new Date(),
): Promise<{ application: BundleApplication; receipt: Receipt }> {
  const application = await submitBundle(store, calendar, catalogueVersion, {
    bundleName: s.bundle.name,
    items: s.bundle.items.map((i) => itemKey(i)),
    mode: s.mode,
    applicant: { idNumber: s.applicant.idNumber, name: s.applicant.name, phone: '' },
    submitted: s.submitted,
    unit: 'applicant',
    actor: config.terminal.id,
    site: config.hall.site,
    at: at.toISOString(),
    deliveryMethod: s.deliveryMethod,
  });
  const due = s.bundle.items
    .map((i) => calendar.addWorkingDays(at, i.promisedDays))
    .sort((a, b) => a.getTime() - b.getTime());
  const last = due.at(-1);
  const receipt = createReceipt({
    kind: 'submission',
    title: '一件事申请回执',
    hall: config.hall.name,
    applicationNumber: application.bundleNumber,
    itemName: s.bundle.name,
    applicant: s.applicant,
    at,
    promisedDueDate: last ? WorkCalendar.localDate(last) : undefined,
    promisedDueProvisional: last ? calendar.provisionalYearsBetween(at, last).length > 0 : undefined,
    lines: application.cases.map((c) => {
      const item = s.bundle.items.find((i) => i.itemCode === c.itemCode);
      return { label: item ? displayName(item) : c.itemName, value: c.id };
    }),
    notes: [
      `共 ${application.cases.length} 件，凭一件事编号或任一申请编号查询办理进度`,
      '监督投诉电话 12345',
    ],
    terminalId: config.terminal.id,
  });
  return { application, receipt };
}

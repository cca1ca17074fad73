/**
 * The material check at the kiosk: from what the applicant ticked, say at once whether the case can be submitted,
 * submitted with tolerance (容缺, secondary tolerable materials only: seed 002 3.5, seed 004 6.5), or what is missing,
 * as one complete list (一次性告知, seed 001 6.1.3), never piecemeal. A material replaced by an electronic licence
 * is fetched by the hall and never asked for (seed 003 九).
 */

import { materialVerdict } from '@tongban/core/cases';
import type { Material, ServiceItem } from '@tongban/core/catalogue';

export type MaterialVerdict =
  | { kind: 'complete'; submitted: string[] }
  | { kind: 'tolerance'; submitted: string[]; later: string[] }
  | { kind: 'missing'; missing: string[] };

/** Materials the applicant must hand in themselves (not fetched as an e-licence). */
export function materialsToBring(item: ServiceItem): Material[] {
  return item.materials.filter((m) => m.eLicence === undefined);
}

/**
 * The verdict of core's one presence rule (materialVerdict): `submitted` is what the applicant hands in; the
 * e-licences are fetched and recorded with the case by core at submission (which licence, when).
 */
export function checkMaterials(item: ServiceItem, ticked: ReadonlySet<string>): MaterialVerdict {
  const v = materialVerdict(item.caseKind, item.materials, ticked);
  if (v.kind === 'missing') return v;
  if (v.kind === 'complete') return { kind: 'complete', submitted: v.handedIn };
  return { kind: 'tolerance', submitted: v.handedIn, later: v.later };
}

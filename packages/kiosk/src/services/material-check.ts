/**
 * The material check at the kiosk: from what the applicant ticked, say at once whether the case can be submitted,
 * submitted with tolerance (容缺, secondary tolerable materials only: seed 002 3.5, seed 004 6.5), or what is missing,
 * as one complete list (一次性告知, seed 001 6.1.3), never piecemeal. A material replaced by an electronic licence
 * is fetched by the hall and never asked for (seed 003 九).
 */
import type { Material, ServiceItem } from '@tongban/core/catalogue';

export type MaterialVerdict =
  | { kind: 'complete'; submitted: string[] }
  | { kind: 'tolerance'; submitted: string[]; later: string[] }
  | { kind: 'missing'; missing: string[] };

/** Materials the applicant must hand in themselves (not fetched as an e-licence). */
export function materialsToBring(item: ServiceItem): Material[] {
  return item.materials.filter((m) => m.eLicence === undefined);
}

export function checkMaterials(item: ServiceItem, ticked: ReadonlySet<string>): MaterialVerdict {
  const fetched = item.materials.filter((m) => m.eLicence !== undefined).map((m) => m.name);
  const absent = materialsToBring(item).filter((m) => !ticked.has(m.name));
  const submitted = [
    ...fetched,
    ...materialsToBring(item)
      .filter((m) => ticked.has(m.name))
      .map((m) => m.name),
  ];
  if (absent.length === 0) return { kind: 'complete', submitted };
  if (absent.every((m) => m.tolerable && m.kind === 'secondary'))
    return { kind: 'tolerance', submitted, later: absent.map((m) => m.name) };
  return { kind: 'missing', missing: absent.map((m) => m.name) };
}

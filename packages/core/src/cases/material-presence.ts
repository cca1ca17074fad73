import { z } from 'zod';
import type { CaseKind } from '../catalogue/service-item.js';

/**
 * Whether a material of a case is present: the one rule the kiosk, the CLI, the notices and the metrics share.
 * A material is present when the applicant handed it in, or when the catalogue marks it as replaced by an
 * electronic licence (电子证照) and the hall fetched that licence (seed 003 九: 电子证照…替代实体证照, 减少申请材料;
 * seed 004 6.2 b: 可通过…共享获取的材料不应要求申请人重复提交). A fetch is recorded in the case: which licence, when.
 */

/** One electronic licence the hall fetched for a material (seed 003 九). */
export const ELicenceFetch = z.object({
  material: z.string().trim().min(1),
  /** The licence's name (电子证照名称), from the catalogue. */
  licence: z.string().trim().min(1),
  fetchedAt: z.iso.datetime(),
});
export type ELicenceFetch = z.infer<typeof ELicenceFetch>;

/** What presence needs of a material (catalogue Material and pinned CaseMaterial both fit). */
export interface PresenceMaterial {
  name: string;
  kind?: 'key' | 'secondary';
  tolerable?: boolean;
  eLicence?: string;
}

/**
 * The fetches of every material replaced by an e-licence, at `at`, except those the hall could not fetch
 * (`unavailable`: the licence does not exist or the sharing platform is down; the applicant brings the paper).
 */
export function fetchELicences(
  required: readonly PresenceMaterial[],
  at: string,
  unavailable: readonly string[] = [],
): ELicenceFetch[] {
  return required
    .filter((m) => m.eLicence !== undefined && !unavailable.includes(m.name))
    .map((m) => ({ material: m.name, licence: m.eLicence as string, fetchedAt: at }));
}

/** Whether this material is present: handed in, or fetched as an e-licence. */
export function isMaterialPresent(
  name: string,
  handedIn: readonly string[],
  fetched: readonly Pick<ELicenceFetch, 'material'>[],
): boolean {
  return handedIn.includes(name) || fetched.some((f) => f.material === name);
}

/** The required materials not present, in catalogue order. */
export function missingMaterials(
  required: readonly PresenceMaterial[],
  handedIn: readonly string[],
  fetched: readonly Pick<ELicenceFetch, 'material'>[],
): string[] {
  return required.map((m) => m.name).filter((n) => !isMaterialPresent(n, handedIn, fetched));
}

/** 容缺 is possible for this material on a case of this kind (seed 002 3.5; seed 004 6.5: 承诺件, 次要材料). */
export function toleratesMissing(kind: CaseKind, m: PresenceMaterial): boolean {
  return kind !== 'immediate' && m.kind === 'secondary' && m.tolerable === true;
}

export type MaterialVerdict =
  | { kind: 'complete'; handedIn: string[]; fetched: string[] }
  | { kind: 'tolerance'; handedIn: string[]; fetched: string[]; later: string[] }
  | { kind: 'missing'; missing: string[] };

/**
 * The verdict on what the applicant has, with every e-licence fetched: complete, 容缺 possible (only secondary
 * tolerable materials of a promised or joint item missing), or the complete list of what is missing (一次性告知,
 * seed 001 6.1.3).
 */
export function materialVerdict(
  kind: CaseKind,
  required: readonly PresenceMaterial[],
  handedIn: ReadonlySet<string> | readonly string[],
): MaterialVerdict {
  const has = (n: string) =>
    Array.isArray(handedIn) ? handedIn.includes(n) : (handedIn as ReadonlySet<string>).has(n);
  const fetched = required.filter((m) => m.eLicence !== undefined).map((m) => m.name);
  const given = required.filter((m) => m.eLicence === undefined && has(m.name)).map((m) => m.name);
  const absent = required.filter((m) => m.eLicence === undefined && !has(m.name));
  if (absent.length === 0) return { kind: 'complete', handedIn: given, fetched };
  if (absent.every((m) => toleratesMissing(kind, m)))
    return { kind: 'tolerance', handedIn: given, fetched, later: absent.map((m) => m.name) };
  return { kind: 'missing', missing: absent.map((m) => m.name) };
}

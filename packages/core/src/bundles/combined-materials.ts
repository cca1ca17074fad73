import type { Material, ServiceItem } from '../catalogue/service-item.js';

/** One material of a 一件事 bundle, asked for once even when several items need it (seed 003 四). */
export interface CombinedMaterial {
  /** Name as shown (the first item's wording). */
  name: string;
  /** Matching key: the e-licence when there is one, otherwise the normalised name. */
  key: string;
  /** key when any item treats it as key (主要材料). */
  kind: 'key' | 'secondary';
  /** 容缺 only when every item allows it (seed 004 6.5). */
  tolerable: boolean;
  eLicence?: string;
  original: boolean;
  copies: number;
  /** Item codes needing it. */
  items: string[];
}

/**
 * Normalises a material name so that the same paper listed by two departments matches: full-width to half-width,
 * no spaces, no brackets such as 《》() or quotes, no trailing 复印件/原件 wording.
 */
export function normaliseMaterialName(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[\s《》〈〉()[\]【】“”"'‘’「」]/g, '')
    .replace(/(原件及复印件|原件和复印件|复印件|原件)$/u, '')
    .toLowerCase();
}

export function materialKey(m: Pick<Material, 'name' | 'eLicence'>): string {
  return m.eLicence
    ? `licence:${normaliseMaterialName(m.eLicence)}`
    : `name:${normaliseMaterialName(m.name)}`;
}

/** The combined material list of several items: one line per distinct material (seed 003 四: 一次告知、一表申请). */
export function combineMaterials(items: readonly ServiceItem[]): CombinedMaterial[] {
  const byKey = new Map<string, CombinedMaterial>();
  const nameIndex = new Map<string, string>(); // normalised name -> key, so an e-licence line also catches its name
  for (const item of items) {
    for (const m of item.materials) {
      const nameKey = `name:${normaliseMaterialName(m.name)}`;
      const key = byKey.has(materialKey(m)) ? materialKey(m) : (nameIndex.get(nameKey) ?? materialKey(m));
      const seen = byKey.get(key);
      if (seen) {
        if (m.kind === 'key') seen.kind = 'key';
        seen.tolerable &&= m.tolerable;
        seen.original ||= m.original;
        seen.copies = Math.max(seen.copies, m.copies);
        seen.eLicence ??= m.eLicence;
        if (!seen.items.includes(item.itemCode)) seen.items.push(item.itemCode);
      } else {
        byKey.set(key, {
          name: m.name,
          key,
          kind: m.kind,
          tolerable: m.tolerable,
          eLicence: m.eLicence,
          original: m.original,
          copies: m.copies,
          items: [item.itemCode],
        });
      }
      nameIndex.set(nameKey, key);
    }
  }
  return [...byKey.values()];
}

/** Which of an item's materials the handed-in combined lines cover (by name or e-licence key). */
export function coveredMaterials(
  item: ServiceItem,
  combined: readonly CombinedMaterial[],
  handedIn: readonly string[],
): string[] {
  const given = new Set(handedIn.map(normaliseMaterialName));
  const keys = new Set(combined.filter((c) => given.has(normaliseMaterialName(c.name))).map((c) => c.key));
  return item.materials
    .filter(
      (m) =>
        keys.has(materialKey(m)) ||
        given.has(normaliseMaterialName(m.name)) ||
        keys.has(`name:${normaliseMaterialName(m.name)}`),
    )
    .map((m) => m.name);
}

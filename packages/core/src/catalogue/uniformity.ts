/**
 * 三级十同 (seed 004 3.10): the same item code must have the same ten elements at province, city and county level
 * (main name, sub name, type, code, legal basis, materials, process, fees, promised time limit, forms).
 * checkUniformity groups items by itemCode and reports every element that differs, with who holds which variant.
 *
 * Noise that is ignored: white space anywhere in text, full-width vs half-width forms (NFKC), the order of legal
 * bases, materials, fees and forms (lists of things), and a material's free-text note. Real differences are
 * kept: any other wording, the order of process steps (a sequence), any material attribute, amounts, days.
 */
import { displayName, normaliseName } from './normalise.js';
import {
  LEVELS,
  type Level,
  type ServiceItem,
  UNIFORM_ELEMENTS,
  type UniformElement,
} from './service-item.js';

export interface UniformityHolder {
  level: Level;
  implementingUnit: string;
}

export interface UniformityVariant {
  /** The element as the first holder of this variant has it. */
  value: unknown;
  holders: UniformityHolder[];
}

export interface ElementDifference {
  element: UniformElement;
  /** Most common variant first. */
  variants: UniformityVariant[];
}

export interface UniformityIssue {
  itemCode: string;
  /** The name most holders use. */
  name: string;
  /** Items sharing this code. */
  holders: number;
  differences: ElementDifference[];
}

/** Elements whose entries form a set: order is noise. */
const UNORDERED: ReadonlySet<UniformElement> = new Set(['legalBasis', 'materials', 'fees', 'forms']);

function canonical(value: unknown): unknown {
  if (typeof value === 'string') return normaliseName(value);
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[k];
      if (v !== undefined && v !== '') out[k] = canonical(v);
    }
    return out;
  }
  return value;
}

function elementKey(item: ServiceItem, element: UniformElement): string {
  let value: unknown = item[element];
  if (element === 'materials') value = item.materials.map(({ note: _note, ...m }) => m);
  const c = canonical(value);
  if (UNORDERED.has(element) && Array.isArray(c))
    return JSON.stringify(c.map((e) => JSON.stringify(e)).sort());
  return JSON.stringify(c);
}

const levelRank = (l: Level) => LEVELS.indexOf(l);

/** Every item code whose ten uniform elements differ between levels or units, sorted by item code. */
export function checkUniformity(items: readonly ServiceItem[]): UniformityIssue[] {
  const groups = new Map<string, ServiceItem[]>();
  for (const item of items) {
    const g = groups.get(item.itemCode);
    if (g) g.push(item);
    else groups.set(item.itemCode, [item]);
  }
  const issues: UniformityIssue[] = [];
  for (const code of [...groups.keys()].sort()) {
    const group = groups
      .get(code)!
      .slice()
      .sort(
        (a, b) =>
          levelRank(a.level) - levelRank(b.level) ||
          (a.implementingUnit < b.implementingUnit ? -1 : a.implementingUnit > b.implementingUnit ? 1 : 0),
      );
    if (group.length < 2) continue;
    const differences: ElementDifference[] = [];
    for (const element of UNIFORM_ELEMENTS) {
      const variants = new Map<string, UniformityVariant>();
      for (const item of group) {
        const key = elementKey(item, element);
        const holder = { level: item.level, implementingUnit: item.implementingUnit };
        const v = variants.get(key);
        if (v) v.holders.push(holder);
        else variants.set(key, { value: item[element], holders: [holder] });
      }
      if (variants.size > 1) {
        // Stable sort: equal counts keep the order of their first (highest-level) holder.
        const list = [...variants.values()].sort((a, b) => b.holders.length - a.holders.length);
        differences.push({ element, variants: list });
      }
    }
    if (differences.length === 0) continue;
    const names = new Map<string, number>();
    for (const item of group) names.set(displayName(item), (names.get(displayName(item)) ?? 0) + 1);
    const name = [...names.entries()].sort((a, b) => b[1] - a[1])[0]![0];
    issues.push({ itemCode: code, name, holders: group.length, differences });
  }
  return issues;
}

const LEVEL_WORDS: Record<Level, string> = {
  province: '省',
  city: '市',
  county: '县',
  township: '乡',
  village: '村',
};

/** Lines for a person: one per differing element, naming who holds which variant. */
export function describeUniformity(issues: readonly UniformityIssue[]): string[] {
  const lines: string[] = [];
  for (const issue of issues) {
    lines.push(
      `${issue.itemCode} ${issue.name}: ${issue.differences.map((d) => d.element).join(', ')} differ (seed 004 3.10)`,
    );
    for (const d of issue.differences) {
      d.variants.forEach((v, i) => {
        const who = v.holders.map((h) => `${LEVEL_WORDS[h.level]}·${h.implementingUnit}`).join('、');
        lines.push(`    ${d.element} variant ${i + 1}: ${JSON.stringify(v.value)} — ${who}`);
      });
    }
  }
  return lines;
}

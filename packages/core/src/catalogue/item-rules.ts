/**
 * The rules of one service item that span several fields (the ServiceItem schema's superRefine). They are written
 * over loosely typed input so that they also run on an item some of whose fields are malformed: each rule looks
 * only at the fields it needs, and only when they are well-formed. So every problem of a row is reported in one
 * run, not the cross-field ones only after the malformed fields are mended.
 */

export interface ItemRuleIssue {
  path: (string | number)[];
  message: string;
}

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
const strings = (v: unknown): string[] | undefined =>
  Array.isArray(v) && v.every((s) => typeof s === 'string') ? (v as string[]) : undefined;

/** Every cross-field issue of an item (parsed, or raw input with defaults not yet applied). */
export function itemRuleIssues(input: Readonly<Record<string, unknown>>): ItemRuleIssue[] {
  const out: ItemRuleIssue[] = [];
  const { promisedDays, legalDays, caseKind } = input;
  if (isInt(promisedDays) && isInt(legalDays) && promisedDays > legalDays) {
    out.push({
      path: ['promisedDays'],
      message: `promised time limit (${promisedDays}) exceeds the legal time limit (${legalDays}); the promise must be at most the legal limit (seed 000 4.3)`,
    });
  }
  if (caseKind === 'immediate' && isInt(promisedDays) && promisedDays !== 0) {
    out.push({
      path: ['promisedDays'],
      message:
        '即办件 (immediate) items are decided on the spot: promised time limit must be 0 (seed 001 4.2.2)',
    });
  }
  const jointUnits = input['jointUnits'] === undefined ? [] : strings(input['jointUnits']);
  if (caseKind === 'joint' && jointUnits && jointUnits.length < 2) {
    out.push({
      path: ['jointUnits'],
      message:
        '联办件 (joint) items need a lead department and at least one other unit in jointUnits (seed 001 4.2.2)',
    });
  }
  const modes = strings(input['modes']);
  if (modes) {
    const proxy = modes.some((m) => m === 'proxyLocal' || m === 'proxyRemote');
    if (proxy && input['transferDays'] === undefined) {
      out.push({
        path: ['transferDays'],
        message: 'proxy modes (异地代收) need a transfer time limit in working days (seed 000 table 2)',
      });
    }
    if (new Set(modes).size !== modes.length) {
      out.push({ path: ['modes'], message: 'a handling mode is listed twice' });
    }
  }
  const materials = Array.isArray(input['materials']) ? (input['materials'] as unknown[]) : [];
  const names = new Set<string>();
  materials.forEach((raw, i) => {
    if (raw === null || typeof raw !== 'object') return;
    const m = raw as Record<string, unknown>;
    if (typeof m['name'] !== 'string' || m['name'].trim() === '') return;
    const name = m['name'].trim();
    if (names.has(name)) {
      out.push({ path: ['materials', i, 'name'], message: `material "${name}" is listed twice` });
    }
    names.add(name);
    if (m['tolerable'] === true && (m['kind'] ?? 'key') === 'key') {
      out.push({
        path: ['materials', i, 'tolerable'],
        message: `material "${name}" is a key material and cannot be tolerable: 容缺 covers secondary materials only (seed 004 6.5)`,
      });
    }
  });
  return out;
}

/**
 * diffCatalogues: what a new catalogue version adds, removes and changes, field by field (seed 000 4.2: the
 * catalogue is managed dynamically and every update is recorded). Items are matched by itemKey.
 */
import { displayName } from './normalise.js';
import { itemKey, ServiceItem } from './service-item.js';

export interface ValueChange {
  kind: 'value';
  /** e.g. `promisedDays`, `contact.phone`, `materials[身份证].tolerable` */
  path: string;
  before: unknown;
  after: unknown;
}

export interface ListChange {
  kind: 'list';
  path: string;
  /** Entries by key (a material's or fee's name, a procedure's kind, or the text itself). */
  added: string[];
  removed: string[];
  /** Entries present on both sides whose content changed, with the fields that changed. */
  changed: { key: string; changes: ValueChange[] }[];
  /** Same entries in a different order (order matters for process steps and legal bases). */
  reordered: boolean;
}

export type FieldChange = ValueChange | ListChange;

export interface ItemChange {
  key: string;
  itemCode: string;
  name: string;
  changes: FieldChange[];
}

export interface CatalogueDiff {
  added: ServiceItem[];
  removed: ServiceItem[];
  changed: ItemChange[];
  unchanged: number;
}

/** How entries of list fields are matched between versions. */
const LIST_KEYS: Readonly<Record<string, string>> = {
  materials: 'name',
  fees: 'name',
  forms: 'name',
  intermediaryServices: 'name',
  specialProcedures: 'kind',
};

/** Structural equality for JSON-like data; an absent property equals an undefined one. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((v, i) => deepEqual(v, bb[i]));
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ao), ...Object.keys(bo)]);
  for (const k of keys) if (!deepEqual(ao[k], bo[k])) return false;
  return true;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function objectChanges(path: string, a: Record<string, unknown>, b: Record<string, unknown>): ValueChange[] {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  const out: ValueChange[] = [];
  for (const k of keys) {
    if (deepEqual(a[k], b[k])) continue;
    const sub = path ? `${path}.${k}` : k;
    if (isPlainObject(a[k]) && isPlainObject(b[k])) out.push(...objectChanges(sub, a[k], b[k]));
    else out.push({ kind: 'value', path: sub, before: a[k], after: b[k] });
  }
  return out;
}

/** Key each entry; repeated keys get `#2`, `#3` so nothing is lost. */
function keyed(list: readonly unknown[], field: string | undefined): [string, unknown][] {
  const seen = new Map<string, number>();
  return list.map((entry) => {
    const raw =
      field && isPlainObject(entry)
        ? String(entry[field])
        : typeof entry === 'string'
          ? entry
          : JSON.stringify(entry);
    const n = (seen.get(raw) ?? 0) + 1;
    seen.set(raw, n);
    return [n === 1 ? raw : `${raw}#${n}`, entry];
  });
}

function listChange(path: string, a: readonly unknown[], b: readonly unknown[]): ListChange {
  const keyField = LIST_KEYS[path];
  const ka = keyed(a, keyField);
  const kb = keyed(b, keyField);
  const ma = new Map(ka);
  const mb = new Map(kb);
  const change: ListChange = {
    kind: 'list',
    path,
    added: kb.filter(([k]) => !ma.has(k)).map(([k]) => k),
    removed: ka.filter(([k]) => !mb.has(k)).map(([k]) => k),
    changed: [],
    reordered: false,
  };
  for (const [k, va] of ka) {
    if (!mb.has(k)) continue;
    const vb = mb.get(k);
    if (deepEqual(va, vb)) continue;
    const changes =
      isPlainObject(va) && isPlainObject(vb)
        ? objectChanges(`${path}[${k}]`, va, vb)
        : [{ kind: 'value' as const, path: `${path}[${k}]`, before: va, after: vb }];
    change.changed.push({ key: k, changes });
  }
  const commonA = ka.map(([k]) => k).filter((k) => mb.has(k));
  const commonB = kb.map(([k]) => k).filter((k) => ma.has(k));
  change.reordered = commonA.some((k, i) => k !== commonB[i]);
  return change;
}

/** Field order of the schema, so changes read in the order of the guide. */
const FIELD_ORDER: readonly string[] = Object.keys(ServiceItem.shape);

function fieldOrder(a: object, b: object): string[] {
  const all = new Set([...Object.keys(a), ...Object.keys(b)]);
  const known = FIELD_ORDER.filter((f) => all.has(f));
  const extra = [...all].filter((f) => !FIELD_ORDER.includes(f)).sort();
  return [...known, ...extra];
}

/** The changes between two versions of one item, field by field. */
export function diffItem(a: ServiceItem, b: ServiceItem): FieldChange[] {
  const ra = a as unknown as Record<string, unknown>;
  const rb = b as unknown as Record<string, unknown>;
  const out: FieldChange[] = [];
  for (const field of fieldOrder(a, b)) {
    const va = ra[field];
    const vb = rb[field];
    if (deepEqual(va, vb)) continue;
    if (Array.isArray(va) && Array.isArray(vb)) out.push(listChange(field, va, vb));
    else if (isPlainObject(va) && isPlainObject(vb)) out.push(...objectChanges(field, va, vb));
    else out.push({ kind: 'value', path: field, before: va, after: vb });
  }
  return out;
}

/** Added, removed and changed items from version a to version b, each list sorted by itemKey. */
export function diffCatalogues(a: readonly ServiceItem[], b: readonly ServiceItem[]): CatalogueDiff {
  const ma = new Map(a.map((i) => [itemKey(i), i]));
  const mb = new Map(b.map((i) => [itemKey(i), i]));
  const byKey = (x: ServiceItem, y: ServiceItem) => compare(itemKey(x), itemKey(y));
  const diff: CatalogueDiff = {
    added: b.filter((i) => !ma.has(itemKey(i))).sort(byKey),
    removed: a.filter((i) => !mb.has(itemKey(i))).sort(byKey),
    changed: [],
    unchanged: 0,
  };
  for (const key of [...ma.keys()].filter((k) => mb.has(k)).sort(compare)) {
    const before = ma.get(key)!;
    const after = mb.get(key)!;
    const changes = diffItem(before, after);
    if (changes.length === 0) diff.unchanged++;
    else diff.changed.push({ key, itemCode: after.itemCode, name: displayName(after), changes });
  }
  return diff;
}

/** Code-point order: the same on every machine, unlike localeCompare. */
function compare(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

const show = (v: unknown) => (v === undefined ? '(none)' : JSON.stringify(v));

/** Lines for a person (the CLI's human output), one per field change. */
export function describeDiff(diff: CatalogueDiff): string[] {
  const lines: string[] = [];
  for (const i of diff.added) lines.push(`+ ${itemKey(i)} ${displayName(i)}`);
  for (const i of diff.removed) lines.push(`- ${itemKey(i)} ${displayName(i)}`);
  for (const c of diff.changed) {
    lines.push(`~ ${c.key} ${c.name}`);
    for (const f of c.changes) {
      if (f.kind === 'value') {
        lines.push(`    ${f.path}: ${show(f.before)} -> ${show(f.after)}`);
        continue;
      }
      for (const k of f.added) lines.push(`    ${f.path}: + ${k}`);
      for (const k of f.removed) lines.push(`    ${f.path}: - ${k}`);
      for (const ch of f.changed)
        for (const v of ch.changes) lines.push(`    ${v.path}: ${show(v.before)} -> ${show(v.after)}`);
      if (f.reordered) lines.push(`    ${f.path}: order changed`);
    }
  }
  return lines;
}

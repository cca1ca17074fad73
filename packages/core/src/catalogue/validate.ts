/**
 * Whole-catalogue validation: every schema issue of every item (not just the first), then the rules that need the
 * whole catalogue or several fields, then the material rules of seed 004 6.2 as warnings.
 * The schema's cross-field rules (promised <= legal days, joint units, transfer days...) are reported even when
 * other fields of the item are malformed (item-rules.ts), so one run shows every problem.
 * Catalogue-level rules and warnings look at the well-formed items only.
 */
import { TongbanError } from '../errors/tongban-error.js';
import { materialWarnings } from './material-rules.js';
import { displayName, normaliseName } from './normalise.js';
import { type CatalogueProblem, describeProblem, schemaProblems } from './problems.js';
import { itemKey, PROXY_MODES, ServiceItem } from './service-item.js';
import { toleranceWarnings } from './tolerance-rules.js';

export interface ValidateOptions {
  /**
   * The hall an item is handled in, for the six-category rule (seed 001 5.1.1). The catalogue carries no hall
   * field, so by default the whole catalogue counts as ONE hall: the strict reading, right for the list one hall
   * serves. For a provincial list covering many halls, pass e.g. `(i) => i.implementingUnit` or a lookup table.
   */
  hallOf?: (item: ServiceItem) => string;
  /** Most window categories in one hall (seed 001 5.1.1: 不应超过6类). */
  maxWindowCategories?: number;
  /** Check materials against seed 004 6.2 (default true). */
  materialRules?: boolean;
}

export interface CatalogueValidation {
  /** The items that passed the schema, with defaults applied, in input order. */
  items: ServiceItem[];
  errors: CatalogueProblem[];
  warnings: CatalogueProblem[];
}

/** Thrown by assertValidCatalogue: carries every problem, not only the first. */
export class CatalogueValidationError extends TongbanError {
  readonly errors: CatalogueProblem[];
  readonly warnings: CatalogueProblem[];

  constructor(errors: CatalogueProblem[], warnings: CatalogueProblem[]) {
    const first = errors[0];
    const where: Record<string, string | number | undefined> = {};
    if (first?.index !== undefined) where['item'] = first.index + 1;
    if (first?.itemCode) where['itemCode'] = first.itemCode;
    if (first?.path) where['field'] = first.path;
    super(
      'CATALOGUE_INVALID',
      `the catalogue has ${errors.length} error${errors.length === 1 ? '' : 's'}; first: ${first ? describeProblem(first) : '-'}`,
      { where, hint: first ? `${first.hint}; then mend the others listed in .errors` : '' },
    );
    this.errors = errors;
    this.warnings = warnings;
  }

  get problems(): CatalogueProblem[] {
    return [...this.errors, ...this.warnings];
  }
}

type Positioned = { item: ServiceItem; index: number };

function problem(
  at: Positioned,
  severity: CatalogueProblem['severity'],
  rule: string,
  path: string,
  message: string,
  hint: string,
  clause?: string,
): CatalogueProblem {
  const p: CatalogueProblem = {
    severity,
    rule,
    index: at.index,
    itemCode: at.item.itemCode,
    name: displayName(at.item),
    path,
    message: clause ? `${message} (${clause})` : message,
    hint,
  };
  if (clause) p.clause = clause;
  return p;
}

/** Rules across several fields of one item that the schema lets through but a clerk should look at. */
function itemWarnings(at: Positioned): CatalogueProblem[] {
  const { item } = at;
  const out: CatalogueProblem[] = [];
  const proxy = item.modes.some((m) => PROXY_MODES.includes(m));
  if (proxy && item.caseKind === 'immediate') {
    out.push(
      problem(
        at,
        'warning',
        'item.proxyImmediate',
        'caseKind',
        '即办件 (immediate) is decided on the spot, but proxy modes (异地代收) pass the materials on to another unit',
        'make it a 承诺件 (promised) with promisedDays, or drop proxyLocal/proxyRemote from modes',
        'seed 001 4.2.2, seed 000 5.3',
      ),
    );
  }
  if (!proxy && item.transferDays !== undefined) {
    out.push(
      problem(
        at,
        'warning',
        'item.transferWithoutProxy',
        'transferDays',
        'transferDays is set but no proxy mode (proxyLocal/proxyRemote) is offered',
        'remove transferDays, or add the proxy mode it was meant for',
      ),
    );
  }
  if (item.modes.length === 1 && item.modes[0] === 'online' && item.maxVisits > 0) {
    out.push(
      problem(
        at,
        'warning',
        'item.onlineVisits',
        'maxVisits',
        `全程网办 (online only) is handled entirely online, yet maxVisits is ${item.maxVisits}`,
        'set maxVisits to 0, or add the window mode',
        'seed 000 5.3.1',
      ),
    );
  }
  if (item.caseKind !== 'joint' && item.jointUnits.length > 0) {
    out.push(
      problem(
        at,
        'warning',
        'item.jointUnitsNotJoint',
        'jointUnits',
        `jointUnits are listed but the case kind is ${item.caseKind}, not 联办件 (joint)`,
        'set caseKind to joint, or empty jointUnits',
        'seed 001 4.2.2',
      ),
    );
  }
  if (item.caseKind === 'promised' && item.promisedDays === 0) {
    out.push(
      problem(
        at,
        'warning',
        'item.promisedSameDay',
        'promisedDays',
        '承诺件 (promised) with a promised time limit of 0 days is in fact a 即办件',
        'set caseKind to immediate, or give the promised working days',
        'seed 001 4.2.2',
      ),
    );
  }
  if (
    item.caseKind === 'immediate' &&
    (item.specialProcedures.length > 0 || item.intermediaryServices.length > 0)
  ) {
    out.push(
      problem(
        at,
        'warning',
        'item.immediateWithProcedures',
        item.specialProcedures.length > 0 ? 'specialProcedures' : 'intermediaryServices',
        '即办件 (immediate) cannot wait for special procedures or intermediary services',
        'make it a 承诺件 (promised), or remove the procedures',
        'seed 001 4.2.2',
      ),
    );
  }
  return out;
}

/** Validate raw catalogue items; never throws for bad data. */
export function validateCatalogue(raw: readonly unknown[], opts: ValidateOptions = {}): CatalogueValidation {
  const errors: CatalogueProblem[] = [];
  const warnings: CatalogueProblem[] = [];
  const valid: Positioned[] = [];

  raw.forEach((input, index) => {
    const parsed = ServiceItem.safeParse(input, { reportInput: true });
    if (parsed.success) valid.push({ item: parsed.data, index });
    else errors.push(...schemaProblems(input, parsed.error, index));
  });

  // Duplicate item keys: one item code once per level and implementing unit (seed 004 3.10).
  const firstByKey = new Map<string, number>();
  for (const at of valid) {
    const key = itemKey(at.item);
    const first = firstByKey.get(key);
    if (first === undefined) firstByKey.set(key, at.index);
    else
      errors.push(
        problem(
          at,
          'error',
          'catalogue.duplicateKey',
          'itemCode',
          `item ${at.item.itemCode} at level ${at.item.level} by ${at.item.implementingUnit} is already item #${first + 1}`,
          'remove the repeated row, or correct its item code, level or implementing unit',
        ),
      );
  }

  // At most six window categories per hall (seed 001 5.1.1).
  const max = opts.maxWindowCategories ?? 6;
  const halls = new Map<string, Map<string, Positioned[]>>();
  for (const at of valid) {
    const hall = opts.hallOf?.(at.item) ?? '';
    let cats = halls.get(hall);
    if (!cats) {
      cats = new Map();
      halls.set(hall, cats);
    }
    const cat = normaliseName(at.item.windowCategory);
    const list = cats.get(cat);
    if (list) list.push(at);
    else cats.set(cat, [at]);
  }
  for (const [hall, cats] of halls) {
    if (cats.size <= max) continue;
    const names = [...cats.values()].map((l) => `${l[0]!.item.windowCategory} (${l.length})`);
    // Name the first item of each category beyond the limit, in order of appearance.
    for (const list of [...cats.values()].slice(max)) {
      errors.push(
        problem(
          list[0]!,
          'error',
          'catalogue.tooManyWindowCategories',
          'windowCategory',
          `${hall ? `hall “${hall}” has` : 'the catalogue has'} ${cats.size} window categories, more than ${max}: ${names.join(', ')}`,
          `merge “${list[0]!.item.windowCategory}” into one of the first ${max} categories`,
          'seed 001 5.1.1',
        ),
      );
    }
  }

  // A 一件事 bundle joins at least two items (seed 003 四).
  const bundleMembers = new Map<string, { at: Positioned; j: number }[]>();
  for (const at of valid) {
    at.item.bundles.forEach((b, j) => {
      const list = bundleMembers.get(b);
      if (list) list.push({ at, j });
      else bundleMembers.set(b, [{ at, j }]);
    });
  }
  for (const [bundle, members] of bundleMembers) {
    if (members.length >= 2) continue;
    const { at, j } = members[0]!;
    warnings.push(
      problem(
        at,
        'warning',
        'catalogue.singleItemBundle',
        `bundles[${j}]`,
        `一件事 bundle “${bundle}” has only this item; a bundle joins several related items`,
        'add the bundle id to its other items, or check the spelling of the id',
        'seed 003 四',
      ),
    );
  }

  for (const at of valid) {
    warnings.push(...itemWarnings(at));
    if (opts.materialRules !== false) {
      warnings.push(...materialWarnings(at.item, at.index));
      warnings.push(...toleranceWarnings(at.item, at.index));
    }
  }

  // Stable sort by item: within an item, problems keep the order the rules found them.
  const byPosition = (a: CatalogueProblem, b: CatalogueProblem) => (a.index ?? -1) - (b.index ?? -1);
  errors.sort(byPosition);
  warnings.sort(byPosition);
  return { items: valid.map((v) => v.item), errors, warnings };
}

/** Validate and return the items, or throw a CatalogueValidationError carrying every problem. */
export function assertValidCatalogue(raw: readonly unknown[], opts: ValidateOptions = {}): ServiceItem[] {
  const result = validateCatalogue(raw, opts);
  if (result.errors.length > 0) throw new CatalogueValidationError(result.errors, result.warnings);
  return result.items;
}

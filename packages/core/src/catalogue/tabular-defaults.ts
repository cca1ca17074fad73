/**
 * What an item gets for a field its spreadsheet does not give (no such column, or an empty cell): only fields with
 * a sensible default are optional; the 三级十同 elements (seed 004 3.10), the time limits (seed 000 4.3) and the
 * implementing unit are required. Each default is said once per file, in a warning (see tabular.ts).
 */
import { NO_LIMIT } from './cell-days.js';
import type { Level } from './service-item.js';

export interface ColumnDefault {
  key: string;
  /** What every item without the field is read as, for the warning. */
  says: string;
  /** The value for one row (undefined when the row does not tell it; then `cannot` says why). */
  value(input: Readonly<Record<string, unknown>>): unknown;
  cannot?: { column: string; message: (input: Readonly<Record<string, unknown>>) => string; hint: string };
}

/** Words that look like a division's marker but are part of a department's name. */
const FALSE_MARKERS = /市场|市政|城市|超市|都市|上市|市民|城乡|城镇|乡村|农村|村镇|区域|县域|区块链/g;
const MARKERS: readonly [RegExp, Level][] = [
  [/社区|村|嘎查/g, 'village'],
  [/街道|乡|镇|苏木/g, 'township'],
  [/区|县|旗/g, 'county'],
  [/市|州|盟|地区/g, 'city'],
  [/省|自治区/g, 'province'],
];

/**
 * The level of an implementing unit read from its name: the most local division it names
 * (黑龙江省公安厅 → 省级, 哈尔滨市市场监督管理局 → 市级, 哈尔滨市道里区民政局 → 县级, 新阳路街道办事处 → 乡镇级,
 * 友谊社区居民委员会 → 村级; a city bureau's 分局 is county level). Undefined when the name tells no division.
 */
export function levelOfUnit(unit: string): Level | undefined {
  const name = unit.replace(FALSE_MARKERS, '　'.repeat(2));
  let best: { at: number; length: number; level: Level } | undefined;
  for (const [re, level] of MARKERS) {
    for (const m of name.matchAll(re)) {
      // 自治区 is a province, 地区 a city, 社区 a village: the longer marker wins where two end together.
      const at = m.index + m[0].length;
      const length = m[0].length;
      if (!best || at > best.at || (at === best.at && length > best.length)) best = { at, length, level };
    }
  }
  if (best?.level === 'city' && /分局$/.test(unit)) return 'county';
  return best?.level;
}

const numberOr = (v: unknown) => (typeof v === 'number' ? v : undefined);

export const COLUMN_DEFAULTS: readonly ColumnDefault[] = [
  { key: 'subName', says: 'every item is read as having no sub-item (子项名称 empty)', value: () => '' },
  {
    key: 'level',
    says: 'each item’s level is read from its 实施主体 (…省…厅 → 省级, …市…局 → 市级, …区/县… → 县级, …乡/镇/街道… → 乡镇级, …村/社区… → 村级)',
    value: (input) =>
      typeof input['implementingUnit'] === 'string' ? levelOfUnit(input['implementingUnit']) : undefined,
    cannot: {
      column: 'implementingUnit',
      message: (input) => `层级 cannot be told from the 实施主体 "${String(input['implementingUnit'])}"`,
      hint: 'add a 层级 column (省级, 市级, 县级, 乡镇级, 村级), or write the division in the unit’s name',
    },
  },
  {
    key: 'windowCategory',
    says: 'every item is put in the one window category 综合窗口 (seed 001 5.1.1 allows up to six)',
    value: () => '综合窗口',
  },
  {
    key: 'caseKind',
    says: 'each item’s case kind is read from its time limits (承诺时限 0 → 即办件; else 承诺件, or 联办件 with two or more 联办单位)',
    value: (input) => {
      const promised = numberOr(input['promisedDays']);
      if (promised === undefined) return undefined;
      const joint = Array.isArray(input['jointUnits']) && input['jointUnits'].length >= 2;
      return joint ? 'joint' : promised === 0 ? 'immediate' : 'promised';
    },
  },
  { key: 'modes', says: 'every item is read as handled at the window (窗口办)', value: () => ['window'] },
  {
    key: 'audience',
    says: 'every item is read as serving both 自然人 and 法人; narrow it where an item serves only one',
    value: () => ['person', 'organisation'],
  },
  { key: 'forms', says: 'every item is read as having no forms (表单)', value: () => [] },
];

/** 法定时限 无 (no statutory limit): the promised limit stands in for it, so the promise is within it. */
export function legalDaysStandIn(input: Record<string, unknown>): number | undefined {
  if (input['legalDays'] !== NO_LIMIT) return undefined;
  return numberOr(input['promisedDays']);
}

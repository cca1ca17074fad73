import type { z } from 'zod';
import { itemRuleIssues } from './item-rules.js';
import { halfWidth } from './normalise.js';

/**
 * One thing wrong (error) or doubtful (warning) in a catalogue, for a person to mend:
 * which item (index in the input, item code, name), which field (`materials[2].tolerable`), what and how to mend it.
 */
export interface CatalogueProblem {
  severity: 'error' | 'warning';
  /** Stable rule id, e.g. `schema.invalid_type`, `catalogue.duplicateKey`, `material.6.2b`. */
  rule: string;
  /** Position of the item in the input list; undefined for a problem of the whole catalogue. */
  index?: number;
  itemCode?: string;
  /** Main name, with the sub name in brackets when there is one. */
  name?: string;
  /** Field path inside the item, e.g. `materials[2].tolerable`; '' for the item as a whole. */
  path: string;
  /** What is wrong, in plain words. */
  message: string;
  /** How to mend it. */
  hint: string;
  /** Seed clause the rule comes from, e.g. `seed 004 6.2 b`. */
  clause?: string;
}

/** The identity of an item as far as it can be read from raw (possibly invalid) input. */
export interface ItemIdentity {
  index: number;
  itemCode?: string;
  name?: string;
}

export function identify(raw: unknown, index: number): ItemIdentity {
  if (raw === null || typeof raw !== 'object') return { index };
  const r = raw as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
  const main = str(r['mainName']);
  const sub = str(r['subName']);
  const out: ItemIdentity = { index };
  const code = str(r['itemCode']);
  if (code !== undefined) out.itemCode = code;
  if (main !== undefined) out.name = sub ? `${main}（${sub}）` : main;
  return out;
}

/** `['materials', 2, 'tolerable']` -> `materials[2].tolerable` */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

/** Field names as a clerk knows them (Chinese term first), for messages. */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  mainName: '主项名称 main name',
  subName: '子项名称 sub name',
  itemType: '事项类型 item type',
  itemCode: '事项编码 item code',
  legalBasis: '实施依据 legal basis',
  materials: '申报材料 materials',
  process: '办事流程 process',
  fees: '收费标准 fees',
  promisedDays: '承诺时限 promised days',
  forms: '表单内容 forms',
  audience: '服务对象 audience',
  legalDays: '法定时限 legal days',
  conditions: '受理条件 conditions',
  contact: '联系方式 contact',
  level: '层级 level',
  implementingUnit: '实施主体 implementing unit',
  windowCategory: '综合窗口分类 window category',
  caseKind: '办件类型 case kind',
  jointUnits: '联办单位 joint units',
  modes: '办理模式 handling modes',
  transferDays: '流转时限 transfer days',
  specialProcedures: '特别程序 special procedures',
  intermediaryServices: '中介服务 intermediary services',
  appointmentCapacity: '预约容量 appointment capacity',
  bundles: '一件事 bundles',
  maxVisits: '跑动次数 visits',
  name: '名称 name',
  kind: '主要/次要 key or secondary',
  tolerable: '容缺 tolerable',
  eLicence: '电子证照 electronic licence',
  original: '原件核验 original to verify',
  copies: '复印件份数 copies',
  basis: '依据 basis',
  issuer: '开具单位 issuer',
  amount: '金额 amount',
  maxDays: '最长天数 max days',
};

function labelOf(path: readonly PropertyKey[]): string {
  for (let i = path.length - 1; i >= 0; i--) {
    const key = path[i];
    if (typeof key === 'string') return FIELD_LABELS[key] ?? key;
  }
  return 'the item';
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object with named fields',
};

function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'string') return `the text "${v.length > 40 ? `${v.slice(0, 40)}…` : v}"`;
  if (typeof v === 'object') return 'an object';
  return String(v);
}

/** zod's own default messages are technical; a schema's custom message is already plain words. */
function isDefaultMessage(message: string): boolean {
  return /^(Invalid|Too (small|big)|Unrecognized|Expected)/.test(message);
}

/** Hints for the cross-field rules of the ServiceItem schema (its superRefine), by field. */
const CUSTOM_HINTS: Readonly<Record<string, string>> = {
  promisedDays: 'make promisedDays at most legalDays (and 0 for 即办件), or correct legalDays or caseKind',
  jointUnits: 'list the lead department first and every other unit giving an opinion, or change caseKind',
  transferDays: 'set transferDays (working days to pass materials on), or drop the proxy modes',
  modes: 'list each handling mode once',
  name: 'remove the repeated material or give it a distinct name',
  tolerable: 'set tolerable to false, or make the material secondary if the law allows',
  maxDays: 'shorten the intermediary service to at most 30 days',
};

/** Every zod issue of one item, in plain words with a way to mend it. */
export function problemsFromZod(error: z.ZodError, who: ItemIdentity): CatalogueProblem[] {
  return error.issues.map((issue) => {
    const path = formatPath(issue.path);
    const label = labelOf(issue.path);
    const lastKey = [...issue.path].reverse().find((k) => typeof k === 'string') as string | undefined;
    const custom = !isDefaultMessage(issue.message) ? issue.message : undefined;
    const input = (issue as { input?: unknown }).input;
    let message: string;
    let hint: string;
    const field = path === '' ? 'the item' : label;
    switch (issue.code) {
      case 'invalid_type': {
        const want = TYPE_WORDS[issue.expected] ?? issue.expected;
        if (input === undefined) {
          message = `${field} is missing`;
          hint = `add ${path || 'the item'} as ${want}`;
        } else {
          message = `${field} should be ${want}, but is ${describeValue(input)}`;
          hint = `write ${want} there`;
        }
        break;
      }
      case 'too_small': {
        const min = Number(issue.minimum);
        if (issue.origin === 'string') {
          message = custom ?? `${field} is empty`;
          hint = `fill in ${path}`;
        } else if (issue.origin === 'array' || issue.origin === 'set') {
          message = custom ?? `${field} needs at least ${min} entr${min === 1 ? 'y' : 'ies'}`;
          hint = `list at least ${min} in ${path}`;
        } else {
          message = custom ?? `${field} is ${describeValue(input)}, below the least allowed ${min}`;
          hint = `use a value of at least ${min}`;
        }
        break;
      }
      case 'too_big': {
        const max = Number(issue.maximum);
        message = custom ?? `${field} is ${describeValue(input)}, above the most allowed ${max}`;
        hint = issue.origin === 'array' ? `list at most ${max} in ${path}` : `use a value of at most ${max}`;
        break;
      }
      case 'invalid_format': {
        message = `${field} ${describeValue(input)} is malformed: ${custom ?? `not a valid ${issue.format}`}`;
        const folded = typeof input === 'string' ? halfWidth(input).trim() : undefined;
        hint =
          lastKey === 'itemCode'
            ? `copy the code from the national catalogue in half-width letters and digits${
                folded !== undefined && folded !== input ? ` (here: ${folded})` : ''
              }`
            : `correct the format of ${path}`;
        break;
      }
      case 'invalid_value':
        message =
          input === undefined
            ? `${field} is missing`
            : `${field} is ${describeValue(input)}, which is not one of the allowed values`;
        hint = `use one of: ${issue.values.map((v) => String(v)).join(', ')}`;
        break;
      case 'unrecognized_keys':
        message = `${field} has unknown fields: ${issue.keys.join(', ')}`;
        hint = 'remove them or check their spelling';
        break;
      case 'not_multiple_of':
        message = `${field} must be a multiple of ${String(issue.divisor)}`;
        hint = `use a multiple of ${String(issue.divisor)}`;
        break;
      default:
        message = custom ?? `${field} is not valid`;
        hint = (lastKey && CUSTOM_HINTS[lastKey]) || `correct ${path || 'the item'}`;
    }
    const problem: CatalogueProblem = {
      severity: 'error',
      rule: `schema.${issue.code}`,
      ...who,
      path,
      message,
      hint,
    };
    const clause = /seed (\d{3}) ([^)]+)\)/.exec(message);
    if (clause) problem.clause = `seed ${clause[1]} ${clause[2]}`;
    return problem;
  });
}

/** One line for a person: where, what, how to mend. */
export function describeProblem(p: CatalogueProblem): string {
  const who = [
    p.index !== undefined ? `item #${p.index + 1}` : 'catalogue',
    p.itemCode,
    p.name && `“${p.name}”`,
  ]
    .filter(Boolean)
    .join(' ');
  const where = p.path ? `${who}, ${p.path}` : who;
  const clause = p.clause && !p.message.includes(p.clause) ? ` [${p.clause}]` : '';
  return `${p.severity === 'error' ? 'error' : 'warning'}: ${where}: ${p.message}${clause} — ${p.hint}`;
}

/**
 * Every schema problem of one item, with the cross-field rules (item-rules.ts) even where other fields are
 * malformed (zod runs refinements only on a well-formed object): every problem of an item at once.
 */
export function schemaProblems(input: unknown, error: z.ZodError, index: number): CatalogueProblem[] {
  const who = identify(input, index);
  const problems = problemsFromZod(error, who);
  if (input !== null && typeof input === 'object' && !error.issues.some((i) => i.code === 'custom')) {
    const issues = itemRuleIssues(input as Record<string, unknown>).map((i) => ({
      code: 'custom',
      input: undefined,
      ...i,
    }));
    problems.push(...problemsFromZod({ issues } as unknown as z.ZodError, who));
  }
  return problems;
}

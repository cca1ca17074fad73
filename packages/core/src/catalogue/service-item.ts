import { z } from 'zod';
import { isIsoDate } from '../calendar/shanghai-time.js';
import { itemRuleIssues } from './item-rules.js';

/** 事项类型 (DESIGN glossary; seed 004 4.1-4.2: on-application items of a service hall). */
export const ITEM_TYPES = [
  'licensing', // 行政许可
  'confirmation', // 行政确认
  'levy', // 行政征收
  'payment', // 行政给付
  'award', // 行政奖励
  'filing', // 备案
  'ruling', // 行政裁决
  'other-power', // 其他行政权力
  'public-service', // 公共服务
] as const;
export const ItemType = z.enum(ITEM_TYPES);
export type ItemType = z.infer<typeof ItemType>;

/** 层级 */
export const LEVELS = ['province', 'city', 'county', 'township', 'village'] as const;
export const Level = z.enum(LEVELS);
export type Level = z.infer<typeof Level>;

/** 办理模式 (seed 000 4.1: 全程网办, 异地代收-属地办理, 异地代收-异地办理; plus the ordinary window). */
export const MODES = ['online', 'proxyLocal', 'proxyRemote', 'window'] as const;
export const Mode = z.enum(MODES);
export type Mode = z.infer<typeof Mode>;
export const PROXY_MODES: readonly Mode[] = ['proxyLocal', 'proxyRemote'];

/** 即办件 / 承诺件 / 联办件 (seed 001 4.2.2). */
export const CASE_KINDS = ['immediate', 'promised', 'joint'] as const;
export const CaseKind = z.enum(CASE_KINDS);
export type CaseKind = z.infer<typeof CaseKind>;

/** 服务对象 (seed 000 4.3). */
export const AUDIENCES = ['person', 'organisation'] as const;
export const Audience = z.enum(AUDIENCES);
export type Audience = z.infer<typeof Audience>;

/** 特别程序: the clock stops while they run (seed 004 8.2.6, 8.4.3). */
export const SPECIAL_PROCEDURES = [
  'hearing', // 听证
  'tender', // 招标
  'auction', // 拍卖
  'inspection', // 检验、检测
  'quarantine', // 检疫
  'appraisal', // 鉴定
  'expertReview', // 专家评审
] as const;
export const SpecialProcedureKind = z.enum(SPECIAL_PROCEDURES);
export type SpecialProcedureKind = z.infer<typeof SpecialProcedureKind>;

/** 送达方式 (seed 000 5.4). */
export const DELIVERY_METHODS = ['pickup', 'post', 'electronic', 'sms'] as const;
export const DeliveryMethod = z.enum(DELIVERY_METHODS);
export type DeliveryMethod = z.infer<typeof DeliveryMethod>;

const text = (what: string) => z.string().trim().min(1, `${what} must not be empty`);

/** 事项编码: national coding, kept as a validated string (GB/T 39554.1; no single layout is hard-coded). */
export const ItemCode = z
  .string()
  .trim()
  .regex(
    /^[0-9A-Za-z][0-9A-Za-z_-]{3,49}$/,
    'item code must be 4-50 ASCII letters, digits, "-" or "_" (half-width)',
  );

/** A calendar date 'YYYY-MM-DD' that exists. */
export const IsoDate = z.string().refine(isIsoDate, 'a date is a real date written YYYY-MM-DD');

/** 申请材料 */
export const Material = z.object({
  name: text('material name'),
  /** key (主要材料) or secondary (次要材料); 容缺 only ever covers secondary ones (seed 004 6.5). */
  kind: z.enum(['key', 'secondary']).default('key'),
  /** 容缺受理 allowed for this material (seed 002 3.5). */
  tolerable: z.boolean().default(false),
  /** Replaced by an electronic licence (电子证照) the hall fetches itself (seed 003 九): the name of that licence. */
  eLicence: z.string().trim().min(1).optional(),
  /** The original must be shown for verification (原件核验). */
  original: z.boolean().default(false),
  /** Number of copies (复印件份数); 0 when none. */
  copies: z.number().int().min(0).max(99).default(0),
  /** Legal basis for demanding this material (seed 004 6.2 a: none -> may not be demanded). */
  basis: z.string().trim().optional(),
  /** Issuer when it is a certificate from another body (seed 004 6.2 f). */
  issuer: z.string().trim().optional(),
  note: z.string().trim().optional(),
});
export type Material = z.infer<typeof Material>;

export const Fee = z
  .object({
    name: text('fee name'),
    /** Amount in yuan (元); a free item has an empty fee list. */
    amount: z.number().min(0).optional(),
    /**
     * The standard in words when no single amount can be given (按面积收取：xx元/平方米), shown as written
     * (seed 000 4.3: 办事指南 states the 收费情况).
     */
    standard: z.string().trim().min(1).optional(),
    basis: z.string().trim().optional(),
  })
  .refine((f) => f.amount !== undefined || f.standard !== undefined, {
    message: 'a fee needs an amount in yuan or its standard in words',
    path: ['amount'],
  });
export type Fee = z.infer<typeof Fee>;

/** A fee as a person reads it: 工本费 20元, or 按面积收取 xx元/平方米. */
export function feeText(fee: Fee): string {
  return fee.amount !== undefined ? `${fee.name} ${fee.amount}元` : `${fee.name} ${fee.standard}`;
}

export const Form = z.object({
  name: text('form name'),
  url: z.string().trim().optional(),
});
export type Form = z.infer<typeof Form>;

export const SpecialProcedure = z.object({
  kind: SpecialProcedureKind,
  /** Upper bound in working days announced in the guide, if any. */
  maxDays: z.number().int().min(1).optional(),
  note: z.string().trim().optional(),
});
export type SpecialProcedure = z.infer<typeof SpecialProcedure>;

/** 中介服务: at most 30 days (seed 004 8.5.1). */
export const IntermediaryService = z.object({
  name: text('intermediary service name'),
  maxDays: z.number().int().min(1).max(30, 'intermediary services take at most 30 days (seed 004 8.5.1)'),
});
export type IntermediaryService = z.infer<typeof IntermediaryService>;

export const Contact = z.object({
  /** 咨询电话 */
  phone: z.string().trim().optional(),
  /** 监督投诉电话 */
  complaintPhone: z.string().trim().optional(),
  /** 办理地点 */
  place: z.string().trim().optional(),
  /** 办理时间 */
  hours: z.string().trim().optional(),
});
export type Contact = z.infer<typeof Contact>;

/** 政务服务事项: one catalogue entry. */
export const ServiceItem = z
  .object({
    // ---- the ten 三级十同 elements (seed 004 3.10) ----
    /** 主项名称 */
    mainName: text('main name'),
    /** 子项名称 ('' when the item has no sub-items) */
    subName: z.string().trim().default(''),
    /** 事项类型 */
    itemType: ItemType,
    /** 事项编码 */
    itemCode: ItemCode,
    /** 实施依据 / 设定依据 */
    legalBasis: z.array(text('legal basis')).min(1, 'at least one legal basis is required (seed 000 4.3)'),
    /** 申报材料 */
    materials: z.array(Material),
    /** 办事流程 */
    process: z.array(text('process step')).min(1, 'at least one process step is required'),
    /** 收费标准 (empty = free, 不收费) */
    fees: z.array(Fee).default([]),
    /** 承诺时限, in working days (0 = same day) */
    promisedDays: z.number().int().min(0),
    /** 表单内容 */
    forms: z.array(Form).default([]),

    // ---- 办事指南 (seed 000 4.3) ----
    /** 服务对象 */
    audience: z.array(Audience).min(1),
    /** 法定时限, in working days */
    legalDays: z.number().int().min(0),
    /** 受理条件 */
    conditions: z.string().trim().optional(),
    contact: Contact.default({}),

    // ---- organisation ----
    level: Level,
    /** 实施主体 */
    implementingUnit: text('implementing unit'),
    /** 综合窗口分类: at most six in one hall (seed 001 5.1.1) */
    windowCategory: text('window category'),
    caseKind: CaseKind,
    /** 联办件: lead department and the others giving parallel opinions (seed 004 6.7). */
    jointUnits: z.array(text('joint unit')).default([]),
    modes: z.array(Mode).min(1, 'an item needs at least one handling mode (seed 000 4.1)'),
    /** Transfer time limit for proxy modes, in working days (seed 000 table 2 row 1). */
    transferDays: z.number().int().min(0).optional(),
    specialProcedures: z.array(SpecialProcedure).default([]),
    intermediaryServices: z.array(IntermediaryService).default([]),
    /** Appointments per slot (seed 002 8.2); absent = no appointments. */
    appointmentCapacity: z.number().int().min(1).optional(),
    /** 一件事 bundles this item belongs to (seed 003 四). */
    bundles: z.array(text('bundle id')).default([]),
    /** 到办事现场次数 (0 = 零跑动, 1 = 最多跑一次) */
    maxVisits: z.number().int().min(0).max(9).default(1),
    /** 更新日期: when the guide was last revised, 'YYYY-MM-DD' (shown with the guide; seed 000 4.2 动态调整). */
    revisedOn: IsoDate.optional(),
  })
  .superRefine((item, ctx) => {
    for (const issue of itemRuleIssues(item)) ctx.addIssue({ code: 'custom', ...issue });
  });
export type ServiceItem = z.infer<typeof ServiceItem>;
/** What an import file or a hand-written JSON provides before defaults are applied. */
export type ServiceItemInput = z.input<typeof ServiceItem>;

/**
 * The key that identifies an item in a catalogue: the same item code is implemented at several levels and by
 * several units (三级十同, seed 004 3.10), once per implementing unit.
 */
export function itemKey(item: Pick<ServiceItem, 'itemCode' | 'level' | 'implementingUnit'>): string {
  return `${item.itemCode}@${item.level}@${item.implementingUnit}`;
}

/** The ten 三级十同 elements, by field name (seed 004 3.10). */
export const UNIFORM_ELEMENTS = [
  'mainName',
  'subName',
  'itemType',
  'itemCode',
  'legalBasis',
  'materials',
  'process',
  'fees',
  'promisedDays',
  'forms',
] as const satisfies readonly (keyof ServiceItem)[];
export type UniformElement = (typeof UNIFORM_ELEMENTS)[number];

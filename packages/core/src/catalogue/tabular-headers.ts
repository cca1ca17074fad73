/**
 * The headers administrators' lists give each column, as data: one entry per field of the tabular layout with the
 * header the template writes (`zh`, plus its unit) and the headers real 实施清单 / 办事指南 spreadsheets use for
 * the same field. tabular-columns.ts holds how each field's cells are read and written; this file only says which
 * column is which. Every alias is tested (tabular-headers.test.ts).
 *
 * Sources of the aliases: the element names of seed 004 3.10 (三级十同: 主项名称, 子项名称, 事项类型, 事项编码, 实施依据,
 * 申报材料, 办事流程, 收费标准, 承诺时限, 表单内容) and seed 000 4.3 (办事指南: 事项名称, 设定依据, 服务对象, 申请材料,
 * 办理流程, 办理时限, 收费情况), and the field names of the national platform's 办事指南 (基本编码, 实施编码, 行使层级,
 * 实施主体, 法定办结时限, 承诺办结时限, 办件类型, 办理形式, 到办事现场次数, 咨询方式, 监督投诉方式 ...).
 */
import { halfWidth } from './normalise.js';

export interface HeaderSpec {
  /** Field key: a ServiceItem field, `contact.phone`..., or an auxiliary column (`fees.charged`, `fees.basis`). */
  key: string;
  /** The header the template and the export write. */
  zh: string;
  /** The unit the template writes after the header, in brackets: 法定时限（工作日）. */
  unit?: string;
  /** Other headers for the same field. */
  aliases: readonly string[];
  /** Headers read only when no header of `zh` or `aliases` is present (实施编码 when there is no 事项编码). */
  fallbacks?: readonly string[];
  /** Several columns may carry this field; their lines are joined (a list with both 设定依据 and 实施依据). */
  joins?: boolean;
  /** A time limit in working days: the header's unit is checked. */
  days?: boolean;
}

export const HEADERS: readonly HeaderSpec[] = [
  {
    key: 'itemCode',
    zh: '事项编码',
    aliases: ['基本编码', '事项基本编码', '目录编码', '事项代码', '政务服务事项编码'],
    fallbacks: ['实施编码', '事项实施编码', '实施清单编码', '业务办理项编码', '办理项编码'],
  },
  {
    key: 'mainName',
    zh: '主项名称',
    aliases: ['主项', '主项事项名称', '事项主项名称', '主事项名称'],
    fallbacks: ['事项名称', '政务服务事项名称', '服务事项名称', '目录名称', '实施清单名称'],
  },
  {
    key: 'subName',
    zh: '子项名称',
    aliases: ['子项', '子项事项名称', '事项子项名称', '子事项名称', '业务办理项名称', '办理项名称'],
  },
  {
    key: 'itemType',
    zh: '事项类型',
    aliases: ['权力类型', '事项类别', '职权类型', '权力事项类型', '事项性质'],
  },
  { key: 'level', zh: '层级', aliases: ['行使层级', '实施层级', '事项层级', '层级类别', '所属层级'] },
  {
    key: 'implementingUnit',
    zh: '实施主体',
    aliases: ['实施机构', '实施主体名称', '实施部门', '办理部门', '实施单位', '受理部门', '责任单位'],
  },
  {
    key: 'windowCategory',
    zh: '综合窗口分类',
    aliases: ['窗口分类', '窗口类别', '综窗分类', '综合窗口类别', '进驻窗口', '受理窗口'],
  },
  { key: 'caseKind', zh: '办件类型', aliases: ['办件类别', '事项办件类型', '办件性质'] },
  {
    key: 'modes',
    zh: '办理模式',
    aliases: ['办理方式', '办理形式', '通办模式', '通办方式', '办理渠道'],
  },
  { key: 'audience', zh: '服务对象', aliases: ['面向对象', '服务对象类型', '行使对象', '办理对象'] },
  {
    key: 'legalDays',
    zh: '法定时限',
    unit: '工作日',
    aliases: ['法定办结时限', '法定期限', '法定办理时限', '法定时限天数', '法定办结期限'],
    days: true,
  },
  {
    key: 'promisedDays',
    zh: '承诺时限',
    unit: '工作日',
    aliases: ['承诺办结时限', '承诺期限', '承诺办理时限', '承诺时限天数', '承诺办结期限'],
    days: true,
  },
  {
    key: 'transferDays',
    zh: '流转时限',
    unit: '工作日',
    aliases: ['转办时限', '转递时限', '流转期限'],
    days: true,
  },
  {
    key: 'legalBasis',
    zh: '实施依据',
    aliases: ['设定依据', '法律依据', '设定和实施依据', '设定依据及实施依据', '政策依据', '办理依据'],
    joins: true,
  },
  {
    key: 'materials',
    zh: '申报材料',
    aliases: ['申请材料', '材料', '申请材料目录', '申请材料清单', '所需材料', '提交材料', '申报材料清单'],
  },
  { key: 'process', zh: '办事流程', aliases: ['办理流程', '办理程序', '流程', '办理环节', '办事程序'] },
  {
    key: 'fees',
    zh: '收费标准',
    aliases: ['收费情况', '收费依据及标准', '收费项目及标准', '是否收费及收费标准', '收费', '收费金额'],
  },
  { key: 'fees.charged', zh: '是否收费', aliases: ['收费与否'] },
  { key: 'fees.basis', zh: '收费依据', aliases: ['收费文件'] },
  {
    key: 'forms',
    zh: '表单内容',
    aliases: ['表单', '申请表', '申请表格', '表格下载', '申请表单', '表格', '表单名称'],
  },
  { key: 'conditions', zh: '受理条件', aliases: ['申请条件', '办理条件', '受理标准', '申办条件'] },
  { key: 'jointUnits', zh: '联办单位', aliases: ['联办机构', '联办部门', '协办单位'] },
  { key: 'specialProcedures', zh: '特别程序', aliases: ['特殊环节', '特别程序环节'] },
  { key: 'intermediaryServices', zh: '中介服务', aliases: ['中介服务事项', '涉及中介服务'] },
  { key: 'appointmentCapacity', zh: '预约容量', aliases: ['每时段预约数', '预约人数'] },
  { key: 'bundles', zh: '一件事', aliases: ['所属一件事', '一件事主题', '一件事名称'] },
  {
    key: 'maxVisits',
    zh: '跑动次数',
    unit: '次',
    aliases: ['到办事现场次数', '到现场次数', '最多跑动次数', '跑动次数上限'],
  },
  { key: 'contact.phone', zh: '咨询电话', aliases: ['咨询方式', '咨询电话号码', '联系电话'] },
  {
    key: 'contact.complaintPhone',
    zh: '投诉电话',
    aliases: ['监督投诉电话', '监督电话', '投诉方式', '监督投诉方式'],
  },
  { key: 'contact.place', zh: '办理地点', aliases: ['办公地点', '受理地点', '办理地址', '窗口地址'] },
  { key: 'contact.hours', zh: '办理时间', aliases: ['办公时间', '受理时间', '工作时间', '窗口办公时间'] },
  {
    key: 'revisedOn',
    zh: '更新日期',
    aliases: ['更新时间', '修订日期', '发布日期', '最后更新时间', '调整日期'],
  },
];

/** Columns a list keeps for its own use, which carry no field of an item: ignored without a warning. */
export const OWN_USE_HEADERS: readonly string[] = ['序号', '编号', '排序', '序列号', '行号'];

/** Bracketed notes in a header that only say whether the column is required. */
const REQUIRED_MARKS = /^(必填|必填项|选填|选填项|可选|非必填|可不填|必须)$/;
/** Units a time-limit header may carry: all mean working days (行政许可法 第八十二条: 期限以工作日计算). */
const DAY_UNITS = /^(个?工作日数?|天数?|日)$/;

/** A header as written, reduced to what identifies it: half-width, no white space or line breaks, no marks. */
export function normaliseHeader(text: string): { name: string; notes: string[] } {
  const notes: string[] = [];
  const name = halfWidth(text)
    .replace(/\s+/g, '')
    .replace(/[(（【[〔]([^)）】\]〕]*)[)）】\]〕]/g, (_, inner: string) => {
      if (inner !== '' && !REQUIRED_MARKS.test(inner)) notes.push(inner);
      return '';
    })
    .replace(/^[*★※]+|[*★※:：]+$/g, '')
    .toLowerCase();
  return { name, notes };
}

export interface HeaderMatch {
  spec: HeaderSpec;
  /** Matched a fallback header: used only when no primary header of the field is present. */
  fallback: boolean;
  /** The unit or note the header carried in brackets, if any. */
  unit?: string;
}

const byName = new Map<string, { spec: HeaderSpec; fallback: boolean }>();
const put = (text: string, spec: HeaderSpec, fallback: boolean) => {
  const name = normaliseHeader(text).name;
  const other = byName.get(name);
  if (other && other.spec !== spec)
    throw new Error(`header ${text} names both ${other.spec.key} and ${spec.key}`);
  byName.set(name, { spec, fallback });
};
for (const spec of HEADERS) {
  const key = spec.key.toLowerCase();
  // The layout's own `中文 englishKey` headers (exports before the zh-only template), and the key alone.
  for (const name of [spec.zh, ...spec.aliases]) {
    put(name, spec, false);
    put(`${name}${key}`, spec, false);
  }
  put(key, spec, false);
  for (const name of spec.fallbacks ?? []) put(name, spec, true);
}
const ownUse = new Set(OWN_USE_HEADERS.map((h) => normaliseHeader(h).name));

/** The field a header names, or undefined. */
export function matchHeader(text: string): HeaderMatch | undefined {
  const { name, notes } = normaliseHeader(text);
  const hit = byName.get(name);
  if (!hit) return undefined;
  return notes.length > 0 ? { ...hit, unit: notes.join('，') } : hit;
}

/** True for 序号 and the like: a column of the list's own, ignored without a warning. */
export function isOwnUseHeader(text: string): boolean {
  return ownUse.has(normaliseHeader(text).name);
}

/**
 * Whether a time-limit header's unit can be read as working days: undefined when it can, else why not
 * (自然日 are calendar days; 月 and 小时 are not days at all).
 */
export function badDayUnit(unit: string | undefined): string | undefined {
  if (unit === undefined) return undefined;
  return unit.split('，').every((u) => DAY_UNITS.test(u)) ? undefined : unit;
}

/** The header the template writes for a field: 承诺时限（工作日）. */
export function templateHeader(spec: HeaderSpec): string {
  return spec.unit ? `${spec.zh}（${spec.unit}）` : spec.zh;
}

export function headerSpec(key: string): HeaderSpec {
  const spec = HEADERS.find((h) => h.key === key);
  if (!spec) throw new Error(`no header for field ${key}`);
  return spec;
}

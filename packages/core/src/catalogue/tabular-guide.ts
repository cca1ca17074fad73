/**
 * The 填表说明 of the catalogue template (`tongban items export --template`): for each column what it means, the
 * values it takes, an example and the clause of the seeds it comes from; and the lists of the template's
 * drop-downs. An administrator fills the template in Excel from this sheet alone.
 */
import { COLUMNS } from './tabular-columns.js';
import { templateHeader } from './tabular-headers.js';
import { TERMS, type Terms } from './tabular-terms.js';

export interface ColumnGuide {
  key: string;
  header: string;
  required: boolean;
  meaning: string;
  allowed: string;
  example: string;
  clause: string;
  /** The drop-down of the column: its values, and whether other values may be typed. */
  choices?: { values: readonly string[]; others: 'refuse' | 'warn' | 'allow' };
  /** Column width in characters. */
  width: number;
}

/** The comprehensive window categories seed 001 5.1.1 names (at most six in a hall). */
export const SEED_WINDOW_CATEGORIES = [
  '法人事务',
  '社会事务',
  '社保医保',
  '纳税服务',
  '公安服务',
  '公共服务',
];

const firstTerms = (terms: Terms) => Object.values(terms).map((w) => w[0]!);

type Entry = Omit<ColumnGuide, 'key' | 'header' | 'required' | 'width'> & { width?: number };
const GUIDE: Readonly<Record<string, Entry>> = {
  itemCode: {
    meaning: '国家政务服务事项基本目录的事项编码，省市县各级相同（三级十同）。以文本填写，保留开头的0',
    allowed: '4-50位半角字母、数字、-、_',
    example: '000173001000',
    clause: 'seed 004 3.10',
    width: 18,
  },
  mainName: {
    meaning: '事项的主项名称（三级十同）',
    allowed: '文字',
    example: '居民身份证申领',
    clause: 'seed 004 3.10',
  },
  subName: {
    meaning: '子项名称；事项没有子项时留空',
    allowed: '文字，或留空',
    example: '有效期满换领',
    clause: 'seed 004 3.10',
  },
  itemType: {
    meaning: '事项类型（三级十同）',
    allowed: firstTerms(TERMS.itemType).join('、'),
    example: '行政许可',
    clause: 'seed 004 3.10, 4.1',
    choices: { values: firstTerms(TERMS.itemType), others: 'refuse' },
  },
  level: {
    meaning: '行使层级；留空时按实施主体名称判断（…省…厅为省级，…区/县…为县级）',
    allowed: firstTerms(TERMS.level).join('、'),
    example: '县级',
    clause: 'seed 004 3.10（省、市、县三级）',
    choices: { values: firstTerms(TERMS.level), others: 'refuse' },
    width: 10,
  },
  implementingUnit: {
    meaning: '实施主体：以自己名义办理该事项的机关（事项编码、层级、实施主体三者确定一行）',
    allowed: '机关全称',
    example: '哈尔滨市道里区市场监督管理局',
    clause: 'seed 004 3.10',
  },
  windowCategory: {
    meaning: '本大厅的综合窗口分类，一个大厅不超过6类；留空时放入“综合窗口”',
    allowed: `本大厅的分类，例如 ${SEED_WINDOW_CATEGORIES.join('、')}`,
    example: '法人事务',
    clause: 'seed 001 5.1.1',
    choices: { values: SEED_WINDOW_CATEGORIES, others: 'warn' },
    width: 12,
  },
  caseKind: {
    meaning: '办件类型；留空时按承诺时限判断（0为即办件，否则承诺件）',
    allowed: firstTerms(TERMS.caseKind).join('、'),
    example: '承诺件',
    clause: 'seed 001 4.2.2',
    choices: { values: firstTerms(TERMS.caseKind), others: 'refuse' },
    width: 10,
  },
  modes: {
    meaning: '办理模式；可填多个，用顿号或换行分隔；留空时为窗口办',
    allowed: firstTerms(TERMS.modes).join('、'),
    example: '窗口办、全程网办',
    clause: 'seed 000 4.1',
    choices: { values: firstTerms(TERMS.modes), others: 'allow' },
    width: 16,
  },
  audience: {
    meaning: '服务对象；可填多个，用顿号分隔；留空时为自然人、法人',
    allowed: '自然人、法人（也可写 企业法人、其他组织、个体工商户 等）',
    example: '自然人',
    clause: 'seed 000 4.3',
    width: 12,
  },
  legalDays: {
    meaning: '法律法规规定的办结时限，以工作日计；法律未规定的填“无”（以承诺时限为准）',
    allowed: '整数（工作日），或 即办、无',
    example: '20',
    clause: 'seed 000 4.3',
    width: 10,
  },
  promisedDays: {
    meaning: '承诺办结时限，以工作日计，不超过法定时限；即办件填0（三级十同）',
    allowed: '整数（工作日），或 即办',
    example: '15',
    clause: 'seed 004 3.10; seed 000 4.3; seed 001 4.2.2',
    width: 10,
  },
  transferDays: {
    meaning: '异地代收时材料流转的时限（工作日）；有异地代收模式时必填',
    allowed: '整数（工作日），或留空',
    example: '2',
    clause: 'seed 000 表2',
    width: 10,
  },
  legalBasis: {
    meaning: '实施依据（三级十同），每行一条（Alt+Enter换行）',
    allowed: '法律、法规、规章的名称和条款',
    example: '《中华人民共和国居民身份证法》第十一条',
    clause: 'seed 004 3.10; seed 000 4.3',
    width: 40,
  },
  materials: {
    meaning:
      '申报材料（三级十同），每行一项，或用；、分隔；括号内注明：(原件)(核验原件)(复印件2份)(可容缺)(电子证照)(非必要)',
    allowed: '材料名称加括号说明；无需材料填“无”',
    example: '居民身份证（原件）\n户口簿（复印件1份）\n近期免冠照片（可容缺）',
    clause: 'seed 004 3.10, 6.2, 6.5; seed 003 九',
    width: 44,
  },
  process: {
    meaning: '办事流程（三级十同），每行一个环节',
    allowed: '环节名称',
    example: '申请\n受理\n审核\n发证',
    clause: 'seed 004 3.10; seed 000 4.3',
    width: 24,
  },
  fees: {
    meaning: '收费标准（三级十同）；不收费的填“不收费”',
    allowed: '不收费；工本费20元；名称:金额:依据；按面积收取：xx元/平方米',
    example: '工本费20元',
    clause: 'seed 004 3.10; seed 000 4.3',
    width: 24,
  },
  forms: {
    meaning: '表单内容（三级十同），每行一个表单，可在｜后写下载地址',
    allowed: '表单名称，或 名称｜网址；没有表单留空',
    example: '居民身份证申领登记表',
    clause: 'seed 004 3.10',
    width: 28,
  },
  conditions: {
    meaning: '受理条件',
    allowed: '文字，可多行',
    example: '居民身份证有效期满前三个月内',
    clause: 'seed 000 4.3',
    width: 28,
  },
  jointUnits: {
    meaning: '联办件的牵头单位和其他联办单位，每行一个，牵头单位在前',
    allowed: '单位名称；不是联办件留空',
    example: '市市场监督管理局\n市税务局',
    clause: 'seed 001 4.2.2; seed 004 6.7',
    width: 24,
  },
  specialProcedures: {
    meaning: '特别程序（期间不计入办理时限），每行一个：种类:最长天数:说明',
    allowed: firstTerms(TERMS.specialProcedures).join('、'),
    example: '听证:20:依申请组织听证',
    clause: 'seed 004 8.2.6',
    width: 20,
  },
  intermediaryServices: {
    meaning: '中介服务，每行一个：名称:最长天数（不超过30天）',
    allowed: '名称:天数',
    example: '环境影响评价:30',
    clause: 'seed 004 8.5.1',
    width: 20,
  },
  appointmentCapacity: {
    meaning: '每个预约时段可预约的人数；留空为不接受预约',
    allowed: '正整数，或留空',
    example: '20',
    clause: 'seed 002 8.2',
    width: 10,
  },
  bundles: {
    meaning: '所属的“一件事”，每行一个',
    allowed: '一件事名称，或留空',
    example: '新生儿出生一件事',
    clause: 'seed 003 四',
    width: 18,
  },
  maxVisits: {
    meaning: '到办事现场次数：0为零跑动，1为最多跑一次',
    allowed: '0-9的整数；留空为1',
    example: '1',
    clause: 'seed 004 5.2（最多跑一次）',
    width: 10,
  },
  'contact.phone': {
    meaning: '咨询电话',
    allowed: '电话号码',
    example: '0451-12345',
    clause: 'seed 000 4.3',
    width: 16,
  },
  'contact.complaintPhone': {
    meaning: '监督投诉电话',
    allowed: '电话号码',
    example: '12345',
    clause: 'seed 000 7.2',
    width: 16,
  },
  'contact.place': {
    meaning: '办理地点',
    allowed: '地址',
    example: '区政务服务中心一楼3号窗口',
    clause: 'seed 000 4.3',
    width: 24,
  },
  'contact.hours': {
    meaning: '办理时间',
    allowed: '文字',
    example: '工作日 9:00-17:00',
    clause: 'seed 000 4.3',
    width: 18,
  },
  revisedOn: {
    meaning: '办事指南的更新日期',
    allowed: '日期（年-月-日）',
    example: '2025-01-15',
    clause: 'seed 000 4.2（动态调整）',
    width: 12,
  },
};

/** The guide of every column of the template, in its order. */
export const COLUMN_GUIDE: readonly ColumnGuide[] = COLUMNS.filter((c) => !c.auxiliary).map((c) => {
  const g = GUIDE[c.key];
  if (!g) throw new Error(`no 填表说明 for column ${c.key}`);
  return { key: c.key, header: templateHeader(c.spec), required: c.required === true, width: 22, ...g };
});

/**
 * The Chinese terms accepted in the enumerated columns of a catalogue spreadsheet, by code. The first term of each
 * code is the one export and the template's drop-downs write; the others are the ways real lists write it (the
 * national platform's 行使层级 values 镇（乡、街道）级 and 村（社区）级, 办理形式 网上办理 / 窗口办理, 服务对象 企业法人 ...).
 */
import { halfWidth } from './normalise.js';

export type Terms = Record<string, readonly string[]>;
export const TERMS = {
  itemType: {
    licensing: ['行政许可', '许可'],
    confirmation: ['行政确认', '确认'],
    levy: ['行政征收', '征收'],
    payment: ['行政给付', '给付'],
    award: ['行政奖励', '奖励'],
    filing: ['备案', '行政备案', '其他行政权力（备案）'],
    ruling: ['行政裁决', '裁决'],
    'other-power': ['其他行政权力', '其他权力', '其他职权'],
    'public-service': ['公共服务', '公共服务事项', '便民服务'],
  },
  level: {
    province: ['省级', '省', '省本级'],
    city: ['市级', '市', '地市级', '市本级', '设区的市级'],
    county: ['县级', '县', '区县', '县区级', '区级', '县（市、区）级'],
    township: ['乡镇级', '乡镇', '街道', '镇（乡、街道）级', '乡镇（街道）级', '乡（镇、街道）级'],
    village: ['村级', '村', '社区', '村（社区）级', '社区级'],
  },
  caseKind: { immediate: ['即办件', '即办'], promised: ['承诺件', '承诺'], joint: ['联办件', '联办'] },
  modes: {
    online: ['全程网办', '网办', '网上办理', '全程网上办理', '线上办理', '在线办理'],
    proxyLocal: ['异地代收-属地办理'],
    proxyRemote: ['异地代收-异地办理'],
    window: ['窗口办', '窗口办理', '现场办理', '线下办理', '窗口受理', '大厅办理'],
  },
  audience: {
    person: ['自然人', '个人', '公民'],
    organisation: [
      '法人',
      '法人和其他组织',
      '企业',
      '企业法人',
      '事业单位法人',
      '事业法人',
      '社会组织法人',
      '机关法人',
      '非法人组织',
      '非法人企业',
      '其他组织',
      '社会组织',
      '个体工商户',
    ],
  },
  specialProcedures: {
    hearing: ['听证'],
    tender: ['招标'],
    auction: ['拍卖'],
    inspection: ['检验检测', '检验', '检测'],
    quarantine: ['检疫'],
    appraisal: ['鉴定'],
    expertReview: ['专家评审'],
  },
} satisfies Record<string, Terms>;

export const squash = (s: string) =>
  halfWidth(s)
    .toLowerCase()
    .replace(/[\s\-–—_()（）[\]【】]/g, '');
const lookups = new Map<Terms, { bySquashed: Map<string, string>; seen: Map<string, string | undefined> }>();
export function termOf(terms: Terms, code: string): string {
  return terms[code]?.[0] ?? code;
}
export function codeOf(terms: Terms, text: string): string | undefined {
  let lookup = lookups.get(terms);
  if (!lookup) {
    const bySquashed = new Map<string, string>();
    for (const [code, words] of Object.entries(terms))
      for (const w of [code, ...words]) bySquashed.set(squash(w), code);
    lookup = { bySquashed, seen: new Map() };
    lookups.set(terms, lookup);
  }
  // The same few cell texts repeat on every row of a large catalogue: remember their answers (bounded).
  if (lookup.seen.has(text)) return lookup.seen.get(text);
  const code = lookup.bySquashed.get(squash(text));
  if (lookup.seen.size < 1000) lookup.seen.set(text, code);
  return code;
}
/** `行政许可 (licensing), 行政确认 (confirmation), ...` for a hint. */
export const allowedTerms = (terms: Terms) =>
  Object.entries(terms)
    .map(([c, w]) => `${w[0]} (${c})`)
    .join(', ');

/**
 * The columns of the tabular catalogue layout (see tabular.ts): for each ServiceItem field its Chinese header,
 * English key, and the codec between the field and one cell: the grammar of multi-line cells (申报材料, 收费标准,
 * 特别程序, 中介服务, 表单内容) and the Chinese terms accepted for each enumeration.
 */
import { TongbanError } from '../errors/tongban-error.js';
import { halfWidth } from './normalise.js';
import type { ServiceItem as Item } from './service-item.js';

export type Terms = Record<string, readonly string[]>;
export const TERMS = {
  itemType: {
    licensing: ['行政许可', '许可'],
    confirmation: ['行政确认', '确认'],
    levy: ['行政征收', '征收'],
    payment: ['行政给付', '给付'],
    award: ['行政奖励', '奖励'],
    filing: ['备案', '行政备案'],
    ruling: ['行政裁决', '裁决'],
    'other-power': ['其他行政权力', '其他权力'],
    'public-service': ['公共服务'],
  },
  level: {
    province: ['省级', '省'],
    city: ['市级', '市'],
    county: ['县级', '县', '区县'],
    township: ['乡镇级', '乡镇', '街道'],
    village: ['村级', '村', '社区'],
  },
  caseKind: { immediate: ['即办件', '即办'], promised: ['承诺件', '承诺'], joint: ['联办件', '联办'] },
  modes: {
    online: ['全程网办', '网办'],
    proxyLocal: ['异地代收-属地办理'],
    proxyRemote: ['异地代收-异地办理'],
    window: ['窗口办', '窗口办理'],
  },
  audience: { person: ['自然人', '个人'], organisation: ['法人', '法人和其他组织', '企业'] },
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
const allowed = (terms: Terms) =>
  Object.entries(terms)
    .map(([c, w]) => `${w[0]} (${c})`)
    .join(', ');

/** Reports a problem of the cell being read; `line` is 1-based within the cell. */
export type Note = (severity: 'error' | 'warning', message: string, hint: string, line?: number) => void;

export interface Column {
  key: string;
  zh: string;
  aliases?: string[];
  required?: boolean;
  write(item: Item): string | number;
  read(cell: string | number, note: Note): unknown;
}

const SEP = /[|｜]/;
const COLON = /[:：]/;
const LINE_BREAK = /\r\n|\r|\n/;
const lines = (s: string) =>
  s
    .split(LINE_BREAK)
    .map((l) => l.trim())
    .filter((l) => l !== '');
const text = (cell: string | number) => String(cell).trim();

/** Refuse to write a value the grammar could not read back. */
function safe(value: string, where: string, forbid: RegExp): string {
  if (forbid.test(value)) {
    throw new TongbanError(
      'tabular.unrepresentable',
      `${where} "${value}" holds a character the table uses as a separator`,
      {
        where: { field: where },
        hint: 'remove line breaks (and "|", "｜", ":" where the grammar uses them) from that value',
      },
    );
  }
  return value;
}

/** A whole number, accepting full-width digits (warning) and a 工作日 suffix for day counts. */
function wholeNumber(cell: string | number, note: Note, what: string, line?: number): number | undefined {
  if (typeof cell === 'number') {
    if (Number.isInteger(cell)) return cell;
    note('error', `${what} ${cell} is not a whole number`, 'write a whole number such as 20', line);
    return undefined;
  }
  const raw = cell.trim();
  if (raw === '') return undefined;
  const half = halfWidth(raw).replace(/\s+/g, '');
  if (half !== raw.replace(/\s+/g, '')) {
    note(
      'warning',
      `${what} "${raw}" used full-width characters; read as "${half}"`,
      'type digits in half-width (English input mode)',
      line,
    );
  }
  const m = /^(\d+)(?:个?工作日)?$/.exec(half);
  if (m) return Number(m[1]);
  note(
    'error',
    `${what} "${raw}" is not a whole number`,
    'write only the number, e.g. 20 (working days)',
    line,
  );
  return undefined;
}

function amountOf(s: string, note: Note, line: number): number | undefined {
  const half = halfWidth(s).replace(/\s+/g, '');
  if (half !== s.replace(/\s+/g, ''))
    note(
      'warning',
      `amount "${s}" used full-width characters; read as "${half}"`,
      'type digits in half-width',
      line,
    );
  const m = /^(\d+(?:\.\d+)?(?:e[+-]?\d+)?)元?$/i.exec(half);
  if (m) return Number(m[1]);
  note(
    'error',
    `fee amount "${s}" is not a number of yuan`,
    'write the fee as 名称:金额:依据, e.g. 工本费:20:价格文件',
    line,
  );
  return undefined;
}

const plain = (key: keyof Item, zh: string, o: Partial<Column> = {}): Column => ({
  key,
  zh,
  write: (item) => safe(String(item[key] ?? ''), key, /[\r\n]/),
  read: (cell) => text(cell) || (key === 'subName' ? '' : undefined),
  ...o,
});
const freeText = (key: 'conditions', zh: string): Column => ({
  key,
  zh,
  write: (item) => item[key] ?? '',
  read: (cell) => text(cell).replace(/\r\n?/g, '\n') || undefined,
});
const int = (key: keyof Item, zh: string, o: Partial<Column> = {}): Column => ({
  key,
  zh,
  write: (item) => (item[key] as number | undefined) ?? '',
  read: (cell, note) => wholeNumber(cell, note, zh),
  ...o,
});
const oneOf = (key: 'itemType' | 'level' | 'caseKind', zh: string, terms: Terms): Column => ({
  key,
  zh,
  required: true,
  write: (item) => termOf(terms, item[key]),
  read: (cell, note) => {
    const t = text(cell);
    if (t === '') return undefined;
    const code = codeOf(terms, t);
    if (code === undefined) note('error', `${zh} "${t}" is not known`, `use one of: ${allowed(terms)}`);
    return code ?? t;
  },
});
const manyOf = (key: 'modes' | 'audience', zh: string, terms: Terms): Column => ({
  key,
  zh,
  required: true,
  write: (item) => item[key].map((c) => termOf(terms, c)).join('\n'),
  read: (cell, note) =>
    text(cell)
      .split(/[\r\n、，,;；/]+/)
      .map((s) => s.trim())
      .filter((s) => s !== '')
      .map((s, i) => {
        const code = codeOf(terms, s);
        if (code === undefined)
          note('error', `${zh} "${s}" is not known`, `use one of: ${allowed(terms)}`, i + 1);
        return code ?? s;
      }),
});
const list = (
  key: 'legalBasis' | 'process' | 'jointUnits' | 'bundles',
  zh: string,
  o: Partial<Column> = {},
): Column => ({
  key,
  zh,
  write: (item) => item[key].map((v) => safe(v, key, /[\r\n]/)).join('\n'),
  read: (cell) => lines(text(cell)),
  ...o,
});
const contact = (key: 'phone' | 'complaintPhone' | 'place' | 'hours', zh: string): Column => ({
  key: `contact.${key}`,
  zh,
  write: (item) => safe(item.contact[key] ?? '', key, /[\r\n]/),
  read: (cell) => text(cell) || undefined,
});

const MATERIAL_MARKS =
  '主要 or 次要, 容缺, 原件, 复印N, 电子证照:名称, 依据:…, 出具:…, 备注:…, separated by ｜ (e.g. 居民身份证｜主要｜原件｜复印1｜电子证照:居民身份证)';
const materials: Column = {
  key: 'materials',
  zh: '申报材料',
  aliases: ['申请材料', '材料'],
  required: true,
  write: (item) =>
    item.materials
      .map((m) => {
        const v = (s: string, f: string) => safe(s, `materials.${f}`, /[\r\n|｜]/);
        const parts = [v(m.name, 'name'), m.kind === 'key' ? '主要' : '次要'];
        if (m.tolerable) parts.push('容缺');
        if (m.original) parts.push('原件');
        if (m.copies > 0) parts.push(`复印${m.copies}`);
        if (m.eLicence !== undefined) parts.push(`电子证照:${v(m.eLicence, 'eLicence')}`);
        if (m.basis !== undefined) parts.push(`依据:${v(m.basis, 'basis')}`);
        if (m.issuer !== undefined) parts.push(`出具:${v(m.issuer, 'issuer')}`);
        if (m.note !== undefined) parts.push(`备注:${v(m.note, 'note')}`);
        return parts.join('｜');
      })
      .join('\n'),
  read: (cell, note) =>
    lines(text(cell)).map((l, i) => {
      const [name = '', ...marks] = l.split(SEP).map((s) => s.trim());
      const m: Record<string, unknown> = { name };
      if (name === '')
        note(
          'error',
          `material line "${l}" has no name before ｜`,
          `write the name first, then the marks: ${MATERIAL_MARKS}`,
          i + 1,
        );
      for (const mark of marks) {
        const half = halfWidth(mark);
        const kv = /^([^:：]+)[:：](.*)$/.exec(mark);
        const copies = /^复印件?\s*(\d+)\s*份?$/.exec(half);
        if (/^(主要|主要材料|key)$/i.test(half)) m['kind'] = 'key';
        else if (/^(次要|次要材料|secondary)$/i.test(half)) m['kind'] = 'secondary';
        else if (/^(容缺|tolerable)$/i.test(half)) m['tolerable'] = true;
        else if (/^(原件|原件核验|original)$/i.test(half)) m['original'] = true;
        else if (copies) {
          if (half !== mark)
            note(
              'warning',
              `"${mark}" used full-width digits; read as ${copies[1]}`,
              'type digits in half-width',
              i + 1,
            );
          m['copies'] = Number(copies[1]);
        } else if (kv && /^(电子证照|elicence)$/i.test(kv[1]!.trim())) m['eLicence'] = kv[2]!.trim();
        else if (kv && /^(依据|basis)$/i.test(kv[1]!.trim())) m['basis'] = kv[2]!.trim();
        else if (kv && /^(出具|开具单位|issuer)$/i.test(kv[1]!.trim())) m['issuer'] = kv[2]!.trim();
        else if (kv && /^(备注|note)$/i.test(kv[1]!.trim())) m['note'] = kv[2]!.trim();
        else if (mark !== '')
          note(
            'error',
            `material "${name}": unknown mark "${mark}"`,
            `use the marks ${MATERIAL_MARKS}`,
            i + 1,
          );
      }
      return m;
    }),
};
const fees: Column = {
  key: 'fees',
  zh: '收费标准',
  write: (item) =>
    item.fees.length === 0
      ? '不收费'
      : item.fees
          .map((f) => {
            const head = `${safe(f.name, 'fees.name', /[\r\n:：]/)}:${f.amount}`;
            return f.basis === undefined ? head : `${head}:${safe(f.basis, 'fees.basis', /[\r\n]/)}`;
          })
          .join('\n'),
  read: (cell, note) => {
    const all = lines(text(cell));
    if (all.length === 1 && /^(不收费|免费|无|none|free)$/i.test(all[0]!)) return [];
    return all.map((l, i) => {
      const [name = '', amount, ...basis] = l.split(COLON);
      const fee: Record<string, unknown> = { name: name.trim() };
      if (amount === undefined)
        note(
          'error',
          `fee "${l}" has no amount`,
          'write the fee as 名称:金额:依据, e.g. 工本费:20:价格文件',
          i + 1,
        );
      else fee['amount'] = amountOf(amount.trim(), note, i + 1);
      if (basis.length > 0)
        fee['basis'] = l
          .slice(l.search(COLON) + 1)
          .replace(/^[^:：]*[:：]/, '')
          .trim();
      return fee;
    });
  },
};
const forms: Column = {
  key: 'forms',
  zh: '表单内容',
  aliases: ['表单', '申请表'],
  write: (item) =>
    item.forms
      .map((f) => {
        const name = safe(f.name, 'forms.name', /[\r\n|｜]/);
        return f.url === undefined ? name : `${name}｜${safe(f.url, 'forms.url', /[\r\n|｜]/)}`;
      })
      .join('\n'),
  read: (cell) =>
    lines(text(cell)).map((l) => {
      const [name = '', url] = l.split(SEP).map((s) => s.trim());
      return url === undefined ? { name } : { name, url };
    }),
};
const procedures: Column = {
  key: 'specialProcedures',
  zh: '特别程序',
  write: (item) =>
    item.specialProcedures
      .map((p) => {
        let s = termOf(TERMS.specialProcedures, p.kind);
        if (p.maxDays !== undefined || p.note !== undefined) s += `:${p.maxDays ?? ''}`;
        if (p.note !== undefined) s += `:${safe(p.note, 'specialProcedures.note', /[\r\n]/)}`;
        return s;
      })
      .join('\n'),
  read: (cell, note) =>
    lines(text(cell)).map((l, i) => {
      const [kind = '', days, ...rest] = l.split(COLON);
      const code = codeOf(TERMS.specialProcedures, kind.trim());
      if (code === undefined)
        note(
          'error',
          `特别程序 "${kind.trim()}" is not known`,
          `write 种类:最长天数:说明 with a 种类 of: ${allowed(TERMS.specialProcedures)}`,
          i + 1,
        );
      const p: Record<string, unknown> = { kind: code ?? kind.trim() };
      if (days !== undefined && days.trim() !== '')
        p['maxDays'] = wholeNumber(days, note, '特别程序天数', i + 1);
      if (rest.length > 0) p['note'] = l.replace(/^[^:：]*[:：][^:：]*[:：]/, '').trim();
      return p;
    }),
};
const intermediaries: Column = {
  key: 'intermediaryServices',
  zh: '中介服务',
  write: (item) =>
    item.intermediaryServices
      .map((s) => `${safe(s.name, 'intermediaryServices.name', /[\r\n:：]/)}:${s.maxDays}`)
      .join('\n'),
  read: (cell, note) =>
    lines(text(cell)).map((l, i) => {
      const [name = '', days] = l.split(COLON);
      return {
        name: name.trim(),
        maxDays: days === undefined ? undefined : wholeNumber(days, note, '中介服务天数', i + 1),
      };
    }),
};

/** The columns, in the order itemsToRows writes them. */
export const COLUMNS: readonly Column[] = [
  plain('itemCode', '事项编码', { required: true }),
  plain('mainName', '主项名称', { required: true, aliases: ['事项名称'] }),
  plain('subName', '子项名称'),
  oneOf('itemType', '事项类型', TERMS.itemType),
  oneOf('level', '层级', TERMS.level),
  plain('implementingUnit', '实施主体', { required: true }),
  plain('windowCategory', '综合窗口分类', { required: true, aliases: ['窗口分类'] }),
  oneOf('caseKind', '办件类型', TERMS.caseKind),
  manyOf('modes', '办理模式', TERMS.modes),
  manyOf('audience', '服务对象', TERMS.audience),
  int('legalDays', '法定时限', { required: true }),
  int('promisedDays', '承诺时限', { required: true }),
  int('transferDays', '流转时限', { aliases: ['转办时限'] }),
  list('legalBasis', '实施依据', { required: true, aliases: ['设定依据'] }),
  materials,
  list('process', '办事流程', { required: true, aliases: ['办理流程'] }),
  fees,
  forms,
  freeText('conditions', '受理条件'),
  list('jointUnits', '联办单位'),
  procedures,
  intermediaries,
  int('appointmentCapacity', '预约容量'),
  list('bundles', '一件事'),
  int('maxVisits', '跑动次数', { aliases: ['到办事现场次数'] }),
  contact('phone', '咨询电话'),
  contact('complaintPhone', '投诉电话'),
  contact('place', '办理地点'),
  contact('hours', '办理时间'),
];

/** The columns of the layout: header text, field key, whether a file must have it. */
export const TABULAR_COLUMNS: readonly { header: string; zh: string; key: string; required: boolean }[] =
  COLUMNS.map((c) => ({ header: `${c.zh} ${c.key}`, zh: c.zh, key: c.key, required: c.required === true }));

/** 'A'..'Z', 'AA'.. for a 0-based column index. */
export function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

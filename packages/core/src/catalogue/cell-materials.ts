/**
 * The 申报材料 cell (seed 004 3.10 申报材料), one material per line, in either of two grammars:
 * - the layout's marks, as export writes them: `名称｜主要|次要｜容缺｜原件｜复印N｜电子证照:证照名｜依据:…｜出具:…｜备注:…`;
 * - as people write them: one per line or separated by ；;、 (never inside brackets), numbered or not, with notes in
 *   brackets after the name: 居民身份证（原件）, 户口簿（复印件2份）, 近期照片（可容缺）, 营业执照（电子证照）,
 *   委托书（非必要）. A note that is not understood is a warning naming the cell and the text, and is kept as the
 *   material's note, never folded into its name.
 */
import {
  type CellValue,
  lines,
  NONE_WORDS,
  type Note,
  NUMBERING,
  safe,
  splitOutsideBrackets,
  text,
} from './cell-text.js';
import { halfWidth } from './normalise.js';
import type { Material } from './service-item.js';

const SEP = /[|｜]/;
export const MATERIAL_MARKS =
  '主要 or 次要, 容缺, 原件, 复印N, 电子证照:名称, 依据:…, 出具:…, 备注:…, separated by ｜ (e.g. 居民身份证｜主要｜原件｜复印1｜电子证照:居民身份证)';
export const MATERIAL_NOTES =
  '(原件) (核验原件) (复印件2份) (原件及复印件各1份) (可容缺) (容缺) (电子证照) (非必要) (必要)';

const CHINESE_DIGITS: Record<string, number> = {
  一: 1,
  两: 2,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  十: 10,
};
const count = (s: string | undefined) => (s === undefined || s === '' ? 1 : (CHINESE_DIGITS[s] ?? Number(s)));

type Parsed = Record<string, unknown>;

/** The line of its cell each material read stands on (several materials may share a line: 身份证、户口簿). */
export const MATERIAL_LINE = new WeakMap<object, number>();
/** The notes people put in brackets after a material's name, each setting fields of the material. */
const NOTE_RULES: readonly [RegExp, (m: RegExpExecArray, out: Parsed) => void][] = [
  [
    /^(原件|提供原件|原件核验|核验原件|验原件|查验原件|原件查验|交验原件|原件备查|原件1份|原件一份)$/,
    (_, o) => (o['original'] = true),
  ],
  [
    /^(?:提供)?复印件(?:各)?(\d+|[一两二三四五六七八九十])?份?$/,
    (m, o) => {
      o['copies'] = count(m[1]);
    },
  ],
  [
    /^原件(?:及|和|与|、)复印件(?:各)?(\d+|[一两二三四五六七八九十])?份?$/,
    (m, o) => {
      o['original'] = true;
      o['copies'] = count(m[1]);
    },
  ],
  [
    /^(可容缺|容缺|容缺受理|可容缺受理|容缺后补|可容缺后补)$/,
    (_, o) => {
      o['tolerable'] = true;
      o['kind'] ??= 'secondary';
    },
  ],
  [
    /^(非必要|非必需|非必须|非必要材料|选交|选择性提交|如有|可选|次要|次要材料)$/,
    (_, o) => (o['kind'] = 'secondary'),
  ],
  [/^(必要|必需|必须|必交|必要材料|主要|主要材料)$/, (_, o) => (o['kind'] = 'key')],
  [
    /^(电子证照|可用电子证照|电子证照免提交|电子证照替代|已有电子证照)$/,
    (_, o) => (o['eLicence'] = o['name']),
  ],
  [/^电子证照[:：](.+)$/, (m, o) => (o['eLicence'] = m[1]!.trim())],
];

/** A trailing bracketed note: 居民身份证（原件） -> ['居民身份证', '原件']. */
const TRAILING_NOTE = /^(.*?)\s*[(（【]([^()（）【】]*)[)）】]\s*$/;

function readPeopleMaterial(entry: string, note: Note, line: number): Parsed {
  let name = entry
    .replace(NUMBERING, '')
    .replace(/[。.，,；;]+$/, '')
    .trim();
  const notes: string[] = [];
  for (let m = TRAILING_NOTE.exec(name); m && m[1] !== ''; m = TRAILING_NOTE.exec(name)) {
    notes.unshift(m[2]!.trim());
    name = m[1]!.trim();
  }
  const out: Parsed = { name };
  const unknown: string[] = [];
  for (const n of notes) {
    for (const piece of n
      .split(/[，,、；;]/)
      .map((p) => halfWidth(p).replace(/\s+/g, ''))
      .filter(Boolean)) {
      const rule = NOTE_RULES.find(([re]) => re.test(piece));
      if (rule) rule[1](rule[0].exec(piece)!, out);
      else unknown.push(piece);
    }
  }
  if (unknown.length > 0) {
    const said = unknown.join('，');
    out['note'] = said;
    note(
      'warning',
      `material "${name}": the note "${said}" is not understood; kept as the material's note`,
      `notes that set the material: ${MATERIAL_NOTES}`,
      line,
    );
  }
  if (name === '')
    note('error', `material "${entry}" has no name`, 'write the material’s name before the note', line);
  return out;
}

function readMarkedMaterial(l: string, note: Note, line: number): Parsed {
  const [name = '', ...marks] = l.split(SEP).map((s) => s.trim());
  const m: Parsed = { name };
  if (name === '')
    note(
      'error',
      `material line "${l}" has no name before ｜`,
      `write the name first, then the marks: ${MATERIAL_MARKS}`,
      line,
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
          line,
        );
      m['copies'] = Number(copies[1]);
    } else if (kv && /^(电子证照|elicence)$/i.test(kv[1]!.trim())) m['eLicence'] = kv[2]!.trim();
    else if (kv && /^(依据|basis)$/i.test(kv[1]!.trim())) m['basis'] = kv[2]!.trim();
    else if (kv && /^(出具|开具单位|issuer)$/i.test(kv[1]!.trim())) m['issuer'] = kv[2]!.trim();
    else if (kv && /^(备注|note)$/i.test(kv[1]!.trim())) m['note'] = kv[2]!.trim();
    else if (mark !== '')
      note('error', `material "${name}": unknown mark "${mark}"`, `use the marks ${MATERIAL_MARKS}`, line);
  }
  return m;
}

/**
 * The materials of one line as people write them. A line with ；or ; is split there only (a 、 inside a name stays:
 * 设备设施布局、操作流程等文件); a line without is split at 、. A numbering 1、 is a number, not a separator.
 */
function peopleEntries(line: string): string[] {
  const numbered = line.replace(/(^|[；;、]\s*)(\d+)、/g, '$1$2.');
  return splitOutsideBrackets(numbered, /[；;]/.test(numbered) ? '；;' : '、');
}

export function readMaterials(cell: CellValue, note: Note): Parsed[] {
  const all = lines(text(cell));
  if (all.length === 1 && NONE_WORDS.test(halfWidth(all[0]!).replace(/\s+/g, ''))) return [];
  const out: Parsed[] = [];
  // A cell's lines are counted for the problems: `line` is the line of the cell the material stands on.
  all.forEach((l, i) => {
    const read = SEP.test(l)
      ? [readMarkedMaterial(l, note, i + 1)]
      : peopleEntries(l).map((entry) => readPeopleMaterial(entry, note, i + 1));
    for (const m of read) MATERIAL_LINE.set(m, i + 1);
    out.push(...read);
  });
  return out;
}

export function writeMaterials(materials: readonly Material[]): string {
  return materials
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
    .join('\n');
}

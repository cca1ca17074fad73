/**
 * The columns of the tabular catalogue layout (see tabular.ts): for each field its key and the codec between the
 * field and one cell. The headers of each column (the template's and the aliases of real lists) are data in
 * tabular-headers.ts; the grammars of the multi-line cells are in cell-*.ts; the Chinese terms of the enumerations
 * in tabular-terms.ts.
 */

import { readDate } from './cell-dates.js';
import { readWholeNumber } from './cell-days.js';
import { readFees, writeFees } from './cell-fees.js';
import { readMaterials, writeMaterials } from './cell-materials.js';
import { type CellValue, lines, NONE_WORDS, type Note, safe, text, unnumbered } from './cell-text.js';
import type { ServiceItem as Item } from './service-item.js';
import { type HeaderSpec, headerSpec } from './tabular-headers.js';
import { allowedTerms, codeOf, TERMS, type Terms, termOf } from './tabular-terms.js';

export type { Note } from './cell-text.js';
export { codeOf, squash, TERMS, type Terms, termOf } from './tabular-terms.js';

export interface Column {
  key: string;
  /** The template's header without its unit (承诺时限), used in messages. */
  zh: string;
  spec: HeaderSpec;
  /** A file without this column is refused (the 三级十同 elements of seed 004 3.10, the time limits, the key). */
  required?: boolean;
  /** Auxiliary columns are read into another field and never written (是否收费, 收费依据). */
  auxiliary?: boolean;
  write(item: Item): string | number;
  read(cell: CellValue, note: Note): unknown;
}

/** A list of one entry named 无 or - would read back as no entry at all: refuse to write it. */
function noneGuard<T extends { name: string }>(list: readonly T[], where: string): readonly T[] {
  if (list.length === 1 && NONE_WORDS.test(list[0]!.name)) safe(list[0]!.name, `${where}.name`, /[\s\S]/);
  return list;
}

const column = (key: string, o: Omit<Column, 'key' | 'zh' | 'spec'>): Column => {
  const spec = headerSpec(key);
  return { key, zh: spec.zh, spec, ...o };
};

const plain = (key: keyof Item, o: Partial<Column> = {}): Column =>
  column(key, {
    write: (item) => safe(String(item[key] ?? ''), key, /[\r\n]/),
    read: (cell) => text(cell) || (key === 'subName' ? '' : undefined),
    ...o,
  });
const freeText = (key: 'conditions'): Column =>
  column(key, {
    write: (item) => item[key] ?? '',
    read: (cell) => text(cell).replace(/\r\n?/g, '\n') || undefined,
  });
const int = (key: keyof Item, o: Partial<Column> & { days?: boolean } = {}): Column =>
  column(key, {
    write: (item) => (item[key] as number | undefined) ?? '',
    read: (cell, note) =>
      readWholeNumber(cell, note, headerSpec(key).zh, {
        sameDay: o.days === true,
        noLimit: key === 'legalDays',
      }),
    ...o,
  });
const oneOf = (key: 'itemType' | 'level' | 'caseKind', terms: Terms, o: Partial<Column> = {}): Column =>
  column(key, {
    write: (item) => termOf(terms, item[key]),
    read: (cell, note) => {
      const t = text(cell);
      if (t === '') return undefined;
      const code = codeOf(terms, t);
      if (code === undefined)
        note('error', `${headerSpec(key).zh} "${t}" is not known`, `use one of: ${allowedTerms(terms)}`);
      return code ?? t;
    },
    ...o,
  });
const manyOf = (key: 'modes' | 'audience', terms: Terms): Column =>
  column(key, {
    write: (item) => item[key].map((c) => termOf(terms, c)).join('\n'),
    read: (cell, note) => {
      const t = text(cell);
      if (t === '') return undefined;
      return t
        .split(/[\r\n、，,;；/]+/)
        .map((s) => s.trim())
        .filter((s) => s !== '')
        .map((s, i) => {
          const code = codeOf(terms, s);
          if (code === undefined)
            note(
              'error',
              `${headerSpec(key).zh} "${s}" is not known`,
              `use one of: ${allowedTerms(terms)}`,
              i + 1,
            );
          return code ?? s;
        });
    },
  });
const list = (key: 'legalBasis' | 'process' | 'jointUnits' | 'bundles', o: Partial<Column> = {}): Column =>
  column(key, {
    write: (item) => item[key].map((v) => safe(v, key, /[\r\n]/)).join('\n'),
    read: (cell) => lines(text(cell)),
    ...o,
  });
const contact = (key: 'phone' | 'complaintPhone' | 'place' | 'hours'): Column =>
  column(`contact.${key}`, {
    write: (item) => safe(item.contact[key] ?? '', key, /[\r\n]/),
    read: (cell) => text(cell) || undefined,
  });

const procedures = column('specialProcedures', {
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
      const [kind = '', days, ...rest] = l.split(/[:：]/);
      const code = codeOf(TERMS.specialProcedures, kind.trim());
      if (code === undefined)
        note(
          'error',
          `特别程序 "${kind.trim()}" is not known`,
          `write 种类:最长天数:说明 with a 种类 of: ${allowedTerms(TERMS.specialProcedures)}`,
          i + 1,
        );
      const p: Record<string, unknown> = { kind: code ?? kind.trim() };
      if (days !== undefined && days.trim() !== '')
        p['maxDays'] = readWholeNumber(days, note, '特别程序天数', { line: i + 1 });
      if (rest.length > 0) p['note'] = l.replace(/^[^:：]*[:：][^:：]*[:：]/, '').trim();
      return p;
    }),
});
const intermediaries = column('intermediaryServices', {
  write: (item) =>
    item.intermediaryServices
      .map((s) => `${safe(s.name, 'intermediaryServices.name', /[\r\n:：]/)}:${s.maxDays}`)
      .join('\n'),
  read: (cell, note) =>
    lines(text(cell)).map((l, i) => {
      const [name = '', days] = l.split(/[:：]/);
      return {
        name: name.trim(),
        maxDays:
          days === undefined ? undefined : readWholeNumber(days, note, '中介服务天数', { line: i + 1 }),
      };
    }),
});
const forms = column('forms', {
  write: (item) =>
    noneGuard(item.forms, 'forms')
      .map((f) => {
        const name = safe(f.name, 'forms.name', /[\r\n|｜]/);
        return f.url === undefined ? name : `${name}｜${safe(f.url, 'forms.url', /[\r\n|｜]/)}`;
      })
      .join('\n'),
  read: (cell) => {
    const all = lines(text(cell));
    if (all.length === 1 && NONE_WORDS.test(all[0]!)) return [];
    return all.map((l) => {
      const [name = '', url] = l.split(/[|｜]/).map((s) => s.trim());
      return url === undefined ? { name } : { name, url };
    });
  },
});

/** 是否收费: 否 means free whatever 收费标准 says; 是 needs an amount in 收费标准. */
const feesCharged = column('fees.charged', {
  auxiliary: true,
  write: () => '',
  read: (cell, note) => {
    const t = text(cell);
    if (t === '') return undefined;
    if (/^(是|收费|有|yes|y)$/i.test(t)) return true;
    if (/^(否|不收费|免费|无|no|n)$/i.test(t)) return false;
    note('error', `是否收费 "${t}" is neither 是 nor 否`, 'write 是 or 否');
    return undefined;
  },
});
const feesBasis = column('fees.basis', {
  auxiliary: true,
  write: () => '',
  read: (cell) => lines(text(cell)).join('；') || undefined,
});

/** The columns, in the order itemsToRows and the template write them. */
export const COLUMNS: readonly Column[] = [
  plain('itemCode', { required: true }),
  plain('mainName', { required: true }),
  plain('subName'),
  oneOf('itemType', TERMS.itemType, { required: true }),
  oneOf('level', TERMS.level),
  plain('implementingUnit', { required: true }),
  plain('windowCategory'),
  oneOf('caseKind', TERMS.caseKind),
  manyOf('modes', TERMS.modes),
  manyOf('audience', TERMS.audience),
  int('legalDays', { required: true, days: true }),
  int('promisedDays', { required: true, days: true }),
  int('transferDays', { days: true }),
  list('legalBasis', { required: true }),
  column('materials', {
    required: true,
    write: (item) => writeMaterials(noneGuard(item.materials, 'materials')),
    read: (cell, note) => readMaterials(cell, note),
  }),
  list('process', {
    required: true,
    write: (item) => {
      const steps = item.process.map((v) => safe(v, 'process', /[\r\n]/));
      // Steps that would read back as a numbered list (and lose their numbers) cannot be written.
      if (unnumbered(steps).some((s, i) => s !== steps[i])) safe(steps.join(' '), 'process', /[\s\S]/);
      return steps.join('\n');
    },
    read: (cell) => unnumbered(lines(text(cell))),
  }),
  column('fees', { required: true, write: (item) => writeFees(item.fees), read: readFees }),
  forms,
  freeText('conditions'),
  list('jointUnits'),
  procedures,
  intermediaries,
  int('appointmentCapacity'),
  list('bundles'),
  int('maxVisits'),
  contact('phone'),
  contact('complaintPhone'),
  contact('place'),
  contact('hours'),
  column('revisedOn', {
    write: (item) => item.revisedOn ?? '',
    read: (cell, note) => readDate(cell, note, '更新日期'),
  }),
  feesCharged,
  feesBasis,
];

/** The columns of the layout: header text, field key, whether a file must have it. */
export const TABULAR_COLUMNS: readonly { header: string; zh: string; key: string; required: boolean }[] =
  COLUMNS.filter((c) => !c.auxiliary).map((c) => ({
    header: c.spec.unit ? `${c.zh}（${c.spec.unit}）` : c.zh,
    zh: c.zh,
    key: c.key,
    required: c.required === true,
  }));

/** 'A'..'Z', 'AA'.. for a 0-based column index. */
export function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

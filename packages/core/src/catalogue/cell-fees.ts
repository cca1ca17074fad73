/**
 * The 收费标准 cell (seed 004 3.10 收费标准; seed 000 4.3 收费情况), one fee per line (or separated by ；):
 * - the layout's own `名称:金额[:依据]` (`:` or `：`, amount in 元), as export writes it;
 * - as people write it: 20元, 工本费10元, 工本费：10元/证, 免费, 不收费, 无 (free);
 * - a standard that is no single amount, kept as written and shown to applicants: 按面积收取：xx元/平方米
 *   (export writes `名称:标准`, and `名称:标准｜依据:…` when it has a basis).
 */
import { type CellValue, lines, type Note, safe, splitOutsideBrackets, text } from './cell-text.js';
import { halfWidth } from './normalise.js';
import type { Fee } from './service-item.js';

/** The name a fee gets when the cell gives only an amount (20元). */
export const UNNAMED_FEE = '费用';

const FREE =
  /^(不收费|免费|免费办理|无|否|免收|免收费用|不收取费用|不收取任何费用|无收费|无收费项目|0元?|none|free)[。.]?$/i;
/** The layout's amount: 20, 0.5, 20元 (full-width digits too). */
const AMOUNT = /^([0-9０-９]+(?:[.．][0-9０-９]+)?(?:e[+-]?\d+)?)\s*元?$/i;
/** As people write an amount: 工本费10元, 10元/证, 工本费20元（首次申领免费）. Matched on half-width text. */
const PEOPLE_AMOUNT = /^(.*?)(\d+(?:\.\d+)?)元(?:\/(?:件|证|本|次|份|个|张|户|人|宗|项|套))?(?:\((.*)\))?$/;
const BASIS_MARK = /[|｜]依据[:：]/;
/** A line in the layout's grammar, read whole (its basis may hold ；). Matched on half-width text. */
const LAYOUT_LINE = /^[^:]+:\d+(?:\.\d+)?(?:e[+-]?\d+)?元?(?::|$)/i;
const HINT = 'write the fee as 工本费10元 or 名称:金额:依据 (e.g. 工本费:20:价格文件), or 不收费';

const squeeze = (s: string) => halfWidth(s).replace(/\s+/g, '');
export const isFreeText = (s: string) => FREE.test(squeeze(s));

function amountOf(s: string, note: Note, line: number): number {
  const half = squeeze(s);
  if (half !== s.replace(/\s+/g, ''))
    note(
      'warning',
      `amount "${s}" used full-width characters; read as "${half}"`,
      'type digits in half-width',
      line,
    );
  return Number(half.replace(/元$/, ''));
}

/** An amount as people write it, with the name before it when there is one. */
function peopleAmount(entry: string, fallbackName: string, note: Note, line: number) {
  const m = PEOPLE_AMOUNT.exec(squeeze(entry));
  if (!m) return undefined;
  if (m[3]) note('warning', `fee "${entry}": the note "${m[3]}" is not kept`, HINT, line);
  const name = (m[1] ?? '').replace(/^(收取|收)/, '') || fallbackName;
  return { name, amount: Number(m[2]) };
}

/** One fee, or undefined when the entry says the item is free. */
function readFee(entry: string, note: Note, line: number): Record<string, unknown> | undefined {
  if (isFreeText(entry)) return undefined;
  const colon = entry.search(/[:：]/);
  if (colon > 0) {
    const name = entry.slice(0, colon).trim();
    let rest = entry.slice(colon + 1).trim();
    let basis: string | undefined;
    const mark = BASIS_MARK.exec(rest);
    if (mark) {
      basis = rest.slice(mark.index + mark[0].length).trim();
      rest = rest.slice(0, mark.index).trim();
    }
    const next = rest.search(/[:：]/);
    const head = (next < 0 ? rest : rest.slice(0, next)).trim();
    if (AMOUNT.test(head)) {
      const fee: Record<string, unknown> = { name, amount: amountOf(head, note, line) };
      if (next >= 0) fee['basis'] = rest.slice(next + 1).trim();
      return fee;
    }
    if (isFreeText(rest)) return undefined;
    const fee: Record<string, unknown> = peopleAmount(rest, name, note, line) ?? standard(name, rest, false);
    if (basis !== undefined) fee['basis'] = basis;
    return fee;
  }
  return peopleAmount(entry, UNNAMED_FEE, note, line) ?? standard(UNNAMED_FEE, entry.trim(), true);

  /** A standard in words: `名称:标准` says so; a text alone that looks like one is kept with a warning. */
  function standard(name: string, value: string, warn: boolean) {
    if (!/元|按|标准|\d|%|％/.test(squeeze(value))) {
      note('error', `fee "${entry}" has no amount`, HINT, line);
      return { name: entry };
    }
    if (warn)
      note(
        'warning',
        `fee "${entry}" has no single amount; kept as the standard "${value}", shown to applicants as written`,
        'write one amount in 元 (e.g. 工本费10元) if there is one',
        line,
      );
    return { name, standard: value };
  }
}

export function readFees(cell: CellValue, note: Note): unknown[] {
  if (typeof cell === 'number') return cell === 0 ? [] : [{ name: UNNAMED_FEE, amount: cell }];
  const all = lines(text(cell));
  const out: unknown[] = [];
  all.forEach((l, i) => {
    const whole = LAYOUT_LINE.test(squeeze(l)) || BASIS_MARK.test(l);
    for (const entry of whole ? [l] : splitOutsideBrackets(l, '；;')) {
      const fee = readFee(entry, note, i + 1);
      if (fee) out.push(fee);
    }
  });
  return out;
}

const unrepresentable = (value: string) => safe(value, 'fees.standard', /[\s\S]/);

export function writeFees(fees: readonly Fee[]): string {
  if (fees.length === 0) return '不收费';
  return fees
    .map((f) => {
      const name = safe(f.name, 'fees.name', /[\r\n:：]/);
      if (f.amount !== undefined) {
        const head = `${name}:${f.amount}`;
        return f.basis === undefined ? head : `${head}:${safe(f.basis, 'fees.basis', /[\r\n]/)}`;
      }
      safe(name, 'fees.name', /[；;]/);
      const value = safe(f.standard ?? '', 'fees.standard', /[\r\n|｜；;]/);
      // A standard that would read back as an amount or as free was never read from a cell: refuse it.
      const head = (next: number) => value.slice(0, next < 0 ? undefined : next).trim();
      if (AMOUNT.test(head(value.search(/[:：]/))) || isFreeText(value) || PEOPLE_AMOUNT.test(squeeze(value)))
        unrepresentable(value);
      return f.basis === undefined
        ? `${name}:${value}`
        : `${name}:${value}｜依据:${safe(f.basis, 'fees.basis', /[\r\n]/)}`;
    })
    .join('\n');
}

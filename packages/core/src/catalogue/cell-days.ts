/**
 * Whole numbers as administrators type them in a time-limit or count cell: 20, ２０ (full-width, with a warning),
 * 20个工作日, 20日, 20天 (日 and 天 are working days: 行政许可法 第八十二条, 期限以工作日计算), 即办 / 当场办结 (0),
 * and for the legal limit 无 (no statutory limit: the promised limit stands in, see tabular-defaults.ts).
 */
import type { CellValue, Note } from './cell-text.js';
import { NONE_WORDS } from './cell-text.js';
import { halfWidth } from './normalise.js';

/** A 法定时限 cell saying there is no statutory limit. */
export const NO_LIMIT: unique symbol = Symbol('no statutory time limit');

/** Decided on the spot: 0 working days. */
const SAME_DAY =
  /^(即办|即办件|即时办结|即时办理|即来即办|当场办结|当场办理|当即办结|当场|立即办理|立等可取|当日办结|当天办结)$/;
const NO_STATUTORY_LIMIT = /^(无法定时限|无时限|无期限|法律未规定|未规定|不适用)$/;
const DAYS = /^(\d+)(?:个)?(?:工作日|天|日)?内?(?:\((.*)\))?$/;

export interface DaysOptions {
  line?: number;
  /** Accept 无 for "no statutory limit" (the 法定时限 column). */
  noLimit?: boolean;
  /** Accept 即办 / 当场办结 as 0 (time-limit columns). */
  sameDay?: boolean;
}

/** A whole number of a cell, or undefined (empty or an error noted), or NO_LIMIT. */
export function readWholeNumber(
  cell: CellValue,
  note: Note,
  what: string,
  opts: DaysOptions = {},
): number | undefined | typeof NO_LIMIT {
  const { line } = opts;
  if (typeof cell === 'number') {
    if (Number.isInteger(cell)) return cell;
    note('error', `${what} ${cell} is not a whole number`, 'write a whole number such as 20', line);
    return undefined;
  }
  const raw = cell.trim();
  if (raw === '') return undefined;
  const half = halfWidth(raw).replace(/\s+/g, '');
  if (opts.sameDay && SAME_DAY.test(half)) return 0;
  if (opts.noLimit && (NONE_WORDS.test(half) || NO_STATUTORY_LIMIT.test(half))) return NO_LIMIT;
  if (/自然日/.test(half)) {
    note(
      'error',
      `${what} "${raw}" is counted in calendar days (自然日); time limits are working days`,
      'convert it to working days on the official calendar and write the number, e.g. 20',
      line,
    );
    return undefined;
  }
  if (half !== raw.replace(/\s+/g, '') && /[０-９]/.test(raw)) {
    note(
      'warning',
      `${what} "${raw}" used full-width characters; read as "${half}"`,
      'type digits in half-width (English input mode)',
      line,
    );
  }
  const m = DAYS.exec(half);
  if (m) {
    if (m[2] !== undefined && m[2] !== '')
      note(
        'warning',
        `${what} "${raw}": the note "${m[2]}" after the number is not kept`,
        'move the note to 受理条件 or 办事流程 if applicants need it',
        line,
      );
    return Number(m[1]);
  }
  note(
    'error',
    `${what} "${raw}" is not a whole number`,
    'write only the number, e.g. 20 (working days)',
    line,
  );
  return undefined;
}

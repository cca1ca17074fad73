/** A pure list cursor: moves within [0, count), pages of `rows`. */
export interface ListState {
  index: number;
  count: number;
}

export type ListAction =
  | { type: 'up' }
  | { type: 'down' }
  | { type: 'set'; index: number }
  | { type: 'reset'; count: number };

export function listReducer(s: ListState, a: ListAction): ListState {
  switch (a.type) {
    case 'up':
      return { ...s, index: Math.max(0, s.index - 1) };
    case 'down':
      return { ...s, index: Math.min(Math.max(0, s.count - 1), s.index + 1) };
    case 'set':
      return { ...s, index: Math.min(Math.max(0, a.index), Math.max(0, s.count - 1)) };
    case 'reset':
      return { index: 0, count: a.count };
  }
}

/** First row shown so that the selected row is on the page. */
export function pageStart(index: number, rows: number): number {
  return Math.floor(index / rows) * rows;
}

/** Digits that pick rows: 1-8 (9 and 0 page, the same on every screen: issue 18). */
export const MAX_PAGE_ROWS = 8;

/**
 * The number shown beside a row and typed to pick it: a list of up to 8 rows is numbered 1-8 whatever page shows
 * it (the large-text menu shows 4 a page, and 5-8 still pick rows 5-8); a longer list is numbered 1-8 on each page.
 */
export function rowNumber(at: number, rows: number, count: number): number {
  return count <= MAX_PAGE_ROWS ? at + 1 : at - pageStart(at, rows) + 1;
}

/** What a keypad key does to a list: pick a row, or move the cursor `by` rows (to another page). */
export type ListKey = { pick: number } | { by: number };

/**
 * The keypad on a list (issue 18): a digit 1-8 picks the row numbered so; 9 shows the next page (from the last, the
 * first again); 0 the previous page. Undefined when the key does nothing here (0 on the first page: a screen may
 * take it as back).
 */
export function listKey(input: string, index: number, rows: number, count: number): ListKey | undefined {
  if (count === 0 || !/^[0-9]$/.test(input)) return undefined;
  const per = Math.min(rows, MAX_PAGE_ROWS);
  const start = pageStart(index, per);
  if (input === '9') {
    if (count <= per) return undefined;
    const next = start + per < count ? start + per : 0;
    return { by: next - index };
  }
  if (input === '0') return start === 0 ? undefined : { by: start - per - index };
  const d = Number(input);
  const at = count <= MAX_PAGE_ROWS ? d - 1 : start + d - 1;
  if (count > MAX_PAGE_ROWS && d > per) return undefined;
  return at < count ? { pick: at } : undefined;
}

/** The page shown and how many there are (1-based). */
export function pageOf(index: number, rows: number, count: number): { page: number; pages: number } {
  const per = Math.min(rows, MAX_PAGE_ROWS);
  return { page: Math.floor(index / per) + 1, pages: Math.max(1, Math.ceil(count / per)) };
}

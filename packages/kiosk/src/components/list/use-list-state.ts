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

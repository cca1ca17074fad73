/**
 * Finding a service: browse by window category (at most six, seed 001 5.1.1) or search as you type by name, item
 * code or pinyin initials (`sfz`). The results are recomputed by the view from `query`/`category` on every key.
 */
export interface FindState {
  query: string;
  /** Chosen window category when browsing. */
  category?: string;
  index: number;
  /**
   * Digits type into the search field (after `.`, or once letters are typed) instead of picking rows; Enter
   * turns to the results, where digits pick again (issue 18: an item code is typable on the keypad).
   */
  typing?: boolean;
}

export type FindAction =
  | { type: 'type'; text: string }
  | { type: 'erase' }
  | { type: 'category'; name: string }
  | { type: 'up' }
  | { type: 'down'; count: number }
  | { type: 'select'; index: number }
  | { type: 'move'; by: number; count: number }
  | { type: 'leaveCategory' }
  | { type: 'startTyping' }
  | { type: 'toResults' };

export const initialFindState: FindState = { query: '', index: 0 };

export function findReducer(s: FindState, a: FindAction): FindState {
  switch (a.type) {
    case 'type':
      return { query: (s.query + a.text).slice(0, 40), index: 0, typing: true };
    case 'startTyping':
      return { ...s, typing: true };
    case 'toResults':
      return { ...s, typing: false, index: 0 };
    case 'erase':
      return { ...s, query: [...s.query].slice(0, -1).join(''), index: 0, typing: true };
    case 'category':
      return { query: '', category: a.name, index: 0 };
    case 'leaveCategory':
      return initialFindState;
    case 'move':
      return { ...s, index: Math.min(Math.max(0, a.count - 1), Math.max(0, s.index + a.by)) };
    case 'up':
      return { ...s, index: Math.max(0, s.index - 1) };
    case 'down':
      return { ...s, index: Math.min(Math.max(0, a.count - 1), s.index + 1) };
    case 'select':
      return { ...s, index: a.index };
  }
}

/** What the list shows: categories (nothing typed, none chosen), a category's items, or search hits. */
export function findMode(s: FindState): 'categories' | 'category' | 'search' {
  if (s.query !== '') return 'search';
  return s.category === undefined ? 'categories' : 'category';
}

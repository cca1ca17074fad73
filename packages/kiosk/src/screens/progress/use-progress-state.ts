/** Progress query input: an application number typed (letters and digits), or the applicant's own cases. */
export interface ProgressState {
  typed: string;
  /** Case shown, by application number. */
  shown?: string;
  notFound?: boolean;
  index: number;
}

export type ProgressAction =
  | { type: 'type'; text: string }
  | { type: 'erase' }
  | { type: 'show'; caseId: string }
  | { type: 'notFound' }
  | { type: 'move'; by: number; count: number }
  | { type: 'close' };

export const initialProgressState: ProgressState = { typed: '', index: 0 };

export function progressReducer(s: ProgressState, a: ProgressAction): ProgressState {
  switch (a.type) {
    case 'type':
      return { typed: (s.typed + a.text.toUpperCase()).slice(0, 30), index: s.index };
    case 'erase':
      return { typed: s.typed.slice(0, -1), index: s.index };
    case 'show':
      return { ...s, shown: a.caseId, notFound: false };
    case 'notFound':
      return { ...s, notFound: true };
    case 'move':
      return { ...s, index: Math.min(Math.max(0, a.count - 1), Math.max(0, s.index + a.by)) };
    case 'close':
      return { typed: '', index: s.index };
  }
}

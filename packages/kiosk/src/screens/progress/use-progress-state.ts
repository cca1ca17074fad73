/**
 * Progress query input (issue 18): a number typed on the keypad (digits, `.` for X: the 18-character 查询码 of an
 * application, or a complaint number's digits), or a number in full from a keyboard; or one of the applicant's
 * own cases picked from the list.
 */
export type LookupProblem = 'short' | 'check' | 'notFound';

export interface ProgressState {
  typed: string;
  /** Number being looked up. */
  shown?: string;
  problem?: LookupProblem;
  index: number;
}

export type ProgressAction =
  | { type: 'type'; text: string }
  | { type: 'erase' }
  | { type: 'show'; caseId: string }
  | { type: 'problem'; problem: LookupProblem }
  | { type: 'move'; by: number; count: number }
  | { type: 'close' };

export const initialProgressState: ProgressState = { typed: '', index: 0 };

/** What a key types into the number: digits and letters, `.` for X, a burst as a whole. */
export function typedChars(input: string): string {
  return input
    .replaceAll('.', 'X')
    .replace(/[^0-9A-Za-z-]/g, '')
    .toUpperCase();
}

export function progressReducer(s: ProgressState, a: ProgressAction): ProgressState {
  switch (a.type) {
    case 'type':
      return { typed: (s.typed + typedChars(a.text)).slice(0, 30), index: s.index };
    case 'erase':
      return { typed: s.typed.slice(0, -1), index: s.index };
    case 'show':
      return { typed: s.typed, index: s.index, shown: a.caseId };
    case 'problem':
      return { typed: s.typed, index: s.index, problem: a.problem };
    case 'move':
      return { ...s, index: Math.min(Math.max(0, a.count - 1), Math.max(0, s.index + a.by)) };
    case 'close':
      return { typed: '', index: s.index };
  }
}

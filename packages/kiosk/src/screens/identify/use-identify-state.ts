/**
 * Typing the ID number on the keypad: 18 characters, `.` or x for the check character X, checked with the
 * ISO 7064 MOD 11-2 check digit (GB 11643) before going on; then an optional name.
 */
import { checkIdNumber } from '@tongban/core/identity';

export interface IdentifyState {
  phase: 'number' | 'name';
  digits: string;
  name: string;
  problem?: 'short' | 'bad';
}

export type IdentifyAction = { type: 'key'; input: string } | { type: 'erase' } | { type: 'enter' };

export const initialIdentifyState: IdentifyState = { phase: 'number', digits: '', name: '' };

export function identifyReducer(s: IdentifyState, a: IdentifyAction): IdentifyState {
  if (a.type === 'erase') {
    if (s.phase === 'name')
      return s.name === ''
        ? { phase: 'number', digits: s.digits, name: '' }
        : { ...s, name: [...s.name].slice(0, -1).join('') };
    return { phase: 'number', digits: s.digits.slice(0, -1), name: '' };
  }
  if (a.type === 'key') {
    if (s.phase === 'name') return { ...s, name: (s.name + a.input).slice(0, 30) };
    // a burst (pasted, or a fast keypad: issue 18) is taken one character at a time
    if ([...a.input].length > 1)
      return [...a.input].reduce((st, ch) => identifyReducer(st, { type: 'key', input: ch }), s);
    const ch = a.input === '.' || a.input === 'x' ? 'X' : a.input;
    if (!/^[0-9X]$/.test(ch) || s.digits.length >= 18) return s;
    if (ch === 'X' && s.digits.length !== 17) return s;
    return { phase: 'number', digits: s.digits + ch, name: '' };
  }
  if (s.phase === 'number') {
    if (s.digits.length < 18) return { ...s, problem: 'short' };
    if (!checkIdNumber(s.digits).ok) return { ...s, problem: 'bad' };
    return { phase: 'name', digits: s.digits, name: '' };
  }
  return s;
}

/** Groups the number as typed for reading back: 6 + 8 + 4. */
export function groupDigits(d: string): string {
  return [d.slice(0, 6), d.slice(6, 14), d.slice(14)].filter(Boolean).join(' ');
}

/**
 * The few keys every flow needs (issue 5: usable with a numeric keypad): digits, Enter, back, up/down.
 * `*` switches the large-text theme and `/` the language everywhere; `-`, Esc or Backspace go back.
 */
import type { Key } from 'ink';

export const isBack = (input: string, key: Key) =>
  key.escape || input === '-' || (key.backspace && input === '') || key.delete;
export const isGlobalKey = (input: string) => input === '*' || input === '/';
export const isDigit = (input: string) => /^[0-9]$/.test(input);

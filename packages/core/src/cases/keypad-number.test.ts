import { describe, expect, it } from 'vitest';
import { newApplicationNumber } from './application-number.js';
import { formatKeypadForm, keypadForm, looksLikeKeypadForm, parseKeypadForm } from './keypad-number.js';

describe('keypad form of an application number (issue 18)', () => {
  const numbers = Array.from({ length: 200 }, (_, i) =>
    newApplicationNumber({ site: 'HRB1', at: '2025-03-14T02:00:00Z', kind: i % 5 === 0 ? 'bundle' : 'case' }),
  );

  it('is 18 digits (X last at most) and reads back to the same number at its site', () => {
    for (const n of numbers) {
      const k = keypadForm(n);
      expect(k).toMatch(/^\d{17}[0-9X]$/);
      expect(looksLikeKeypadForm(formatKeypadForm(k).replace('X', '.'))).toBe(true);
      expect(parseKeypadForm(formatKeypadForm(k), 'HRB1')).toBe(n);
    }
  });

  it('catches every single mistyped character and every swap of two neighbours', () => {
    let tried = 0;
    for (const n of numbers.slice(0, 40)) {
      const k = keypadForm(n);
      for (let i = 0; i < k.length; i++) {
        for (const ch of '0123456789X') {
          if (ch === k[i] || (ch === 'X' && i < 17)) continue;
          const typo = k.slice(0, i) + ch + k.slice(i + 1);
          tried++;
          expect(() => parseKeypadForm(typo, 'HRB1'), typo).toThrow();
        }
        if (i < k.length - 1 && k[i] !== k[i + 1] && i + 1 < 17) {
          const swap = k.slice(0, i) + k[i + 1] + k[i] + k.slice(i + 2);
          expect(() => parseKeypadForm(swap, 'HRB1'), swap).toThrow();
        }
      }
    }
    expect(tried).toBeGreaterThan(6000);
  });

  it('says whether the shape or the check digit is wrong', () => {
    expect(() => parseKeypadForm('12345', 'HRB1')).toThrow(/not the keypad form/);
    const k = keypadForm(numbers[1] as string);
    const typo = `${k.slice(0, 3)}${(Number(k[3]) + 1) % 10}${k.slice(4)}`;
    expect(() => parseKeypadForm(typo, 'HRB1')).toThrow(/check digit/);
  });
});

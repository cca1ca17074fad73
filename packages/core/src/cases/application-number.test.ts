import { describe, expect, it } from 'vitest';
import {
  ApplicationNumberError,
  newApplicationNumber,
  parseApplicationNumber,
  SYMBOLS,
} from './application-number.js';

const seq = (values: number[]) => {
  let i = 0;
  return () => values[i++ % values.length] as number;
};

describe('application numbers (seed 002 8.3, 8.5)', () => {
  it('is grouped, uppercase alphanumeric (QR alphanumeric mode) and parses back', () => {
    const n = newApplicationNumber({
      site: 'hrb1',
      at: '2025-03-09T17:00:00Z',
      random: seq([7, 20, 3, 24, 29, 21]),
    });
    expect(n).toMatch(/^HRB1-250310-C[0-9A-Z]{4}-[0-9A-Z]{3}$/); // local date in Asia/Shanghai
    expect(n).toMatch(/^[0-9A-Z $%*+\-./:]+$/);
    const p = parseApplicationNumber(n);
    expect(p).toMatchObject({ site: 'HRB1', date: '250310', kind: 'case', text: n });
    expect(parseApplicationNumber(newApplicationNumber({ site: 'HRB1', kind: 'bundle' })).kind).toBe(
      'bundle',
    );
  });

  it('accepts what people type: lower case, spaces, no hyphens, O for 0 and I/L for 1', () => {
    const n = newApplicationNumber({
      site: 'HRB1',
      at: '2025-03-10T01:00:00Z',
      random: seq([0, 1, 0, 1, 0, 1]),
    });
    const typed = n.toLowerCase().replaceAll('-', ' ').replaceAll('0', 'o').replaceAll('1', 'l');
    expect(parseApplicationNumber(typed).text).toBe(n);
  });

  it('catches every single mistyped symbol at the kiosk', () => {
    for (let k = 0; k < 20; k++) {
      const n = newApplicationNumber({ site: 'SZ01', at: '2025-03-10T01:00:00Z' });
      const positions = [...n].map((ch, i) => (ch === '-' ? -1 : i)).filter((i) => i >= 0);
      for (const i of positions) {
        for (const s of SYMBOLS) {
          if (s === n[i]) continue;
          if (/\d/.test(n[i] as string) !== /\d/.test(s) && i >= 5 && i <= 10) continue; // date must stay digits
          const typo = n.slice(0, i) + s + n.slice(i + 1);
          expect(() => parseApplicationNumber(typo), typo).toThrow(ApplicationNumberError);
        }
      }
    }
  });

  it('catches every swap of neighbouring symbols except 0↔Z (Luhn mod 32)', () => {
    let swaps = 0;
    let caught = 0;
    for (let k = 0; k < 200; k++) {
      const n = newApplicationNumber({ site: 'SZ01', at: '2025-03-10T01:00:00Z' });
      for (let i = 0; i + 1 < n.length; i++) {
        const [a, b] = [n[i] as string, n[i + 1] as string];
        if (a === b || a === '-' || b === '-' || `${a}${b}` === '0Z' || `${a}${b}` === 'Z0') continue;
        swaps++;
        try {
          parseApplicationNumber(n.slice(0, i) + b + a + n.slice(i + 2));
        } catch {
          caught++;
        }
      }
    }
    expect(caught).toBe(swaps);
  });

  it('numbers of two sites never collide, and a bad number says what is wrong', () => {
    const a = newApplicationNumber({ site: 'HRB1', random: seq([1]) });
    const b = newApplicationNumber({ site: 'QQH2', random: seq([1]) });
    expect(a).not.toBe(b);
    expect(() => parseApplicationNumber('hello')).toThrow(/not an application number/);
    expect(() => newApplicationNumber({ site: 'HLJ' })).toThrow(/2-6 symbols/);
  });
});

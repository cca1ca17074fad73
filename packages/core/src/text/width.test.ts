import { describe, expect, it } from 'vitest';
import { charWidth, displayWidth } from './width.js';

describe('displayWidth', () => {
  it('counts CJK and full-width characters as two columns, ASCII as one', () => {
    expect(displayWidth('身份证ab')).toBe(8);
    expect(displayWidth('ＡＢ１')).toBe(6);
    expect(displayWidth('申请编号：AB12')).toBe(14);
  });
  it('gives control characters and combining marks no width', () => {
    expect(charWidth(0x0a)).toBe(0);
    expect(charWidth(0x0301)).toBe(0);
    expect(displayWidth('e\u0301')).toBe(1);
  });
  it('agrees with Ink (string-width) where the old hand-written table did not: emoji, joiners, marks past U+036F', () => {
    expect(displayWidth('⌚')).toBe(2); // U+231A, emoji presentation: the old table said 1
    expect(displayWidth('a\u200db')).toBe(2); // zero width joiner: the old table said 3
    expect(displayWidth('\u1dc0')).toBe(0); // combining mark supplement: the old table said 1
    expect(displayWidth('\x1b[1m身份证\x1b[22m')).toBe(6); // escape sequences take no columns
  });
});

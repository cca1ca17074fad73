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
});

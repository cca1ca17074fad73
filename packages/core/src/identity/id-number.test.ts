import { describe, expect, it } from 'vitest';
import { TongbanError } from '../errors/index.js';
import {
  assertIdNumber,
  checkIdNumber,
  idCheckCharacter,
  maskIdNumber,
  maskIdNumbersIn,
  NATIONS,
  nationByCode,
  validateIdNumber,
} from './index.js';

describe('GB 11643 identity number', () => {
  it('accepts the examples of GB 11643 (ISO 7064 MOD 11-2 check character)', () => {
    expect(validateIdNumber('11010519491231002X')).toBe(true);
    expect(validateIdNumber('11010519491231002x')).toBe(true);
    expect(validateIdNumber('440524188001010014')).toBe(true);
    expect(idCheckCharacter('11010519491231002')).toBe('X');
  });

  it('refuses a wrong check character and says which one is expected', () => {
    expect(validateIdNumber('110105194912310021')).toBe(false);
    expect(checkIdNumber('110105194912310021')).toMatchObject({ problem: 'checkDigit', expectedCheck: 'X' });
  });

  it('refuses wrong length, letters and impossible birth dates', () => {
    expect(checkIdNumber('11010519491231002').problem).toBe('format');
    expect(checkIdNumber('1101051949123100AX').problem).toBe('format');
    const feb30 = `11010519490230001`;
    expect(checkIdNumber(feb30 + idCheckCharacter(feb30)).problem).toBe('birthDate');
  });

  it('every single-digit change of a valid number is caught', () => {
    const good = '440524188001010014';
    for (let i = 0; i < 18; i++)
      for (const d of '0123456789X') {
        if (d === good[i] || (i < 17 && d === 'X')) continue;
        const bad = good.slice(0, i) + d + good.slice(i + 1);
        expect(validateIdNumber(bad), bad).toBe(false);
      }
  });

  it('assertIdNumber throws a TongbanError that shows only the masked number', () => {
    try {
      assertIdNumber('110105194912310021', { field: 'idNumber' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(TongbanError);
      const err = e as TongbanError;
      expect(err.code).toBe('identity.idNumber.checkDigit');
      expect(err.message).toContain('110105********0021');
      expect(err.message).not.toContain('110105194912310021');
      expect(err.hint).not.toBe('');
    }
  });
});

describe('masking (DESIGN.md personal data: first 6 and last 4 kept)', () => {
  it('masks an 18-character number', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
  });
  it('masks short numbers so that at least half is hidden', () => {
    expect(maskIdNumber('H12345678')).toBe('H1*****78');
    expect(maskIdNumber('USA110089031501')).toBe('USA110*****1501');
  });
  it('masks every ID number inside a log line', () => {
    expect(maskIdNumbersIn('read 11010519491231002X and 440524188001010014.')).toBe(
      'read 110105********002X and 440524********0014.',
    );
    expect(maskIdNumbersIn('order 12345678901234567890')).toBe('order 12345678901234567890');
  });
});

describe('GB/T 3304 nations', () => {
  it('has the 56 nationalities plus 97 and 98', () => {
    expect(NATIONS).toHaveLength(58);
    expect(nationByCode('01')?.name).toBe('汉族');
    expect(nationByCode('1')?.cardName).toBe('汉');
    expect(nationByCode('56')?.name).toBe('基诺族');
    expect(nationByCode('97')?.name).toBe('其他');
    expect(nationByCode('98')?.name).toBe('外国血统中国籍人士');
    expect(nationByCode('57')).toBeUndefined();
    expect(new Set(NATIONS.map((n) => n.name)).size).toBe(58);
  });
});

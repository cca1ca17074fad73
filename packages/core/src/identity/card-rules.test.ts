import { describe, expect, it } from 'vitest';
import {
  birthDateOfIdNumber,
  COUNTRY_COUNT,
  countryNumeric,
  isCountryCode,
  PERMIT_REGIONS,
  PROVINCE_CODES,
  sexOfIdNumber,
  wholeYearsBetween,
} from './index.js';

describe('card rules (GB 11643, 居民身份证法 第五条, residence permits, ISO 3166)', () => {
  it('reads sex and birth date out of a GB 11643 number', () => {
    expect(sexOfIdNumber('11010519491231002X')).toBe('female'); // the standard's example: 17th digit 2
    expect(sexOfIdNumber('440524188001010014')).toBe('male');
    expect(birthDateOfIdNumber('440524188001010014')).toBe('1880-01-01');
  });

  it('knows the 31 province-level codes of the mainland', () => {
    expect(PROVINCE_CODES.size).toBe(31);
    expect(PROVINCE_CODES.has('44')).toBe(true);
    expect(PROVINCE_CODES.has('81')).toBe(false);
  });

  it('matches the pass number to the permit region', () => {
    expect(PERMIT_REGIONS['810000'].passNumber.test('H12345678')).toBe(true);
    expect(PERMIT_REGIONS['820000'].passNumber.test('H12345678')).toBe(false);
    expect(PERMIT_REGIONS['830000'].passNumber.test('12345678')).toBe(true);
  });

  it('counts whole years of validity, 29 February included', () => {
    expect(wholeYearsBetween('2015-08-03', '2035-08-03')).toBe(20);
    expect(wholeYearsBetween('2015-08-03', '2035-08-04')).toBeUndefined();
    expect(wholeYearsBetween('2024-02-29', '2029-02-28')).toBe(5);
    expect(wholeYearsBetween('2024-02-29', '2029-03-01')).toBe(5);
  });

  it('has the ISO 3166-1 alpha-3 codes with their numeric codes', () => {
    expect(COUNTRY_COUNT).toBe(249);
    expect(countryNumeric('CAN')).toBe('124');
    expect(countryNumeric('USA')).toBe('840');
    expect(countryNumeric('CHN')).toBe('156');
    expect(isCountryCode('XXA')).toBe(true); // ICAO: stateless person
    expect(isCountryCode('USB')).toBe(false);
  });
});

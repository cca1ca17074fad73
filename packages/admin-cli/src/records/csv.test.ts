import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { toCsv } from './csv.js';

describe('toCsv (csv-stringify with our options)', () => {
  it('writes RFC 4180 with CRLF and a BOM, quotes a comma, a quote and either line break, neutralises formulas', () => {
    const csv = toCsv(
      ['a', 'b'],
      [
        ['x,y', 'say "hi"'],
        ['one\ntwo', 'cr\ronly'],
        ['=SUM(A1)', 3],
        [undefined, null],
      ],
    );
    expect(csv).toBe('\ufeffa,b\r\n"x,y","say ""hi"""\r\n"one\ntwo","cr\ronly"\r\n\'=SUM(A1),3\r\n,\r\n');
    expect(parse(csv.slice(1), { record_delimiter: '\r\n' })).toEqual([
      ['a', 'b'],
      ['x,y', 'say "hi"'],
      ['one\ntwo', 'cr\ronly'],
      ["'=SUM(A1)", '3'],
      ['', ''],
    ]);
  });
});

import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { looksLikeFormula, neutralise, unneutralise } from './catalogue-io/neutralise.js';
import { EXIT, exitCodeFor } from './exit-codes.js';
import { decodeText, firstInvalidUtf8 } from './file-input.js';
import { displayWidth, renderTable } from './output/table.js';

describe('formula-injection guard', () => {
  it('prefixes = + - @ tab CR and apostrophe, and the import undoes exactly that', () => {
    for (const s of ['=1+1', '+86', '-x', '@SUM(A1)', '\tx', "'quoted", "''two", 'plain', '', '居民身份证']) {
      expect(unneutralise(neutralise(s))).toBe(s);
      expect(looksLikeFormula(neutralise(s))).toBe(false);
    }
    expect(neutralise('=HYPERLINK("x")')).toBe(`'=HYPERLINK("x")`);
    expect(neutralise('居民身份证')).toBe('居民身份证');
  });
});

describe('CSV text encoding detection', () => {
  const text = '事项编码,主项名称\r\n000123,居民身份证换领\r\n';
  it('reads UTF-8, UTF-8 with BOM, and GBK (not valid UTF-8) without a flag', async () => {
    expect(await decodeText(Buffer.from(text), 'auto')).toEqual({ text, encoding: 'utf8' });
    expect(await decodeText(Buffer.from(`\uFEFF${text}`), 'auto')).toEqual({ text, encoding: 'utf8-bom' });
    expect(await decodeText(iconv.encode(text, 'gbk'), 'auto')).toEqual({ text, encoding: 'gb18030' });
  });
  it('refuses GBK forced to UTF-8, naming the byte offset', async () => {
    const gbk = iconv.encode(text, 'gbk');
    await expect(decodeText(gbk, 'utf8', 'x.csv')).rejects.toThrow(/not valid UTF-8/);
    expect(firstInvalidUtf8(gbk)).toBe(0);
  });
});

describe('exit codes', () => {
  const err = (code: string, name = 'TongbanError') => ({ name, code, message: '', where: {}, hint: '' });
  it('maps error codes to the documented exit codes', () => {
    expect(exitCodeFor(err('item.notFound'))).toBe(EXIT.notFound);
    expect(exitCodeFor(err('calendar.range', 'CalendarRangeError'))).toBe(EXIT.notFound);
    expect(exitCodeFor(err('catalogue.noDraft'))).toBe(EXIT.notFound);
    expect(exitCodeFor(err('STORE_CONFLICT', 'StoreConflictError'))).toBe(EXIT.conflict);
    expect(exitCodeFor(err('catalogue.nothingToPublish'))).toBe(EXIT.conflict);
    expect(exitCodeFor(err('tabular.invalid'))).toBe(EXIT.invalid);
  });
});

describe('tables', () => {
  it('counts Chinese characters as two columns so columns line up', () => {
    expect(displayWidth('身份证ab')).toBe(8);
    const t = renderTable(
      [
        { a: '居民身份证', b: 1 },
        { a: 'x', b: 22 },
      ],
      [
        { header: 'name', get: (r) => r.a },
        { header: 'n', get: (r) => r.b, align: 'right' },
      ],
    ).split('\n');
    expect(new Set(t.map(displayWidth)).size).toBe(1);
  });
});

describe('instants shown to a person are in Asia/Shanghai (output/time.ts)', () => {
  it('2026-12-02T15:07:57Z is 23:07 in Beijing, on the same day; 16:30Z is the next day', async () => {
    const { localDate, localMinute, shanghaiTime } = await import('./output/time.js');
    expect(shanghaiTime('2026-12-02T15:07:57Z')).toBe('2026-12-02 23:07:57 北京时间');
    expect(shanghaiTime(new Date('2026-12-02T16:30:00.000Z'))).toBe('2026-12-03 00:30:00 北京时间');
    expect(localMinute('2026-12-02T16:30:00.000Z')).toBe('2026-12-03 00:30');
    expect(localDate('2026-12-02T16:30:00.000Z')).toBe('2026-12-03');
    expect(localMinute(undefined)).toBe('');
  });
});

import { describe, expect, it } from 'vitest';
import { loadCardFixtures } from '../sim/card-fixtures.js';
import { decodeReadData, decodeTextBlock, encodeTextBlock, TEXT_BLOCK_LENGTH } from './text-block.js';

const cards = loadCardFixtures();

describe('text block decoding (fixtures/devices/cards.json)', () => {
  for (const c of cards) {
    it(`${c.id}: ${c.note} -> ${c.expect}`, () => {
      const r = decodeTextBlock(encodeTextBlock(c), 1024);
      if (c.expect === 'ok') {
        expect(r.ok, JSON.stringify(r)).toBe(true);
      } else {
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.problem.code).toBe(c.expect);
      }
    });
  }

  it('decodes a resident card with nation, sex, dates and 长期', () => {
    const r = decodeTextBlock(encodeTextBlock(cards.find((c) => c.id === 'wang-xiuying')!));
    expect(r).toMatchObject({
      ok: true,
      card: {
        kind: 'residentId',
        name: '王秀英',
        sex: 'female',
        nation: '汉',
        nationCode: '01',
        birthDate: '1948-01-01',
        validTo: '长期',
        idNumber: '230103194801010045',
      },
    });
  });

  it('decodes the Hong Kong/Macao/Taiwan residence permit by its type marker J', () => {
    const r = decodeTextBlock(encodeTextBlock(cards.find((c) => c.id === 'chen-jiaming-permit')!));
    expect(r).toMatchObject({
      ok: true,
      card: {
        kind: 'residencePermit',
        passNumber: 'H12345678',
        issueCount: '01',
        idNumber: '81000019900218001X',
      },
    });
  });

  it('decodes the 2017 (I) and 2023 (Y) foreigner permanent residence cards', () => {
    const y = decodeTextBlock(encodeTextBlock(cards.find((c) => c.id === 'mark-thompson-2023')!));
    expect(y).toMatchObject({
      ok: true,
      card: {
        kind: 'foreignPermanentResident',
        version: 2023,
        name: '马克',
        englishName: 'THOMPSON, MARK JAMES',
        nationality: 'CAN',
      },
    });
    const i = decodeTextBlock(encodeTextBlock(cards.find((c) => c.id === 'anna-smith-2017')!));
    expect(i).toMatchObject({
      ok: true,
      card: {
        kind: 'foreignPermanentResident',
        version: 2017,
        idNumber: 'USA110089031501',
        birthDate: '1989-03-15',
        authorityCode: '1100',
      },
    });
  });

  it('names an unsupported card type instead of returning garbage, and masks numbers in problems', () => {
    const x = decodeTextBlock(encodeTextBlock(cards.find((c) => c.id === 'unknown-type-x')!));
    expect(x).toMatchObject({
      ok: false,
      problem: { code: 'unsupportedCardType', cardType: "type marker 'X'" },
    });
    const bad = decodeTextBlock(encodeTextBlock(cards.find((c) => c.id === 'li-na-bad-check')!));
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.problem.message).toContain('410502********0062');
      expect(bad.problem.message).not.toContain('410502197809230062');
    }
  });

  it('refuses an unknown nation code and an impossible date', () => {
    const base = cards.find((c) => c.id === 'zhang-wei')!;
    const n = decodeTextBlock(encodeTextBlock({ ...base, fields: { ...base.fields, nation: '77' } }));
    expect(n).toMatchObject({ ok: false, problem: { field: 'nation' } });
    const d = decodeTextBlock(
      encodeTextBlock({ ...base, fields: { ...base.fields, validFrom: '20150231' } }),
    );
    expect(d).toMatchObject({ ok: false, problem: { field: 'validFrom' } });
  });

  it('checks the lengths of a read answer and passes the photo as a length only', () => {
    const text = encodeTextBlock(cards[0]!);
    const data = Buffer.alloc(4 + TEXT_BLOCK_LENGTH + 1024);
    data.writeUInt16BE(256, 0);
    data.writeUInt16BE(1024, 2);
    text.copy(data, 4);
    const ok = decodeReadData(data);
    expect(ok).toMatchObject({ ok: true, card: { photoLength: 1024 } });
    expect(decodeReadData(data.subarray(0, 300))).toMatchObject({
      ok: false,
      problem: { code: 'badLayout' },
    });
  });
});

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

const field = (id: string) => cards.find((c) => c.id === id)!;
const withFields = (id: string, patch: Record<string, string>) => {
  const c = field(id);
  return { ...c, fields: { ...c.fields, ...patch } };
};
const problemOf = (block: Buffer) => {
  const r = decodeTextBlock(block, 1024);
  return r.ok ? undefined : r.problem;
};

describe('content checks (issue 15 §4: a card is accepted only when its content is consistent)', () => {
  it('refuses a text field padded with anything but spaces (issue 25)', () => {
    const block = encodeTextBlock(field('zhang-wei'));
    // 张伟 then NUL padding instead of spaces
    block.fill(0, 4, 30);
    expect(problemOf(block)).toMatchObject({ code: 'badField', field: 'name' });
    expect(problemOf(block)?.message).toContain('padded with U+0000');
    // one padding space of the address turned into "0" by a flipped bit
    const flipped = encodeTextBlock(field('zhang-wei'));
    flipped[120]! ^= 0x10;
    expect(problemOf(flipped)).toMatchObject({ code: 'badField', field: 'address' });
  });

  it('refuses characters a field never holds: a Hangul syllable in a name, lower case in a Latin name', () => {
    const hangul = encodeTextBlock(field('zhang-wei'));
    hangul[3]! ^= 0x80; // 伟 U+4F1F -> U+CF1F, a Hangul syllable
    expect(problemOf(hangul)).toMatchObject({ field: 'name' });
    const surrogate = encodeTextBlock(field('zhang-wei'));
    surrogate[1]! ^= 0x80; // 张 U+5F20 -> U+DF20, half of a surrogate pair
    expect(problemOf(surrogate)).toMatchObject({ field: 'name' });
    expect(
      problemOf(encodeTextBlock(withFields('anna-smith-2017', { englishName: 'SMITH, Anna' }))),
    ).toMatchObject({
      field: 'englishName',
    });
    expect(
      problemOf(encodeTextBlock(withFields('anna-smith-2017', { englishName: 'SMITH,  ANNA' }))),
    ).toMatchObject({
      field: 'englishName',
    });
  });

  it('refuses a sex that disagrees with the 17th digit of the number (GB 11643 4.4)', () => {
    expect(problemOf(encodeTextBlock(withFields('zhang-wei', { sex: '2' })))).toMatchObject({
      code: 'inconsistent',
      field: 'sex',
    });
    expect(problemOf(encodeTextBlock(withFields('anna-smith-2017', { sex: '9' })))).toMatchObject({
      field: 'sex',
    });
  });

  it('refuses a number without the birth date, or without a province code', () => {
    expect(problemOf(encodeTextBlock(withFields('zhang-wei', { birth: '19850713' })))).toMatchObject({
      code: 'badIdNumber',
    });
    // 99 is no province; the check character is right for it
    expect(
      problemOf(encodeTextBlock(withFields('zhang-wei', { idNumber: '990105198507120038' }))),
    ).toMatchObject({
      code: 'badIdNumber',
    });
  });

  it('refuses validity that is not 5, 10, 20 years or 长期 from the issue date (居民身份证法 第五条)', () => {
    expect(problemOf(encodeTextBlock(withFields('zhang-wei', { validTo: '20350804' })))).toMatchObject({
      code: 'inconsistent',
      field: 'validTo',
    });
    expect(problemOf(encodeTextBlock(withFields('zhang-wei', { validTo: '20220803' })))).toMatchObject({
      field: 'validTo',
    });
    expect(
      problemOf(encodeTextBlock(withFields('zhang-wei', { validFrom: '19800803', validTo: '20000803' }))),
    ).toMatchObject({
      field: 'validFrom',
    });
    // a residence permit is valid 5 years and never long-term
    expect(problemOf(encodeTextBlock(withFields('chen-jiaming-permit', { validTo: '长期' })))).toMatchObject({
      field: 'validTo',
    });
    expect(
      decodeTextBlock(encodeTextBlock(withFields('jin-zhe', { validFrom: '20240229', validTo: '20290228' })))
        .ok,
    ).toBe(true);
  });

  it('ties the residence permit number to its pass number (810000 H..., 820000 M..., 830000 digits)', () => {
    expect(
      problemOf(encodeTextBlock(withFields('chen-jiaming-permit', { passNumber: 'M12345678' }))),
    ).toMatchObject({
      code: 'inconsistent',
      field: 'passNumber',
    });
  });

  it('ties a foreigner card number to its nationality and birth date, and knows ISO 3166 codes', () => {
    expect(problemOf(encodeTextBlock(withFields('anna-smith-2017', { nationality: 'CAN' })))).toMatchObject({
      code: 'inconsistent',
      field: 'idNumber',
    });
    expect(
      problemOf(
        encodeTextBlock(withFields('anna-smith-2017', { nationality: 'USB', idNumber: 'USB110089031501' })),
      ),
    ).toMatchObject({
      field: 'nationality',
    });
    expect(
      problemOf(encodeTextBlock(withFields('mark-thompson-2023', { nationality: 'USA' }))),
    ).toMatchObject({
      code: 'inconsistent',
    });
    expect(problemOf(encodeTextBlock(withFields('mark-thompson-2023', { birth: '19850505' })))).toMatchObject(
      {
        code: 'inconsistent',
      },
    );
  });

  it('cannot see every flip alone: the 2017 number USA110089031501 -> USA310289031501 passes, so two reads must agree', () => {
    // issue 25: the same bit (0x02) flipped in two digits; the 2017 number has no check character
    const r = decodeTextBlock(
      encodeTextBlock(withFields('anna-smith-2017', { idNumber: 'USA310289031501' })),
    );
    expect(r).toMatchObject({ ok: true, card: { idNumber: 'USA310289031501' } });
  });
});

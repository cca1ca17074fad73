/**
 * The 256-byte text block of a GA 467 read (UCS-2 little-endian, space padded) and the card types that share it,
 * told apart by the type marker at byte 248: 'J' Hong Kong/Macao/Taiwan residence permit, 'I' foreigner's
 * permanent residence card 2017, 'Y' the 2023 card, anything else the resident identity card.
 */
import {
  checkIdNumber,
  type ForeignPermanentResidentCard,
  type IdentityCard,
  idCheckCharacter,
  maskIdNumber,
  NO_END_DATE,
  nationByCode,
  type ResidencePermit,
  type ResidentIdCard,
  type Sex,
  sexFromCode,
} from '@tongban/core/identity';

export const TEXT_BLOCK_LENGTH = 256;
export const TYPE_MARKER_OFFSET = 248;

type Field = readonly [name: string, offset: number, length: number];

/** Byte layouts per card type (offsets inside the text block). */
export const LAYOUTS = {
  residentId: [
    ['name', 0, 30],
    ['sex', 30, 2],
    ['nation', 32, 4],
    ['birth', 36, 16],
    ['address', 52, 70],
    ['idNumber', 122, 36],
    ['authority', 158, 30],
    ['validFrom', 188, 16],
    ['validTo', 204, 16],
  ],
  residencePermit: [
    ['name', 0, 30],
    ['sex', 30, 2],
    ['birth', 36, 16],
    ['address', 52, 70],
    ['idNumber', 122, 36],
    ['authority', 158, 30],
    ['validFrom', 188, 16],
    ['validTo', 204, 16],
    ['passNumber', 220, 18],
    ['issueCount', 238, 4],
    ['marker', 248, 2],
  ],
  foreign2017: [
    ['englishName', 0, 120],
    ['sex', 120, 2],
    ['idNumber', 122, 30],
    ['nationality', 152, 6],
    ['chineseName', 158, 30],
    ['validFrom', 188, 16],
    ['validTo', 204, 16],
    ['birth', 220, 16],
    ['version', 236, 4],
    ['authorityCode', 240, 8],
    ['marker', 248, 2],
  ],
  foreign2023: [
    ['chineseName', 0, 30],
    ['sex', 30, 2],
    ['changeCount', 32, 4],
    ['birth', 36, 16],
    ['englishName', 52, 70],
    ['idNumber', 122, 36],
    ['validFrom', 188, 16],
    ['validTo', 204, 16],
    ['englishNameOverflow', 220, 22],
    ['nationality', 242, 6],
    ['marker', 248, 2],
    ['oldNumberLink', 250, 6],
  ],
} as const satisfies Record<string, readonly Field[]>;
export type LayoutName = keyof typeof LAYOUTS;

export const MARKERS: Record<string, LayoutName> = {
  J: 'residencePermit',
  I: 'foreign2017',
  Y: 'foreign2023',
};

/** Raw text fields of a card as stored on it (dates YYYYMMDD, codes as digits): the fixtures' format. */
export interface CardText {
  layout: LayoutName;
  fields: Record<string, string>;
}

/** Writes a text block: each field in UCS-2 LE, padded with spaces. Used by the simulator. */
export function encodeTextBlock(card: CardText): Buffer {
  const out = Buffer.alloc(TEXT_BLOCK_LENGTH);
  for (let i = 0; i < TEXT_BLOCK_LENGTH; i += 2) out[i] = 0x20;
  const marker = Object.entries(MARKERS).find(([, l]) => l === card.layout)?.[0];
  const fields: Record<string, string> = { ...card.fields, ...(marker ? { marker } : {}) };
  for (const [name, offset, length] of LAYOUTS[card.layout]) {
    const value = fields[name] ?? '';
    const bytes = Buffer.from(value, 'utf16le');
    bytes.copy(out, offset, 0, Math.min(bytes.length, length));
  }
  // a fixture may force another type marker (to exercise unsupported card types)
  if (fields.marker && !LAYOUTS[card.layout].some(([n]) => n === 'marker'))
    Buffer.from(fields.marker, 'utf16le').copy(out, TYPE_MARKER_OFFSET, 0, 2);
  return out;
}

function readField(block: Buffer, offset: number, length: number): string {
  return block.toString('utf16le', offset, offset + length).replace(/[\s\u0000]+$/u, '');
}

export interface CardProblem {
  code: 'badLayout' | 'unsupportedCardType' | 'badField' | 'badIdNumber';
  /** Card type the block claims to be, when known. */
  cardType?: string;
  field?: string;
  message: string;
}

export type CardDecodeResult = { ok: true; card: IdentityCard } | { ok: false; problem: CardProblem };

class Bad extends Error {
  constructor(readonly problem: CardProblem) {
    super(problem.message);
  }
}

// Printable text only: no control characters, no unpaired surrogates, no replacement characters.
const PRINTABLE = /^[^\p{Cc}\p{Cs}\uFFFD]*$/u;

function fieldsOf(block: Buffer, layout: LayoutName, cardType: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, offset, length] of LAYOUTS[layout]) {
    const v = readField(block, offset, length);
    if (!PRINTABLE.test(v))
      throw new Bad({
        code: 'badField',
        cardType,
        field: name,
        message: `field ${name} holds unprintable characters`,
      });
    out[name] = v;
  }
  return out;
}

function date(v: string, field: string, cardType: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(v);
  if (m) {
    const [, y, mo, d] = m;
    const dt = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
    if (
      dt.getUTCFullYear() === Number(y) &&
      dt.getUTCMonth() === Number(mo) - 1 &&
      dt.getUTCDate() === Number(d)
    )
      return `${y}-${mo}-${d}`;
  }
  throw new Bad({
    code: 'badField',
    cardType,
    field,
    message: `field ${field} is not a date YYYYMMDD: "${v}"`,
  });
}

function validTo(v: string, cardType: string): string {
  return v === NO_END_DATE ? NO_END_DATE : date(v, 'validTo', cardType);
}

function sex(v: string, cardType: string): Sex {
  const s = sexFromCode(v);
  if (!s) throw new Bad({ code: 'badField', cardType, field: 'sex', message: `unknown sex code "${v}"` });
  return s;
}

function nonEmpty(v: string | undefined, field: string, cardType: string): string {
  if (!v) throw new Bad({ code: 'badField', cardType, field, message: `field ${field} is empty` });
  return v;
}

/** GB 11643 number with check character and a birth date that matches the card's. */
function gbIdNumber(v: string, birthDate: string, cardType: string): string {
  const r = checkIdNumber(v);
  if (!r.ok)
    throw new Bad({
      code: 'badIdNumber',
      cardType,
      field: 'idNumber',
      message: `ID number ${maskIdNumber(v)} fails GB 11643 (${r.problem})`,
    });
  const birth = `${v.slice(6, 10)}-${v.slice(10, 12)}-${v.slice(12, 14)}`;
  if (birth !== birthDate)
    throw new Bad({
      code: 'badIdNumber',
      cardType,
      field: 'idNumber',
      message: `ID number ${maskIdNumber(v)} does not carry the birth date ${birthDate}`,
    });
  return r.normalised;
}

function decodeResident(block: Buffer, photoLength: number): ResidentIdCard {
  const t = '居民身份证';
  const f = fieldsOf(block, 'residentId', t);
  const nation = nationByCode(f.nation!);
  if (!nation)
    throw new Bad({
      code: 'badField',
      cardType: t,
      field: 'nation',
      message: `unknown nation code "${f.nation}"`,
    });
  const birthDate = date(f.birth!, 'birth', t);
  return {
    kind: 'residentId',
    name: nonEmpty(f.name, 'name', t),
    sex: sex(f.sex!, t),
    nationCode: nation.code,
    nation: nation.cardName,
    birthDate,
    address: nonEmpty(f.address, 'address', t),
    idNumber: gbIdNumber(f.idNumber!, birthDate, t),
    authority: nonEmpty(f.authority, 'authority', t),
    validFrom: date(f.validFrom!, 'validFrom', t),
    validTo: validTo(f.validTo!, t),
    photoLength,
  };
}

function decodePermit(block: Buffer, photoLength: number): ResidencePermit {
  const t = '港澳台居民居住证';
  const f = fieldsOf(block, 'residencePermit', t);
  const birthDate = date(f.birth!, 'birth', t);
  return {
    kind: 'residencePermit',
    name: nonEmpty(f.name, 'name', t),
    sex: sex(f.sex!, t),
    birthDate,
    address: nonEmpty(f.address, 'address', t),
    idNumber: gbIdNumber(f.idNumber!, birthDate, t),
    authority: nonEmpty(f.authority, 'authority', t),
    validFrom: date(f.validFrom!, 'validFrom', t),
    validTo: validTo(f.validTo!, t),
    passNumber: nonEmpty(f.passNumber, 'passNumber', t),
    issueCount: f.issueCount!,
    photoLength,
  };
}

function decodeForeign(
  block: Buffer,
  photoLength: number,
  version: 2017 | 2023,
): ForeignPermanentResidentCard {
  const t = `外国人永久居留身份证（${version} 版）`;
  const f = fieldsOf(block, version === 2017 ? 'foreign2017' : 'foreign2023', t);
  const birthDate = date(f.birth!, 'birth', t);
  let idNumber = f.idNumber!;
  if (version === 2017) {
    // 15 characters: 3-letter nationality, 12 digits
    if (!/^[A-Z]{3}\d{12}$/.test(idNumber))
      throw new Bad({
        code: 'badIdNumber',
        cardType: t,
        field: 'idNumber',
        message: `permit number ${maskIdNumber(idNumber)} is not 3 letters + 12 digits`,
      });
  } else {
    // 18 characters starting with 9, ISO 7064 MOD 11-2 check character as GB 11643
    if (!/^9\d{16}[\dX]$/.test(idNumber) || idCheckCharacter(idNumber.slice(0, 17)) !== idNumber[17])
      throw new Bad({
        code: 'badIdNumber',
        cardType: t,
        field: 'idNumber',
        message: `permit number ${maskIdNumber(idNumber)} fails its check character`,
      });
    idNumber = idNumber.toUpperCase();
  }
  const englishName = version === 2023 ? f.englishName! + (f.englishNameOverflow ?? '') : f.englishName!;
  const chineseName = f.chineseName ?? '';
  if (!/^[A-Z]{3}$/.test(f.nationality!))
    throw new Bad({
      code: 'badField',
      cardType: t,
      field: 'nationality',
      message: `nationality "${f.nationality}" is not an ISO 3166 alpha-3 code`,
    });
  const card: ForeignPermanentResidentCard = {
    kind: 'foreignPermanentResident',
    version,
    name: chineseName || nonEmpty(englishName, 'englishName', t),
    englishName,
    chineseName,
    sex: sex(f.sex!, t),
    nationality: f.nationality!,
    birthDate,
    idNumber,
    validFrom: date(f.validFrom!, 'validFrom', t),
    validTo: validTo(f.validTo!, t),
    photoLength,
  };
  if (version === 2017 && f.authorityCode) card.authorityCode = f.authorityCode;
  return card;
}

/** The type marker character at byte 248 ('' when none). */
export function typeMarker(block: Buffer): string {
  if (block.length < TYPE_MARKER_OFFSET + 2) return '';
  return readField(block, TYPE_MARKER_OFFSET, 2);
}

/** Decodes a 256-byte text block; never throws: a bad block gives `{ok:false, problem}` naming what is wrong. */
export function decodeTextBlock(block: Buffer, photoLength = 0): CardDecodeResult {
  if (block.length !== TEXT_BLOCK_LENGTH)
    return {
      ok: false,
      problem: { code: 'badLayout', message: `text block of ${block.length} bytes, expected 256` },
    };
  const marker = typeMarker(block);
  try {
    switch (marker) {
      case 'J':
        return { ok: true, card: decodePermit(block, photoLength) };
      case 'I':
        return { ok: true, card: decodeForeign(block, photoLength, 2017) };
      case 'Y':
        return { ok: true, card: decodeForeign(block, photoLength, 2023) };
      default:
        if (/^[A-Z]$/.test(marker))
          return {
            ok: false,
            problem: {
              code: 'unsupportedCardType',
              cardType: `type marker '${marker}'`,
              message: `card type marker '${marker}' is not one this reader decodes (J, I, Y or resident card)`,
            },
          };
        return { ok: true, card: decodeResident(block, photoLength) };
    }
  } catch (e) {
    if (e instanceof Bad) return { ok: false, problem: e.problem };
    throw e;
  }
}

/**
 * Decodes the data of a read-text-and-photo answer: TEXT_LEN(2, BE) PHOTO_LEN(2, BE) text photo [fingerprint].
 * The photo is only measured: it is never copied out (DESIGN.md "Personal data").
 */
export function decodeReadData(data: Buffer): CardDecodeResult {
  if (data.length < 4)
    return { ok: false, problem: { code: 'badLayout', message: `read answer of ${data.length} bytes` } };
  const textLength = data.readUInt16BE(0);
  const photoLength = data.readUInt16BE(2);
  if (textLength !== TEXT_BLOCK_LENGTH || data.length < 4 + textLength + photoLength)
    return {
      ok: false,
      problem: {
        code: 'badLayout',
        message: `text length ${textLength}, photo length ${photoLength} do not fit ${data.length} data bytes`,
      },
    };
  return decodeTextBlock(data.subarray(4, 4 + textLength), photoLength);
}

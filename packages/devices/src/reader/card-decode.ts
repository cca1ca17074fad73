/**
 * Turns the checked fields of a text block into an identity card, refusing one whose fields disagree with each
 * other (issue 15 "a garbled frame can decode to a wrong card"): the number's check character (GB 11643), birth
 * date and sex as the number says, a known nation or nationality, dates in order with the validity period the
 * card kind is issued with. The rules themselves live in @tongban/core/identity (card-rules.ts).
 */
import {
  birthDateOfIdNumber,
  checkIdNumber,
  countryNumeric,
  type ForeignPermanentResidentCard,
  idCheckCharacter,
  isCountryCode,
  maskIdNumber,
  NO_END_DATE,
  nationByCode,
  PERMIT_REGIONS,
  PROVINCE_CODES,
  type ResidencePermit,
  type ResidentIdCard,
  type Sex,
  sexOfIdNumber,
  VALIDITY_YEARS,
  wholeYearsBetween,
} from '@tongban/core/identity';
import { bad, cardSex, date, type Field, nonEmpty, readFields } from './card-fields.js';

const SEX_WORD: Record<Sex, string> = {
  male: 'male',
  female: 'female',
  unknown: 'unknown',
  unspecified: 'unspecified',
};

/** GB 11643 number with its check character, the card's birth date and sex, and a known province code. */
function gbIdNumber(v: string, birthDate: string, sex: Sex, cardType: string): string {
  const r = checkIdNumber(v);
  if (!r.ok)
    throw bad(
      cardType,
      'idNumber',
      `ID number ${maskIdNumber(v)} fails GB 11643 (${r.problem})`,
      'badIdNumber',
    );
  const n = r.normalised;
  if (birthDateOfIdNumber(n) !== birthDate)
    throw bad(
      cardType,
      'idNumber',
      `ID number ${maskIdNumber(n)} does not carry the birth date ${birthDate}`,
      'badIdNumber',
    );
  const numberSex = sexOfIdNumber(n);
  if (numberSex !== sex)
    throw bad(
      cardType,
      'sex',
      `sex ${SEX_WORD[sex]} disagrees with ID number ${maskIdNumber(n)} (its 17th digit says ${numberSex})`,
      'inconsistent',
    );
  return n;
}

/**
 * Issue date after birth, and expiry a whole number of years later from the periods the card kind is issued with
 * (or 长期 where the kind allows it).
 */
function validity(
  f: Record<string, string>,
  birthDate: string,
  years: readonly number[],
  longTermAllowed: boolean,
  cardType: string,
): { validFrom: string; validTo: string } {
  const validFrom = date(f.validFrom!, 'validFrom', cardType);
  if (validFrom < birthDate)
    throw bad(
      cardType,
      'validFrom',
      `issued ${validFrom}, before the birth date ${birthDate}`,
      'inconsistent',
    );
  if (f.validTo === NO_END_DATE) {
    if (!longTermAllowed)
      throw bad(cardType, 'validTo', `this card type is never issued without an end date`, 'inconsistent');
    return { validFrom, validTo: NO_END_DATE };
  }
  const validTo = date(f.validTo!, 'validTo', cardType);
  const span = wholeYearsBetween(validFrom, validTo);
  if (span === undefined || !years.includes(span))
    throw bad(
      cardType,
      'validTo',
      `valid ${validFrom} to ${validTo}: not ${years.join(', ')} years as this card type is issued`,
      'inconsistent',
    );
  return { validFrom, validTo };
}

export const RESIDENT_FIELDS: readonly Field[] = [
  ['name', 0, 30, 'hanzi'],
  ['sex', 30, 2, 'digits'],
  ['nation', 32, 4, 'digits'],
  ['birth', 36, 16, 'digits'],
  ['address', 52, 70, 'text'],
  ['idNumber', 122, 36, 'code'],
  ['authority', 158, 30, 'text'],
  ['validFrom', 188, 16, 'digits'],
  ['validTo', 204, 16, 'validTo'],
];

export function decodeResident(block: Buffer, photoLength: number): ResidentIdCard {
  const t = '居民身份证';
  const f = readFields(block, RESIDENT_FIELDS, t);
  const nation = /^\d{2}$/.test(f.nation!) ? nationByCode(f.nation!) : undefined;
  if (!nation) throw bad(t, 'nation', `unknown nation code "${f.nation}"`);
  const birthDate = date(f.birth!, 'birth', t);
  const sex = cardSex(f.sex!, t);
  const idNumber = gbIdNumber(f.idNumber!, birthDate, sex, t);
  if (!PROVINCE_CODES.has(idNumber.slice(0, 2)))
    throw bad(t, 'idNumber', `ID number ${maskIdNumber(idNumber)} has no province code`, 'badIdNumber');
  return {
    kind: 'residentId',
    name: nonEmpty(f.name, 'name', t),
    sex,
    nationCode: nation.code,
    nation: nation.cardName,
    birthDate,
    address: nonEmpty(f.address, 'address', t),
    idNumber,
    authority: nonEmpty(f.authority, 'authority', t),
    ...validity(f, birthDate, VALIDITY_YEARS.residentId, true, t),
    photoLength,
  };
}

export const PERMIT_FIELDS: readonly Field[] = [
  ['name', 0, 30, 'hanzi'],
  ['sex', 30, 2, 'digits'],
  ['birth', 36, 16, 'digits'],
  ['address', 52, 70, 'text'],
  ['idNumber', 122, 36, 'code'],
  ['authority', 158, 30, 'text'],
  ['validFrom', 188, 16, 'digits'],
  ['validTo', 204, 16, 'validTo'],
  ['passNumber', 220, 18, 'code'],
  ['issueCount', 238, 4, 'digits'],
  ['marker', 248, 2, 'marker'],
];

export function decodePermit(block: Buffer, photoLength: number): ResidencePermit {
  const t = '港澳台居民居住证';
  const f = readFields(block, PERMIT_FIELDS, t);
  const birthDate = date(f.birth!, 'birth', t);
  const sex = cardSex(f.sex!, t);
  const idNumber = gbIdNumber(f.idNumber!, birthDate, sex, t);
  const region = PERMIT_REGIONS[idNumber.slice(0, 6) as keyof typeof PERMIT_REGIONS];
  if (!region)
    throw bad(
      t,
      'idNumber',
      `permit number ${maskIdNumber(idNumber)} is not 810000, 820000 or 830000`,
      'badIdNumber',
    );
  const passNumber = nonEmpty(f.passNumber, 'passNumber', t);
  if (!region.passNumber.test(passNumber))
    throw bad(
      t,
      'passNumber',
      `pass number ${maskIdNumber(passNumber)} is not one of ${region.region}`,
      'inconsistent',
    );
  if (!/^\d{2}$/.test(f.issueCount!))
    throw bad(t, 'issueCount', `issue count "${f.issueCount}" is not 2 digits`);
  return {
    kind: 'residencePermit',
    name: nonEmpty(f.name, 'name', t),
    sex,
    birthDate,
    address: nonEmpty(f.address, 'address', t),
    idNumber,
    authority: nonEmpty(f.authority, 'authority', t),
    ...validity(f, birthDate, VALIDITY_YEARS.residencePermit, false, t),
    passNumber,
    issueCount: f.issueCount!,
    photoLength,
  };
}

export const FOREIGN_2017_FIELDS: readonly Field[] = [
  ['englishName', 0, 120, 'latinName'],
  ['sex', 120, 2, 'digits'],
  ['idNumber', 122, 30, 'code'],
  ['nationality', 152, 6, 'code'],
  ['chineseName', 158, 30, 'hanzi'],
  ['validFrom', 188, 16, 'digits'],
  ['validTo', 204, 16, 'validTo'],
  ['birth', 220, 16, 'digits'],
  ['version', 236, 4, 'digits'],
  ['authorityCode', 240, 8, 'digits'],
  ['marker', 248, 2, 'marker'],
];

export const FOREIGN_2023_FIELDS: readonly Field[] = [
  ['chineseName', 0, 30, 'hanzi'],
  ['sex', 30, 2, 'digits'],
  ['changeCount', 32, 4, 'digits'],
  ['birth', 36, 16, 'digits'],
  ['englishName', 52, 70, 'latinName'],
  ['idNumber', 122, 36, 'code'],
  ['validFrom', 188, 16, 'digits'],
  ['validTo', 204, 16, 'validTo'],
  ['englishNameOverflow', 220, 22, 'latinName'],
  ['nationality', 242, 6, 'code'],
  ['marker', 248, 2, 'marker'],
  ['oldNumberLink', 250, 6, 'code'],
];

/** The permit number: 2017, nationality letters + 12 digits; 2023, 9 + digits with nationality, birth, check. */
function foreignNumber(v: string, version: 2017 | 2023, nationality: string, birthDate: string, t: string) {
  if (version === 2017) {
    if (!/^[A-Z]{3}\d{12}$/.test(v))
      throw bad(
        t,
        'idNumber',
        `permit number ${maskIdNumber(v)} is not 3 letters + 12 digits`,
        'badIdNumber',
      );
    if (v.slice(0, 3) !== nationality)
      throw bad(
        t,
        'idNumber',
        `permit number ${maskIdNumber(v)} does not start with ${nationality}`,
        'inconsistent',
      );
    return v;
  }
  if (!/^9\d{16}[\dX]$/.test(v) || idCheckCharacter(v.slice(0, 17)) !== v[17])
    throw bad(t, 'idNumber', `permit number ${maskIdNumber(v)} fails its check character`, 'badIdNumber');
  const numeric = countryNumeric(nationality);
  if (numeric && v.slice(3, 6) !== numeric)
    throw bad(
      t,
      'idNumber',
      `permit number ${maskIdNumber(v)} does not carry ${nationality} (${numeric})`,
      'inconsistent',
    );
  if (birthDateOfIdNumber(v) !== birthDate)
    throw bad(
      t,
      'idNumber',
      `permit number ${maskIdNumber(v)} does not carry the birth date ${birthDate}`,
      'inconsistent',
    );
  return v;
}

export function decodeForeign(
  block: Buffer,
  photoLength: number,
  version: 2017 | 2023,
): ForeignPermanentResidentCard {
  const t = `外国人永久居留身份证（${version} 版）`;
  const f = readFields(block, version === 2017 ? FOREIGN_2017_FIELDS : FOREIGN_2023_FIELDS, t);
  const birthDate = date(f.birth!, 'birth', t);
  const nationality = f.nationality!;
  if (!/^[A-Z]{3}$/.test(nationality) || !isCountryCode(nationality))
    throw bad(t, 'nationality', `nationality "${nationality}" is not an ISO 3166 alpha-3 code`);
  const idNumber = foreignNumber(f.idNumber!, version, nationality, birthDate, t);
  const englishName = version === 2023 ? f.englishName! + (f.englishNameOverflow ?? '') : f.englishName!;
  const chineseName = f.chineseName ?? '';
  const card: ForeignPermanentResidentCard = {
    kind: 'foreignPermanentResident',
    version,
    name: chineseName || nonEmpty(englishName, 'englishName', t),
    englishName,
    chineseName,
    sex: cardSex(f.sex!, t),
    nationality,
    birthDate,
    idNumber,
    ...validity(f, birthDate, VALIDITY_YEARS.foreignPermanentResident, false, t),
    photoLength,
  };
  if (version === 2017 && f.authorityCode) card.authorityCode = f.authorityCode;
  return card;
}

/**
 * The identity documents a kiosk reads from a card reader (GA 467 SAM protocol): the second-generation
 * resident identity card, the Hong Kong/Macao/Taiwan residence permit and the foreigner's permanent residence
 * card (2017 and 2023). The photo is never part of these values (DESIGN.md "Personal data").
 */

/** GB/T 2261.1 sex codes: 0 unknown, 1 male, 2 female, 9 unspecified. */
export type Sex = 'unknown' | 'male' | 'female' | 'unspecified';

export function sexFromCode(code: string): Sex | undefined {
  switch (code.trim()) {
    case '0':
      return 'unknown';
    case '1':
      return 'male';
    case '2':
      return 'female';
    case '9':
      return 'unspecified';
    default:
      return undefined;
  }
}

/** 'YYYY-MM-DD' or 长期 (no end date). */
export type ValidTo = string;
export const NO_END_DATE = '长期';

interface CardCommon {
  name: string;
  sex: Sex;
  /** YYYY-MM-DD */
  birthDate: string;
  /** The number the person is identified by (ID number, permit number): validate before use, mask when shown. */
  idNumber: string;
  /** YYYY-MM-DD */
  validFrom: string;
  validTo: ValidTo;
  /** Length in bytes of the photo (vendor-encrypted wlt) the card carried; the photo itself is discarded. */
  photoLength: number;
}

/** 居民身份证 (GB 11643 number, GB/T 3304 nation). */
export interface ResidentIdCard extends CardCommon {
  kind: 'residentId';
  nationCode: string;
  nation: string;
  address: string;
  authority: string;
}

/** 港澳台居民居住证 (type marker 'J'). */
export interface ResidencePermit extends CardCommon {
  kind: 'residencePermit';
  address: string;
  authority: string;
  /** 通行证号码 */
  passNumber: string;
  /** 签发次数 */
  issueCount: string;
}

/** 外国人永久居留身份证 (type marker 'I' for the 2017 card, 'Y' for the 2023 card). */
export interface ForeignPermanentResidentCard extends CardCommon {
  kind: 'foreignPermanentResident';
  version: 2017 | 2023;
  englishName: string;
  chineseName: string;
  /** ISO 3166-1 alpha-3 nationality code, e.g. CAN. */
  nationality: string;
  /** Issuing authority code (2017 card). */
  authorityCode?: string;
}

export type IdentityCard = ResidentIdCard | ResidencePermit | ForeignPermanentResidentCard;

export type IdentityCardKind = IdentityCard['kind'];

/** Names a person can read, for staff lines and errors. */
export const IDENTITY_CARD_NAMES: Record<IdentityCardKind, string> = {
  residentId: '居民身份证',
  residencePermit: '港澳台居民居住证',
  foreignPermanentResident: '外国人永久居留身份证',
};

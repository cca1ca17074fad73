/**
 * The 256-byte text block of a GA 467 read (UCS-2 little-endian, space padded) and the card types that share it,
 * told apart by the type marker at byte 248: 'J' Hong Kong/Macao/Taiwan residence permit, 'I' foreigner's
 * permanent residence card 2017, 'Y' the 2023 card, anything else the resident identity card.
 */
import type { IdentityCard } from '@tongban/core/identity';
import {
  decodeForeign,
  decodePermit,
  decodeResident,
  FOREIGN_2017_FIELDS,
  FOREIGN_2023_FIELDS,
  PERMIT_FIELDS,
  RESIDENT_FIELDS,
} from './card-decode.js';
import { Bad, type CardProblem, type Field, rawField } from './card-fields.js';

export type { CardProblem } from './card-fields.js';

export const TEXT_BLOCK_LENGTH = 256;
export const TYPE_MARKER_OFFSET = 248;

/** Byte layouts per card type (offsets inside the text block), with the characters each field may hold. */
export const LAYOUTS = {
  residentId: RESIDENT_FIELDS,
  residencePermit: PERMIT_FIELDS,
  foreign2017: FOREIGN_2017_FIELDS,
  foreign2023: FOREIGN_2023_FIELDS,
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

export type CardDecodeResult = { ok: true; card: IdentityCard } | { ok: false; problem: CardProblem };

/** The type marker character at byte 248 ('' when none). */
export function typeMarker(block: Buffer): string {
  if (block.length < TYPE_MARKER_OFFSET + 2) return '';
  return rawField(block, TYPE_MARKER_OFFSET, 2);
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

/** The parts of a read-text-and-photo answer: TEXT_LEN(2, BE) PHOTO_LEN(2, BE) text photo [fingerprint]. */
export type ReadParts = { ok: true; text: Buffer; photoLength: number } | { ok: false; problem: CardProblem };

/** Splits a read answer's data; the photo is only measured, never copied out (DESIGN.md "Personal data"). */
export function splitReadData(data: Buffer): ReadParts {
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
  return { ok: true, text: data.subarray(4, 4 + textLength), photoLength };
}

/** Decodes the data of one read-text-and-photo answer (a single read: see ReadConfirmation for acceptance). */
export function decodeReadData(data: Buffer): CardDecodeResult {
  const parts = splitReadData(data);
  return parts.ok ? decodeTextBlock(parts.text, parts.photoLength) : parts;
}

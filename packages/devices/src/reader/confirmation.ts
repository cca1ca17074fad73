/**
 * A card is accepted only when two reads agree (issue 25): the frame's XOR checksum cannot see two flips of the
 * same bit, and a name or an address carries no check digit, so one read can hold a wrong character that every
 * content check passes. Line noise does not repeat itself: two reads whose text blocks are identical byte for
 * byte are what the card holds. Only then is the content judged: a good card is accepted, a bad one (wrong check
 * digit, unsupported type, inconsistent fields) is refused as the card's own fault, since it read the same twice.
 */
import { type CardDecodeResult, type CardProblem, decodeTextBlock, splitReadData } from './text-block.js';

export type ReadVerdict =
  /** Two reads agreed: `result` is what the card holds (a card, or the problem with its content). */
  | { kind: 'confirmed'; result: CardDecodeResult; reads: number }
  /** First time this content is seen: read again. `result` says what this read alone would give. */
  | { kind: 'unconfirmed'; result: CardDecodeResult; reads: number }
  /** The answer's lengths do not fit a read answer. */
  | { kind: 'unreadable'; problem: CardProblem; reads: number };

/** Reads of the same text (photo aside) that confirm it even when the photos differ (see `offer`). */
export const TEXT_AGREEMENTS = 3;

/** Collects the reads of one placed card; ask for a new one per placement. */
export class ReadConfirmation {
  private readonly seen = new Set<string>();
  private readonly texts = new Map<string, number>();
  reads = 0;

  /**
   * Offers the data of one successful read-text-and-photo answer. Confirmed when an earlier read had the same
   * data byte for byte (text and photo: the photo is the card's stored bytes, the same on every read), or when
   * TEXT_AGREEMENTS reads had the same text, so that a reader whose photo bytes vary still reads cards.
   * Comparing the photo too matters: two reads that each hold one flipped text bit agree on the text alone
   * once in 2,048 times when everything else is random noise; agreeing on 1,280 bytes they practically never do.
   */
  offer(data: Buffer): ReadVerdict {
    this.reads++;
    const parts = splitReadData(data);
    if (!parts.ok) return { kind: 'unreadable', problem: parts.problem, reads: this.reads };
    const textKey = `${parts.photoLength}:${parts.text.toString('hex')}`;
    const fullKey = data.subarray(0, 4 + parts.text.length + parts.photoLength).toString('hex');
    const result = decodeTextBlock(parts.text, parts.photoLength);
    const textCount = (this.texts.get(textKey) ?? 0) + 1;
    this.texts.set(textKey, textCount);
    if (this.seen.has(fullKey) || textCount >= TEXT_AGREEMENTS)
      return { kind: 'confirmed', result, reads: this.reads };
    this.seen.add(fullKey);
    return { kind: 'unconfirmed', result, reads: this.reads };
  }
}

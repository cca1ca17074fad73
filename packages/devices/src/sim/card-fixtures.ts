/** Cards for the simulated reader, as stored in fixtures/devices/cards.json. */
import { readFileSync } from 'node:fs';
import { type CardText, LAYOUTS, type LayoutName } from '../reader/text-block.js';

export interface CardFixture extends CardText {
  id: string;
  note: string;
  /** 'ok' or the problem code decoding must report. */
  expect: 'ok' | 'badIdNumber' | 'unsupportedCardType' | 'badField';
}

/** fixtures/devices/cards.json of the repository (same depth from src/ and dist/). */
export const DEFAULT_CARD_FIXTURES = new URL('../../../../fixtures/devices/cards.json', import.meta.url);

export function loadCardFixtures(file: string | URL = DEFAULT_CARD_FIXTURES): CardFixture[] {
  const json = JSON.parse(readFileSync(file, 'utf8')) as { cards: CardFixture[] };
  for (const c of json.cards)
    if (!(c.layout in LAYOUTS))
      throw new Error(`card fixture ${c.id}: unknown layout ${c.layout as LayoutName}`);
  return json.cards;
}

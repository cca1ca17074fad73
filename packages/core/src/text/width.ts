import stringWidth from 'string-width';

/**
 * Display width of text in fixed-width cells, shared by terminal tables (admin CLI, kiosk) and thermal receipts
 * (devices): string-width, the same library (and major version) Ink lays the kiosk's screens out with, so that a
 * table, a receipt and a screen agree on every character: East Asian Wide and Fullwidth characters take two
 * columns, control characters and combining marks none, ambiguous-width characters one.
 */
export function displayWidth(text: string): number {
  return stringWidth(text);
}

/** The width of one code point (see displayWidth). */
export function charWidth(cp: number): number {
  return stringWidth(String.fromCodePoint(cp));
}

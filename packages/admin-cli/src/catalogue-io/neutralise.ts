/**
 * Formula-injection guard for exported spreadsheets (OWASP "CSV injection"): a text cell that starts with
 * = + - @ (or a tab or carriage return) would be run as a formula by Excel/WPS. On export such a cell gets a
 * leading apostrophe: `=SUM(A1)` is written `'=SUM(A1)`. So that the round trip is lossless, a text cell that
 * already starts with an apostrophe gets one more (`'abc` -> `''abc`), and on import exactly one leading
 * apostrophe is removed from every text cell that has one. Numbers are written as numbers and never touched.
 */
const TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r', "'"]);

export function neutralise(text: string): string {
  return text.length > 0 && TRIGGERS.has(text[0]!) ? `'${text}` : text;
}

export function unneutralise(text: string): string {
  return text.startsWith("'") ? text.slice(1) : text;
}

/** True when a text cell, as read from an import file, would run as a formula if the file were opened. */
export function looksLikeFormula(text: string): boolean {
  return /^[=+@]/.test(text) || /^-[^0-9.]/.test(text);
}

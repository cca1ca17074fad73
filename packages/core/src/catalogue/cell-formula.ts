/**
 * Formulas in cells (OWASP "CSV injection"). A text cell that starts with = + - @ would be run as a formula by
 * Excel or WPS when the file is opened: on import it is refused, naming the cell, unless it starts with an
 * apostrophe, Excel's own mark for "this is text" (`'=SUM(A1)`), which is removed. On export such a text gets that
 * apostrophe (and a text that already starts with one gets another), so the round trip is lossless.
 * Numbers are written as numbers and never touched.
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
  return /^[=+@]/.test(text) || (/^-[^0-9.]/.test(text) && !/^-+$/.test(text));
}

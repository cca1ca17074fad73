/**
 * Column arithmetic for thermal receipts: a Chinese (East Asian Wide / Fullwidth) character takes two columns of
 * font A, an ASCII character one. 58 mm paper holds 32 columns, 80 mm paper 48.
 */
export type PaperWidth = 58 | 80;
export const COLUMNS: Record<PaperWidth, number> = { 58: 32, 80: 48 };

/** 2 for wide characters (CJK, fullwidth forms, Hangul...), 0 for combining marks, else 1. */
export function charWidth(cp: number): number {
  if (cp < 0x20) return 0;
  if (cp < 0x1100) return 1;
  if (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  )
    return 2;
  if (cp >= 0x300 && cp <= 0x36f) return 0;
  return 1;
}

export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += charWidth(ch.codePointAt(0)!);
  return w;
}

/**
 * Wraps text to `cols` columns without splitting a character; ASCII words are kept whole when they fit on a line.
 * Existing newlines are kept.
 */
export function wrap(text: string, cols: number): string[] {
  if (cols < 2) throw new RangeError(`cannot wrap to ${cols} column(s)`);
  const out: string[] = [];
  for (const para of text.split('\n')) {
    // tokens: runs of ASCII word characters, or single other characters
    const tokens = para.match(/[!-~]+|[\s\S]/gu) ?? [];
    let line = '';
    let width = 0;
    const flush = () => {
      out.push(line.replace(/ +$/, ''));
      line = '';
      width = 0;
    };
    for (const tok of tokens) {
      const w = displayWidth(tok);
      if (width + w <= cols) {
        line += tok;
        width += w;
        continue;
      }
      if (tok === ' ') {
        flush();
        continue;
      }
      if (w <= cols && width > 0) flush();
      for (const ch of tok) {
        const cw = charWidth(ch.codePointAt(0)!);
        if (width + cw > cols) flush();
        if (width === 0 && ch === ' ') continue;
        line += ch;
        width += cw;
      }
    }
    if (line.length > 0 || out.length === 0 || para.length === 0) flush();
  }
  return out;
}

/** Pads with spaces to exactly `cols` columns (text must fit). */
export function padEnd(text: string, cols: number): string {
  return text + ' '.repeat(Math.max(0, cols - displayWidth(text)));
}

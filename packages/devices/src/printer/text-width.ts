import { charWidth, displayWidth } from '@tongban/core/text';
/**
 * Column arithmetic for thermal receipts: a Chinese (East Asian Wide / Fullwidth) character takes two columns of
 * font A, an ASCII character one. 58 mm paper holds 32 columns, 80 mm paper 48.
 */
export type PaperWidth = 58 | 80;
export const COLUMNS: Record<PaperWidth, number> = { 58: 32, 80: 48 };

export { charWidth, displayWidth } from '@tongban/core/text';

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

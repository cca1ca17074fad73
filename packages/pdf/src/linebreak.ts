/**
 * Chinese line breaking (禁则, 避头尾 of GB/T 15834 and the W3C "Requirements for Chinese Text Layout"): a line may
 * break between any two Han characters, never inside a Latin word or number, never before closing punctuation
 * (no line starts with ，。、；：？！）》” …) and never after opening punctuation (no line ends with （《“ …).
 */

/** Characters that may not start a line (避头): closing brackets and quotes, pause and stop marks. */
export const NO_LINE_START = new Set(
  Array.from(
    '，。、；：？！）》〉」』】〕〗｝’”…‥·・％‰℃〃々ー～' + // full-width
      ',.;:?!)]}>%', // half-width
  ),
);

/** Characters that may not end a line (避尾): opening brackets and quotes, currency signs. */
export const NO_LINE_END = new Set(Array.from('（《〈「『【〔〖｛‘“￥＄([{<$'));

/** Characters that join with their neighbours into an unbreakable word (Latin words, numbers, phone numbers). */
const WORD = /[A-Za-z0-9@#&_\-+./:=*'’]/;

/** Measure words written after a number, kept on its line. */
const UNIT_AFTER_NUMBER = new Set(Array.from('年月日时分秒个项份号元岁天页条'));

export interface Token {
  text: string;
  width: number;
  space: boolean;
}

export interface BrokenLine {
  text: string;
  width: number;
  /** The line was broken because the next token did not fit: it may be justified. */
  full: boolean;
}

/** Splits text into break units: a Han character or punctuation mark, a Latin word or number, a run of spaces. */
export function tokenize(text: string, measure: (s: string) => number): Token[] {
  const tokens: Token[] = [];
  const chars = Array.from(text);
  let i = 0;
  while (i < chars.length) {
    const ch = chars[i] as string;
    let j = i + 1;
    if (ch === ' ' || ch === '\t') {
      while (j < chars.length && (chars[j] === ' ' || chars[j] === '\t')) j++;
      const s = ' '.repeat(j - i);
      tokens.push({ text: s, width: measure(s), space: true });
    } else if (WORD.test(ch)) {
      while (j < chars.length && WORD.test(chars[j] as string)) j++;
      // a number stays with its unit (2026年 / 11月 / 10个工作日 / 3项): dates and counts are not split
      if (/^\d+$/.test(chars.slice(i, j).join('')) && UNIT_AFTER_NUMBER.has(chars[j] as string)) j++;
      const s = chars.slice(i, j).join('');
      tokens.push({ text: s, width: measure(s), space: false });
    } else {
      tokens.push({ text: ch, width: measure(ch), space: false });
    }
    i = j;
  }
  return tokens;
}

const startsForbidden = (t: Token | undefined) => t !== undefined && NO_LINE_START.has(t.text[0] as string);
const endsForbidden = (t: Token | undefined) => t !== undefined && NO_LINE_END.has(t.text.at(-1) as string);

/**
 * Greedy line filling with 避头尾: when a token does not fit, the break moves back while the next line would start
 * with closing punctuation or the line would end with opening punctuation. A word longer than a line is cut.
 * `widthOf(n)` is the room of line n (the first line of an indented paragraph is shorter).
 */
export function breakLines(
  text: string,
  widthOf: (line: number) => number,
  measure: (s: string) => number,
): BrokenLine[] {
  const tokens: Token[] = [];
  for (const t of tokenize(text, measure)) {
    if (!t.space && t.text.length > 1 && t.width > widthOf(1)) {
      for (const ch of Array.from(t.text)) tokens.push({ text: ch, width: measure(ch), space: false });
    } else tokens.push(t);
  }
  const lines: BrokenLine[] = [];
  let start = 0;
  while (start < tokens.length) {
    while (start < tokens.length && tokens[start]?.space) start++;
    if (start >= tokens.length) break;
    const room = widthOf(lines.length);
    let end = start;
    let width = 0;
    while (end < tokens.length && (end === start || width + (tokens[end] as Token).width <= room + 1e-6)) {
      width += (tokens[end] as Token).width;
      end++;
    }
    let full = end < tokens.length;
    if (full) {
      let b = end;
      const nextVisible = (k: number) => {
        while (k < tokens.length && tokens[k]?.space) k++;
        return tokens[k];
      };
      const prevVisible = (k: number) => {
        k--;
        while (k > start && tokens[k]?.space) k--;
        return tokens[k];
      };
      // 避头尾: no line starting with closing punctuation, none ending with opening punctuation
      while (b > start + 1 && (startsForbidden(nextVisible(b)) || endsForbidden(prevVisible(b)))) b--;
      if (b > start) end = b;
    }
    // trailing spaces are not part of the line
    let last = end;
    while (last > start && tokens[last - 1]?.space) last--;
    const parts = tokens.slice(start, last);
    width = parts.reduce((w, t) => w + t.width, 0);
    full = full && end < tokens.length;
    lines.push({ text: parts.map((t) => t.text).join(''), width, full });
    start = end;
  }
  return lines;
}

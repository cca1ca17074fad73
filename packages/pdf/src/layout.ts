import type { Notice, NoticeField, NoticeSection } from '@tongban/core/notices';
import type { FontWeight, NoticeFonts } from './font.js';
import { type BrokenLine, breakLines } from './linebreak.js';

/**
 * Lays a notice out on A4 as blocks of drawing operations, the way seed 001 appendices B and C set the 收件（受理）
 * 通知书 and the 补齐补正通知书: centred bold title, salutation flush left, body with a two-character first-line
 * indent, 特此告知, the 经办人 / 联系电话 / 监督投诉电话 line, the seal area and date on the right, bold notes, and the
 * 存根 after a dashed cut line as the second part of the page. Coordinates are points from the top-left corner.
 */

export const A4 = { width: 595.28, height: 841.89 } as const;
export const MARGIN = { top: 52, bottom: 44, left: 62, right: 62 } as const;
export const CONTENT_WIDTH = A4.width - MARGIN.left - MARGIN.right;
const CONTENT_HEIGHT = A4.height - MARGIN.top - MARGIN.bottom;

export type DrawOp =
  | { op: 'text'; x: number; y: number; text: string; weight: FontWeight; size: number; spacing?: number }
  | { op: 'line'; x1: number; y1: number; x2: number; y2: number; width: number; dash?: number }
  | { op: 'qr'; x: number; y: number; size: number; payload: string };

/** A block never splits across pages; y of its ops is relative to its top (baseline for text). */
export interface Block {
  height: number;
  ops: DrawOp[];
  /** The cut line before the 存根 (the stub is pushed down to the foot of the page when there is room). */
  stub?: boolean;
  keepWithNext?: boolean;
}

export interface PlacedPage {
  ops: DrawOp[];
}

/** Font sizes in points at scale 1; a notice that does not fit on one page is set smaller, down to MIN_SCALE. */
const SIZE = { title: 18, stubTitle: 16, body: 12, note: 10.5, table: 10.5, caption: 9 } as const;
const LEADING = 1.72;
const SCALES = [1, 0.95, 0.9, 0.85, 0.8, 0.76] as const;

/** Widths in em of the strings a notice prints, per font (names and numbers vary, the template's words repeat). */
const widthCache = new WeakMap<NoticeFonts[FontWeight], Map<string, number>>();

function emWidth(font: NoticeFonts[FontWeight], text: string): number {
  let cache = widthCache.get(font);
  if (!cache) {
    cache = new Map();
    widthCache.set(font, cache);
  }
  let w = cache.get(text);
  if (w === undefined) {
    w = 0;
    for (const ch of text) w += font.advance(ch.codePointAt(0) as number);
    if (cache.size > 20_000) cache.clear();
    cache.set(text, w);
  }
  return w;
}

/**
 * Lines of a text at a size and width, per font set: the template's sentences (notes, rights, closings) recur in
 * every notice of a type, and merged batches lay out the same sentences page after page.
 */
const lineCache = new WeakMap<NoticeFonts, Map<string, BrokenLine[]>>();

function cachedLines(
  c: Ctx,
  text: string,
  weight: FontWeight,
  size: number,
  first: number,
  rest: number,
): BrokenLine[] {
  let cache = lineCache.get(c.fonts);
  if (!cache) {
    cache = new Map();
    lineCache.set(c.fonts, cache);
  }
  const key = `${weight}|${size}|${first}|${rest}|${text}`;
  let lines = cache.get(key);
  if (!lines) {
    lines = breakLines(text, (n) => (n === 0 ? first : rest), c.measure(weight, size));
    if (cache.size > 20_000) cache.clear();
    cache.set(key, lines);
  }
  return lines;
}

class Ctx {
  sealCenter: number | undefined;
  noteIndent = 0;
  constructor(
    readonly fonts: NoticeFonts,
    readonly s: number,
    readonly zh: boolean,
  ) {}
  size(kind: keyof typeof SIZE): number {
    return SIZE[kind] * this.s;
  }
  width(text: string, weight: FontWeight, size: number): number {
    return emWidth(this.fonts[weight], text) * size;
  }
  measure(weight: FontWeight, size: number): (text: string) => number {
    return (t) => this.width(t, weight, size);
  }
  /** Baseline offset inside a line box of the given size (the ideographic em box centred in the leading). */
  baseline(size: number): number {
    return size * ((LEADING - 1) / 2 + 0.88);
  }
}

/** Blank fields are written with ideographic spaces so there is room to write by hand (签字日期：    年  月  日). */
function fieldText(f: NoticeField, sep: string): string {
  if (!f.blank) return `${f.label}${sep}${f.value}`;
  const value = f.value ? f.value.replace(/ /g, '\u3000') : '\u3000'.repeat(8);
  return `${f.label}${sep}${value}`;
}

function textBlock(
  c: Ctx,
  text: string,
  o: {
    weight?: FontWeight;
    size: number;
    indentFirst?: number;
    indentRest?: number;
    align?: 'left' | 'center' | 'right';
    justify?: boolean;
    x?: number;
    width?: number;
    after?: number;
  },
): Block {
  const weight = o.weight ?? 'regular';
  const x0 = o.x ?? 0;
  const width = o.width ?? CONTENT_WIDTH;
  const first = o.indentFirst ?? 0;
  const rest = o.indentRest ?? 0;
  const lineH = o.size * LEADING;
  const lines = cachedLines(c, text, weight, o.size, width - first, width - rest);
  const ops: DrawOp[] = lines.map((l, i) => {
    const indent = i === 0 ? first : rest;
    const room = width - indent;
    let x = x0 + indent;
    if (o.align === 'center') x = x0 + (width - l.width) / 2;
    if (o.align === 'right') x = x0 + width - l.width;
    const op: DrawOp = {
      op: 'text',
      x,
      y: i * lineH + c.baseline(o.size),
      text: l.text,
      weight,
      size: o.size,
    };
    const chars = Array.from(l.text).length;
    // justify full lines (Chinese body text is set flush on both sides) when the stretch is small
    if (o.justify && l.full && chars > 1) {
      const spacing = (room - l.width) / (chars - 1);
      if (spacing > 0 && spacing < o.size * 0.12) op.spacing = spacing;
    }
    return op;
  });
  return { height: lines.length * lineH + (o.after ?? 0), ops };
}

function paragraph(c: Ctx, s: Extract<NoticeSection, { kind: 'paragraph' }>): Block {
  const body = c.size('body');
  const indent = c.zh ? 2 * body : 0;
  switch (s.style) {
    case 'salutation':
      return textBlock(c, s.text, { size: body });
    case 'body':
      return textBlock(c, s.text, {
        size: body,
        indentFirst: indent,
        justify: c.zh,
        after: c.zh ? 0 : body * 0.4,
      });
    case 'closing':
      return textBlock(c, s.text, { size: body, indentFirst: indent });
    case 'note': {
      const size = c.size('note');
      const prefix = s.runs.length > 1 && s.runs[0] && !s.runs[0].key ? s.runs[0].text : '';
      if (prefix) c.noteIndent = c.width(prefix, 'bold', size);
      const hang = prefix ? c.noteIndent : 0;
      return textBlock(c, s.text, {
        size,
        weight: 'bold',
        indentFirst: prefix ? 0 : c.noteIndent,
        indentRest: prefix ? hang : c.noteIndent,
        justify: c.zh,
      });
    }
    case 'date': {
      const w = c.width(s.text, 'regular', body);
      const center = c.sealCenter ?? CONTENT_WIDTH - 3 * body - w / 2;
      const x = Math.min(CONTENT_WIDTH - w, center - w / 2);
      return {
        height: body * LEADING * 1.2,
        ops: [{ op: 'text', x, y: c.baseline(body), text: s.text, weight: 'regular', size: body }],
      };
    }
  }
}

function fields(c: Ctx, s: Extract<NoticeSection, { kind: 'fields' }>, sep: string): Block {
  const size = c.size('body');
  const lineH = size * LEADING;
  const texts = s.fields.map((f) => fieldText(f, sep));
  const widths = texts.map((t) => c.width(t, 'regular', size));
  const gap = 1.5 * size;
  const ops: DrawOp[] = [];
  const underline = (x: number, y: number, f: NoticeField, text: string) => {
    if (!f.blank || f.value) return;
    const labelW = c.width(`${f.label}${sep}`, 'regular', size);
    const w = c.width(text, 'regular', size) - labelW;
    ops.push({ op: 'line', x1: x + labelW, y1: y + 2, x2: x + labelW + w, y2: y + 2, width: 0.5 });
  };
  if (s.layout === 'inline') {
    const n = texts.length;
    const col = CONTENT_WIDTH / n;
    if (widths.every((w) => w <= col - gap / 2)) {
      // one line in equal columns, as the template's 经办人 / 联系电话 / 监督投诉电话 line
      texts.forEach((t, i) => {
        const x = i * col;
        const y = c.baseline(size);
        ops.push({ op: 'text', x, y, text: t, weight: 'regular', size });
        underline(x, y, s.fields[i] as NoticeField, t);
      });
      return { height: lineH, ops };
    }
    let x = 0;
    let line = 0;
    texts.forEach((t, i) => {
      const w = widths[i] as number;
      if (x > 0 && x + w > CONTENT_WIDTH) {
        x = 0;
        line++;
      }
      if (w > CONTENT_WIDTH) {
        const b = textBlock(c, t, { size, indentRest: 2 * size });
        for (const op of b.ops) if (op.op === 'text') ops.push({ ...op, y: op.y + line * lineH });
        line += Math.round(b.height / lineH);
        x = 0;
        return;
      }
      const y = line * lineH + c.baseline(size);
      ops.push({ op: 'text', x, y, text: t, weight: 'regular', size });
      underline(x, y, s.fields[i] as NoticeField, t);
      x += w + gap;
    });
    return { height: (x === 0 ? line : line + 1) * lineH, ops };
  }
  // stacked: two columns when every field fits half the width, else one a line with the value hanging
  const half = (CONTENT_WIDTH - gap) / 2;
  if (texts.length > 2 && widths.every((w) => w <= half)) {
    texts.forEach((t, i) => {
      ops.push({
        op: 'text',
        x: (i % 2) * (half + gap),
        y: Math.floor(i / 2) * lineH + c.baseline(size),
        text: t,
        weight: 'regular',
        size,
      });
    });
    return { height: Math.ceil(texts.length / 2) * lineH, ops };
  }
  let y = 0;
  s.fields.forEach((f, i) => {
    const hang = Math.min(c.width(`${f.label}${sep}`, 'regular', size), CONTENT_WIDTH / 3);
    const b = textBlock(c, texts[i] as string, { size, indentRest: hang });
    for (const op of b.ops) ops.push({ ...op, y: (op as { y: number }).y + y } as DrawOp);
    y += b.height;
  });
  return { height: y, ops };
}

function table(c: Ctx, s: Extract<NoticeSection, { kind: 'table' }>): Block[] {
  const size = c.size('table');
  const pad = 0.45 * size;
  const lineH = size * 1.45;
  const cols = s.columns.map((col, i) => {
    const texts = [col.label, ...s.rows.map((r) => r[i] ?? '')];
    const natural = Math.max(...texts.map((t) => c.width(t, i === 0 ? 'bold' : 'regular', size))) + 2 * pad;
    const fixed = col.key === 'no' || col.key === 'copies' || col.key === 'form';
    return { key: col.key, natural, fixed };
  });
  const fixedW = cols.filter((k) => k.fixed).reduce((w, k) => w + k.natural, 0);
  const flex = cols.filter((k) => !k.fixed);
  const flexNatural = flex.reduce((w, k) => w + k.natural, 0);
  const room = CONTENT_WIDTH - fixedW;
  const widths = cols.map((k) => (k.fixed ? k.natural : (room * k.natural) / Math.max(flexNatural, 1)));
  const xs = widths.reduce<number[]>((acc, _w, i) => {
    acc.push(i === 0 ? 0 : (acc[i - 1] as number) + (widths[i - 1] as number));
    return acc;
  }, []);
  const row = (cells: string[], weight: FontWeight, top: boolean): Block => {
    const ops: DrawOp[] = [];
    let lines = 1;
    const laid = cells.map((t, i) => {
      const w = (widths[i] as number) - 2 * pad;
      const ls = cachedLines(c, t, weight, size, w, w);
      lines = Math.max(lines, ls.length);
      return ls;
    });
    const h = lines * lineH + pad;
    laid.forEach((ls, i) => {
      ls.forEach((l, j) => {
        const x0 = xs[i] as number;
        const w = widths[i] as number;
        const centred = cols[i]?.fixed || weight === 'bold';
        const x = centred ? x0 + (w - l.width) / 2 : x0 + pad;
        const y = pad / 2 + j * lineH + size * ((1.45 - 1) / 2 + 0.88);
        ops.push({ op: 'text', x, y, text: l.text, weight, size });
      });
    });
    if (top) ops.push({ op: 'line', x1: 0, y1: 0, x2: CONTENT_WIDTH, y2: 0, width: 0.6 });
    ops.push({ op: 'line', x1: 0, y1: h, x2: CONTENT_WIDTH, y2: h, width: 0.6 });
    for (const x of [...xs, CONTENT_WIDTH]) ops.push({ op: 'line', x1: x, y1: 0, x2: x, y2: h, width: 0.6 });
    return { height: h, ops };
  };
  const blocks = [
    {
      ...row(
        s.columns.map((k) => k.label),
        'bold',
        true,
      ),
      keepWithNext: true,
    },
    ...s.rows.map((r) => row(r, 'regular', false)),
  ];
  const last = blocks[blocks.length - 1] as Block;
  last.height += 0.35 * size;
  return blocks;
}

function list(c: Ctx, s: Extract<NoticeSection, { kind: 'list' }>): Block[] {
  const size = c.size('body');
  const indent = c.zh ? 2 * size : 0;
  return s.items.map((item, i) => {
    const num = `${i + 1}.`;
    const hang = indent + c.width(num, 'regular', size) + 0.3 * size;
    const b = textBlock(c, item, { size, x: 0, indentFirst: hang, indentRest: hang, justify: c.zh });
    b.ops.unshift({ op: 'text', x: indent, y: c.baseline(size), text: num, weight: 'regular', size });
    return b;
  });
}

function seal(c: Ctx, s: Extract<NoticeSection, { kind: 'seal' }>): Block {
  // the seal area on the right: room above for the stamp, the label (承办窗口（章）) and the issuing unit
  const size = c.size('body');
  const lineH = size * LEADING;
  const wl = c.width(s.label, 'regular', size);
  const wi = c.width(s.issuer, 'regular', size);
  const w = Math.max(wl, wi);
  const right = CONTENT_WIDTH - 1.5 * size;
  const center = Math.max(w / 2, right - w / 2);
  c.sealCenter = center;
  const top = 0.6 * lineH;
  return {
    height: top + 2 * lineH,
    ops: [
      { op: 'text', x: center - wl / 2, y: top + c.baseline(size), text: s.label, weight: 'regular', size },
      {
        op: 'text',
        x: center - wi / 2,
        y: top + lineH + c.baseline(size),
        text: s.issuer,
        weight: 'regular',
        size,
      },
    ],
  };
}

function qr(c: Ctx, s: Extract<NoticeSection, { kind: 'qr' }>): Block {
  const side = 58 * c.s;
  const size = c.size('caption');
  const cap = textBlock(c, s.caption, { size, x: side + 0.8 * size, width: CONTENT_WIDTH - side - size });
  const dy = (side - cap.height) / 2 + 4;
  return {
    height: side + 8,
    ops: [
      { op: 'qr', x: 0, y: 4, size: side, payload: s.payload },
      ...cap.ops.map((op) => ({ ...op, y: (op as { y: number }).y + dy }) as DrawOp),
    ],
  };
}

function stub(c: Ctx, s: Extract<NoticeSection, { kind: 'stub' }>): Block {
  const size = c.size('caption');
  const w = c.width(s.label, 'regular', size);
  const mid = 1.1 * size * LEADING;
  const x1 = (CONTENT_WIDTH - w) / 2 - 0.8 * size;
  const x2 = (CONTENT_WIDTH + w) / 2 + 0.8 * size;
  const bleed = MARGIN.left - 14;
  return {
    height: 2.2 * size * LEADING,
    stub: true,
    ops: [
      { op: 'line', x1: -bleed, y1: mid, x2: x1, y2: mid, width: 0.6, dash: 3 },
      { op: 'line', x1: x2, y1: mid, x2: CONTENT_WIDTH + bleed, y2: mid, width: 0.6, dash: 3 },
      {
        op: 'text',
        x: (CONTENT_WIDTH - w) / 2,
        y: mid + size * 0.35,
        text: s.label,
        weight: 'regular',
        size,
      },
    ],
  };
}

function blocksOf(notice: Notice, c: Ctx): Block[] {
  const sep = c.zh ? '：' : ': ';
  const blocks: Block[] = [];
  for (const s of notice.sections) {
    switch (s.kind) {
      case 'title': {
        const stubTitle = s.key === 'stubTitle';
        const size = c.size(stubTitle ? 'stubTitle' : 'title');
        const b = textBlock(c, s.text, { size, weight: 'bold', align: 'center', after: size * 0.35 });
        const only = b.ops[0];
        const chars = Array.from(s.text).length;
        if (c.zh && b.ops.length === 1 && only?.op === 'text' && chars <= 10) {
          // a short title is letter-spaced, as printed forms are
          const spacing = (chars <= 6 ? 0.5 : 0.25) * size;
          only.spacing = spacing;
          only.x -= (spacing * (chars - 1)) / 2;
        }
        b.keepWithNext = true;
        blocks.push(b);
        break;
      }
      case 'paragraph':
        blocks.push(paragraph(c, s));
        break;
      case 'fields':
        blocks.push(fields(c, s, sep));
        break;
      case 'table':
        blocks.push(...table(c, s));
        break;
      case 'list':
        blocks.push(...list(c, s));
        break;
      case 'seal':
        blocks.push(seal(c, s));
        break;
      case 'qr':
        blocks.push(qr(c, s));
        break;
      case 'stub':
        blocks.push(stub(c, s));
        break;
    }
  }
  return blocks;
}

/**
 * Lays the notice out at the largest scale at which it fits one page (the 存根 moved to the foot of the page so the
 * two parts can be cut apart); a notice too long even at the smallest scale continues on further pages.
 */
export function layoutNotice(notice: Notice, fonts: NoticeFonts): PlacedPage[] {
  const zh = notice.locale !== 'en';
  const at = (scale: number) => {
    const blocks = blocksOf(notice, new Ctx(fonts, scale, zh));
    return { blocks, total: blocks.reduce((h, b) => h + b.height, 0) };
  };
  let laid = at(1);
  if (laid.total <= CONTENT_HEIGHT) return [place(laid.blocks, CONTENT_HEIGHT - laid.total)];
  // heights shrink a little faster than the scale (more characters fit a line): start just above the estimate
  const estimate = (CONTENT_HEIGHT / laid.total) * 1.06;
  const smaller = SCALES.filter((scale) => scale < 1 && scale <= estimate);
  for (const scale of smaller.length ? smaller : [SCALES[SCALES.length - 1] as number]) {
    laid = at(scale);
    if (laid.total <= CONTENT_HEIGHT) return [place(laid.blocks, CONTENT_HEIGHT - laid.total)];
  }
  return paginate(laid.blocks);
}

function shift(ops: DrawOp[], dx: number, dy: number): DrawOp[] {
  return ops.map((op) =>
    op.op === 'line'
      ? { ...op, x1: op.x1 + dx, x2: op.x2 + dx, y1: op.y1 + dy, y2: op.y2 + dy }
      : { ...op, x: op.x + dx, y: op.y + dy },
  );
}

function place(blocks: Block[], slack: number): PlacedPage {
  const ops: DrawOp[] = [];
  let y = MARGIN.top;
  for (const b of blocks) {
    if (b.stub) y += slack;
    ops.push(...shift(b.ops, MARGIN.left, y));
    y += b.height;
  }
  return { ops };
}

function paginate(blocks: Block[]): PlacedPage[] {
  const pages: PlacedPage[] = [{ ops: [] }];
  let y = MARGIN.top;
  const bottom = A4.height - MARGIN.bottom;
  blocks.forEach((b, i) => {
    const next = blocks[i + 1];
    const need = b.height + (b.keepWithNext && next ? next.height : 0);
    if (y > MARGIN.top && y + need > bottom) {
      pages.push({ ops: [] });
      y = MARGIN.top;
    }
    (pages[pages.length - 1] as PlacedPage).ops.push(...shift(b.ops, MARGIN.left, y));
    y += b.height;
  });
  return pages;
}

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { TongbanError } from '@tongban/core/errors';
import * as fontkit from 'fontkit';
import { TtfSource } from './ttf-subset.js';

/**
 * The CJK font of the notices: Noto Sans SC (SIL Open Font License 1.1, OS/2 fsType 0 = installable embedding),
 * shipped as static TTFs by the npm package `@expo-google-fonts/noto-sans-sc`, so `npm ci` is the whole set-up.
 * Regular for the text, Bold for the headings and the template's notes.
 */
export const NOTICE_FONT_PACKAGE = '@expo-google-fonts/noto-sans-sc';
export const NOTICE_FONT_FILES = {
  regular: `${NOTICE_FONT_PACKAGE}/400Regular/NotoSansSC_400Regular.ttf`,
  bold: `${NOTICE_FONT_PACKAGE}/700Bold/NotoSansSC_700Bold.ttf`,
} as const;

export type FontWeight = keyof typeof NOTICE_FONT_FILES;

/** Paths of the two TTFs as installed (node_modules), or as given. */
export interface NoticeFontPaths {
  regular: string;
  bold: string;
}

export function defaultFontPaths(): NoticeFontPaths {
  const require = createRequire(import.meta.url);
  try {
    return {
      regular: require.resolve(NOTICE_FONT_FILES.regular),
      bold: require.resolve(NOTICE_FONT_FILES.bold),
    };
  } catch (error) {
    throw new TongbanError('pdf.fontMissing', `the notice font ${NOTICE_FONT_PACKAGE} is not installed`, {
      where: { package: NOTICE_FONT_PACKAGE },
      hint: `run npm ci (or npm install ${NOTICE_FONT_PACKAGE} -w @tongban/core); cause: ${(error as Error).message}`,
    });
  }
}

/** A glyph as pdfkit's EmbeddedFont reads it (id, advance in font units, the code points for ToUnicode). */
export interface PlainGlyph {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}

/**
 * One parsed font, shared by every document of the process (pdfkit accepts any object with a `layout` method as
 * a font). It delegates to the fontkit font through its prototype, so fontkit's lazily parsed tables (cmap, loca,
 * hmtx) and its glyph cache are built once, not per document; `layout` maps each character to its glyph through a
 * cache instead of running the OpenType shaper (CJK and the digits of a notice need no shaping).
 */
export interface ParsedFont {
  weight: FontWeight;
  /** Advance of one character in em (1 = the font size). */
  advance(codePoint: number): number;
  /** Whether the font has a glyph for the character (else .notdef is drawn). */
  has(codePoint: number): boolean;
  /** The glyph of a character (cached: the same object every time). */
  glyph(codePoint: number): PlainGlyph;
  /** Font units per em. */
  unitsPerEm: number;
  /** The object handed to pdfkit's `doc.font(...)`. */
  readonly pdfkitFont: object;
  /** Line metrics in em. */
  ascent: number;
  descent: number;
}

export function parseFont(data: Uint8Array, weight: FontWeight, path?: string): ParsedFont {
  const created = fontkit.create(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
  if (!('glyphForCodePoint' in created)) {
    throw new TongbanError('pdf.fontInvalid', 'the notice font is a collection, not one font', {
      where: { weight },
      hint: 'give the path of a single TTF or OTF',
    });
  }
  const fk = created as fontkit.Font;
  const upm = fk.unitsPerEm;
  const cache = new Map<number, PlainGlyph>();
  const glyphOf = (cp: number): PlainGlyph => {
    let g = cache.get(cp);
    if (!g) {
      const fg = fk.glyphForCodePoint(cp);
      g = { id: fg.id, advanceWidth: fg.advanceWidth, codePoints: [cp] };
      cache.set(cp, g);
    }
    return g;
  };
  const pdfkitFont = Object.create(fk) as { layout: (text: string) => unknown; createSubset?: () => unknown };
  const tables = (fk as unknown as { directory: { tables: Record<string, unknown> } }).directory.tables;
  if ('glyf' in tables && 'loca' in tables) {
    // glyph bytes cached across documents (fontkit's subsetter decodes every outline per document)
    const source = path ? TtfSource.forFile(path, () => data) : new TtfSource(data);
    pdfkitFont.createSubset = () => source.createSubset();
  }
  pdfkitFont.layout = (text: string) => {
    const glyphs: PlainGlyph[] = [];
    const positions: { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }[] = [];
    for (const ch of text) {
      const g = glyphOf(ch.codePointAt(0) as number);
      glyphs.push(g);
      positions.push({ xAdvance: g.advanceWidth, yAdvance: 0, xOffset: 0, yOffset: 0 });
    }
    return {
      glyphs,
      positions,
      // read after pdfkit has scaled the positions, like fontkit's GlyphRun getter
      get advanceWidth() {
        let w = 0;
        for (const p of positions) w += p.xAdvance;
        return w;
      },
    };
  };
  return {
    weight,
    advance: (cp) => glyphOf(cp).advanceWidth / upm,
    has: (cp) => glyphOf(cp).id !== 0,
    glyph: glyphOf,
    unitsPerEm: upm,
    pdfkitFont,
    ascent: fk.ascent / upm,
    descent: fk.descent / upm,
  };
}

export interface NoticeFonts {
  regular: ParsedFont;
  bold: ParsedFont;
}

const loaded = new Map<string, NoticeFonts>();

/** Reads and parses the two fonts once per process (per set of paths). */
export function loadNoticeFonts(paths: NoticeFontPaths = defaultFontPaths()): NoticeFonts {
  const key = `${paths.regular}\n${paths.bold}`;
  let fonts = loaded.get(key);
  if (!fonts) {
    fonts = {
      regular: parseFont(readFontFile(paths.regular), 'regular', paths.regular),
      bold: parseFont(readFontFile(paths.bold), 'bold', paths.bold),
    };
    loaded.set(key, fonts);
  }
  return fonts;
}

function readFontFile(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new TongbanError('pdf.fontMissing', `cannot read the notice font ${path}`, {
      where: { path },
      hint: `run npm ci so that ${NOTICE_FONT_PACKAGE} is installed; cause: ${(error as Error).message}`,
    });
  }
}

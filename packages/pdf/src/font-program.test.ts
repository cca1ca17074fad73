import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync, inflateRawSync, inflateSync } from 'node:zlib';
import { NOTICE_TYPES } from '@tongban/core/notices';
import { sampleNotice, sampleNotices } from '@tongban/core/notices/test-support';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { defaultFontPaths, NoticePdfRenderer } from './index.js';
import { templateText } from './template-text.js';
import { expanded } from './test-support/qpdf.js';
import { checksum, TtfSource } from './ttf-subset.js';
import { adler32, adler32Combine, deflatePart, zlibFromParts } from './zlib-parts.js';

const regularPath = defaultFontPaths().regular;
const original = fontkit.create(readFileSync(regularPath)) as fontkit.Font;
const source = new TtfSource(readFileSync(regularPath));
const idsOf = (text: string) =>
  Array.from(text, (ch) => original.glyphForCodePoint(ch.codePointAt(0) as number).id);

describe('zlib streams from independently deflated parts', () => {
  it('computes Adler-32 as RFC 1950 does (the checksum zlib writes)', () => {
    expect(adler32(Buffer.from('Wikipedia'))).toBe(0x11e60398);
    const data = readFileSync(regularPath).subarray(0, 200_000);
    // zlib's own trailer is the Adler-32 of the data
    expect(adler32(data)).toBe(deflateSync(data).readUInt32BE(deflateSync(data).length - 4));
  });

  it('combines the Adler-32 of two pieces into that of the whole', () => {
    const data = readFileSync(regularPath).subarray(1000, 90_000);
    for (const cut of [0, 1, 65_520, 65_521, 70_000, data.length]) {
      const a = data.subarray(0, cut);
      const b = data.subarray(cut);
      expect(adler32Combine(adler32(a), adler32(b), b.length)).toBe(adler32(data));
    }
  });

  it('inflates to the parts in order, with a valid zlib trailer, whatever the parts', () => {
    const data = readFileSync(regularPath).subarray(5000, 60_000);
    const parts = [data.subarray(0, 7), data.subarray(7, 30_000), data.subarray(30_000, 30_000)];
    const stream = zlibFromParts(
      parts.map((p) => deflatePart(p)),
      data.subarray(30_000),
    );
    expect(inflateSync(stream).equals(data)).toBe(true); // inflateSync checks the Adler-32
    expect(inflateSync(zlibFromParts([], Buffer.alloc(0))).length).toBe(0);
    // each part ends on a sync flush: on its own it is an unfinished raw stream that inflates to its bytes
    expect(
      inflateRawSync(deflatePart(parts[1] as Buffer).deflated, { finishFlush: 2 }).equals(parts[1] as Buffer),
    ).toBe(true);
  });
});

describe('TrueType subset with a fixed prefix (the template text of a notice type)', () => {
  const subsetOf = (fixedText: string, restText: string) => {
    const subset = source.createSubset();
    for (const id of idsOf(fixedText)) subset.includeGlyph(id);
    subset.fix();
    for (const id of idsOf(restText)) subset.includeGlyph(id);
    return subset;
  };

  it('deflated from cached parts, it inflates byte for byte to the font program, with /Length1 its length', () => {
    const a = subsetOf('收件（受理）通知书申请人', '张伟王建国2026年11月23日');
    const plain = a.encode();
    const deflated = a.encodeDeflated();
    expect(deflated.length).toBe(plain.length);
    expect(inflateSync(deflated.data).equals(plain)).toBe(true);
    // the prefix now comes from the cache: same bytes again
    const again = subsetOf('收件（受理）通知书申请人', '张伟王建国2026年11月23日').encodeDeflated();
    expect(again.data.equals(deflated.data)).toBe(true);
    // another document of the same template, other data: the same leading bytes after the tables
    const other = subsetOf('收件（受理）通知书申请人', '李秀英').encodeDeflated();
    expect(inflateSync(other.data).length).toBeLessThan(plain.length);
  });

  it('is a valid sfnt: each glyph has the original outline and advance, checksums hold (OpenType head, table directory)', () => {
    const fixed = '收件（受理）通知书';
    const rest = '张伟A1，。';
    const bytes = subsetOf(fixed, rest).encode();
    const font = fontkit.create(bytes) as fontkit.Font;
    const ids = [0, ...new Set(idsOf(fixed + rest))];
    expect(font.numGlyphs).toBe(ids.length);
    ids.forEach((id, gid) => {
      const want = original.getGlyph(id);
      const got = font.getGlyph(gid);
      expect(got.path.toSVG()).toBe(want.path.toSVG());
      expect(got.advanceWidth).toBe(want.advanceWidth);
    });
    // the whole file sums to 0xB1B0AFBA; each table's checksum in the directory matches its bytes
    expect(checksum(bytes)).toBe(0xb1b0afba);
    const numTables = bytes.readUInt16BE(4);
    const tags: string[] = [];
    for (let i = 0; i < numTables; i++) {
      const e = 12 + i * 16;
      const tag = bytes.toString('latin1', e, e + 4);
      tags.push(tag);
      const offset = bytes.readUInt32BE(e + 8);
      const table = Buffer.from(bytes.subarray(offset, offset + bytes.readUInt32BE(e + 12)));
      if (tag === 'head') table.writeUInt32BE(0, 8); // checkSumAdjustment counts as 0 in head's own checksum
      expect(checksum(table), tag).toBe(bytes.readUInt32BE(e + 4));
    }
    expect(tags).toEqual([...tags].sort()); // the directory is sorted by tag (glyf first, though it lies last)
  });
});

describe('template text', () => {
  it.each(NOTICE_TYPES)('%s: the same for every notice of the type, without the filled-in blanks', (type) => {
    const a = sampleNotice(type, 0);
    const b = sampleNotice(type, 3);
    expect(templateText(a)).toEqual(templateText(b));
    const all = templateText(a).regular + templateText(a).bold;
    expect(all).not.toContain(a.applicant.name);
    expect(all).not.toContain(a.applicationNo);
    expect(all.length).toBeGreaterThan(20);
  });
});

/** The FontFile2 streams of a PDF with their /Length1 (our output: no object streams, no encryption). */
function fontPrograms(pdf: Buffer): { length1: number; data: Buffer }[] {
  const s = pdf.toString('latin1');
  const out: { length1: number; data: Buffer }[] = [];
  for (const m of s.matchAll(/\/FontFile2 (\d+) 0 R/g)) {
    const at = s.indexOf(`\n${m[1]} 0 obj\n`);
    const dict = s.slice(at, s.indexOf('stream\n', at));
    const length = Number(/\/Length (\d+)/.exec(dict)?.[1]);
    const start = s.indexOf('stream\n', at) + 'stream\n'.length;
    out.push({
      length1: Number(/\/Length1 (\d+)/.exec(dict)?.[1]),
      data: pdf.subarray(start, start + length),
    });
  }
  return out;
}

describe('font programs in the notices', () => {
  it('every embedded font inflates to a TrueType font of /Length1 bytes with the glyphs the page uses', async () => {
    const renderer = new NoticePdfRenderer();
    for (const n of sampleNotices(2)) {
      const programs = fontPrograms(expanded(await renderer.render(n)));
      expect(programs).toHaveLength(2); // Regular and Bold
      for (const p of programs) {
        const font = inflateSync(p.data);
        expect(font.length).toBe(p.length1);
        expect(checksum(font)).toBe(0xb1b0afba);
        expect((fontkit.create(font) as fontkit.Font).numGlyphs).toBeGreaterThan(5);
      }
    }
  });

  it('gives the same bytes whether the template glyphs were deflated before or not', async () => {
    const n = sampleNotice('acceptance', 5);
    const warm = new NoticePdfRenderer();
    for (const other of sampleNotices(6)) await warm.render(other); // the template parts are cached now
    // the same fonts from other paths: parsed again, with caches of their own, empty
    const dir = mkdtempSync(join(tmpdir(), 'tongban-font-'));
    const paths = defaultFontPaths();
    const copy = { regular: join(dir, 'r.ttf'), bold: join(dir, 'b.ttf') };
    copyFileSync(paths.regular, copy.regular);
    copyFileSync(paths.bold, copy.bold);
    const cold = await new NoticePdfRenderer({ fontPaths: copy }).render(n);
    expect((await warm.render(n)).equals(cold)).toBe(true);
  });
});

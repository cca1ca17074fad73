import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NOTICE_TYPES, type Notice, type NoticeSection, noticeMetadata } from '@tongban/core/notices';
import { sampleNotice, sampleNotices } from '@tongban/core/notices/test-support';
import { describe, expect, it } from 'vitest';
import { compactWidths } from './embed.js';
import { compactSrgbProfile } from './icc.js';
import {
  breakLines,
  NO_LINE_END,
  NO_LINE_START,
  NoticePdfPool,
  NoticePdfRenderer,
  renderNoticePdf,
  writeIfChanged,
  writeNoticeFiles,
} from './index.js';
import { expanded, qpdfCheck } from './test-support/qpdf.js';

const dir = mkdtempSync(join(tmpdir(), 'tongban-pdf-'));
const renderer = new NoticePdfRenderer();

function tool(cmd: string, args: string[]): string {
  return execFileSync(cmd, args, { encoding: 'utf8' });
}

async function pdfOf(n: Notice, name = `${n.type}.pdf`): Promise<string> {
  const file = join(dir, name);
  writeFileSync(file, await renderer.render(n));
  return file;
}

/** Text read back by poppler, without white space (pdftotext -layout spreads columns with spaces). */
function textOf(file: string): string {
  return tool('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-']).replace(/\s+/g, '');
}

const squash = (s: string) => s.replace(/\s+/g, '');

/** What each section prints, in order: the template's fields as the PDF must show them. */
function expectedPieces(n: Notice): string[] {
  return n.sections.flatMap((s: NoticeSection): string[] => {
    switch (s.kind) {
      case 'title':
        return [s.text];
      case 'paragraph':
        return [s.text];
      case 'fields':
        return s.fields.map((f) => `${f.label}${n.locale === 'en' ? ':' : '：'}${f.blank ? '' : f.value}`);
      case 'table':
        return [...s.columns.map((c) => c.label), ...s.rows.flat().filter(Boolean)];
      case 'list':
        return s.items.map((item, i) => `${i + 1}.${item}`);
      case 'seal':
        return [s.label, s.issuer];
      case 'qr':
        return [s.caption];
      case 'stub':
        return [s.label];
      default:
        return [];
    }
  });
}

function missingInOrder(text: string, pieces: string[]): string[] {
  const missing: string[] = [];
  let at = 0;
  for (const p of pieces.map(squash).filter(Boolean)) {
    const i = text.indexOf(p, at);
    if (i < 0) missing.push(p);
    else at = i + p.length;
  }
  return missing;
}

describe.each(NOTICE_TYPES)('%s notice as PDF', (type) => {
  it('prints every field of its template in the template’s order, read back by pdftotext (seed 000 tables 1-3; seed 001 appendices B, C)', async () => {
    const n = sampleNotice(type);
    const file = await pdfOf(n);
    const text = textOf(file);
    expect(missingInOrder(text, expectedPieces(n))).toEqual([]);
    // the application number is printed as text beside the QR code
    expect(text).toContain(n.applicationNo);
  });

  it('embeds Noto Sans SC as a subset (pdffonts: emb yes, sub yes) and no other font', async () => {
    const file = await pdfOf(sampleNotice(type), `${type}-fonts.pdf`);
    const rows = tool('pdffonts', [file]).trim().split('\n').slice(2);
    expect(rows.length).toBeGreaterThanOrEqual(1);
    for (const row of rows) {
      expect(row).toMatch(/^[A-Z]{6}\+NotoSansSC-(Regular|Bold)\s+CID TrueType\s+Identity-H\s+yes yes yes/);
    }
  });

  it('writes the metadata archives index: title, subject, author = issuing unit, creation date = issue date', async () => {
    const n = sampleNotice(type);
    const info = tool('pdfinfo', ['-isodates', await pdfOf(n, `${type}-info.pdf`)]);
    const m = noticeMetadata(n);
    expect(info).toContain(`Title:           ${m.title}`);
    expect(info).toContain(`Subject:         ${m.subject}`);
    expect(info).toContain(`Author:          ${m.author}`);
    expect(info).toContain(`CreationDate:    ${m.creationDate.replace(/\.\d+Z$/, 'Z')}`);
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    expect(info).toMatch(/Pages:\s+1\n/);
  });

  it('is deterministic: the same notice gives the same bytes, another notice other bytes', async () => {
    const a = await renderer.render(sampleNotice(type));
    const b = await new NoticePdfRenderer().render(sampleNotice(type));
    expect(b.equals(a)).toBe(true);
    const c = await renderer.render(sampleNotice(type, 1));
    expect(c.equals(a)).toBe(false);
  });
});

describe('stub (存根) and QR code', () => {
  it.each(['acceptance', 'supplement'] as const)(
    'the %s notice has its 存根 below a cut line on the same page (seed 001 appendices B, C: 第一联申请人留存, 第二联窗口存档)',
    async (type) => {
      const n = sampleNotice(type);
      const file = await pdfOf(n, `${type}-stub.pdf`);
      const lines = tool('pdftotext', ['-layout', file, '-']).split('\n');
      const cut = lines.findIndex((l) => squash(l).includes('第二联窗口存档') && !l.includes('注'));
      const stubTitle = lines.findIndex((l) => squash(l).includes(`${n.title}存根`));
      expect(cut).toBeGreaterThan(0);
      expect(stubTitle).toBeGreaterThan(cut);
      expect(tool('pdfinfo', [file])).toMatch(/Pages:\s+1\n/);
    },
  );

  it('draws a QR code: the page has a dark square block beside the caption', async () => {
    const n = sampleNotice('approval');
    const file = await pdfOf(n, 'qr.pdf');
    execFileSync('pdftoppm', ['-r', '30', '-gray', file, join(dir, 'qrgray')]);
    const pgm = readFileSync(join(dir, 'qrgray-1.pgm'));
    const header = pgm.subarray(0, 20).toString('latin1').split(/\s+/);
    const [w, h] = [Number(header[1]), Number(header[2])];
    const pixels = pgm.subarray(pgm.length - w * h);
    const dark = pixels.filter((p) => p < 64).length;
    // a QR code of ~25x25 modules at 58 pt fills a solid share of a 24x24 px square: far more ink than text alone
    expect(dark).toBeGreaterThan(150);
  });
});

describe('Chinese line breaking (避头尾, GB/T 15834)', () => {
  const measure = (s: string) => Array.from(s).length;
  it('never starts a line with closing punctuation nor ends one with opening punctuation', () => {
    const text =
      '本窗口收到您申请办理的事项所送的申请材料，经审查，申请材料齐全（符合法定形式），现予收件。'.repeat(3);
    for (let width = 4; width <= 30; width++) {
      const lines = breakLines(text, () => width, measure);
      expect(lines.map((l) => l.text).join('')).toBe(text);
      lines.forEach((l, i) => {
        if (i > 0)
          expect(NO_LINE_START.has(l.text[0] as string), `line ${i} at width ${width}: ${l.text}`).toBe(
            false,
          );
        if (i < lines.length - 1) expect(NO_LINE_END.has(l.text.at(-1) as string)).toBe(false);
        expect(l.width).toBeLessThanOrEqual(width);
      });
    }
  });

  it('keeps Latin words and numbers whole and breaks English at spaces', () => {
    const lines = breakLines('申请编号AY2611230001K电话0372-2288001', () => 14, measure);
    expect(lines.some((l) => l.text.includes('AY2611230001K'))).toBe(true);
    expect(lines.some((l) => l.text.includes('0372-2288001'))).toBe(true);
    const dates = breakLines('已于2026年11月23日作出决定', () => 7, measure).map((l) => l.text);
    expect(dates.join('|')).not.toMatch(/\d\|[年月日]/);
    const en = breakLines('This window has received the materials', () => 12, measure);
    expect(en.map((l) => l.text)).toEqual(['This window', 'has received', 'the', 'materials']);
  });

  it('no line of a rendered notice starts with closing punctuation', async () => {
    for (const n of sampleNotices(3)) {
      const lines = tool('pdftotext', ['-layout', await pdfOf(n, `${n.type}-lb.pdf`), '-'])
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
      for (const l of lines) expect(NO_LINE_START.has(l[0] as string), l).toBe(false);
    }
  });
});

describe('merged rendering and files', () => {
  it('puts many notices into one document, one page each, with the batch metadata', async () => {
    const notices = [...sampleNotices(0), ...sampleNotices(1)];
    const file = join(dir, 'merged.pdf');
    writeFileSync(file, await renderer.renderMerged(notices));
    expect(tool('pdfinfo', [file])).toMatch(/Pages:\s+14\n/);
    const text = textOf(file);
    expect(
      missingInOrder(
        text,
        notices.map((n) => n.applicationNo),
      ),
    ).toEqual([]);
  });

  it('renderNoticePdf gives the same bytes as a renderer (one font parse per process)', async () => {
    const n = sampleNotice('denial');
    expect((await renderNoticePdf(n)).equals(await renderer.render(n))).toBe(true);
  });

  it('writes PDF/A-2b identification (XMP pdfaid) by default, plain PDF when asked', async () => {
    const n = sampleNotice('approval');
    const pdfa = expanded(await renderer.render(n)).toString('latin1');
    expect(pdfa).toContain('<pdfaid:part>2</pdfaid:part>');
    expect(pdfa).toContain('/OutputIntents');
    const plain = (await new NoticePdfRenderer({ pdfa: false }).render(n)).toString('latin1');
    expect(plain).not.toContain('pdfaid');
  });

  it('tags each subset by its content: other glyphs another tag, the same notice the same tags (ISO 32000-1 9.6.4)', async () => {
    const tags = async (name: string, notice: ReturnType<typeof sampleNotice>) => {
      const file = join(dir, name);
      writeFileSync(file, await renderer.render(notice));
      return tool('pdffonts', [file])
        .trim()
        .split('\n')
        .slice(2)
        .map((row) => row.slice(0, row.indexOf(' ')))
        .sort();
    };
    const a = await tags('tags-a.pdf', sampleNotice('acceptance'));
    const again = await tags('tags-a2.pdf', sampleNotice('acceptance'));
    const b = await tags('tags-b.pdf', sampleNotice('denial'));
    expect(a).toHaveLength(2);
    expect(again).toEqual(a);
    const tagOf = (list: string[], font: string) =>
      list.find((t) => t.endsWith(`+NotoSansSC-${font}`))?.split('+')[0];
    for (const font of ['Regular', 'Bold']) {
      expect(tagOf(a, font)).toMatch(/^[A-Z]{6}$/);
      expect(tagOf(b, font)).not.toBe(tagOf(a, font));
    }
    expect(tagOf(a, 'Regular')).not.toBe(tagOf(a, 'Bold'));
    expect(a.join(' ')).not.toMatch(/[BC]ZZZZZ\+/);
  });

  it('synthetic bold embeds only the Regular font', async () => {
    const file = join(dir, 'synthetic.pdf');
    writeFileSync(
      file,
      await new NoticePdfRenderer({ syntheticBold: true }).render(sampleNotice('acceptance')),
    );
    const rows = tool('pdffonts', [file]).trim().split('\n').slice(2);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain('NotoSansSC-Regular');
    expect(textOf(file)).toContain('收件（受理）通知书存根');
  });

  it('leaves an identical file (and its mtime) alone, rewrites a changed one', async () => {
    const jobs = sampleNotices(2).map((notice) => ({
      notice,
      path: join(dir, 'files', `${notice.type}.pdf`),
    }));
    const first = await writeNoticeFiles(jobs, { threads: 1 });
    expect(first.map((r) => r.status)).toEqual(jobs.map(() => 'written'));
    const old = new Date('2020-01-01T00:00:00Z');
    for (const j of jobs) utimesSync(j.path, old, old);
    const again = await writeNoticeFiles(jobs, { threads: 1 });
    expect(again.map((r) => r.status)).toEqual(jobs.map(() => 'unchanged'));
    for (const j of jobs) expect(statSync(j.path).mtimeMs).toBe(old.getTime());
    // a changed notice (another issuer) is rendered and written again; a truncated file is replaced
    const changed = sampleNotices(2, { issuer: { unit: 'window', name: '安阳市政务服务中心 5 号综合窗口' } });
    const moved = await writeNoticeFiles(
      changed.map((notice, i) => ({ notice, path: (jobs[i] as { path: string }).path })),
      { threads: 1 },
    );
    expect(moved.map((r) => r.status)).toEqual(jobs.map(() => 'written'));
    const first0 = (jobs[0] as { path: string }).path;
    writeFileSync(first0, readFileSync(first0).subarray(0, 5000));
    expect(
      (await writeNoticeFiles([{ notice: changed[0] as Notice, path: first0 }], { threads: 1 }))[0]?.status,
    ).toBe('written');
    expect(textOf(first0)).toContain('5号综合窗口');
    expect(await writeIfChanged(first0, Buffer.from('%PDF-changed'))).toBe('written');
    expect(await writeIfChanged(first0, Buffer.from('%PDF-changed'))).toBe('unchanged');
  });

  it('a pool of worker threads renders batch after batch with the same bytes as this thread', async () => {
    const pool = new NoticePdfPool({ threads: 2 });
    try {
      for (const round of [0, 1]) {
        const notices = sampleNotices(round + 5);
        const jobs = notices.map((notice) => ({
          notice,
          path: join(dir, 'pool', `${round}-${notice.type}.pdf`),
        }));
        const seen: number[] = [];
        const results = await pool.write(jobs, (done) => seen.push(done));
        expect(results.map((r) => [r.path, r.status])).toEqual(jobs.map((j) => [j.path, 'written']));
        expect(seen).toEqual(jobs.map((_, i) => i + 1));
        for (const j of jobs) expect(readFileSync(j.path).equals(await renderer.render(j.notice))).toBe(true);
      }
    } finally {
      await pool.close();
    }
  });
});

describe('compact PDF/A parts', () => {
  it('the sRGB profile of the OutputIntent is a well-formed ICC v2 RGB display profile', () => {
    const icc = Buffer.from(compactSrgbProfile());
    expect(icc.readUInt32BE(0)).toBe(icc.length);
    expect(icc.readUInt32BE(8)).toBe(0x02100000);
    expect(icc.toString('latin1', 12, 24)).toBe('mntrRGB XYZ ');
    expect(icc.toString('latin1', 36, 40)).toBe('acsp');
    const count = icc.readUInt32BE(128);
    const tags = new Map<string, { at: number; size: number }>();
    for (let i = 0; i < count; i++) {
      const e = 132 + i * 12;
      const at = icc.readUInt32BE(e + 4);
      const size = icc.readUInt32BE(e + 8);
      expect(at % 4).toBe(0);
      expect(at + size).toBeLessThanOrEqual(icc.length);
      tags.set(icc.toString('latin1', e, e + 4), { at, size });
    }
    for (const sig of ['desc', 'cprt', 'wtpt', 'rXYZ', 'gXYZ', 'bXYZ', 'rTRC', 'gTRC', 'bTRC'])
      expect(tags.has(sig)).toBe(true);
    // the colorants add up to the D50 white (ICC.1: the matrix maps RGB 1,1,1 to the PCS white)
    const xyz = (sig: string) => {
      const at = (tags.get(sig) as { at: number }).at;
      return [0, 1, 2].map((k) => icc.readInt32BE(at + 8 + 4 * k) / 65536);
    };
    const sum = [0, 1, 2].map((k) =>
      ['rXYZ', 'gXYZ', 'bXYZ'].reduce((a, sig) => a + (xyz(sig)[k] as number), 0),
    );
    expect(sum[0]).toBeCloseTo(0.9642, 3);
    expect(sum[1]).toBeCloseTo(1, 3);
    expect(sum[2]).toBeCloseTo(0.8249, 3);
    // the tone curve ends at 0 and 1 and follows the sRGB curve of IEC 61966-2.1 in between
    const trc = (tags.get('rTRC') as { at: number }).at;
    const n = icc.readUInt32BE(trc + 8);
    const point = (k: number) => icc.readUInt16BE(trc + 12 + 2 * k) / 65535;
    expect(point(0)).toBe(0);
    expect(point(n - 1)).toBe(1);
    const k = Math.round((n - 1) / 2);
    expect(point(k)).toBeCloseTo(((k / (n - 1) + 0.055) / 1.055) ** 2.4, 4);
  });

  it('the OutputIntent carries that profile, deflated (PDF/A-2b 6.2.3)', async () => {
    const pdf = expanded(await renderer.render(sampleNotice('approval'))).toString('latin1');
    expect(pdf).toMatch(/\/S \/GTS_PDFA1/);
    // the profile's stream: three components, deflated, a few hundred bytes
    expect(pdf).toMatch(/<<(?=[^>]*\/N 3\b)(?=[^>]*\/Filter \/FlateDecode)(?=[^>]*\/Length \d{3}\b)[^>]*>>/);
  });

  it('writes /W only for glyphs narrower or wider than the ideographic em (/DW 1000)', () => {
    expect(compactWidths([1000, 1000, 555, 555, 1000, undefined, 224, 1000])).toEqual([
      2,
      [555, 555],
      6,
      [224],
    ]);
    expect(compactWidths([1000, undefined, 1000])).toEqual([]);
  });
});

describe('file structure, checked by qpdf', () => {
  it.each(NOTICE_TYPES)(
    '%s: object streams and a cross-reference stream qpdf reads without error (ISO 32000-1 7.5.7, 7.5.8)',
    async (type) => {
      const pdf = await renderer.render(sampleNotice(type, 4));
      const check = qpdfCheck(pdf);
      expect(check.output).toContain('No syntax or stream encoding errors');
      expect(check.ok).toBe(true);
      const text = pdf.toString('latin1');
      expect(text).toMatch(/\/Type \/XRef/);
      expect(text).toMatch(/\/Type \/ObjStm/);
      expect(text).not.toMatch(/\nxref\n/); // no classic table
      // the page, fonts and catalog are in the object stream: no plain dictionary of theirs is left in the file
      expect(text).not.toContain('/Type /Catalog');
      expect(expanded(pdf).toString('latin1')).toContain('/Type /Catalog');
    },
  );

  it('a merged document of many pages is as sound', async () => {
    const check = qpdfCheck(await renderer.renderMerged([...sampleNotices(1), ...sampleNotices(2)]));
    expect(check.ok, check.output).toBe(true);
  });

  it('PDF/A-1b, which allows no object streams, keeps the classic cross-reference table', async () => {
    const pdf = await new NoticePdfRenderer({ pdfa: 'PDF/A-1b' }).render(sampleNotice('approval'));
    expect(qpdfCheck(pdf).ok).toBe(true);
    const text = pdf.toString('latin1');
    expect(text).toMatch(/\nxref\n0 \d+\n/);
    expect(text).not.toContain('/ObjStm');
    expect(text).toContain('<pdfaid:part>1</pdfaid:part>');
  });
});

import type { Notice } from '@tongban/core/notices';
import type { FontWeight } from './font.js';

/**
 * The template's own words in a notice, per weight, as the layout sets them: titles, the bold notes and table
 * headings; the fixed runs of paragraphs, field labels, the seal's and the cut line's labels. Filled-in blanks
 * (runs with a key, field values, table rows, reasons, the issuer, the QR caption with its number) are left out.
 * Every notice of a type (and locale, and set of optional paragraphs) has the same template text, so the glyphs of
 * it can lead the font subset in the same order each time and their outlines be deflated once per process.
 */
export function templateText(notice: Notice): Record<FontWeight, string> {
  const sep = notice.locale === 'en' ? ': ' : '：';
  const regular: string[] = [];
  const bold: string[] = [];
  for (const s of notice.sections) {
    switch (s.kind) {
      case 'title':
        bold.push(s.text);
        break;
      case 'paragraph': {
        const into = s.style === 'note' ? bold : regular;
        for (const r of s.runs) if (r.key === undefined) into.push(r.text);
        break;
      }
      case 'fields':
        for (const f of s.fields) regular.push(f.label, sep);
        break;
      case 'table':
        for (const c of s.columns) bold.push(c.label);
        break;
      case 'seal':
      case 'stub':
        regular.push(s.label);
        break;
      case 'list':
      case 'qr':
        break;
    }
  }
  return { regular: regular.join(''), bold: bold.join('') };
}

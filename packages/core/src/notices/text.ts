import { messageTemplate } from '../messages/index.js';
import type { Notice, NoticeField, NoticeSection } from './types.js';

/** A field as one piece of text: 'label：value' (zh-CN) or 'label: value' (en); blanks get a line to write on. */
export function fieldText(field: NoticeField, locale: Notice['locale']): string {
  const sep = messageTemplate('notice.labelSeparator', locale);
  if (field.blank) return `${field.label}${sep}${field.value || '__________'}`;
  return `${field.label}${sep}${field.value}`;
}

function sectionLines(s: NoticeSection, locale: Notice['locale']): string[] {
  const indent = locale === 'en' ? '' : '\u3000\u3000';
  switch (s.kind) {
    case 'title':
      return [s.text];
    case 'paragraph':
      return [s.style === 'body' || s.style === 'closing' ? indent + s.text : s.text];
    case 'fields':
      return s.layout === 'stacked'
        ? s.fields.map((f) => fieldText(f, locale))
        : [s.fields.map((f) => fieldText(f, locale)).join('    ')];
    case 'table':
      return [s.columns.map((c) => c.label).join(' | '), ...s.rows.map((r) => r.join(' | '))];
    case 'list':
      return s.items.map((item, i) => `${i + 1}. ${item}`);
    case 'seal':
      return [`${s.label}${messageTemplate('notice.labelSeparator', locale)}${s.issuer}`];
    case 'qr':
      return [`[QR ${s.payload}] ${s.caption}`];
    case 'stub':
      return [`- - - - - - - - ${s.label} - - - - - - - -`];
  }
}

/**
 * The notice as plain text, one section per line (tables and lists one line per row), in order: the fallback on
 * screen when nothing can print, and what tests compare.
 */
export function noticeToText(notice: Pick<Notice, 'sections' | 'locale'>): string {
  return notice.sections.flatMap((s) => sectionLines(s, notice.locale)).join('\n');
}

/** The sections before the 存根 and those of the 存根 (empty when the notice has none). */
export function noticeParts(notice: Pick<Notice, 'sections'>): {
  main: NoticeSection[];
  stub: NoticeSection[];
} {
  const at = notice.sections.findIndex((s) => s.kind === 'stub');
  return at < 0
    ? { main: [...notice.sections], stub: [] }
    : { main: notice.sections.slice(0, at), stub: notice.sections.slice(at + 1) };
}

/** A file name stem for one notice: application number and type, safe on every file system ('AY26-1_acceptance'). */
export function noticeFileStem(notice: Pick<Notice, 'applicationNo' | 'type'>): string {
  return `${notice.applicationNo.replace(/[^A-Za-z0-9_-]/g, '_')}_${notice.type}`;
}

/** Document metadata for archives (issue 7): title, subject, author = issuing unit, creation date, keywords. */
export function noticeMetadata(notice: Notice): {
  title: string;
  subject: string;
  author: string;
  creationDate: string;
  keywords: string[];
} {
  return {
    title: notice.title,
    subject: `${notice.item.name} ${notice.applicationNo}`,
    author: notice.issuer.name,
    creationDate: notice.issuedAt,
    keywords: [notice.applicationNo, notice.item.code, notice.type],
  };
}

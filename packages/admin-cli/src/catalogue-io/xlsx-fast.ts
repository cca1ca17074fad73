import type { Cell, RawSheet } from './sheets.js';
import { openZip, UnreadableZip } from './xlsx-zip.js';

/**
 * A fast reader for the plain XLSX files a catalogue import sees (issue 6: a 10,000-item import within 3 s):
 * native zlib and a single scan of the sheet XML instead of exceljs's full object model (about ten times faster).
 * It yields exactly the cells exceljs would (read-xlsx.test.ts compares both), and only for what it knows:
 * shared strings (plain or rich text), numbers without a date format, booleans and empty styled cells.
 * Anything else — a formula, an error value, merged cells, hyperlinks, inline or formula strings, dates,
 * a damaged or unusual archive — gives `undefined`, and the caller reads the file with exceljs, which reports
 * those problems with their usual messages.
 */
export function readXlsxFast(bytes: Uint8Array): RawSheet[] | undefined {
  try {
    return read(bytes);
  } catch (e) {
    if (e instanceof Unsupported || e instanceof UnreadableZip) return undefined;
    throw e;
  }
}

class Unsupported extends Error {}
const unsupported = (): never => {
  throw new Unsupported();
};

function read(bytes: Uint8Array): RawSheet[] {
  const zip = openZip(bytes) ?? unsupported();
  const rootRels = relationships(zip.text('_rels/.rels') ?? unsupported(), '');
  const bookPath = rootRels.find((r) => r.type.endsWith('/officeDocument'))?.target ?? unsupported();
  const bookDir = bookPath.includes('/') ? bookPath.slice(0, bookPath.lastIndexOf('/') + 1) : '';
  const book = zip.text(bookPath) ?? unsupported();
  if (/<workbookPr\b[^>]*\bdate1904="(1|true)"/.test(book)) unsupported();
  const relsPath = `${bookDir}_rels/${bookPath.slice(bookDir.length)}.rels`;
  const rels = relationships(zip.text(relsPath) ?? unsupported(), bookDir);
  const sst = rels.find((r) => r.type.endsWith('/sharedStrings'));
  const strings = sst ? sharedStrings(zip.text(sst.target) ?? unsupported()) : [];
  const styles = rels.find((r) => r.type.endsWith('/styles'));
  const plainNumber = numberStyles(styles ? (zip.text(styles.target) ?? unsupported()) : '');

  const sheets: { id: number; name: string; target: string }[] = [];
  for (const m of book.matchAll(/<sheet\b([^>]*?)\/?>/g)) {
    const attrs = m[1]!;
    const name = /\sname="([^"]*)"/.exec(attrs)?.[1];
    const id = /\ssheetId="(\d+)"/.exec(attrs)?.[1];
    const rid = /\s[A-Za-z0-9]+:id="([^"]*)"/.exec(attrs)?.[1];
    const rel = rels.find((r) => r.id === rid);
    if (name === undefined || id === undefined || !rel || !rel.type.endsWith('/worksheet')) unsupported();
    sheets.push({ id: Number(id), name: decode(name!), target: rel!.target });
  }
  if (sheets.length === 0) unsupported();
  // exceljs lists worksheets by sheetId.
  sheets.sort((a, b) => a.id - b.id);
  return sheets.map((s) => ({
    name: s.name,
    rows: sheetRows(zip.text(s.target) ?? unsupported(), strings, plainNumber),
  }));
}

function relationships(xml: string, dir: string): { id: string; type: string; target: string }[] {
  const out: { id: string; type: string; target: string }[] = [];
  for (const m of xml.matchAll(/<Relationship\b([^>]*?)\/?>/g)) {
    const a = m[1]!;
    const id = /\sId="([^"]*)"/.exec(a)?.[1];
    const type = /\sType="([^"]*)"/.exec(a)?.[1];
    const target = /\sTarget="([^"]*)"/.exec(a)?.[1];
    if (id === undefined || type === undefined || target === undefined) continue;
    if (/\sTargetMode="External"/.test(a)) continue;
    out.push({ id, type, target: resolvePath(dir, decode(target)) });
  }
  return out;
}

function resolvePath(dir: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : dir + target).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', apos: "'", quot: '"' };

/** XML character data as a parser gives it: line ends normalised, entities and character references replaced. */
function decode(s: string): string {
  let t = s.includes('\r') ? s.replace(/\r\n?/g, '\n') : s;
  if (t.includes('&')) {
    t = t.replace(/&([^;&<]*);|&/g, (_whole, ref: string | undefined) => {
      if (ref === undefined) return unsupported();
      if (ref[0] === '#') {
        const code =
          ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1));
        return Number.isInteger(code) && code >= 0 && code <= 0x10ffff
          ? String.fromCodePoint(code)
          : unsupported();
      }
      return ENTITIES[ref] ?? unsupported();
    });
  }
  return t;
}

/** Text of a <t> as exceljs keeps it: decoded, then the `_xHHHH_` escapes of OOXML replaced. */
function textOf(raw: string): string {
  return decode(raw).replace(/_x([0-9A-F]{4})_/g, (_, hex: string) =>
    String.fromCharCode(Number.parseInt(hex, 16)),
  );
}

const T = /<t(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/t>)/g;

type SharedString = string | { richText: string };

function sharedStrings(xml: string): SharedString[] {
  const out: SharedString[] = [];
  for (const m of xml.matchAll(/<si(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/si>)/g)) {
    // Phonetic guides (<rPh>) are not part of the value; run properties (<rPr>) hold no text.
    const body = (m[1] ?? '').replace(/<rPh\b[\s\S]*?<\/rPh>/g, '').replace(/<rPr\b[\s\S]*?<\/rPr>/g, '');
    if (/<r[\s>]/.test(body)) {
      const runs = [...body.matchAll(/<r(?:\s[^>]*)?>([\s\S]*?)<\/r>/g)];
      // The run texts joined: what read-xlsx.ts makes of exceljs's { richText: [...] }.
      out.push({
        richText: runs.map((r) => [...r[1]!.matchAll(T)].map((t) => textOf(t[1] ?? '')).join('')).join(''),
      });
    } else {
      const ts = [...body.matchAll(T)];
      if (ts.length !== 1) unsupported(); // exceljs would give an object, not a string
      out.push(textOf(ts[0]![1] ?? ''));
    }
  }
  return out;
}

/** Built-in number formats that are not dates (exceljs turns a number with a date format into a Date). */
const PLAIN_BUILTIN = new Set([0, 1, 2, 3, 4, 9, 10, 11, 12, 13, 37, 38, 39, 40, 48, 49]);

/**
 * For each cell style index: whether a number in that style stays a number (no date format: true), is a date in
 * a format of the file's own (such as the template's yyyy-mm-dd: 'date'), or is something else (false).
 */
function numberStyles(xml: string): (boolean | 'date')[] {
  const custom = new Map<number, string>();
  for (const m of xml.matchAll(/<numFmt\b([^>]*?)\/?>/g)) {
    const id = /\snumFmtId="(\d+)"/.exec(m[1]!)?.[1];
    const code = /\sformatCode="([^"]*)"/.exec(m[1]!)?.[1];
    if (id !== undefined && code !== undefined) custom.set(Number(id), decode(code));
  }
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? '';
  return [...xfs.matchAll(/<xf\b([^>]*?)\/?>/g)].map((m) => {
    const id = Number(/\snumFmtId="(\d+)"/.exec(m[1]!)?.[1] ?? 0);
    const code = custom.get(id);
    return code === undefined ? PLAIN_BUILTIN.has(id) : isDateFormat(code) ? 'date' : true;
  });
}

/** exceljs's utils.isDateFmt. */
function isDateFormat(fmt: string): boolean {
  const f = fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]+/.test(f);
}

/** A date cell as read-xlsx.ts makes of exceljs's Date (exceljs's excelToDate, 1900 date system): 'YYYY-MM-DD'. */
function excelDate(serial: number): string {
  const ms = Math.round((serial - 25569) * 86_400_000);
  return Number.isFinite(ms) ? new Date(ms).toISOString().slice(0, 10) : unsupported();
}

function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n;
}

const ATTR = /\s(r|t|s)="([^"]*)"/g;
const VALUE = /^\s*<v(?:\s[^>]*)?>([^<]*)<\/v>\s*$/;

/** The r, t and s attributes of a <c> (Excel writes them space-separated; anything else takes the regex). */
function cellAttributes(attrs: string): { ref?: string; type?: string; style: number } {
  const out: { ref?: string; type?: string; style: number } = { style: 0 };
  if (/[\t\n\r]/.test(attrs)) {
    ATTR.lastIndex = 0;
    for (let a = ATTR.exec(attrs); a; a = ATTR.exec(attrs)) {
      if (a[1] === 'r') out.ref = a[2];
      else if (a[1] === 't') out.type = a[2];
      else out.style = Number(a[2]);
    }
    return out;
  }
  const value = (name: string) => {
    const i = attrs.indexOf(` ${name}="`);
    if (i < 0) return undefined;
    const from = i + name.length + 3;
    return attrs.slice(from, attrs.indexOf('"', from));
  };
  const ref = value('r');
  const type = value('t');
  const style = value('s');
  if (ref !== undefined) out.ref = ref;
  if (type !== undefined) out.type = type;
  if (style !== undefined) out.style = Number(style);
  return out;
}

/** The text of the one <v> a plain cell holds, or undefined for anything else (a formula, an inline string). */
function valueText(inner: string): string | undefined {
  if (inner.startsWith('<v>') && inner.endsWith('</v>') && inner.indexOf('<', 3) === inner.length - 4) {
    return inner.slice(3, -4);
  }
  return VALUE.exec(inner)?.[1];
}

function sheetRows(xml: string, strings: SharedString[], plainNumber: (boolean | 'date')[]): Cell[][] {
  if (/<mergeCell\b|<hyperlink\b/.test(xml)) unsupported(); // exceljs reports merges; hyperlinks change values
  const start = xml.indexOf('<sheetData');
  if (start < 0) unsupported();
  const end = xml.indexOf('</sheetData>', start);
  const data = end < 0 ? xml.slice(start) : xml.slice(start, end);
  if (end < 0 && !/<sheetData\b[^>]*\/>/.test(data)) unsupported();
  const rows: Cell[][] = [];
  for (let pos = data.indexOf('<c'); pos >= 0; ) {
    const after = data.charCodeAt(pos + 2);
    // <c followed by a space, > or /: a cell (not <col>, <cfRule>...)
    if (after !== 32 && after !== 62 && after !== 47 && after !== 9 && after !== 10 && after !== 13) {
      pos = data.indexOf('<c', pos + 2);
      continue;
    }
    const gt = data.indexOf('>', pos);
    if (gt < 0) return unsupported();
    const selfClosing = data.charCodeAt(gt - 1) === 47;
    const { ref, type, style } = cellAttributes(data.slice(pos + 2, selfClosing ? gt - 1 : gt));
    let inner = '';
    let next = gt + 1;
    if (!selfClosing) {
      const close = data.indexOf('</c>', gt);
      if (close < 0) return unsupported();
      inner = data.slice(gt + 1, close);
      next = close + 4;
    }
    pos = data.indexOf('<c', next);
    const at = ref === undefined ? null : /^([A-Z]{1,3})([0-9]+)$/.exec(ref);
    if (!at) return unsupported();
    const col = columnNumber(at[1]!);
    const row = Number(at[2]);
    let value: Cell;
    if (inner.trim() === '') {
      // exceljs: a styled empty cell is null; an unstyled one is a "merge" cell.
      if (!(style > 0)) unsupported();
      value = null;
    } else {
      const v = valueText(inner);
      if (v === undefined) return unsupported(); // a formula, an inline string, anything else
      const text = decode(v);
      if (type === 's') {
        const s = strings[Number.parseInt(text, 10)];
        if (s === undefined) return unsupported();
        value = typeof s === 'string' ? s : s.richText;
      } else if (type === 'b') {
        value = Number.parseInt(text, 10) !== 0;
      } else if (type === undefined || type === 'n') {
        const kind = style > 0 ? plainNumber[style] : true;
        if (kind === 'date') value = excelDate(Number.parseFloat(text));
        else if (kind !== true)
          return unsupported(); // a built-in date format, or a style we do not know
        else value = Number.parseFloat(text);
      } else return unsupported(); // str, e, inlineStr, d
    }
    let cells = rows[row - 1];
    if (!cells) {
      cells = [];
      rows[row - 1] = cells;
    }
    cells[col - 1] = value;
  }
  for (let i = 0; i < rows.length; i++) {
    const cells = rows[i];
    if (!cells) rows[i] = [];
    else for (let j = 0; j < cells.length; j++) if (cells[j] === undefined) cells[j] = null;
  }
  while (rows.length > 0 && rows.at(-1)!.every((c) => c === null || c === '')) rows.pop();
  return rows;
}

import { neutralise } from '../catalogue-io/neutralise.js';

/**
 * RFC 4180 CSV with CRLF line ends and a UTF-8 BOM (so that Excel on Chinese Windows opens it as UTF-8); text
 * cells that a spreadsheet would run as a formula are neutralised (catalogue-io/neutralise.ts).
 */
export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const cell = (v: unknown) => {
    if (v === undefined || v === null) return '';
    const s = typeof v === 'number' ? String(v) : neutralise(String(v));
    return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  return `\ufeff${[header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

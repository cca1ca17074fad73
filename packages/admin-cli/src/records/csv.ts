import { stringify } from 'csv-stringify/sync';
import { neutralise } from '../catalogue-io/neutralise.js';

/**
 * RFC 4180 CSV with CRLF line ends, a field with a line break quoted as well (CSV_OPTIONS), written by csv-stringify.
 * The two CSV writers of the CLI (records and metrics here, the catalogue export in catalogue-io) share them.
 */
export const CSV_OPTIONS = { record_delimiter: 'windows', quoted_match: /[\r\n]/ } as const;

/**
 * CSV with a UTF-8 BOM (so that Excel on Chinese Windows opens it as UTF-8); text cells that a spreadsheet would
 * run as a formula are neutralised (catalogue-io/neutralise.ts).
 */
export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const cell = (v: unknown) => {
    if (v === undefined || v === null) return '';
    return typeof v === 'number' ? String(v) : neutralise(String(v));
  };
  return stringify(
    [header, ...rows].map((r) => r.map(cell)),
    { ...CSV_OPTIONS, bom: true },
  );
}

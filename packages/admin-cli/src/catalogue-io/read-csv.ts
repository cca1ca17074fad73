import { parse } from 'csv-parse/sync';
import { type DetectedEncoding, decodeText, type EncodingChoice } from '../file-input.js';
import type { ImportProblem } from './problem.js';
import type { RawSheet } from './sheets.js';

/**
 * Reads a CSV file: UTF-8, UTF-8 with BOM, or GBK/GB18030 as Excel saves "CSV" on Chinese Windows (detected:
 * bytes that are not valid UTF-8 are read as GB18030; `--encoding` forces one). The sheet is named after nothing:
 * a CSV has one table.
 */
export async function readCsv(
  bytes: Uint8Array,
  file: string,
  encoding: EncodingChoice,
): Promise<{ sheets: RawSheet[]; problems: ImportProblem[]; encoding?: DetectedEncoding }> {
  const decoded = await decodeText(bytes, encoding, file);
  if (decoded.text.includes('\uFFFD')) {
    const line = decoded.text.slice(0, decoded.text.indexOf('\uFFFD')).split('\n').length;
    return {
      sheets: [],
      encoding: decoded.encoding,
      problems: [
        {
          severity: 'error',
          rule: 'file.badEncoding',
          file,
          row: line,
          message: `the text cannot be read as ${decoded.encoding}: it holds bytes that are not characters in that encoding`,
          hint: 'save the file as "CSV UTF-8 (逗号分隔)" or pass the right --encoding (utf8, gbk, gb18030)',
        },
      ],
    };
  }
  try {
    const rows = parse(decoded.text, {
      relax_column_count: true,
      skip_empty_lines: false,
      bom: true,
    }) as string[][];
    while (rows.length > 0 && rows.at(-1)!.every((c) => c === '')) rows.pop();
    return { sheets: [{ name: '', rows }], problems: [], encoding: decoded.encoding };
  } catch (e) {
    const err = e as Error & { lines?: number };
    return {
      sheets: [],
      encoding: decoded.encoding,
      problems: [
        {
          severity: 'error',
          rule: 'file.badCsv',
          file,
          ...(err.lines !== undefined ? { row: err.lines } : {}),
          message: `not well-formed CSV: ${err.message}`,
          hint: 'look for a quote (") that is opened and never closed; save the sheet again as CSV',
        },
      ],
    };
  }
}

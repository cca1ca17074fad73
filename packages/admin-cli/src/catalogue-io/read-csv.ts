import { parse } from 'csv-parse/sync';
import { type DetectedEncoding, decodeText, type EncodingChoice } from '../file-input.js';
import type { ImportProblem } from './problem.js';
import type { RawSheet } from './sheets.js';
import { cutMidRecord, gbkCutAt, utf8CutAt } from './truncated.js';

function truncated(file: string, why: string): ImportProblem {
  return {
    severity: 'error',
    rule: 'file.truncated',
    file,
    message: `the file is cut off (truncated): ${why}`,
    hint: 'copy or download the file again from where it came (the copy was interrupted), or save it again from Excel/WPS',
  };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const validUtf8 = (b: Uint8Array) => {
  try {
    utf8.decode(b);
    return true;
  } catch {
    return false;
  }
};

/** A text that ends in the middle of a character, in the encoding it is read in. */
function cutCharacter(
  bytes: Uint8Array,
  choice: EncodingChoice,
): { encoding: DetectedEncoding; why: string } | undefined {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const at = utf8CutAt(bytes);
  if ((choice === 'auto' || choice === 'utf8') && at >= 0 && validUtf8(bytes.subarray(0, at)))
    return {
      encoding: bom ? 'utf8-bom' : 'utf8',
      why: `it ends at byte ${bytes.length} inside a UTF-8 character (begun at byte ${at})`,
    };
  if (choice === 'utf8' || (choice === 'auto' && validUtf8(bytes))) return undefined;
  const gbk = gbkCutAt(bytes);
  if (gbk >= 0)
    return {
      encoding: choice === 'gbk' ? 'gbk' : 'gb18030',
      why: `it ends at byte ${bytes.length} inside a GBK character (begun at byte ${gbk})`,
    };
  return undefined;
}

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
  const cut = cutCharacter(bytes, encoding);
  if (cut) return { sheets: [], encoding: cut.encoding, problems: [truncated(file, cut.why)] };
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
    const midRecord = cutMidRecord(decoded.text, rows);
    if (midRecord) return { sheets: [], encoding: decoded.encoding, problems: [truncated(file, midRecord)] };
    while (rows.length > 0 && rows.at(-1)!.every((c) => c === '')) rows.pop();
    return { sheets: [{ name: '', rows }], problems: [], encoding: decoded.encoding };
  } catch (e) {
    const err = e as Error & { lines?: number; code?: string };
    if (err.code === 'CSV_QUOTE_NOT_CLOSED' && !/[\r\n]$/.test(decoded.text))
      return {
        sheets: [],
        encoding: decoded.encoding,
        problems: [truncated(file, 'it ends inside a quoted field, with no line end')],
      };
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

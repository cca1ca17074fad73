/**
 * Telling a text file cut off in transfer (an interrupted copy or download) from one saved wrong: a file that ends
 * in the middle of a character, or in the middle of a record, is truncated, and re-saving it in another encoding
 * would not help.
 */

/** The byte length of the UTF-8 sequence a lead byte starts (0 for a byte that cannot start one). */
const utf8Length = (b: number) =>
  b < 0x80 ? 1 : b >> 5 === 6 ? 2 : b >> 4 === 14 ? 3 : b >> 3 === 30 ? 4 : 0;

/** Where the last character of a UTF-8 text is cut off: the byte offset of its lead byte, or -1. */
export function utf8CutAt(bytes: Uint8Array): number {
  // The last lead byte within the final 4 bytes.
  for (let i = bytes.length - 1; i >= Math.max(0, bytes.length - 4); i--) {
    const b = bytes[i]!;
    if ((b & 0xc0) === 0x80) continue;
    const n = utf8Length(b);
    return n > 1 && i + n > bytes.length ? i : -1;
  }
  return -1;
}

/** Where the last character of a GBK/GB18030 text is cut off (a lead byte with no trail), or -1. */
export function gbkCutAt(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const second = bytes[i + 1];
    const n = second !== undefined && second >= 0x30 && second <= 0x39 ? 4 : 2;
    if (i + (second === undefined ? 2 : n) > bytes.length) return i;
    i += n;
  }
  return -1;
}

/** Why the records of a CSV text end mid-record, or undefined (Excel ends every record, the last too, with CRLF). */
export function cutMidRecord(text: string, rows: readonly (readonly string[])[]): string | undefined {
  if (text === '' || /[\r\n]$/.test(text) || rows.length < 2) return undefined;
  const last = rows.at(-1)!;
  const before = rows.at(-2)!;
  if (last.length < before.length)
    return `its last record (record ${rows.length}) stops after ${last.length} of ${before.length} fields, with no line end`;
  return undefined;
}

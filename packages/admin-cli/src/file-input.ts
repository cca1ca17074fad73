import { readFile } from 'node:fs/promises';
import { TongbanError } from '@tongban/core/errors';

/** Text encodings an import accepts: UTF-8 (with or without BOM) and GBK/GB18030 as Excel saves CSV on Chinese Windows. */
export const ENCODINGS = ['auto', 'utf8', 'gbk', 'gb18030'] as const;
export type EncodingChoice = (typeof ENCODINGS)[number];
export type DetectedEncoding = 'utf8' | 'utf8-bom' | 'gbk' | 'gb18030';

/** Reads a whole file, turning "no such file" into a TongbanError (exit 4) that names it. */
export async function readInputFile(file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new TongbanError('file.notFound', `no such file: ${file}`, {
        where: { file },
        hint: 'check the path and the working directory',
      });
    }
    if (code === 'EISDIR') {
      throw new TongbanError('file.isDirectory', `${file} is a directory, not a file`, {
        where: { file },
        hint: 'give the path of the file itself',
      });
    }
    throw e;
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes bytes to text. `auto`: a UTF-8 BOM means UTF-8; bytes that are valid UTF-8 are UTF-8; anything else is
 * read as GB18030 (a superset of GBK, what Excel writes for "CSV" on Chinese Windows). Chinese text in GBK is
 * almost never valid UTF-8, so the guess is safe; `--encoding` overrides it.
 */
export async function decodeText(
  bytes: Uint8Array,
  choice: EncodingChoice = 'auto',
  file = '',
): Promise<{ text: string; encoding: DetectedEncoding }> {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (choice === 'auto' || choice === 'utf8') {
    try {
      const text = utf8.decode(bom ? bytes.subarray(3) : bytes);
      return { text, encoding: bom ? 'utf8-bom' : 'utf8' };
    } catch (e) {
      if (choice === 'utf8') {
        throw new TongbanError('input.badEncoding', `${file || 'the input'} is not valid UTF-8`, {
          where: { file, offset: firstInvalidUtf8(bytes) },
          hint: 'save the file as "CSV UTF-8", or pass --encoding gbk if Excel saved it as plain CSV on Chinese Windows',
          cause: e,
        });
      }
    }
  }
  const iconv = (await import('iconv-lite')).default;
  const encoding = choice === 'gbk' ? 'gbk' : 'gb18030';
  return { text: iconv.decode(Buffer.from(bytes), encoding), encoding };
}

/** Byte offset of the first byte that breaks UTF-8, for the error message. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    const n = b < 0x80 ? 1 : b >> 5 === 6 ? 2 : b >> 4 === 14 ? 3 : b >> 3 === 30 ? 4 : 0;
    if (n === 0) return i;
    for (let k = 1; k < n; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += n;
  }
  return -1;
}

/** A UTF-8 (BOM allowed) text file such as JSON. */
export async function readTextFile(file: string): Promise<string> {
  return (await decodeText(await readInputFile(file), 'utf8', file)).text;
}

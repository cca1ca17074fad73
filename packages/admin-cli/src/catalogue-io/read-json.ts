import { decodeText } from '../file-input.js';
import type { ImportProblem } from './problem.js';

/**
 * A JSON catalogue: an array of items, or an object with an `items` array (what `items export --format json`
 * writes). Items are returned raw; validation comes after.
 */
export async function readJson(
  bytes: Uint8Array,
  file: string,
): Promise<{ items: unknown[]; problems: ImportProblem[] }> {
  const { text } = await decodeText(bytes, 'utf8', file);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const message = (e as Error).message;
    const pos = /position (\d+)/.exec(message);
    const before = pos ? text.slice(0, Number(pos[1])) : '';
    const row = pos ? before.split('\n').length : undefined;
    return {
      items: [],
      problems: [
        {
          severity: 'error',
          rule: 'file.badJson',
          file,
          ...(row !== undefined ? { row, column: String(before.length - before.lastIndexOf('\n')) } : {}),
          message: `not valid JSON: ${message}`,
          hint: 'fix the syntax at that line and column (a missing comma or quote, a trailing comma)',
        },
      ],
    };
  }
  const items = Array.isArray(value)
    ? value
    : value !== null && typeof value === 'object' && Array.isArray((value as { items?: unknown }).items)
      ? (value as { items: unknown[] }).items
      : undefined;
  if (!items) {
    return {
      items: [],
      problems: [
        {
          severity: 'error',
          rule: 'file.notCatalogue',
          file,
          message: 'the JSON is neither an array of items nor an object with an "items" array',
          hint: 'write [ {item}, {item}, ... ] or { "items": [ ... ] } as `tongban items export --format json` does',
        },
      ],
    };
  }
  return { items, problems: [] };
}

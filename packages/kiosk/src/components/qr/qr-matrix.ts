/**
 * A QR code drawn with Unicode half blocks (issue 5: the receipt on screen carries its QR for the progress query).
 * Each text row holds two module rows: upper dark → ▀, lower dark → ▄, both → █, neither → space. Low error
 * correction keeps an application number in version 1 (21 modules), so with a 2-module quiet zone the code is
 * 25 columns by 13 rows and fits beside the receipt in 80x24. Drawn dark-on-light (the view sets black on white),
 * so a phone reads it on any terminal theme.
 */
import { create } from 'qrcode';

/** Quiet zone in modules on each side (the standard asks 4; 2 keeps 80x24 and phone scanners read it). */
export const QUIET = 2;

/** The module matrix of `payload` with its quiet zone: rows of booleans, true = dark. */
export function qrModules(payload: string, quiet = QUIET): boolean[][] {
  const { modules } = create(payload, { errorCorrectionLevel: 'L' });
  const n = modules.size + 2 * quiet;
  return Array.from({ length: n }, (_, r) =>
    Array.from({ length: n }, (_, c) => {
      const y = r - quiet;
      const x = c - quiet;
      return y >= 0 && x >= 0 && y < modules.size && x < modules.size && modules.get(y, x) === 1;
    }),
  );
}

const HALF: Record<string, string> = { '00': ' ', '10': '▀', '01': '▄', '11': '█' };

/** Text rows of a module matrix, two module rows per text row (an odd last row is padded light). */
export function halfBlockLines(matrix: readonly (readonly boolean[])[]): string[] {
  const lines: string[] = [];
  for (let r = 0; r < matrix.length; r += 2) {
    const top = matrix[r] ?? [];
    const bottom = matrix[r + 1] ?? [];
    lines.push(top.map((d, c) => HALF[`${d ? 1 : 0}${bottom[c] ? 1 : 0}`]).join(''));
  }
  return lines;
}

/** The module matrix drawn by `halfBlockLines` (for tests that read a captured screen back). */
export function modulesOfLines(lines: readonly string[]): boolean[][] {
  const out: boolean[][] = [];
  for (const line of lines) {
    const chars = [...line];
    out.push(chars.map((ch) => ch === '▀' || ch === '█'));
    out.push(chars.map((ch) => ch === '▄' || ch === '█'));
  }
  return out;
}

/** The lines to draw for `payload`. */
export function qrLines(payload: string): string[] {
  return halfBlockLines(qrModules(payload));
}

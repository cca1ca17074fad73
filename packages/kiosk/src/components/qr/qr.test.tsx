/**
 * The drawn QR must be readable by a real decoder: the half-block text is read back into modules, compared with the
 * encoder's own matrix, and decoded from pixels with jsQR (an independent decoder).
 */
import { render } from 'ink-testing-library';
import jsqr from 'jsqr';
import { create } from 'qrcode';
import { describe, expect, it } from 'vitest';
import { until } from '../../app/flow-test-kit.js';
import { Qr } from './qr.js';
import { halfBlockLines, modulesOfLines, QUIET, qrLines, qrModules } from './qr-matrix.js';

type Decode = (typeof jsqr)['default'];
// jsqr is a CommonJS bundle: its function is the module itself or its default, depending on the loader
const jsQR: Decode = (jsqr as unknown as { default?: Decode }).default ?? (jsqr as unknown as Decode);
const NUMBER = 'HRB1-261123-C1A7C-1YG';
const ANSI = /\x1b\[[0-9;]*m/g;

/** Decodes a module matrix with jsQR: each module drawn as a 4x4 block of black or white pixels. */
function decode(matrix: readonly (readonly boolean[])[]): string | undefined {
  const scale = 4;
  const size = matrix.length * scale;
  const px = new Uint8ClampedArray(size * size * 4);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const dark = matrix[Math.floor(y / scale)]?.[Math.floor(x / scale)] ?? false;
      px.set(dark ? [0, 0, 0, 255] : [255, 255, 255, 255], (y * size + x) * 4);
    }
  return jsQR(px, size, size)?.data;
}

describe('QR drawn with half blocks', () => {
  it('draws the encoder matrix exactly, with a light quiet zone, in 25x13 for an application number', () => {
    const lines = qrLines(NUMBER);
    expect(lines).toHaveLength(13);
    expect(lines.every((l) => [...l].length === 25)).toBe(true);
    const { modules } = create(NUMBER, { errorCorrectionLevel: 'L' });
    const drawn = modulesOfLines(lines);
    for (let y = 0; y < modules.size; y++)
      for (let x = 0; x < modules.size; x++)
        expect(drawn[y + QUIET]?.[x + QUIET], `module ${y},${x}`).toBe(modules.get(y, x) === 1);
    // quiet zone and the padding half row are light
    expect(drawn[0]?.every((d) => !d)).toBe(true);
    expect(drawn.at(-1)?.every((d) => !d)).toBe(true);
    expect(drawn.map((r) => r[0]).every((d) => !d)).toBe(true);
  });

  it('decodes back to the payload with an independent decoder (jsQR)', () => {
    for (const payload of [NUMBER, 'HRB1-261123-B00Q1-7K2', 'YY20261124-0001']) {
      expect(decode(modulesOfLines(qrLines(payload)))).toBe(payload);
    }
    expect(halfBlockLines(qrModules(NUMBER))).toEqual(qrLines(NUMBER));
  });

  it('the Ink component shows the same lines, and they decode from the rendered frame', async () => {
    const app = render(<Qr payload={NUMBER} caption="扫码查询" />);
    await until(app.lastFrame, '█');
    const frame = (app.lastFrame() ?? '').replace(ANSI, '');
    // the code is the first 13 rows (a terminal may drop trailing blanks: pad them back)
    const rows = frame
      .split('\n')
      .slice(0, 13)
      .map((l) => l.padEnd(25));
    expect(rows).toEqual(qrLines(NUMBER));
    expect(decode(modulesOfLines(rows))).toBe(NUMBER);
    expect(frame).toContain('扫码查询');
    app.unmount();
  });
});

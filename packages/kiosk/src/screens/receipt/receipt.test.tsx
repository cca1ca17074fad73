/**
 * The receipt on screen when the printer fails (issue 5: device trouble never stops the kiosk): the receipt text,
 * a QR drawn beside it that a real decoder reads back to the number, and scrolling for a long 一件事 receipt.
 */
import { charWidth } from '@tongban/core/text';
import { render } from 'ink-testing-library';
import jsqr from 'jsqr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FlowKit, KEY, openFlowKit, until } from '../../app/flow-test-kit.js';
import { KioskApp } from '../../app/kiosk-app.js';
import { initialKioskState } from '../../app/use-kiosk-state.js';
import { modulesOfLines } from '../../components/qr/qr-matrix.js';
import { bundleMaterialsToBring } from '../../services/bundle-desk.js';

type Decode = (typeof jsqr)['default'];
const jsQR: Decode = (jsqr as unknown as { default?: Decode }).default ?? (jsqr as unknown as Decode);

/** Reads the half-block QR out of a frame (the columns holding ▀▄█) and decodes it with jsQR. */
function decodeFrame(frame: string): string | undefined {
  const rows = frame.split('\n');
  const at = rows.findIndex((l) => l.includes('█▀▀▀▀▀█'));
  if (at < 0) return undefined;
  const cells = (l: string) =>
    [...l].flatMap((ch) => (charWidth(ch.codePointAt(0) ?? 32) === 2 ? [ch, ''] : [ch]));
  const col = cells(rows[at] ?? '').indexOf('█') - 2; // quiet zone of 2
  const lines = rows.slice(at - 1, at + 12).map((l) => {
    const c = cells(l);
    return Array.from({ length: 25 }, (_, i) => c[col + i] || ' ').join('');
  });
  const m = modulesOfLines(lines);
  const scale = 4;
  const size = m.length * scale;
  const px = new Uint8ClampedArray(size * size * 4);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const dark = m[Math.floor(y / scale)]?.[Math.floor(x / scale)] ?? false;
      px.set(dark ? [0, 0, 0, 255] : [255, 255, 255, 255], (y * size + x) * 4);
    }
  return jsQR(px, size, size)?.data;
}

let kit: FlowKit;
beforeAll(async () => {
  kit = await openFlowKit('kiosk-receipt-');
});
afterAll(async () => kit.close());

describe('receipt screen', () => {
  it('shows a long 一件事 receipt on screen with a readable QR when the printer is out of paper', async () => {
    const b = kit.services.bundles().reduce((x, y) => (y.items.length > x.items.length ? y : x));
    const applicant = { name: '张伟', idNumber: '110105198507120036' };
    const { receipt, application } = await kit.services.submitBundle({
      bundle: b,
      mode: b.modes[0] ?? 'window',
      deliveryMethod: 'pickup',
      applicant,
      submitted: bundleMaterialsToBring(b).map((m) => m.name),
    });
    const state = {
      ...initialKioskState('zh-CN'),
      screen: 'receipt' as const,
      applicant,
      receipt,
      receiptOf: 'bundle' as const,
      print: { kind: 'failed' as const, why: '打印机缺纸' },
    };
    const app = render(<KioskApp services={kit.services} devices={kit.devices} initialState={state} />);
    let f = await until(app.lastFrame, '█▀▀▀▀▀█');
    expect(f).toContain('打印机故障（打印机缺纸）');
    expect(f).toContain(`一件事编号：${application.bundleNumber}`);
    expect(f).toContain('110105********0036');
    expect(f).not.toContain('110105198507120036');
    expect(decodeFrame(f)).toBe(application.bundleNumber);
    expect(f).toContain('9 往下看 0 往上看');
    // the last case number is further down the receipt: scroll to it
    const last = application.cases.at(-1)?.id ?? '';
    for (let i = 0; i < 30 && !f.includes(last); i++) {
      const before = app.lastFrame();
      app.stdin.write('9'); // the keypad's paging key (issue 18)
      f = await until(app.lastFrame, () => app.lastFrame() !== before); // the next page is drawn
    }
    expect(f).toContain(last);
    expect(decodeFrame(f)).toBe(application.bundleNumber);
    const standard = app.lastFrame();
    app.stdin.write('*'); // large text: the same receipt, still readable
    // the theme shows only in colours (not in these frames): a line up after it shows that it was taken
    app.stdin.write(KEY.up);
    f = await until(app.lastFrame, (seen) => app.lastFrame() !== standard && seen.includes('█▀▀▀▀▀█'));
    expect(decodeFrame(f)).toBe(application.bundleNumber);
    app.stdin.write(KEY.enter);
    await until(app.lastFrame, '请选择要办理的业务');
    app.unmount();
  }, 30_000);
});

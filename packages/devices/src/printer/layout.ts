/**
 * Lays out core's receipt content (seed 004 8.2.2 受理单 fields, seed 002 8.3.2 申请编号) on 58 or 80 mm paper:
 * title, hall, label/value fields fitted to the width (a Chinese character = 2 columns), the application number
 * large, its QR code (native GS ( k), notes, partial cut.
 */
import { RECEIPT_LABELS, type Receipt, type ReceiptLocale, receiptFields } from '@tongban/core/receipts';
import { EscPos } from './escpos.js';
import { COLUMNS, displayWidth, type PaperWidth, padEnd, wrap } from './text-width.js';

export interface ReceiptLayoutOptions {
  paper?: PaperWidth;
  locale?: ReceiptLocale;
  /** Feed lines before the cut so the last line clears the cutter (default 4). */
  feedBeforeCut?: number;
}

/** The lines a receipt prints as plain text (also what the kiosk shows on screen when the printer fails). */
export function receiptTextLines(receipt: Receipt, options: ReceiptLayoutOptions = {}): string[] {
  const cols = COLUMNS[options.paper ?? 80];
  const fields = receiptFields(receipt, options.locale);
  const labelWidth = Math.min(
    Math.max(...fields.map((f) => displayWidth(f.label))) + 2,
    Math.floor(cols / 3),
  );
  const lines: string[] = [];
  for (const f of fields) {
    const label =
      displayWidth(f.label) + 2 <= labelWidth ? padEnd(f.label + '：', labelWidth) : f.label + '：';
    const first = displayWidth(label);
    if (first > labelWidth) {
      lines.push(...wrap(label, cols));
      lines.push(...wrap(f.value, cols - labelWidth).map((l) => ' '.repeat(labelWidth) + l));
      continue;
    }
    wrap(f.value || ' ', cols - labelWidth).forEach((l, i) => {
      lines.push((i === 0 ? label : ' '.repeat(labelWidth)) + l);
    });
  }
  return lines.map((l) => l.replace(/ +$/, ''));
}

/** ESC/POS bytes of a receipt. */
export function renderReceipt(receipt: Receipt, options: ReceiptLayoutOptions = {}): Buffer {
  const paper = options.paper ?? 80;
  const cols = COLUMNS[paper];
  const L = RECEIPT_LABELS[options.locale ?? 'zh-CN'];
  const p = new EscPos().init().chinese(true);
  const rule = '-'.repeat(cols);

  p.align('center').bold(true).size(2, 2);
  for (const l of wrap(receipt.title, Math.floor(cols / 2))) p.line(l);
  p.size(1, 1).bold(false);
  for (const l of wrap(receipt.hall, cols)) p.line(l);
  p.align('left').line(rule);
  for (const l of receiptTextLines(receipt, options)) p.line(l);
  p.line(rule);

  // The application number large (double height, and double width when it fits), for reading at the window.
  const big = displayWidth(receipt.applicationNumber) * 2 <= cols ? 2 : 1;
  p.align('center').line(L.applicationNumber).bold(true).size(big, 2);
  for (const l of wrap(receipt.applicationNumber, Math.floor(cols / big))) p.line(l);
  p.size(1, 1).bold(false);
  p.qr(receipt.qrPayload, { moduleSize: paper === 58 ? 5 : 6, level: 'M' });
  p.line(L.scan);
  if (receipt.notes.length) {
    p.align('left').line(rule);
    for (const n of receipt.notes) for (const l of wrap(n, cols)) p.line(l);
  }
  return p
    .feed(options.feedBeforeCut ?? 4)
    .cut(true)
    .build();
}

/** A short test page: the printer's width, Chinese text, sizes and a QR code. */
export function renderTestPage(paper: PaperWidth = 80, now = new Date()): Buffer {
  const cols = COLUMNS[paper];
  const p = new EscPos().init().chinese(true);
  p.align('center').bold(true).size(2, 2).line('打印测试').size(1, 1).bold(false);
  p.line(`${paper} mm / ${cols} 列`);
  p.align('left').line('0123456789'.repeat(10).slice(0, cols));
  p.line('通办'.repeat(cols / 4));
  p.size(1, 2).line('倍高 double height').size(2, 1).line('倍宽').size(1, 1);
  p.line(now.toISOString());
  p.align('center').qr('TONGBAN-PRINT-TEST', { moduleSize: 4 });
  return p.feed(4).cut(true).build();
}

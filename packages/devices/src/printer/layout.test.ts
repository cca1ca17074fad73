import { createReceipt, type ReceiptKind } from '@tongban/core/receipts';
import { describe, expect, it } from 'vitest';
import { decodeEscPos } from './decode.js';
import { EscPos } from './escpos.js';
import { receiptTextLines, renderReceipt, renderTestPage } from './layout.js';
import { decodeStatus, encodeStatus } from './status.js';
import { COLUMNS, displayWidth, type PaperWidth, wrap } from './text-width.js';

const KINDS: ReceiptKind[] = ['submission', 'acceptance', 'proxyReceipt', 'appointment', 'supplement'];

function receipt(kind: ReceiptKind) {
  return createReceipt({
    kind,
    hall: '安阳市政务服务中心“7×24小时”自助服务区',
    applicationNumber: 'AY410502-20250314-000017',
    itemName: '城乡居民基本养老保险参保登记（含个人账户转移接续）',
    itemCode: '11410500MB1234567X4000117001',
    applicant: { name: '阿依古丽·买买提', idNumber: '65010219920304002X', phone: '13912345678' },
    at: '2025-03-14T06:05:00Z',
    promisedDays: 5,
    promisedDueDate: '2025-03-21',
    qrPayload: 'https://zwfw.example.gov.cn/progress?no=AY410502-20250314-000017',
    lines:
      kind === 'supplement'
        ? [
            {
              label: '需补正材料',
              value: '1. 户口簿原件及复印件；2. 近期一寸免冠照片两张（白底）；3. 银行卡复印件',
            },
          ]
        : kind === 'appointment'
          ? [{ label: '预约时段', value: '2025-03-17 09:00-09:30 3号综合窗口' }]
          : [],
    notes: ['请妥善保管本凭证，凭申请编号或扫描二维码查询办理进度。', '投诉电话 12345'],
  });
}

describe('receipt layouts: ESC/POS bytes decoded back (every kind on 58 and 80 mm)', () => {
  for (const paper of [58, 80] as PaperWidth[])
    for (const kind of KINDS) {
      it(`${kind} on ${paper} mm`, () => {
        const r = receipt(kind);
        const bytes = renderReceipt(r, { paper });
        const d = decodeEscPos(bytes);
        expect(d.unknown).toEqual([]);
        // text back in GB18030, masked number only (DESIGN.md personal data)
        const all = d.lines.join('\n');
        expect(all).toContain(r.title);
        expect(all).toContain('650102********002X');
        expect(all).not.toContain('65010219920304002X');
        expect(all).toContain('139****5678');
        expect(all).toContain('2025-03-14 14:05');
        expect(all.replace(/\s/g, '')).toContain('城乡居民基本养老保险参保登记（含个人账户转移接续）');
        expect(all).toContain('AY410502-20250314-000017');
        // every line fits the paper (a Chinese character = 2 columns, magnified by GS !)
        for (const b of d.blocks)
          if (b.type === 'line')
            expect(displayWidth(b.text) * b.width, b.text).toBeLessThanOrEqual(COLUMNS[paper]);
        // native QR with the payload, then one partial cut at the end
        expect(d.qr).toEqual([r.qrPayload]);
        expect(d.cuts).toEqual(['partial']);
        expect(d.blocks.at(-1)).toEqual({ type: 'cut', partial: true });
        // title printed large and bold, centred
        expect(d.blocks.find((b) => b.type === 'line' && b.text === r.title)).toMatchObject({
          width: 2,
          height: 2,
          bold: true,
          align: 'center',
        });
        if (kind === 'supplement') expect(all.replace(/\s/g, '')).toContain('银行卡复印件');
      });
    }

  it('starts with ESC @ and turns Chinese mode on with FS &', () => {
    const bytes = renderReceipt(receipt('acceptance'), { paper: 58 });
    expect([...bytes.subarray(0, 7)]).toEqual([0x1b, 0x40, 0x1b, 0x74, 0x00, 0x1c, 0x26]);
  });

  it('the on-screen fallback has the same lines as the paper', () => {
    const r = receipt('acceptance');
    const d = decodeEscPos(renderReceipt(r, { paper: 80 }));
    for (const l of receiptTextLines(r, { paper: 80 })) expect(d.lines).toContain(l);
  });

  it('the test page decodes with its QR code and cut', () => {
    const d = decodeEscPos(renderTestPage(58));
    expect(d.lines).toContain('打印测试');
    expect(d.qr).toEqual(['TONGBAN-PRINT-TEST']);
    expect(d.cuts).toEqual(['partial']);
  });
});

describe('ESC/POS commands', () => {
  it('writes the QR command sequence of GS ( k as documented', () => {
    const b = new EscPos().qr('AB', { moduleSize: 6, level: 'M' }).build();
    expect(b.toString('hex')).toBe(
      [
        '1d286b0400314132' + '00',
        '1d286b03003143' + '06',
        '1d286b03003145' + '31',
        '1d286b0500315030' + '4142',
        '1d286b0300315130',
      ].join(''),
    );
  });

  it('sizes: GS ! n with n = (w-1)<<4 | (h-1)', () => {
    expect([...new EscPos().size(2, 3).build()]).toEqual([0x1d, 0x21, 0x12]);
    expect(() => new EscPos().size(9, 1)).toThrow(RangeError);
  });
});

describe('column fitting', () => {
  it('counts a Chinese character as two columns', () => {
    expect(displayWidth('申请编号：AB12')).toBe(14);
    expect(wrap('一二三四五六七八九十', 7)).toEqual(['一二三', '四五六', '七八九', '十']);
    expect(wrap('please keep this slip', 10)).toEqual(['please', 'keep this', 'slip']);
  });
});

describe('real-time status DLE EOT 1-4', () => {
  it('decodes the documented bytes', () => {
    expect(decodeStatus([0x12, 0x12, 0x12, 0x12])).toMatchObject({
      online: true,
      paper: 'ok',
      coverOpen: false,
      error: false,
    });
    expect(decodeStatus([0x12, 0x12, 0x12, 0x1e]).paper).toBe('nearEnd');
    expect(decodeStatus([0x1a, 0x32, 0x12, 0x72])).toMatchObject({ online: false, paper: 'out' });
    expect(decodeStatus([0x1a, 0x16, 0x12, 0x12])).toMatchObject({ online: false, coverOpen: true });
    expect(decodeStatus([0x1a, 0x52, 0x1a, 0x12])).toMatchObject({ error: true, errors: ['autocutter'] });
  });
  it('round-trips the simulator encoding', () => {
    expect(encodeStatus({ paper: 'out' })[3]).toBe(0x7e);
    expect(decodeStatus(encodeStatus({ paper: 'nearEnd' })).paper).toBe('nearEnd');
    expect(decodeStatus(encodeStatus({ coverOpen: true })).coverOpen).toBe(true);
  });
});

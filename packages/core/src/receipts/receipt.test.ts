import { describe, expect, it } from 'vitest';
import { createReceipt, formatReceiptTime, Receipt, receiptFields } from './index.js';

const input = {
  kind: 'acceptance' as const,
  hall: '安阳市政务服务中心 7×24小时自助服务区',
  applicationNumber: 'AY2025031400017',
  itemName: '城乡居民基本养老保险参保登记',
  applicant: { name: '张伟', idNumber: '110105198507120036', phone: '13912345678' },
  at: '2025-03-14T06:05:00Z',
  promisedDays: 5,
  promisedDueDate: '2025-03-21',
};

describe('receipt content', () => {
  it('carries the fields of the acceptance slip (seed 004 8.2.2) with the ID number and phone masked', () => {
    const r = createReceipt(input);
    expect(r.title).toBe('受理回执');
    expect(r.applicant.idNumberMasked).toBe('110105********0036');
    expect(r.applicant.phoneMasked).toBe('139****5678');
    expect(JSON.stringify(r)).not.toContain('110105198507120036');
    expect(r.qrPayload).toBe('AY2025031400017');
    const labels = receiptFields(r).map((f) => f.label);
    for (const l of [
      '申请编号',
      '办理事项',
      '申请人',
      '证件号码',
      '联系电话',
      '时间',
      '承诺时限',
      '承诺办结',
    ])
      expect(labels).toContain(l);
  });

  it('says 预计 for a date counted on a provisional year, in each locale (issue 15)', () => {
    const r = createReceipt({ ...input, promisedDueDate: '2027-02-18', promisedDueProvisional: true });
    const due = (locale: 'zh-CN' | 'en') =>
      receiptFields(r, locale).find((f) => f.label === (locale === 'en' ? 'Due by' : '承诺办结'))?.value;
    expect(due('zh-CN')).toBe('预计 2027年2月18日前办结，以法定假日安排为准');
    expect(due('en')).toBe('Expected by 18 February 2027, subject to the official holiday arrangement');
    expect(receiptFields(createReceipt(input)).find((f) => f.label === '承诺办结')?.value).toBe('2025-03-21');
  });

  it('refuses an unmasked ID number in the schema', () => {
    const r = createReceipt(input);
    const bad = { ...r, applicant: { ...r.applicant, idNumberMasked: '110105198507120036' } };
    expect(Receipt.safeParse(bad).success).toBe(false);
  });

  it('prints times in Asia/Shanghai', () => {
    expect(formatReceiptTime('2025-03-14T06:05:00Z')).toBe('2025-03-14 14:05');
    expect(formatReceiptTime('2025-03-14T17:30:00Z')).toBe('2025-03-15 01:30');
  });
});

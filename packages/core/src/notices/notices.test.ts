import { describe, expect, it } from 'vitest';
import { TongbanError } from '../errors/index.js';
import { idCheckCharacter } from '../identity/index.js';
import {
  ACCEPTANCE_SLIP,
  buildAcceptance,
  buildApproval,
  buildDenial,
  buildNonAcceptance,
  buildNotice,
  buildProxyReceipt,
  buildProxyRefusal,
  buildSupplement,
  NOTICE_TEMPLATES,
  NOTICE_TYPES,
  type Notice,
  type NoticeContext,
  type NoticeType,
  noticeFileStem,
  noticeKeys,
  noticeMetadata,
  noticeParts,
  noticeToText,
  progressQueryPayload,
  templateGaps,
} from './index.js';
import { SAMPLE_INPUTS, SAMPLE_ITEM, SAMPLE_RIGHTS } from './test-support/samples.js';

const ID = `41050219900307123${idCheckCharacter('41050219900307123')}`;

const item = SAMPLE_ITEM;

const ctx = (over: Partial<NoticeContext> = {}): NoticeContext => ({
  applicationNo: 'AY2611230001K',
  applicant: { name: '李秀英', idNumber: ID, phone: '13903720001' },
  issuer: { unit: 'window', name: '安阳市政务服务中心 3 号综合窗口' },
  handler: '王敏',
  issuedAt: '2026-11-23T02:30:00Z',
  ...over,
});

/** A realistic input for each type (shared with the PDF tests and the PNG snapshots). */
const INPUTS = SAMPLE_INPUTS;
const RIGHTS = SAMPLE_RIGHTS;

const build = <T extends NoticeType>(type: T, over: Partial<NoticeContext> = {}) =>
  buildNotice(type, item, ctx(over), INPUTS[type]);

/** Strings that do not depend on the locale, in the order the notice must show them. */
function fixedValues(n: Notice): string[] {
  return [n.applicant.name, '食品经营许可', n.handler, n.phones.enquiry, n.phones.complaint, n.issuer.name];
}

function inOrder(text: string, parts: readonly string[]): string[] {
  const missing: string[] = [];
  let at = 0;
  for (const p of parts) {
    const i = text.indexOf(p, at);
    if (i < 0) missing.push(p);
    else at = i + p.length;
  }
  return missing;
}

describe.each(NOTICE_TYPES)('%s notice', (type) => {
  it('carries every field of its template in the template’s order (seed 000 tables 1-3; seed 001 appendices B, C)', () => {
    const n = build(type);
    expect(n.type).toBe(type);
    expect(templateGaps(n)).toEqual([]);
  });

  it('lists the same fields in the same order in zh-CN and en', () => {
    const zh = build(type);
    const en = build(type, { locale: 'en' });
    expect(noticeKeys(en)).toEqual(noticeKeys(zh));
    expect(noticeToText(en).split('\n').length).toBe(noticeToText(zh).split('\n').length);
    expect(inOrder(noticeToText(zh), fixedValues(zh))).toEqual([]);
    expect(inOrder(noticeToText(en), fixedValues(en))).toEqual([]);
  });

  it('dates it in Asia/Shanghai, Chinese style, and carries the progress-query QR (seed 002 8.3.2, 8.5)', () => {
    const n = build(type, {
      issuedAt: '2026-11-22T16:30:00Z',
      progressQueryBase: 'https://zwfw.anyang.gov.cn/q?no=',
    });
    expect(n.issuedDate).toBe('2026-11-23');
    const text = noticeToText(n);
    expect(text).toContain('2026年11月23日');
    expect(n.qrPayload).toBe('https://zwfw.anyang.gov.cn/q?no=AY2611230001K');
    expect(n.sections.find((s) => s.kind === 'qr')).toMatchObject({ payload: n.qrPayload });
    expect(text).toContain('AY2611230001K');
  });

  it('never shows the full ID number and survives JSON (for worker threads and files)', () => {
    const n = build(type);
    const json = JSON.stringify(n);
    expect(json).not.toContain(ID);
    expect(n.applicant.idNumberMasked).toBe(`410502${'*'.repeat(8)}${ID.slice(-4)}`);
    expect(JSON.parse(json)).toEqual(n);
  });
});

describe('收件（受理）通知书 (seed 001 appendix B; seed 004 8.2.2)', () => {
  it('reads as the template, first part then 存根', () => {
    const n = buildAcceptance(item, ctx(), INPUTS.acceptance);
    const text = noticeToText(n);
    expect(
      inOrder(text, [
        '收件（受理）通知书',
        '李秀英：',
        '本窗口收到您申请办理的食品经营许可（新办）事项所送的申请材料计3项，经审查，申请材料齐全，符合法定形式，现予收件（受理），将在10个工作日内给予办结。',
        '其中，该事项办理过程中涉及的以下程序：检验、检测（约5个工作日）、专家评审，不计入承诺时限。',
        '特此告知',
        '经办人：王敏',
        '联系电话：0372-2288001',
        '监督投诉电话：0372-12345',
        '承办窗口（章）：安阳市政务服务中心 3 号综合窗口',
        '2026年11月23日',
        '注：1.本通知书仅作为收件（受理）证明，与审批结果无必然联系。',
        '2.第一联申请人留存，第二联窗口存档。',
        '第二联　窗口存档',
        '收件（受理）通知书存根',
        '李秀英：',
        '申请材料计3项',
        '特此告知',
        '申请人（签字）：',
        '签字日期：    年  月  日',
        '承办窗口（章）',
        '2026年11月23日',
      ]),
    ).toEqual([]);
    const { main, stub } = noticeParts(n);
    expect(main.some((s) => s.key === 'handlerRow')).toBe(true);
    expect(stub[0]).toMatchObject({ kind: 'title', text: '收件（受理）通知书存根' });
    expect(stub.some((s) => s.key === 'handlerRow')).toBe(false);
    expect(n.hasStub).toBe(true);
  });

  it('carries the acceptance slip fields in the order of seed 004 8.2.2', () => {
    const n = buildAcceptance(item, ctx(), { ...INPUTS.acceptance, acceptedAt: '2026-11-23T02:10:00Z' });
    const slip = n.sections.find((s) => s.key === 'slip');
    if (slip?.kind !== 'fields') throw new Error('no slip');
    expect(slip.fields.map((f) => f.key)).toEqual([...ACCEPTANCE_SLIP]);
    expect(slip.fields.map((f) => f.value)).toEqual([
      '食品经营许可（新办）',
      'AY2611230001K',
      '李秀英',
      '13903720001',
      '2026年11月23日 10:10',
      '10个工作日（2026年12月7日前办结）',
      '食品检测报告',
    ]);
    expect(n).toMatchObject({ materialCount: 3, promisedDays: 10, dueDate: '2026-12-07' });
  });

  it('writes the special procedures announced on acceptance with their time, or 无 (seed 004 8.2.6)', () => {
    const n = buildAcceptance(item, ctx(), {
      materialCount: 2,
      specialProcedures: [{ kind: 'hearing', days: 10 }],
    });
    expect(noticeToText(n)).toContain('涉及的以下程序：听证（约10个工作日），不计入承诺时限');
    const none = buildAcceptance({ ...item, specialProcedures: [] }, ctx(), { materialCount: 2 });
    expect(noticeToText(none)).toContain('涉及的以下程序：无，不计入承诺时限');
  });

  it('says 当日 for an immediate case (即办件, seed 001 4.2.2)', () => {
    const n = buildAcceptance({ ...item, promisedDays: 0 }, ctx(), { materialCount: 1 });
    expect(noticeToText(n)).toContain('现予收件（受理），将于当日给予办结。');
    expect(templateGaps(n)).toEqual([]);
  });

  it('tells the tolerated materials, their deadline and the overdue handling at once (容缺受理, seed 002 9.3.6; seed 004 8.2.4)', () => {
    const n = buildAcceptance(item, ctx(), {
      materialCount: 2,
      tolerance: { materials: ['经营场所平面图'], dueAt: '2026-11-30T15:59:59.999Z' },
    });
    expect(n.tolerance).toEqual({
      materials: ['经营场所平面图'],
      dueDate: '2026-11-30',
      consequence: '逾期未补正的，终止办理。',
    });
    expect(
      inOrder(noticeToText(n), [
        '容缺受理',
        '1. 经营场所平面图',
        '补正时限：2026年11月30日',
        '超期处理办法：逾期未补正的，终止办理。',
        '特此告知',
      ]),
    ).toEqual([]);
  });
});

describe('补齐补正通知书 (seed 001 appendix C, 6.1.3)', () => {
  it('lists every material at once with what to mend and 一式几份, then the deadline, in both parts', () => {
    const n = buildSupplement(item, ctx(), INPUTS.supplement);
    expect(n.materials).toEqual([
      { name: '经营场所平面图', reason: '未标明设备布局', copies: 2 },
      { name: '食品安全管理制度', reason: '缺少' },
    ]);
    const text = noticeToText(n);
    const part = [
      '本窗口收到您申请办理的食品经营许可（新办）事项所送的有关材料后，依法进行了审查，因您所送的材料不齐全（或不符合法定形式），暂时不能收件（受理）。请您补充齐全或修改下列材料后前来办理。',
      '需补交或修改的材料如下：',
      '序号 | 材料名称 | 需补正的原因 | 份数',
      '1 | 经营场所平面图 | 未标明设备布局 | 一式2份',
      '2 | 食品安全管理制度 | 缺少 | ',
      '请您将上述材料尽快补齐补正后送本窗口。',
      '补正时限：2026年12月7日前',
    ];
    expect(
      inOrder(text, [
        '补齐补正通知书',
        '李秀英：',
        ...part,
        '特此告知',
        '经办人：王敏',
        '承办窗口（章）',
        '注：第一联申请人留存，第二联窗口存档。',
        '补齐补正通知书存根',
        '李秀英：',
        ...part,
        '申请人（签字）',
        '签字日期',
        '2026年11月23日',
      ]),
    ).toEqual([]);
  });

  it('uses the review wording after acceptance and stamps as a department (seed 000 table 1 row 3 a 1)', () => {
    const n = buildSupplement(
      item,
      ctx({ issuer: { unit: 'localDepartment', name: '安阳市市场监督管理局' } }),
      {
        ...INPUTS.supplement,
        stage: 'review',
        problem: 'defective',
      },
    );
    const text = noticeToText(n);
    expect(text).toContain('已受理，经审查，因所送的材料不符合法定形式，需要补齐补正');
    expect(text).toContain('承办部门（章）：安阳市市场监督管理局');
  });
});

describe('decisions', () => {
  it('denial states reasons and both rights with their limits (seed 004 8.5.5)', () => {
    const n = buildDenial(item, ctx(), { ...INPUTS.denial, decidedAt: '2026-12-01T08:00:00Z' });
    expect(n.rights).toEqual({
      review: { body: '安阳市人民政府', withinDays: 60 },
      litigation: { court: '安阳市文峰区人民法院', withinMonths: 6 },
    });
    expect(
      inOrder(noticeToText(n), [
        '不予通过通知书',
        '已于2026年12月1日作出不予批准的决定。理由如下：',
        '1. 现场核查经营场所不符合食品安全要求',
        '依据：《食品经营许可管理办法》第十条',
        '自收到本通知书之日起60日内向安阳市人民政府申请行政复议，或者自收到本通知书之日起6个月内向安阳市文峰区人民法院提起行政诉讼。',
      ]),
    ).toEqual([]);
    expect(noticeToText(buildDenial(item, ctx({ locale: 'en' }), INPUTS.denial))).toContain(
      'within 60 days of receiving this notice, apply to 安阳市人民政府 for administrative review, or, within 6 months',
    );
  });

  it('non-acceptance lists every reason with its basis (seed 002 9.3.3); rights only when given', () => {
    const n = buildNonAcceptance(item, ctx(), { reasons: ['a', 'b', 'c'] });
    expect(n.sections.find((s) => s.kind === 'list')).toMatchObject({ items: ['a', 'b', 'c'] });
    expect(noticeKeys(n)).not.toContain('rights');
    expect(noticeKeys(build('nonAcceptance'))).toContain('rights');
  });

  it('approval names the result and how it is delivered (seed 000 table 1 row 3 a 2; 5.4)', () => {
    const text = noticeToText(build('approval'));
    expect(
      inOrder(text, [
        '办结通知书',
        '办理结果：食品经营许可证',
        '证照（批文）编号：JY14105020012345',
        '结果送达方式：政务快递',
      ]),
    ).toEqual([]);
    expect(buildApproval(item, ctx(), {}).result).toBe('准予办理');
  });
});

describe('proxy notices (seed 000 tables 2-3 row 1)', () => {
  it('proxy receipt lists the materials, mode, deciding unit, delivery and transfer', () => {
    const n = buildProxyReceipt(
      item,
      ctx({ issuer: { unit: 'remoteWindow', name: '哈尔滨市政务服务中心 12 号窗口' } }),
      INPUTS.proxyReceipt,
    );
    expect(n.transfer).toEqual({ method: 'push', days: 2, to: '安阳市政务服务中心综合窗口' });
    expect(
      inOrder(noticeToText(n), [
        '代收凭证',
        '申请材料计2项',
        '本事项按“异地代收-属地办理”方式办理，由安阳市市场监督管理局受理并作出决定',
        '1 | 食品经营许可申请书 | 原件 | ',
        '2 | 营业执照 | 复印件 | 一式1份',
        '结果送达方式：政务快递',
        '结果颁发窗口：属地综合窗口',
        '材料流转：系统推送，2个工作日内流转至安阳市政务服务中心综合窗口',
        '代收窗口（章）：哈尔滨市政务服务中心 12 号窗口',
      ]),
    ).toEqual([]);
    expect(n.hasStub).toBe(false);
  });

  it('proxy refusal tells every reason at once', () => {
    const n = buildProxyRefusal(item, ctx(), INPUTS.proxyRefusal);
    expect(
      inOrder(noticeToText(n), [
        '不予代收凭证',
        '不予代收的原因如下（一次性告知）：',
        '1. 申请书未签字',
        '2. 营业执照复印件与原件不一致',
      ]),
    ).toEqual([]);
  });
});

describe('inputs are validated with TongbanErrors that say what and where', () => {
  const fails = (f: () => unknown, code: string, field: string) => {
    try {
      f();
    } catch (e) {
      expect(e).toBeInstanceOf(TongbanError);
      expect((e as TongbanError).code).toBe(code);
      expect((e as TongbanError).where.field).toBe(field);
      expect((e as TongbanError).hint).not.toBe('');
      return;
    }
    throw new Error(`expected ${code}`);
  };

  it('a denial without review and litigation rights (seed 004 8.5.5)', () => {
    fails(() => buildDenial(item, ctx(), { reasons: ['x'] } as never), 'notice.rightsMissing', 'rights');
    fails(
      () => buildDenial(item, ctx(), { reasons: ['x'], rights: { ...RIGHTS, litigation: { court: ' ' } } }),
      'notice.missingField',
      'rights.litigation.court',
    );
    fails(
      () =>
        buildDenial(item, ctx(), {
          reasons: ['x'],
          rights: { ...RIGHTS, review: { body: '市政府', withinDays: 15 } },
        }),
      'notice.rightsLimit',
      'rights.review.withinDays',
    );
    fails(
      () => buildDenial(item, ctx(), { reasons: [], rights: RIGHTS }),
      'notice.reasonsMissing',
      'reasons',
    );
  });

  it('a supplement without materials or without a deadline (seed 001 6.1.3; seed 000 table 1 row 3)', () => {
    fails(
      () => buildSupplement(item, ctx(), { materials: [], dueAt: '2026-12-07' }),
      'notice.materialsMissing',
      'materials',
    );
    fails(
      () =>
        buildSupplement(item, ctx(), { materials: [{ name: '营业执照', reason: '' }], dueAt: '2026-12-07' }),
      'notice.reasonMissing',
      'materials.reason',
    );
    fails(
      () => buildSupplement(item, ctx(), { materials: [{ name: '营业执照', reason: '过期' }] } as never),
      'notice.deadlineMissing',
      'dueAt',
    );
    fails(
      () =>
        buildSupplement(item, ctx(), {
          materials: [{ name: '营业执照', reason: '过期' }],
          dueAt: 'next week',
        }),
      'notice.badDate',
      'dueAt',
    );
    fails(
      () =>
        buildSupplement(item, ctx(), {
          materials: [{ name: '营业执照', reason: '过期' }],
          dueAt: '2026-02-30',
        }),
      'notice.badDate',
      'dueAt',
    );
    // a bare local date is that day in Asia/Shanghai
    const onDay = buildSupplement(item, ctx(), {
      materials: [{ name: '营业执照', reason: '过期' }],
      dueAt: '2026-03-01',
    });
    expect(onDay.dueDate).toBe('2026-03-01');
    expect(build('approval', { issuedAt: '2026-11-23' }).issuedAt).toBe('2026-11-22T16:00:00.000Z');
  });

  it('refusals without reasons (一次性告知)', () => {
    fails(() => buildProxyRefusal(item, ctx(), { reasons: ['  '] }), 'notice.reasonsMissing', 'reasons');
    fails(() => buildNonAcceptance(item, ctx(), { reasons: [] }), 'notice.reasonsMissing', 'reasons');
  });

  it('the common facts: handler, phones, issuer, applicant, number, date', () => {
    fails(() => build('approval', { handler: '' }), 'notice.missingField', 'handler');
    fails(() => build('approval', { applicationNo: ' ' }), 'notice.missingField', 'applicationNo');
    fails(() => build('approval', { applicant: { name: '' } }), 'notice.missingField', 'applicant.name');
    fails(
      () => build('approval', { issuer: { unit: 'window', name: '' } }),
      'notice.missingField',
      'issuer.name',
    );
    fails(() => build('approval', { issuedAt: 'soon' }), 'notice.badDate', 'issuedAt');
    const noContact = { ...item, contact: {} };
    fails(() => buildApproval(noContact, ctx(), {}), 'notice.missingField', 'phones.enquiry');
    fails(
      () => buildApproval(noContact, ctx({ phones: { enquiry: '0372-1' } }), {}),
      'notice.missingField',
      'phones.complaint',
    );
  });

  it('type-specific facts: time limit, material count, delivery, tolerance', () => {
    const { promisedDays: _, ...noLimit } = item;
    fails(() => buildAcceptance(noLimit, ctx(), { materialCount: 1 }), 'notice.promisedDays', 'promisedDays');
    fails(() => buildAcceptance(item, ctx(), {}), 'notice.materialCount', 'materialCount');
    fails(
      () =>
        buildAcceptance(item, ctx(), { materialCount: 1, tolerance: { materials: [], dueAt: '2026-12-01' } }),
      'notice.toleranceMaterials',
      'tolerance.materials',
    );
    fails(
      () => buildProxyReceipt(item, ctx(), { ...INPUTS.proxyReceipt, delivery: undefined } as never),
      'notice.deliveryMissing',
      'delivery',
    );
    fails(
      () => buildProxyReceipt(item, ctx(), { ...INPUTS.proxyReceipt, mode: 'window' } as never),
      'notice.mode',
      'mode',
    );
  });
});

describe('templates and helpers', () => {
  it('has a template for every notice type and the stubs where seed 001 shows them', () => {
    expect(Object.keys(NOTICE_TEMPLATES).sort()).toEqual([...NOTICE_TYPES].sort());
    for (const type of NOTICE_TYPES) {
      expect(build(type).hasStub, type).toBe(type === 'acceptance' || type === 'supplement');
    }
  });

  it('reports template fields a notice lacks', () => {
    const n = build('denial');
    const cut = { ...n, sections: n.sections.filter((s) => s.key !== 'rights') };
    expect(templateGaps(cut)).toEqual(['reviewDays', 'reviewBody', 'litigationMonths', 'court']);
  });

  it('builds the QR payload from a base with or without a placeholder, or the bare number', () => {
    expect(progressQueryPayload('AY 1')).toBe('AY 1');
    expect(progressQueryPayload('AY 1', 'https://x.gov.cn/p/{applicationNo}/s')).toBe(
      'https://x.gov.cn/p/AY%201/s',
    );
    expect(progressQueryPayload('AY1', 'tongban:progress:')).toBe('tongban:progress:AY1');
  });

  it('names files by application number and type and gives archive metadata (issue 7)', () => {
    const n = build('acceptance', { applicationNo: 'AY/26 1' });
    expect(noticeFileStem(n)).toBe('AY_26_1_acceptance');
    expect(noticeMetadata(n)).toEqual({
      title: '收件（受理）通知书',
      subject: '食品经营许可（新办） AY/26 1',
      author: '安阳市政务服务中心 3 号综合窗口',
      creationDate: '2026-11-23T02:30:00.000Z',
      keywords: ['AY/26 1', item.itemCode, 'acceptance'],
    });
  });
});

import { formatLocalDate } from '../messages/index.js';
import {
  ending,
  noticeError,
  type Prepared,
  prepare,
  sealLabel,
  signatureRow,
  toLocalDate,
} from './common.js';
import type { NoticeContext, NoticeItem, SupplementInput, SupplementNotice } from './types.js';

type Draft = Omit<SupplementNotice, 'sections' | 'hasStub'>;

/** The part shared by the notice and its stub: body, the list of materials, the request to return, the deadline. */
function bodyOf(p: Prepared<'supplement'>, n: Draft): void {
  const { w } = p;
  w.paragraph(
    'body',
    'body',
    n.stage === 'review' ? 'notice.supplement.bodyReview' : 'notice.supplement.body',
    {
      item: p.itemName,
      problem: w.tr(`notice.supplement.problem.${n.problem}`),
    },
  );
  w.paragraph('listIntro', 'body', 'notice.supplement.listIntro');
  // ××××××××(一式几份): every material at once, with what to mend and how many copies
  w.table(
    'materials',
    [
      ['no', 'notice.column.no'],
      ['material', 'notice.column.material'],
      ['reason', 'notice.column.reason'],
      ['copies', 'notice.column.copies'],
    ],
    n.materials.map((m, i) => [
      String(i + 1),
      m.name,
      m.reason,
      m.copies === undefined ? '' : w.tr('common.copies', { copies: m.copies }),
    ]),
  );
  w.paragraph('return', 'body', 'notice.supplement.return');
  // 补正时限 (seed 000 tables 1-3 row 3 a 1: 明确补正时限)
  const terms = [
    w.field(
      'supplementDeadline',
      'notice.label.supplementDeadline',
      w.tr('notice.supplement.deadlineValue', { dueDate: formatLocalDate(n.dueDate, p.locale) }),
    ),
  ];
  if (n.consequence) terms.push(w.field('overdueHandling', 'notice.label.overdueHandling', n.consequence));
  w.fields('deadline', terms, 'stacked');
}

/**
 * 补齐补正通知书 with its 存根 (seed 001 6.1.3, appendix C): every missing or defective material listed at once
 * (一次性告知) with the deadline the seed 000 tables require (补正时限).
 */
export function buildSupplement(
  item: NoticeItem,
  ctx: NoticeContext,
  input: SupplementInput,
): SupplementNotice {
  const p = prepare('supplement', item, ctx);
  const { w, base } = p;
  const materials = (input?.materials ?? [])
    .map((m) => ({ name: m.name?.trim() ?? '', reason: m.reason?.trim() ?? '', copies: m.copies }))
    .filter((m) => m.name);
  if (materials.length === 0) {
    throw noticeError(
      'materialsMissing',
      'a supplement notice must list every missing or defective material at once (seed 001 6.1.3, 一次性告知)',
      { type: 'supplement', field: 'materials' },
      'pass materials: [{ name, reason }, ...] with every material to hand in or correct',
    );
  }
  const blank = materials.find((m) => !m.reason);
  if (blank) {
    throw noticeError(
      'reasonMissing',
      `the supplement notice does not say what to mend for "${blank.name}"`,
      { type: 'supplement', field: 'materials.reason' },
      'give each material a reason (缺少 / 未签字 / 已过期 ...)',
    );
  }
  if (input.dueAt === undefined || input.dueAt === '') {
    throw noticeError(
      'deadlineMissing',
      'a supplement notice must state its deadline (补正时限, seed 000 tables 1-3 row 3 a 1)',
      { type: 'supplement', field: 'dueAt' },
      'compute the deadline on the work calendar and pass it as dueAt',
    );
  }
  const byName = new Map((item.materials ?? []).map((m) => [m.name, m]));
  const n: Draft = {
    ...base,
    stage: input.stage ?? 'intake',
    problem: input.problem ?? 'unspecified',
    materials: materials.map((m) => {
      // 一式几份: given, or the copies the catalogue asks for
      const copies = m.copies ?? (byName.get(m.name)?.copies || undefined);
      return copies === undefined
        ? { name: m.name, reason: m.reason }
        : { name: m.name, reason: m.reason, copies };
    }),
    dueDate: toLocalDate(input.dueAt, 'supplement', 'dueAt'),
  };
  if (input.consequence?.trim()) n.consequence = input.consequence.trim();

  // ---- 第一联 (figure C.1, upper part) ----
  w.title('title', base.title);
  w.fields('number', [w.field('applicationNo', 'notice.label.applicationNo', base.applicationNo)]);
  w.paragraph('salutation', 'salutation', 'notice.salutation', { applicant: base.applicant.name });
  bodyOf(p, n);
  ending(p);
  w.paragraph('copies', 'note', 'notice.copies', {}, w.tr('notice.notePrefix'));
  w.qr(base.qrPayload, base.applicationNo);

  // ---- 存根 (figure C.1, lower part) ----
  w.stub();
  w.title('stubTitle', w.tr('notice.supplement.stubTitle'));
  w.fields('number', [w.field('applicationNo', 'notice.label.applicationNo', base.applicationNo)]);
  w.paragraph('salutation', 'salutation', 'notice.salutation', { applicant: base.applicant.name });
  bodyOf(p, n);
  w.paragraph('closing', 'closing', 'notice.closing');
  signatureRow(p);
  w.seal(sealLabel(p), base.issuer.name);
  w.date(p.issuedDateText);

  return { ...n, hasStub: true, sections: w.sections };
}

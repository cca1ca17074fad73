import { formatLocalDate, formatLocalDateTime } from '../messages/index.js';
import {
  ending,
  noticeError,
  type Prepared,
  prepare,
  sealLabel,
  signatureRow,
  toInstant,
  toLocalDate,
} from './common.js';
import type { AcceptanceInput, AcceptanceNotice, NoticeContext, NoticeItem } from './types.js';

/** 申请材料计××项: from the list of materials handed in, or an explicit count. */
function materialCountOf(input: AcceptanceInput): number {
  const count = input.materialCount ?? input.materials?.length;
  if (count === undefined || !Number.isInteger(count) || count < 0) {
    throw noticeError(
      'materialCount',
      `the acceptance notice needs the number of materials handed in (申请材料计××项), got ${String(count)}`,
      { type: 'acceptance', field: 'materialCount' },
      'pass materials: [...] or materialCount: a whole number',
    );
  }
  return count;
}

/** Body and special-procedure sentences of appendix B, shared by the notice and its stub. */
function bodyOf(p: Prepared<'acceptance'>, n: Omit<AcceptanceNotice, 'sections' | 'hasStub'>): void {
  const { w } = p;
  const sameDay = n.promisedDays === 0;
  w.paragraph('body', 'body', sameDay ? 'notice.acceptance.bodySameDay' : 'notice.acceptance.body', {
    item: p.itemName,
    materialCount: n.materialCount,
    promisedDays: sameDay ? w.tr('notice.acceptance.sameDay') : n.promisedDays,
  });
  // seed 001 appendix B: 听证、招标、拍卖、检验、检测、检疫、鉴定、专家评审等 (as applicable), with the time each
  // needs (seed 004 8.2.6; seed 002 9.3.4), do not count towards the promised time limit.
  const procedures =
    n.specialProcedures.length === 0
      ? w.tr('common.none')
      : n.specialProcedures
          .map((sp) => {
            const procedure = w.tr(`specialProcedure.${sp.kind}`);
            return sp.days === undefined
              ? procedure
              : w.tr('notice.acceptance.procedureWithDays', { procedure, days: sp.days });
          })
          .join(w.tr('notice.listSeparator'));
  w.paragraph('procedures', 'body', 'notice.acceptance.procedures', { specialProcedures: procedures });
}

/**
 * 收件（受理）通知书 with its 存根 (seed 001 6.1.1, appendix B), carrying the acceptance slip fields of seed 004 8.2.2
 * (事项名称、受理号、申请人及联系电话、受理时间、承诺办结时限、中介服务事项名称) and, for 容缺受理, the missing
 * materials, their deadline and what happens when it passes (seed 002 9.3.6; seed 004 8.2.4).
 */
export function buildAcceptance(
  item: NoticeItem,
  ctx: NoticeContext,
  input: AcceptanceInput = {},
): AcceptanceNotice {
  const p = prepare('acceptance', item, ctx);
  const { w, base } = p;
  const promisedDays = input.promisedDays ?? item.promisedDays;
  if (promisedDays === undefined || !Number.isInteger(promisedDays) || promisedDays < 0) {
    throw noticeError(
      'promisedDays',
      'the acceptance notice needs the promised time limit in working days (将在××个工作日内给予办结)',
      { type: 'acceptance', field: 'promisedDays' },
      "pass promisedDays or use the catalogue item's promisedDays",
    );
  }
  const specialProcedures = (
    input.specialProcedures ??
    (item.specialProcedures ?? []).map((sp) =>
      sp.maxDays === undefined ? { kind: sp.kind } : { kind: sp.kind, days: sp.maxDays },
    )
  ).map((sp) => ({ ...sp }));
  const intermediaryServices =
    input.intermediaryServices ?? (item.intermediaryServices ?? []).map((s) => s.name);
  const n: Omit<AcceptanceNotice, 'sections' | 'hasStub'> = {
    ...base,
    materialCount: materialCountOf(input),
    promisedDays,
    acceptedAt:
      input.acceptedAt === undefined
        ? base.issuedAt
        : toInstant(input.acceptedAt, 'acceptance', 'acceptedAt'),
    specialProcedures,
    intermediaryServices,
  };
  if (input.dueAt !== undefined) n.dueDate = toLocalDate(input.dueAt, 'acceptance', 'dueAt');
  if (input.dueAt !== undefined && input.dueProvisional) n.dueProvisional = true;
  if (input.tolerance) {
    const materials = input.tolerance.materials.map((m) => m.trim()).filter(Boolean);
    if (materials.length === 0) {
      throw noticeError(
        'toleranceMaterials',
        '容缺受理 must tell which materials are still missing (seed 002 9.3.6)',
        { type: 'acceptance', field: 'tolerance.materials' },
        'list every missing secondary material in tolerance.materials',
      );
    }
    n.tolerance = {
      materials,
      dueDate: toLocalDate(input.tolerance.dueAt, 'acceptance', 'tolerance.dueAt'),
      consequence: input.tolerance.consequence?.trim() || w.tr('notice.acceptance.toleranceConsequence'),
    };
  }

  // ---- 第一联: the notice (appendix B, figure B.1, upper part) ----
  w.title('title', base.title);
  w.paragraph('salutation', 'salutation', 'notice.salutation', { applicant: base.applicant.name });
  bodyOf(p, n);
  // the acceptance slip (受理单) of seed 004 8.2.2, fields in the clause's order
  const promisedLimit =
    n.dueDate === undefined
      ? w.tr('common.workingDays', { days: promisedDays })
      : w.tr(
          n.dueProvisional
            ? 'notice.acceptance.promisedLimitProvisional'
            : 'notice.acceptance.promisedLimitValue',
          {
            days: promisedDays,
            dueDate: formatLocalDate(n.dueDate, p.locale),
          },
        );
  w.fields(
    'slip',
    [
      w.field('itemName', 'notice.label.itemName', p.itemName),
      w.field('acceptanceNo', 'notice.label.acceptanceNo', base.applicationNo),
      w.field('applicant', 'notice.label.applicant', base.applicant.name),
      w.field('applicantPhone', 'notice.label.applicantPhone', base.applicant.phone ?? ''),
      w.field('acceptedAt', 'notice.label.acceptedAt', formatLocalDateTime(n.acceptedAt, p.locale)),
      w.field('promisedLimit', 'notice.label.promisedLimit', promisedLimit),
      w.field(
        'intermediaryServices',
        'notice.label.intermediaryServices',
        intermediaryServices.length
          ? intermediaryServices.join(w.tr('notice.listSeparator'))
          : w.tr('common.none'),
      ),
    ],
    'stacked',
  );
  if (n.tolerance) {
    w.paragraph('tolerance', 'body', 'notice.acceptance.tolerance');
    w.list('toleranceMaterials', n.tolerance.materials);
    w.fields(
      'toleranceTerms',
      [
        w.field(
          'toleranceDeadline',
          'notice.label.toleranceDeadline',
          formatLocalDate(n.tolerance.dueDate, p.locale),
        ),
        w.field('overdueHandling', 'notice.label.overdueHandling', n.tolerance.consequence),
      ],
      'stacked',
    );
  }
  ending(p);
  w.paragraph('note1', 'note', 'notice.acceptance.note1', {}, w.tr('notice.notePrefix'));
  w.paragraph('note2', 'note', 'notice.acceptance.note2');
  w.qr(base.qrPayload, base.applicationNo);

  // ---- 第二联: 存根, kept by the window (appendix B, lower part) ----
  w.stub();
  w.title('stubTitle', w.tr('notice.acceptance.stubTitle'));
  w.fields('stubNo', [w.field('acceptanceNo', 'notice.label.acceptanceNo', base.applicationNo)]);
  w.paragraph('salutation', 'salutation', 'notice.salutation', { applicant: base.applicant.name });
  bodyOf(p, n);
  w.paragraph('closing', 'closing', 'notice.closing');
  signatureRow(p);
  w.seal(sealLabel(p), base.issuer.name);
  w.date(p.issuedDateText);

  return { ...n, hasStub: true, sections: w.sections };
}

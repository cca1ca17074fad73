import { TongbanError } from '../errors/index.js';
import { maskIdNumber } from '../identity/index.js';
import {
  DEFAULT_LOCALE,
  fillRuns,
  formatLocalDate,
  isMessageLocale,
  type MessageKey,
  type MessageLocale,
  messageTemplate,
  shanghaiDate,
  type Translator,
  translator,
} from '../messages/index.js';
import type {
  NoticeBase,
  NoticeContext,
  NoticeField,
  NoticeItem,
  NoticeParagraphStyle,
  NoticeRights,
  NoticeSection,
  NoticeType,
  RightsValue,
} from './types.js';

/** Statutory limits (行政复议法 art. 20: 60 days; 行政诉讼法 art. 46: 6 months); a notice may grant more, not less. */
export const REVIEW_MIN_DAYS = 60;
export const LITIGATION_MIN_MONTHS = 6;

export function noticeError(
  code: string,
  message: string,
  where: { type?: NoticeType; field: string; caseId?: string },
  hint: string,
): TongbanError {
  return new TongbanError(`notice.${code}`, message, {
    where: { notice: where.type, field: where.field, caseId: where.caseId },
    hint,
  });
}

function required(
  value: string | undefined,
  type: NoticeType,
  field: string,
  what: string,
  hint: string,
): string {
  const v = value?.trim();
  if (!v) throw noticeError('missingField', `the ${type} notice needs ${what}`, { type, field }, hint);
  return v;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

function badDate(value: unknown, type: NoticeType, field: string): TongbanError {
  return noticeError(
    'badDate',
    `${field} "${String(value)}" of the ${type} notice is not a date`,
    { type, field },
    "give a UTC ISO-8601 instant such as '2026-11-22T06:30:00Z', a Date, or a local date 'YYYY-MM-DD'",
  );
}

/** An instant as UTC ISO; a bare local date 'YYYY-MM-DD' is its midnight in Asia/Shanghai. Checked. */
export function toInstant(value: Date | string, type: NoticeType, field: string): string {
  if (typeof value === 'string' && DATE_ONLY.test(value)) {
    try {
      shanghaiDate(value); // rejects 2026-02-30, which Date.parse would roll over to March
    } catch {
      throw badDate(value, type, field);
    }
    return new Date(`${value}T00:00:00+08:00`).toISOString();
  }
  const ms = value instanceof Date ? value.getTime() : Date.parse(value);
  if (!Number.isFinite(ms)) throw badDate(value, type, field);
  return new Date(ms).toISOString();
}

/** A deadline (instant or 'YYYY-MM-DD') as its local date 'YYYY-MM-DD' in Asia/Shanghai. */
export function toLocalDate(value: Date | string, type: NoticeType, field: string): string {
  return shanghaiDate(toInstant(value, type, field));
}

/** The QR payload of the progress query (seed 002 8.3.2, 8.5): see NoticeContext.progressQueryBase. */
export function progressQueryPayload(applicationNo: string, base?: string): string {
  if (!base) return applicationNo;
  const no = encodeURIComponent(applicationNo);
  return base.includes('{applicationNo}') ? base.replaceAll('{applicationNo}', no) : base + no;
}

/** The item's name as written on notices: main name, with the sub-item in brackets when there is one. */
export function itemDisplayName(item: NoticeItem, locale: MessageLocale): string {
  const sub = item.subName?.trim();
  if (!sub) return item.mainName.trim();
  return locale === 'en' ? `${item.mainName.trim()} (${sub})` : `${item.mainName.trim()}（${sub}）`;
}

/** Checks the rights of seed 004 8.5.5 and fills the statutory limits. */
export function checkRights(rights: NoticeRights | undefined, type: NoticeType): RightsValue {
  if (!rights) {
    throw noticeError(
      'rightsMissing',
      `a ${type} notice must state the rights to administrative review and litigation with their time limits (seed 004 8.5.5)`,
      { type, field: 'rights' },
      'pass rights: { review: { body: "…人民政府" }, litigation: { court: "…人民法院" } }',
    );
  }
  const body = required(
    rights.review?.body,
    type,
    'rights.review.body',
    'the body that hears an administrative review (行政复议机关)',
    'name the review body, e.g. 安阳市人民政府',
  );
  const court = required(
    rights.litigation?.court,
    type,
    'rights.litigation.court',
    'the court for administrative litigation (人民法院)',
    'name the court, e.g. 安阳市文峰区人民法院',
  );
  const withinDays = rights.review.withinDays ?? REVIEW_MIN_DAYS;
  const withinMonths = rights.litigation.withinMonths ?? LITIGATION_MIN_MONTHS;
  if (!Number.isInteger(withinDays) || withinDays < REVIEW_MIN_DAYS) {
    throw noticeError(
      'rightsLimit',
      `the review limit of ${withinDays} days is shorter than the statutory ${REVIEW_MIN_DAYS} days`,
      { type, field: 'rights.review.withinDays' },
      `use at least ${REVIEW_MIN_DAYS} days (行政复议法 art. 20) or leave it out`,
    );
  }
  if (!Number.isInteger(withinMonths) || withinMonths < LITIGATION_MIN_MONTHS) {
    throw noticeError(
      'rightsLimit',
      `the litigation limit of ${withinMonths} months is shorter than the statutory ${LITIGATION_MIN_MONTHS} months`,
      { type, field: 'rights.litigation.withinMonths' },
      `use at least ${LITIGATION_MIN_MONTHS} months (行政诉讼法 art. 46) or leave it out`,
    );
  }
  return { review: { body, withinDays }, litigation: { court, withinMonths } };
}

export function checkReasons(reasons: string[] | undefined, type: NoticeType): string[] {
  const list = (reasons ?? []).map((r) => r.trim()).filter(Boolean);
  if (list.length === 0) {
    throw noticeError(
      'reasonsMissing',
      `a ${type} notice must list its reasons, all at once (一次性告知)`,
      { type, field: 'reasons' },
      'pass every reason in reasons: [...]',
    );
  }
  return list;
}

/** Builds the sections of one notice in one locale, in order. */
export class SectionWriter {
  readonly sections: NoticeSection[] = [];
  readonly tr: Translator;
  constructor(readonly locale: MessageLocale) {
    this.tr = translator(locale);
  }
  title(key: string, text: string): this {
    this.sections.push({ kind: 'title', key, text });
    return this;
  }
  /** A paragraph from a message template; each filled placeholder becomes a keyed run. */
  paragraph(
    key: string,
    style: NoticeParagraphStyle,
    message: MessageKey,
    params: Record<string, string | number> = {},
    prefix?: string,
  ): this {
    const runs = fillRuns(message, params, this.locale);
    if (prefix) runs.unshift({ text: prefix });
    this.sections.push({ kind: 'paragraph', key, style, runs, text: runs.map((r) => r.text).join('') });
    return this;
  }
  plain(key: string, style: NoticeParagraphStyle, text: string): this {
    this.sections.push({ kind: 'paragraph', key, style, runs: [{ text, key }], text });
    return this;
  }
  fields(key: string, fields: NoticeField[], layout: 'inline' | 'stacked' = 'inline'): this {
    this.sections.push({ kind: 'fields', key, layout, fields });
    return this;
  }
  field(key: string, label: MessageKey, value: string): NoticeField {
    return { key, label: messageTemplate(label, this.locale), value };
  }
  table(key: string, columns: [string, MessageKey][], rows: string[][]): this {
    this.sections.push({
      kind: 'table',
      key,
      columns: columns.map(([k, label]) => ({ key: k, label: messageTemplate(label, this.locale) })),
      rows,
    });
    return this;
  }
  list(key: string, items: string[]): this {
    this.sections.push({ kind: 'list', key, items });
    return this;
  }
  seal(label: MessageKey, issuer: string): this {
    this.sections.push({ kind: 'seal', key: 'seal', label: messageTemplate(label, this.locale), issuer });
    return this;
  }
  date(text: string): this {
    return this.plain('date', 'date', text);
  }
  qr(payload: string, applicationNo: string): this {
    this.sections.push({
      kind: 'qr',
      key: 'qr',
      payload,
      caption: this.tr('notice.qr.caption', { applicationNo }),
    });
    return this;
  }
  stub(): this {
    this.sections.push({ kind: 'stub', key: 'stub', label: this.tr('notice.stub.label') });
    return this;
  }
}

/** What every builder starts from: the validated common facts and a section writer. */
export interface Prepared<T extends NoticeType> {
  base: Omit<NoticeBase<T>, 'sections' | 'hasStub'>;
  w: SectionWriter;
  locale: MessageLocale;
  itemName: string;
  issuedDateText: string;
}

/** Validates the context and item common to every notice (a TongbanError names the missing field). */
export function prepare<T extends NoticeType>(type: T, item: NoticeItem, ctx: NoticeContext): Prepared<T> {
  const locale = ctx.locale ?? DEFAULT_LOCALE;
  if (!isMessageLocale(locale)) {
    throw noticeError(
      'badLocale',
      `unknown locale "${String(locale)}"`,
      { type, field: 'locale' },
      "use 'zh-CN' or 'en'",
    );
  }
  const applicationNo = required(
    ctx.applicationNo,
    type,
    'applicationNo',
    'the application number (申请编号)',
    'pass the case id as applicationNo',
  );
  const name = required(
    ctx.applicant?.name,
    type,
    'applicant.name',
    "the applicant's name",
    'pass applicant: { name }',
  );
  required(item?.mainName, type, 'item.mainName', 'the item name (事项名称)', 'pass the catalogue item');
  const code = required(
    item.itemCode,
    type,
    'item.itemCode',
    'the item code (事项编码)',
    'pass the catalogue item',
  );
  const handler = required(
    ctx.handler,
    type,
    'handler',
    'the handler (经办人)',
    'pass handler: the clerk’s name',
  );
  const issuerName = required(
    ctx.issuer?.name,
    type,
    'issuer.name',
    'the issuing window or department (承办窗口)',
    'pass issuer: { unit, name }',
  );
  const enquiry = required(
    ctx.phones?.enquiry ?? item.contact?.phone,
    type,
    'phones.enquiry',
    'an enquiry phone number (联系电话)',
    'pass phones.enquiry or set contact.phone on the catalogue item',
  );
  const complaint = required(
    ctx.phones?.complaint ?? item.contact?.complaintPhone,
    type,
    'phones.complaint',
    'a supervision and complaint phone number (监督投诉电话)',
    'pass phones.complaint or set contact.complaintPhone on the catalogue item',
  );
  const issuedAt = toInstant(ctx.issuedAt, type, 'issuedAt');
  const w = new SectionWriter(locale);
  const applicant: NoticeBase<T>['applicant'] = { name };
  if (ctx.applicant.idNumber?.trim()) applicant.idNumberMasked = maskIdNumber(ctx.applicant.idNumber);
  if (ctx.applicant.phone?.trim()) applicant.phone = ctx.applicant.phone.trim();
  const itemName = itemDisplayName(item, locale);
  return {
    base: {
      type,
      locale,
      title: messageTemplate(`noticeType.${type as NoticeType}`, locale),
      applicationNo,
      applicant,
      item: { code, name: itemName },
      issuer: { unit: ctx.issuer.unit, name: issuerName },
      handler,
      phones: { enquiry, complaint },
      issuedAt,
      issuedDate: shanghaiDate(issuedAt),
      qrPayload: progressQueryPayload(applicationNo, ctx.progressQueryBase),
    },
    w,
    locale,
    itemName,
    issuedDateText: formatLocalDate(issuedAt, locale),
  };
}

/** The 经办人 / 联系电话 / 监督投诉电话 line of the templates (seed 001 appendices B and C). */
export function handlerRow(p: Prepared<NoticeType>): void {
  const { w, base } = p;
  w.fields('handlerRow', [
    w.field('handler', 'notice.label.handler', base.handler),
    w.field('enquiryPhone', 'notice.label.enquiryPhone', base.phones.enquiry),
    w.field('complaintPhone', 'notice.label.complaintPhone', base.phones.complaint),
  ]);
}

/** The 申请人（签字） / 签字日期 line of the stubs. */
export function signatureRow(p: Prepared<NoticeType>): void {
  const { w } = p;
  w.fields('signature', [
    { ...w.field('applicantSignature', 'notice.label.applicantSignature', ''), blank: true },
    { ...w.field('signatureDate', 'notice.label.signatureDate', w.tr('notice.blankDate')), blank: true },
  ]);
}

/** The seal label: windows stamp 承办窗口（章）, departments 承办部门（章）. */
export function sealLabel(p: Prepared<NoticeType>): MessageKey {
  const unit = p.base.issuer.unit;
  return unit === 'localDepartment' || unit === 'remoteDepartment' || unit === 'department'
    ? 'notice.seal.department'
    : 'notice.seal.window';
}

/** Reasons list, optional basis and the rights paragraph (seed 002 9.3.3; seed 004 8.5.5). */
export function reasonsBlock(
  p: Prepared<NoticeType>,
  reasons: string[],
  basis?: string,
  rights?: RightsValue,
): void {
  const { w } = p;
  w.list('reasons', reasons);
  if (basis) w.fields('basis', [w.field('basis', 'notice.label.basis', basis)]);
  if (rights) {
    w.paragraph('rights', 'body', 'notice.rights', {
      reviewDays: rights.review.withinDays,
      reviewBody: rights.review.body,
      litigationMonths: rights.litigation.withinMonths,
      court: rights.litigation.court,
    });
  }
}

/** 特此告知, the handler line, seal and date: the common ending of every notice's first part. */
export function ending(p: Prepared<NoticeType>, seal: MessageKey = sealLabel(p), closing = true): void {
  if (closing) p.w.paragraph('closing', 'closing', 'notice.closing');
  handlerRow(p);
  p.w.seal(seal, p.base.issuer.name);
  p.w.date(p.issuedDateText);
}

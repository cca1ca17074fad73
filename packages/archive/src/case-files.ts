import type { CaseEvent, Unit } from '@tongban/core/cases';
import { type Case, caseHistory, noticesDue, STATE_NAMES, summarise, timeline } from '@tongban/core/cases';
import { maskIdNumber } from '@tongban/core/identity';
import { type MessageKey, messageTemplate } from '@tongban/core/messages';
import type { Notice, NoticeItem } from '@tongban/core/notices';
import { noticeFor } from '@tongban/core/notices';
import type { BagWriter } from './bag-writer.js';
import { archiveError } from './errors.js';
import { listMaterials } from './materials.js';
import { type ArchivalDocument, archivalRecord, type RetentionPeriod } from './metadata.js';

export type RenderPdf = (notice: Notice) => Promise<Buffer>;

/**
 * The bundle's notices need a PDF renderer, which the caller passes (the CLI passes @tongban/pdf's
 * renderNoticePdf): @tongban/archive depends on core alone, so pdfkit stays out of every bundle that has none.
 */
export function pdfRendererMissing(): Error {
  return archiveError(
    'pdfUnavailable',
    'no PDF renderer was given for the notices',
    {},
    "pass renderPdf (@tongban/pdf's renderNoticePdf), or pass --no-notices",
  );
}

export interface CaseFilesOptions {
  dataDir: string;
  /** The archiving / sending unit and its organisation (责任者). */
  unit: Unit;
  organization: string;
  at: string;
  retention?: RetentionPeriod;
  /** Renderer for the notices; undefined = no notices in the bag. */
  renderPdf?: RenderPdf;
  /** The case's item in its pinned catalogue version (contact phones, material copies for the notices). */
  item?: NoticeItem;
}

export interface CaseFilesResult {
  caseId: string;
  documents: number;
  notices: number;
  materials: number;
  bytes: number;
  /** Always empty: a case whose notices cannot all be built is not archived (kept for the JSON shape). */
  noticeProblems: string[];
}

/**
 * Every notice the case's steps issued (noticesDue), built from the case and its item. Throws an archive error naming
 * the case, the notice and the reason when one cannot be built: an archive holds every notice a case issued (seed 000
 * tables 1-3 row 5; seed 002 6.7 a), so such a case is not archived until it can be.
 */
export function caseNotices(c: Case, item: NoticeItem | undefined): { type: string; notice: Notice }[] {
  const actors = new Map(caseHistory(c).map((h) => [h.id, h.actor]));
  return noticesDue(c).map((due) => {
    try {
      const notice = noticeFor(c, item, due.type, {
        issuer: { unit: due.unit, name: messageTemplate(`unit.${due.unit}` as MessageKey) },
        handler: actors.get(due.eventId) ?? due.unit,
        issuedAt: due.at,
        ...(due.type === 'supplement' ? { at: due.at } : {}),
      });
      return { type: due.type, notice };
    } catch (err) {
      throw archiveError(
        'incomplete',
        `case ${c.id} issued a ${due.type} notice (${due.at}) that cannot be rebuilt: ${(err as Error).message}`,
        { caseId: c.id, notice: due.type },
        'give the item or the hall what the notice needs (e.g. the enquiry and complaint phones), then archive again',
      );
    }
  });
}

/** The case summary as archived: the store projection with the ID masked, the state in words and the timeline. */
export function caseSummaryDocument(c: Case): unknown {
  const s = summarise(c);
  return {
    ...s,
    applicantId: maskIdNumber(s.applicantId),
    itemName: c.itemName,
    stateName: STATE_NAMES[c.state],
    decision: c.decision
      ? { outcome: c.decision.outcome, at: c.decision.at, unit: c.decision.unit }
      : undefined,
    timeline: timeline(c),
  };
}

const json = (v: unknown) => Buffer.from(`${JSON.stringify(v, null, 2)}\n`);

/**
 * Writes one case into a bag as data/<caseId>/: events.json (the whole log, the audit trail), summary.json,
 * notices/NN-<type>.pdf (every notice the steps issued, seed 000 tables 1-3), materials/<file> (attached materials)
 * and last metadata.json (GB/T 18894 / GB/T 42727 archival metadata listing the others).
 */
export async function addCaseFiles(
  writer: BagWriter,
  c: Case,
  events: readonly CaseEvent[],
  options: CaseFilesOptions,
): Promise<CaseFilesResult> {
  const docs: Omit<ArchivalDocument, 'seq' | 'format' | 'formatName'>[] = [];
  const put = async (rel: string, title: string, src: Parameters<BagWriter['add']>[1]) => {
    const sha256 = await writer.add(`${c.id}/${rel}`, src);
    docs.push({
      title,
      path: `data/${c.id}/${rel}`,
      bytes: 'data' in src ? src.data.length : src.size,
      sha256,
    });
  };
  await put('events.json', '办件事件记录（全过程留痕）', { data: json(events) });
  await put('summary.json', '办件摘要', { data: json(caseSummaryDocument(c)) });
  let notices = 0;
  if (options.renderPdf) {
    // caseNotices throws when one cannot be built: a case is archived whole or not at all (seed 002 6.7 a)
    for (const [i, { type, notice }] of caseNotices(c, options.item).entries()) {
      const pdf = await options.renderPdf(notice);
      await put(`notices/${String(i + 1).padStart(2, '0')}-${type}.pdf`, notice.title, { data: pdf });
      notices += 1;
    }
  }
  const materials = await listMaterials(options.dataDir, c.id);
  for (const m of materials)
    await put(`materials/${m.name}`, `申请材料：${m.name}`, { file: m.file, size: m.size });
  const record = archivalRecord(c, {
    unit: options.unit,
    organization: options.organization,
    archivedAt: options.at,
    ...(options.retention ? { retention: options.retention } : {}),
    documents: docs,
  });
  await writer.add(`${c.id}/metadata.json`, { data: json(record) });
  return {
    caseId: c.id,
    documents: docs.length + 1,
    notices,
    materials: materials.length,
    bytes: docs.reduce((n, d) => n + d.bytes, 0),
    noticeProblems: [],
  };
}

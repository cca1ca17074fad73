import type { Unit } from '@tongban/core/cases';
import { type Case, caseHistory } from '@tongban/core/cases';
import { maskIdNumber } from '@tongban/core/identity';

/**
 * Archival metadata of one case (案卷级元数据), after GB/T 18894-2016 (electronic records: 题名, 责任者, 日期, 保管期限,
 * 文件格式, 件数) and GB/T 42727-2023 (government service item e-records: 事项编码, 申请编号/办件编号, 办理环节).
 * Written as data/<caseId>/metadata.json, after every other file of the case so the document list carries their
 * formats, sizes and checksums.
 */

/** 保管期限 (retention periods of DA/T 22 and GB/T 18894: 永久, 定期30年, 定期10年). */
export type RetentionPeriod = '永久' | '30年' | '10年';

/**
 * Our default (a choice, overridable per run): a granted administrative decision is kept 30 years, any other outcome
 * (denied) 10 years.
 */
export function defaultRetention(c: Case): RetentionPeriod {
  return c.decision?.outcome === 'approved' ? '30年' : '10年';
}

export interface ArchivalDocument {
  seq: number;
  /** 文件题名 */
  title: string;
  /** Path inside the bag. */
  path: string;
  /** MIME type and a format name (e.g. PDF notice, JSON event log). */
  format: string;
  formatName: string;
  bytes: number;
  sha256: string;
}

export interface ArchivalRecord {
  standard: string;
  /** 题名 */
  title: string;
  itemCode: string;
  itemName: string;
  /** 申请编号 (= case id) */
  applicationNumber: string;
  catalogueVersion: number;
  mode: string;
  /** 责任者: the archiving unit and its organisation. */
  responsibleUnit: { unit: Unit; organization: string };
  applicant: { name: string; idNumberMasked: string };
  outcome: string;
  dates: {
    submitted: string;
    accepted?: string;
    decided?: string;
    delivered?: string;
    /** 归档日期 */
    archived: string;
  };
  retention: { period: RetentionPeriod; basis: string };
  /** 件数 and the document list (文件清单). */
  documentCount: number;
  documents: ArchivalDocument[];
  eventCount: number;
}

export const FORMATS: Record<string, { mime: string; name: string }> = {
  json: { mime: 'application/json', name: 'JSON (UTF-8)' },
  pdf: { mime: 'application/pdf', name: 'PDF' },
  jpg: { mime: 'image/jpeg', name: 'JPEG' },
  jpeg: { mime: 'image/jpeg', name: 'JPEG' },
  png: { mime: 'image/png', name: 'PNG' },
  tif: { mime: 'image/tiff', name: 'TIFF' },
  tiff: { mime: 'image/tiff', name: 'TIFF' },
  ofd: { mime: 'application/ofd', name: 'OFD (GB/T 33190)' },
  xml: { mime: 'application/xml', name: 'XML' },
  txt: { mime: 'text/plain', name: 'text' },
};

export function formatOf(path: string): { mime: string; name: string } {
  const ext = /\.([A-Za-z0-9]+)$/.exec(path)?.[1]?.toLowerCase() ?? '';
  return FORMATS[ext] ?? { mime: 'application/octet-stream', name: ext ? ext.toUpperCase() : 'binary' };
}

export function archivalRecord(
  c: Case,
  input: {
    unit: Unit;
    organization: string;
    archivedAt: string;
    retention?: RetentionPeriod;
    documents: Omit<ArchivalDocument, 'seq' | 'format' | 'formatName'>[];
  },
): ArchivalRecord {
  const submitted = caseHistory(c)[0]?.at ?? c.createdAt;
  const documents = input.documents.map((d, i) => {
    const f = formatOf(d.path);
    return { seq: i + 1, ...d, format: f.mime, formatName: f.name };
  });
  const retention = input.retention ?? defaultRetention(c);
  return {
    standard: 'GB/T 18894-2016; GB/T 42727-2023',
    title: `${c.itemName}办件（申请编号${c.id}）`,
    itemCode: c.itemCode,
    itemName: c.itemName,
    applicationNumber: c.id,
    catalogueVersion: c.catalogueVersion,
    mode: c.mode,
    responsibleUnit: { unit: input.unit, organization: input.organization },
    applicant: { name: c.applicant.name, idNumberMasked: maskIdNumber(c.applicant.idNumber) },
    outcome: c.decision?.outcome ?? c.state,
    dates: {
      submitted,
      ...(c.acceptedAt ? { accepted: c.acceptedAt } : {}),
      ...(c.decidedAt ? { decided: c.decidedAt } : {}),
      ...(c.deliveredAt ? { delivered: c.deliveredAt } : {}),
      archived: input.archivedAt,
    },
    retention: {
      period: retention,
      basis: input.retention
        ? 'set by the archivist'
        : 'tongban default: approved 30年, otherwise 10年 (DA/T 22 periods)',
    },
    documentCount: documents.length,
    documents,
    eventCount: c.length,
  };
}

import { randomBytes, randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import type { Case, CaseEvent, DeadlineCalendar, Unit } from '@tongban/core/cases';
import { ARCHIVE_UNITS, appendEvent, foldCase, performStep } from '@tongban/core/cases';
import { TongbanError } from '@tongban/core/errors';
import type { Store, StoredRecord } from '@tongban/core/store';
import { type BagForm, BagWriter, formOf, type WrittenBag } from './bag-writer.js';
import type { BagInfo } from './bagit.js';
import {
  addCaseFiles,
  type CaseFilesResult,
  caseNotices,
  pdfRendererMissing,
  type RenderPdf,
} from './case-files.js';
import { archiveError } from './errors.js';
import { signerFor } from './keys.js';
import { listMaterials } from './materials.js';
import type { RetentionPeriod } from './metadata.js';
import { type Period, shanghaiDate } from './period.js';

/** Version of our bag profile, written to bag-info as Tongban-Bag-Profile. */
export const BAG_PROFILE = 'tongban-bag/1';

export interface CreateArchiveInput {
  store: Store;
  dataDir: string;
  calendar: DeadlineCalendar;
  /** The archiving unit (seed 000 tables 1-3 row 5: each unit archives its part). */
  unit: Unit;
  period: Period;
  /** FILE.tar or a folder. */
  out: string;
  form?: BagForm;
  actor: string;
  at?: string;
  retention?: RetentionPeriod;
  /** false: no notice PDFs (e.g. when pdfkit is absent). Default true. */
  notices?: boolean;
  /** Renders the notices (required unless notices is false): the CLI passes @tongban/pdf's renderNoticePdf. */
  renderPdf?: RenderPdf;
  /** Called with payload bytes written so far. */
  onBytes?: (bytes: number) => void;
  /** Called once the cases are chosen, with their total material bytes (for a progress bar). */
  onPlan?: (plan: { cases: number; materialBytes: number }) => void;
  /** Split into several bags of at most about this many payload bytes (cases are never split). */
  maxBagBytes?: number;
}

/** One bag of a bundle (a bundle is split into parts only with maxBagBytes). */
export interface ArchivePart {
  bundleId: string;
  path: string;
  caseIds: string[];
  payload: { bytes: number; files: number };
}

export interface ArchivedCase extends CaseFilesResult {
  itemCode: string;
  state: string;
  /** The bag holding the case (= the bundle id unless split). */
  bundleId: string;
}

export interface ArchiveResult {
  bundleId: string;
  path: string;
  form: BagForm;
  unit: Unit;
  organization: string;
  period: { from: string; to: string };
  cases: ArchivedCase[];
  /** Cases delivered in the period that this unit cannot archive now, with the rule that stops it. */
  skipped: { caseId: string; reason: string }[];
  /**
   * Cases not archived because the bundle could not hold them whole (a notice they issued cannot be rebuilt), with
   * the reason: they stay open for archiving once mended (seed 000 tables 1-3 row 5; seed 002 6.7 a).
   */
  incomplete: { caseId: string; reason: string }[];
  payload: { bytes: number; files: number };
  bytes: number;
  signature: { keyId: string; signedAt: string };
  catalogueVersions: number[];
  /** The bags written: one, or several when split (Bag-Count "i of n"). */
  parts: ArchivePart[];
}

/** The record of kind 'archives' registering a bundle. */
export interface ArchiveRecord extends StoredRecord {
  kind: 'archive';
  unit: Unit;
  organization: string;
  path: string;
  form: BagForm;
  from: string;
  to: string;
  /** The period as asked (Asia/Shanghai dates). */
  period: string;
  caseIds: string[];
  payloadBytes: number;
  payloadFiles: number;
  keyId: string;
  signedAt: string;
  createdAt: string;
  actor: string;
  parts: ArchivePart[];
}

/** Bundle ids: ARC-20261122-1A2B3C (archive) or TRF-… (transfer); Crockford base-32, no I/L/O/U. */
export function newBundleId(prefix: 'ARC' | 'TRF', at: string): string {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  const day = shanghaiDate(at).replace(/-/g, '');
  const rand = [...randomBytes(6)].map((b) => alphabet[b & 31]).join('');
  return `${prefix}-${day}-${rand}`;
}

function archiveEvent(c: Case, unit: Unit, actor: string, at: string, bundleId: string): CaseEvent {
  return {
    id: randomUUID(),
    caseId: c.id,
    type: 'archive',
    unit,
    actor,
    at,
    payload: { reference: bundleId },
  };
}

/** Closed without approval: filed too (否决事项 登记备案, seed 002 6.7 a), by the units that acted on them. */
const CLOSED_UNAPPROVED = ['refused', 'withdrawn', 'terminated', 'proxyRefused'] as const;

/**
 * Cases of the period that this unit still has to archive, each checked against the case rules: delivered ones by
 * their delivery, those closed without approval by their closing. With notices asked for, a case whose issued
 * notices cannot all be rebuilt is `incomplete` and left out whole.
 */
async function chooseCases(input: CreateArchiveInput, at: string, bundleId: string) {
  const { store, calendar, unit, period } = input;
  const found = await store.findCases({ state: ['delivered', 'archiving', ...CLOSED_UNAPPROVED] });
  const chosen: { c: Case; events: CaseEvent[]; event: CaseEvent }[] = [];
  const skipped: ArchiveResult['skipped'] = [];
  const incomplete: ArchiveResult['incomplete'] = [];
  const items = new Map<number, Awaited<ReturnType<Store['catalogue']>>>();
  for (const s of found) {
    if (!(ARCHIVE_UNITS[s.mode as Case['mode']] ?? []).includes(unit)) continue;
    const events = await store.events(s.caseId);
    const c = foldCase(events, { calendar });
    const closed = (CLOSED_UNAPPROVED as readonly string[]).includes(c.state);
    const when = closed ? c.closedAt : c.deliveredAt;
    if (!when || when < period.from || when >= period.to) continue;
    if (closed && !c.units.includes(unit)) continue; // filed by the units that acted on it
    if (c.archivedBy.includes(unit)) continue; // archived once per unit
    const event = archiveEvent(c, unit, input.actor, at, bundleId);
    try {
      appendEvent(c, event, { calendar });
    } catch (err) {
      skipped.push({
        caseId: c.id,
        reason: err instanceof TongbanError ? `${err.message} (${err.hint})` : String(err),
      });
      continue;
    }
    if (input.notices !== false) {
      if (!items.has(c.catalogueVersion))
        items.set(c.catalogueVersion, await store.catalogue(c.catalogueVersion));
      const item = items.get(c.catalogueVersion)?.items.find((i) => i.itemCode === c.itemCode);
      try {
        caseNotices(c, item);
      } catch (err) {
        incomplete.push({ caseId: c.id, reason: (err as Error).message });
        continue;
      }
    }
    chosen.push({ c, events, event });
  }
  return { chosen, skipped, incomplete };
}

/**
 * Archives a unit's delivered cases of a period into one signed BagIt bag (seed 000 tables 1-3 row 5; seed 001 6.4;
 * seed 002 9.8; seed 004 8.8), then appends an `archive` event (reference = bundle id) to each case through the case
 * engine and registers the bundle as a record of kind 'archives' — all in one store transaction, re-checked there.
 * If anything fails the bag is removed and the store is unchanged. A case is archived once per unit.
 */
export async function createArchive(input: CreateArchiveInput): Promise<ArchiveResult> {
  const at = input.at ?? new Date().toISOString();
  const signer = await signerFor(input.dataDir, input.unit);
  const bundleId = newBundleId('ARC', at);
  const { chosen, skipped, incomplete } = await chooseCases(input, at, bundleId);
  if (chosen.length === 0 && incomplete.length > 0) {
    throw archiveError(
      'incomplete',
      `nothing archived: ${incomplete.length} case(s) cannot be archived whole; ${incomplete.map((x) => x.reason).join('; ')}`,
      { unit: input.unit, caseId: incomplete[0]?.caseId },
      'give the item or the hall what the notices need (tongban hall, items import), then archive again',
    );
  }
  if (chosen.length === 0) {
    throw archiveError(
      'nothingToArchive',
      `no case delivered in ${input.period.label} is waiting to be archived by ${input.unit}`,
      { unit: input.unit, from: input.period.from, to: input.period.to },
      skipped.length
        ? `${skipped.length} case(s) cannot be archived yet, e.g. ${skipped[0]?.caseId}: ${skipped[0]?.reason}`
        : 'check the period and the unit; `tongban archive list` shows what was archived already',
    );
  }
  const renderPdf = input.notices === false ? undefined : input.renderPdf;
  if (input.notices !== false && !renderPdf) throw pdfRendererMissing();
  let materialBytes = 0;
  for (const { c } of chosen)
    for (const m of await listMaterials(input.dataDir, c.id)) materialBytes += m.size;
  input.onPlan?.({ cases: chosen.length, materialBytes });

  // Split into several bags of one group when asked (BagIt Bag-Count "i of n", Bag-Group-Identifier).
  const groups: (typeof chosen)[] = [];
  let groupBytes = 0;
  for (const entry of chosen) {
    let size = 64 * 1024;
    for (const m of await listMaterials(input.dataDir, entry.c.id)) size += m.size;
    const last = groups[groups.length - 1];
    if (last && (!input.maxBagBytes || groupBytes + size <= input.maxBagBytes)) {
      last.push(entry);
      groupBytes += size;
    } else {
      groups.push([entry]);
      groupBytes = size;
    }
  }
  const n = groups.length;
  const versions = [...new Set(chosen.map(({ c }) => c.catalogueVersion))].sort((x, y) => x - y);
  const catalogues = new Map<number, Awaited<ReturnType<Store['catalogue']>>>();
  const cases: ArchivedCase[] = [];
  const parts: (ArchivePart & { written: WrittenBag })[] = [];
  let done = 0;
  try {
    for (const [gi, group] of groups.entries()) {
      const partId = n === 1 ? bundleId : `${bundleId}-${gi + 1}`;
      const out = n === 1 ? input.out : partPath(input.out, gi + 1);
      for (const { event } of group) event.payload = { reference: partId };
      const writer = await BagWriter.open(out, {
        bagName: partId,
        at,
        form: input.form ?? formOf(input.out),
        onBytes: (k) => {
          done += k;
          input.onBytes?.(done);
        },
      });
      try {
        const partCases: string[] = [];
        for (const { c, events } of group) {
          if (!catalogues.has(c.catalogueVersion))
            catalogues.set(c.catalogueVersion, await input.store.catalogue(c.catalogueVersion));
          const item = catalogues.get(c.catalogueVersion)?.items.find((i) => i.itemCode === c.itemCode);
          const r = await addCaseFiles(writer, c, events, {
            ...(item ? { item } : {}),
            dataDir: input.dataDir,
            unit: input.unit,
            organization: signer.key.organization,
            at,
            ...(input.retention ? { retention: input.retention } : {}),
            ...(renderPdf ? { renderPdf } : {}),
          });
          cases.push({ ...r, itemCode: c.itemCode, state: c.state, bundleId: partId });
          partCases.push(c.id);
        }
        const info: BagInfo = [
          ['Source-Organization', signer.key.organization],
          ['Bagging-Date', shanghaiDate(at)],
          ['External-Identifier', partId],
          [
            'External-Description',
            `归档包：${signer.key.organization}（${input.unit}）${input.period.label} 已送达办件`,
          ],
          ...(n > 1
            ? ([
                ['Bag-Group-Identifier', bundleId],
                ['Bag-Count', `${gi + 1} of ${n}`],
              ] as BagInfo)
            : []),
          ['Bag-Software-Agent', 'tongban'],
          ['Tongban-Bag-Profile', BAG_PROFILE],
          ['Tongban-Bundle-Kind', 'archive'],
          ['Tongban-Unit', input.unit],
          ['Tongban-Period', `${input.period.from}/${input.period.to}`],
          ['Tongban-Case-Count', String(partCases.length)],
          ['Tongban-Catalogue-Version', versions.join(',')],
        ];
        const written = await writer.finish(info, signer, at);
        parts.push({
          bundleId: partId,
          path: written.path,
          caseIds: partCases,
          payload: { bytes: written.payloadBytes, files: written.payloadFiles },
          written,
        });
      } catch (err) {
        await writer.abort();
        throw err;
      }
    }
  } catch (err) {
    for (const p of parts) await rm(p.path, { recursive: true, force: true });
    throw err;
  }
  const first = (parts[0] as (typeof parts)[number]).written;
  const payload = {
    bytes: parts.reduce((k, p) => k + p.payload.bytes, 0),
    files: parts.reduce((k, p) => k + p.payload.files, 0),
  };
  try {
    await input.store.transact(async (tx) => {
      for (const { c, event } of chosen) {
        await performStep(tx, input.calendar, c.id, {
          type: 'archive',
          unit: input.unit,
          actor: input.actor,
          at,
          payload: event.payload,
          eventId: event.id,
        });
      }
      await tx.putRecord<ArchiveRecord>('archives', {
        id: bundleId,
        kind: 'archive',
        unit: input.unit,
        organization: signer.key.organization,
        path: first.path,
        form: first.form,
        from: input.period.from,
        to: input.period.to,
        period: input.period.label,
        caseIds: cases.map((x) => x.caseId),
        payloadBytes: payload.bytes,
        payloadFiles: payload.files,
        keyId: first.signature.keyId,
        signedAt: first.signature.signedAt,
        createdAt: at,
        actor: input.actor,
        parts: parts.map(({ written: _w, ...p }) => p),
      });
    });
  } catch (err) {
    for (const p of parts) await rm(p.path, { recursive: true, force: true });
    throw err;
  }
  return {
    bundleId,
    path: first.path,
    form: first.form,
    unit: input.unit,
    organization: signer.key.organization,
    period: { from: input.period.from, to: input.period.to },
    cases,
    skipped,
    incomplete,
    payload,
    bytes: parts.reduce((k, p) => k + p.written.bytes, 0),
    signature: first.signature,
    catalogueVersions: versions,
    parts: parts.map(({ written: _w, ...p }) => p),
  };
}

/** FILE.tar -> FILE-2.tar, DIR -> DIR-2: the path of part i of a split bundle. */
export function partPath(out: string, i: number): string {
  return /\.tar$/i.test(out) ? out.replace(/\.tar$/i, `-${i}.tar`) : `${out.replace(/\/+$/, '')}-${i}`;
}

/** Registered archive bundles, newest first (optionally of one unit). */
export async function listArchives(store: Store, filter: { unit?: Unit } = {}): Promise<ArchiveRecord[]> {
  const all = await store.listRecords<ArchiveRecord>(
    'archives',
    filter.unit ? { unit: filter.unit } : undefined,
  );
  return all.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

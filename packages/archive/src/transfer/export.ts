import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import type { Case, CaseEvent, DeadlineCalendar, Unit } from '@tongban/core/cases';
import { appendEvent, foldCase, performStep } from '@tongban/core/cases';
import type { Store, StoredRecord } from '@tongban/core/store';
import { newBundleId } from '../archive-service.js';
import { type BagForm, BagWriter, formOf } from '../bag-writer.js';
import type { BagInfo } from '../bagit.js';
import { addCaseFiles } from '../case-files.js';
import { archiveError } from '../errors.js';
import { signerFor } from '../keys.js';
import { listMaterials } from '../materials.js';
import { shanghaiDate } from '../period.js';

export const TRANSFER_PROFILE = 'tongban-bag/1';

export interface ExportTransferInput {
  store: Store;
  dataDir: string;
  calendar: DeadlineCalendar;
  /** The sending unit: remoteWindow on the way out (代收 → 属地), localWindow sending the result back. */
  unit: Unit;
  toSite: string;
  fromSite?: string;
  /** Application numbers; default every proxyLocal case waiting to travel from this unit. */
  caseIds?: string[];
  out: string;
  form?: BagForm;
  actor: string;
  at?: string;
  onBytes?: (bytes: number) => void;
  /** Called once the cases are chosen, with their total material bytes (for a progress bar). */
  onPlan?: (plan: { cases: number; materialBytes: number }) => void;
}

export interface TransferredCase {
  caseId: string;
  itemCode: string;
  state: string;
  events: number;
  materials: number;
  /** The transfer event recorded on the case (proxyReceived → pushed), with its time limit. */
  transferEvent?: { id: string; dueAt?: string };
}

export interface ExportTransferResult {
  bundleId: string;
  path: string;
  form: BagForm;
  unit: Unit;
  fromSite?: string;
  toSite: string;
  cases: TransferredCase[];
  payload: { bytes: number; files: number };
  bytes: number;
  signature: { keyId: string; signedAt: string };
  /** Earliest transfer time limit of the cases pushed. */
  dueAt?: string;
}

export interface TransferRecord extends StoredRecord {
  direction: 'out' | 'in';
  unit: string;
  fromSite?: string;
  toSite?: string;
  caseIds: string[];
  path: string;
  dueAt?: string;
  keyId: string;
  signedAt: string;
  at: string;
  actor: string;
}

/** Which cases leave from this unit by default: proxyLocal cases the remote window took in, results going back. */
const WAITING: Partial<Record<Unit, Case['state']>> = {
  remoteWindow: 'proxyReceived',
  localWindow: 'resultForwarded',
};

/**
 * 异地代收 transfer bundle (seed 000 table 2 row 1 c: 系统推送): the same signed BagIt bag as an archive, holding per case
 * the whole event log and the attached materials. A proxyReceived case gets its `transfer` event (method push, the
 * bundle id and the transfer time limit) appended in the same store transaction that registers the bundle as a
 * record of kind 'transfers'; the bag already carries that event, so the receiving site sees the case as transferred.
 */
export async function exportTransfer(input: ExportTransferInput): Promise<ExportTransferResult> {
  const at = input.at ?? new Date().toISOString();
  const signer = await signerFor(input.dataDir, input.unit);
  const bundleId = newBundleId('TRF', at);
  let ids = input.caseIds;
  if (!ids || ids.length === 0) {
    const state = WAITING[input.unit];
    ids = state ? (await input.store.findCases({ state, mode: 'proxyLocal' })).map((s) => s.caseId) : [];
  }
  if (ids.length === 0) {
    throw archiveError(
      'nothingToTransfer',
      `no case waits to be transferred by ${input.unit}`,
      { unit: input.unit },
      'name the cases with --cases, or check `tongban cases list`',
    );
  }
  const plan: { c: Case; events: CaseEvent[]; transfer?: CaseEvent }[] = [];
  for (const caseId of ids) {
    const stored = await input.store.events(caseId);
    if (stored.length === 0)
      throw archiveError('caseNotFound', `no case ${caseId}`, { caseId }, 'check the application number');
    let c = foldCase(stored, { calendar: input.calendar });
    const events = [...stored];
    let transfer: CaseEvent | undefined;
    if (c.state === 'proxyReceived') {
      transfer = {
        id: randomUUID(),
        caseId,
        type: 'transfer',
        unit: input.unit,
        actor: input.actor,
        at,
        payload: {
          method: 'push',
          bundleId,
          toSite: input.toSite,
          ...(c.transferDueAt ? { dueAt: c.transferDueAt } : {}),
        },
      };
      c = appendEvent(c, transfer, { calendar: input.calendar }); // throws a TransitionError when this unit may not
      events.push(transfer);
    }
    plan.push({ c, events, ...(transfer ? { transfer } : {}) });
  }
  let materialBytes = 0;
  for (const { c } of plan) for (const m of await listMaterials(input.dataDir, c.id)) materialBytes += m.size;
  input.onPlan?.({ cases: plan.length, materialBytes });
  let done = 0;
  const writer = await BagWriter.open(input.out, {
    bagName: bundleId,
    at,
    form: input.form ?? formOf(input.out),
    onBytes: (n) => {
      done += n;
      input.onBytes?.(done);
    },
  });
  const cases: TransferredCase[] = [];
  let written: Awaited<ReturnType<BagWriter['finish']>>;
  const dues = plan
    .map((p) => p.transfer?.payload.dueAt as string | undefined)
    .filter((d): d is string => !!d)
    .sort();
  try {
    for (const { c, events, transfer } of plan) {
      const r = await addCaseFiles(writer, c, events, {
        dataDir: input.dataDir,
        unit: input.unit,
        organization: signer.key.organization,
        at,
      });
      cases.push({
        caseId: c.id,
        itemCode: c.itemCode,
        state: c.state,
        events: events.length,
        materials: r.materials,
        ...(transfer
          ? {
              transferEvent: {
                id: transfer.id,
                ...(transfer.payload.dueAt ? { dueAt: transfer.payload.dueAt as string } : {}),
              },
            }
          : {}),
      });
    }
    const info: BagInfo = [
      ['Source-Organization', signer.key.organization],
      ['Bagging-Date', shanghaiDate(at)],
      ['External-Identifier', bundleId],
      [
        'External-Description',
        `材料流转包（异地代收）：${input.fromSite ?? signer.key.organization} → ${input.toSite}`,
      ],
      ['Bag-Software-Agent', 'tongban'],
      ['Tongban-Bag-Profile', TRANSFER_PROFILE],
      ['Tongban-Bundle-Kind', 'transfer'],
      ['Tongban-Unit', input.unit],
      ...(input.fromSite ? ([['Tongban-From-Site', input.fromSite]] as BagInfo) : []),
      ['Tongban-To-Site', input.toSite],
      ...(dues[0] ? ([['Tongban-Transfer-Due', dues[0]]] as BagInfo) : []),
      ['Tongban-Case-Count', String(cases.length)],
      [
        'Tongban-Catalogue-Version',
        [...new Set(plan.map((p) => p.c.catalogueVersion))].sort((a, b) => a - b).join(','),
      ],
    ];
    written = await writer.finish(info, signer, at);
  } catch (err) {
    await writer.abort();
    throw err;
  }
  try {
    await input.store.transact(async (tx) => {
      for (const { c, transfer } of plan) {
        if (!transfer) continue;
        await performStep(tx, input.calendar, c.id, {
          type: 'transfer',
          unit: transfer.unit,
          actor: transfer.actor,
          at,
          payload: transfer.payload,
          eventId: transfer.id,
        });
      }
      await tx.putRecord<TransferRecord>('transfers', {
        id: bundleId,
        direction: 'out',
        unit: input.unit,
        ...(input.fromSite ? { fromSite: input.fromSite } : {}),
        toSite: input.toSite,
        caseIds: cases.map((c) => c.caseId),
        path: written.path,
        ...(dues[0] ? { dueAt: dues[0] } : {}),
        keyId: written.signature.keyId,
        signedAt: written.signature.signedAt,
        at,
        actor: input.actor,
      });
    });
  } catch (err) {
    await rm(written.path, { recursive: true, force: true });
    throw err;
  }
  return {
    bundleId,
    path: written.path,
    form: written.form,
    unit: input.unit,
    ...(input.fromSite ? { fromSite: input.fromSite } : {}),
    toSite: input.toSite,
    cases,
    payload: { bytes: written.payloadBytes, files: written.payloadFiles },
    bytes: written.bytes,
    signature: written.signature,
    ...(dues[0] ? { dueAt: dues[0] } : {}),
  };
}

import { createHash, type Hash } from 'node:crypto';
import { closeSync, createReadStream, mkdirSync, openSync, writeSync } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Case, DeadlineCalendar } from '@tongban/core/cases';
import { appendEvent, CaseEvent, foldCase, summarise, waitingOn } from '@tongban/core/cases';
import { TongbanError } from '@tongban/core/errors';
import type { Store } from '@tongban/core/store';
import { readBag } from '../bag-reader.js';
import { bagInfoValue } from '../bagit.js';
import { BundleError } from '../errors.js';
import { materialsDir, safeName } from '../materials.js';
import { type VerifiedBundle, verifyBundle } from '../verify.js';
import type { TransferRecord } from './export.js';

export interface ImportTransferInput {
  store: Store;
  dataDir: string;
  calendar: DeadlineCalendar;
  bundle: string;
  /** This site's code: a bundle addressed to another site is refused. */
  site?: string;
  actor?: string;
  at?: string;
}

export interface ArrivedCase {
  caseId: string;
  itemCode: string;
  /** Events new to this site (0 when the bundle was imported before). */
  newEvents: number;
  events: number;
  state: string;
  waitingOn?: string;
  materials: { written: number; unchanged: number };
}

export interface ImportTransferResult {
  bundleId: string;
  fromSite?: string;
  toSite?: string;
  signedBy: VerifiedBundle['signature'];
  cases: ArrivedCase[];
  /** true when every event was already here: nothing changed. */
  alreadyImported: boolean;
}

async function sha256Of(file: string): Promise<string | undefined> {
  const st = await stat(file).catch(() => undefined);
  if (!st?.isFile()) return undefined;
  const h = createHash('sha256');
  for await (const chunk of createReadStream(file)) h.update(chunk as Buffer);
  return h.digest('hex');
}

/**
 * Imports a transfer bundle at the receiving site: verify (the four checks, the sender's key must be in the keyring),
 * check every case's events against the local log through the case engine, then copy the materials and append the
 * new events with their summaries and register the bundle — the appends in one store transaction. Importing the same
 * bundle again changes nothing (events are appended by id; identical materials are left alone). Any refusal happens
 * before anything is written.
 */
export async function importTransfer(input: ImportTransferInput): Promise<ImportTransferResult> {
  const v = await verifyBundle(input.bundle, { dataDir: input.dataDir });
  const refuse = (entry: string, code: string, reason: string, hint: string): never => {
    throw new BundleError('format', code, `${entry}: ${reason}`, { bundle: input.bundle, entry }, hint);
  };
  if (bagInfoValue(v.info, 'Tongban-Bundle-Kind') !== 'transfer') {
    refuse(
      'bag-info.txt',
      'kindMismatch',
      'not a transfer bundle (Tongban-Bundle-Kind)',
      'archive bundles are read with `tongban archive verify` / `extract`',
    );
  }
  const bundleId = bagInfoValue(v.info, 'External-Identifier') ?? v.bagName;
  const toSite = bagInfoValue(v.info, 'Tongban-To-Site');
  const fromSite = bagInfoValue(v.info, 'Tongban-From-Site');
  if (input.site && toSite && toSite !== input.site) {
    refuse(
      'bag-info.txt',
      'wrongSite',
      `addressed to site ${toSite}, this is ${input.site}`,
      `import it at ${toSite}`,
    );
  }

  // ---- each case: parse its events, check them against the local log (nothing written yet) ----
  const plan: { caseId: string; local: number; after: Case; fresh: CaseEvent[] }[] = [];
  for (const [path, raw] of v.json) {
    const m = /^data\/([^/]+)\/events\.json$/.exec(path);
    if (!m) continue;
    const caseId = m[1] as string;
    const parsed = CaseEvent.array().safeParse(raw);
    if (!parsed.success) {
      const i = parsed.error.issues[0];
      refuse(
        path,
        'badEvents',
        `event ${i?.path.join('.')}: ${i?.message}`,
        'ask the sender for a new bundle',
      );
    }
    const events = parsed.data ?? [];
    const stray = events.find((e) => e.caseId !== caseId);
    if (stray)
      refuse(
        path,
        'badEvents',
        `event ${stray.id} belongs to case ${stray.caseId}`,
        'ask the sender for a new bundle',
      );
    const local = await input.store.events(caseId);
    const known = new Set(local.map((e) => e.id));
    let c: Case | undefined = local.length ? foldCase(local, { calendar: input.calendar }) : undefined;
    for (const e of events) {
      try {
        c = appendEvent(c, e, { calendar: input.calendar });
      } catch (err) {
        const te = err instanceof TongbanError ? err : undefined;
        throw new TongbanError(
          'transfer.conflict',
          `${path}: event ${e.id} (${e.type}) does not follow this site's log of case ${caseId}: ${(err as Error).message}`,
          {
            where: { bundle: input.bundle, entry: path, caseId },
            hint:
              te?.hint ||
              'the case moved on here since the bundle was made; ask the sender for a fresh bundle',
          },
        );
      }
    }
    if (!c) refuse(path, 'badEvents', 'no events', 'ask the sender for a new bundle');
    plan.push({
      caseId,
      local: local.length,
      after: c as Case,
      fresh: events.filter((e) => !known.has(e.id)),
    });
  }
  if (plan.length === 0)
    refuse('data/', 'emptyPayload', 'no case folder with events.json', 'ask the sender for a new bundle');

  // ---- materials: written beside their final place, then moved; identical ones left alone ----
  const wanted = new Map<string, { caseId: string; name: string; sha256: string }>();
  for (const [path, sha256] of v.files) {
    const m = /^data\/([^/]+)\/materials\/([^/]+)$/.exec(path);
    if (m && safeName(m[2] as string))
      wanted.set(path, { caseId: m[1] as string, name: m[2] as string, sha256 });
  }
  const counts = new Map<string, { written: number; unchanged: number }>();
  const toWrite = new Map<string, { caseId: string; name: string; sha256: string }>();
  for (const [path, w] of wanted) {
    const cnt = counts.get(w.caseId) ?? { written: 0, unchanged: 0 };
    counts.set(w.caseId, cnt);
    if ((await sha256Of(join(materialsDir(input.dataDir, w.caseId), w.name))) === w.sha256)
      cnt.unchanged += 1;
    else toWrite.set(path, w);
  }
  const staging = join(input.dataDir, 'materials', `.incoming-${process.pid}-${Date.now()}`);
  try {
    if (toWrite.size > 0) {
      await mkdir(staging, { recursive: true });
      await readBag(input.bundle, ({ path }) => {
        const w = toWrite.get(path);
        if (!w) return { data() {}, end() {} };
        const target = join(staging, w.caseId, w.name);
        mkdirSync(dirname(target), { recursive: true });
        const fd = openSync(target, 'w', 0o644);
        const hash: Hash = createHash('sha256');
        return {
          data(chunk) {
            hash.update(chunk);
            writeSync(fd, chunk);
          },
          end() {
            closeSync(fd);
            if (hash.digest('hex') !== w.sha256) {
              throw new BundleError(
                'integrity',
                'changed',
                `${path}: changed while being imported`,
                { bundle: input.bundle, entry: path },
                'import again once nobody writes to the bundle',
              );
            }
          },
        };
      });
      for (const w of toWrite.values()) {
        const dir = materialsDir(input.dataDir, w.caseId);
        await mkdir(dir, { recursive: true });
        await rename(join(staging, w.caseId, w.name), join(dir, w.name));
        (counts.get(w.caseId) as { written: number }).written += 1;
      }
    }
  } finally {
    await rm(staging, { recursive: true, force: true });
  }

  // ---- events and the record, in one transaction ----
  const alreadyImported = plan.every((p) => p.fresh.length === 0);
  if (!alreadyImported || !(await input.store.getRecord('transfers', bundleId))) {
    await input.store.transact(async (tx) => {
      for (const p of plan) {
        if (p.fresh.length === 0) continue;
        await tx.append(p.caseId, p.fresh, summarise(p.after), { expectedLength: p.local });
      }
      if (!(await tx.getRecord('transfers', bundleId))) {
        await tx.putRecord<TransferRecord>('transfers', {
          id: bundleId,
          direction: 'in',
          unit: v.signature.unit,
          ...(fromSite ? { fromSite } : {}),
          ...(toSite ? { toSite } : {}),
          caseIds: plan.map((p) => p.caseId),
          path: input.bundle,
          keyId: v.signature.keyId,
          signedAt: v.signature.signedAt,
          at: input.at ?? new Date().toISOString(),
          actor: input.actor ?? 'transfer-import',
        });
      }
    });
  }
  return {
    bundleId,
    ...(fromSite ? { fromSite } : {}),
    ...(toSite ? { toSite } : {}),
    signedBy: v.signature,
    alreadyImported,
    cases: plan.map((p) => ({
      caseId: p.caseId,
      itemCode: p.after.itemCode,
      newEvents: p.fresh.length,
      events: p.after.length,
      state: p.after.state,
      ...(waitingOn(p.after) ? { waitingOn: waitingOn(p.after) } : {}),
      materials: counts.get(p.caseId) ?? { written: 0, unchanged: 0 },
    })),
  };
}

/**
 * Which catalogue the kiosk serves (issue 25 "An empty catalogue stops every kiosk"): a kiosk never fails to start
 * because of what was published. The latest published version is used when it is usable (it has items and each
 * item has a code and a name); it is then kept in the data directory (kiosk-catalogue/v<N>.json). When the latest
 * is not usable, the kiosk keeps the last catalogue it could use (the kept file, else the newest usable version of
 * the store), says on the staff status line that the newer one was refused and why, and logs it.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CatalogueVersion, Store } from '@tongban/core/store';
import type { KioskLog } from './kiosk-log.js';

/** Why a published version was not taken: no items, items without code or name, or it could not be read. */
export type RefusalReason = 'empty' | 'invalid' | 'unreadable' | 'none';

export interface CatalogueRefusal {
  /** The version refused (0 when nothing was published). */
  version: number;
  reason: RefusalReason;
}

export interface KioskCatalogue {
  /** The catalogue served; undefined when no usable one was ever published (the kiosk starts, serving no items). */
  catalogue: CatalogueVersion | undefined;
  /** Set when the latest published version was not taken. */
  refused?: CatalogueRefusal;
}

/** The folder of the data directory where the last usable catalogue is kept. */
export const KEPT_DIR = 'kiosk-catalogue';

/** Why a version cannot be served, or undefined when it can. */
export function unusable(v: CatalogueVersion): RefusalReason | undefined {
  if (!Array.isArray(v.items) || v.items.length === 0) return 'empty';
  const bad = v.items.some(
    (i) => typeof i?.itemCode !== 'string' || typeof i?.mainName !== 'string' || i.mainName.trim() === '',
  );
  return bad ? 'invalid' : undefined;
}

function keptFiles(dir: string): Array<{ version: number; file: string }> {
  try {
    return readdirSync(dir)
      .map((f) => ({ m: /^v(\d+)\.json$/.exec(f), f }))
      .filter((x) => x.m)
      .map((x) => ({ version: Number(x.m?.[1]), file: join(dir, x.f) }))
      .sort((a, b) => b.version - a.version);
  } catch {
    return [];
  }
}

/** Keeps `v` as the last usable catalogue (write then rename: a cut-off write leaves the previous one). */
function keep(dataDir: string, v: CatalogueVersion, log: KioskLog): void {
  const dir = join(dataDir, KEPT_DIR);
  const existing = keptFiles(dir);
  if (existing[0]?.version === v.version) return;
  try {
    mkdirSync(dir, { recursive: true });
    const tmp = join(dir, `v${v.version}.json.tmp`);
    writeFileSync(tmp, JSON.stringify(v));
    renameSync(tmp, join(dir, `v${v.version}.json`));
    for (const old of existing) if (old.version !== v.version) rmSync(old.file, { force: true });
  } catch (e) {
    log.failure('catalogue.keep', e);
  }
}

function readKept(dataDir: string, log: KioskLog): CatalogueVersion | undefined {
  for (const { file } of keptFiles(join(dataDir, KEPT_DIR))) {
    try {
      const v = JSON.parse(readFileSync(file, 'utf8')) as CatalogueVersion;
      if (!unusable(v)) return v;
    } catch (e) {
      log.failure('catalogue.kept', e);
    }
  }
  return undefined;
}

/** The newest usable version of the store, below `below`. */
async function newestUsable(store: Store, below: number, log: KioskLog) {
  let infos: Awaited<ReturnType<Store['versions']>> = [];
  try {
    infos = await store.versions();
  } catch (e) {
    log.failure('catalogue.versions', e);
  }
  const candidates = infos
    .filter((i) => i.version < below && i.itemCount > 0)
    .sort((a, b) => b.version - a.version);
  for (const info of candidates) {
    try {
      const v = await store.catalogue(info.version);
      if (v && !unusable(v)) return v;
    } catch (e) {
      log.failure('catalogue.version', e);
    }
  }
  return undefined;
}

function refusalError(r: CatalogueRefusal, kept: CatalogueVersion | undefined): Error {
  const what =
    r.reason === 'none'
      ? 'no catalogue is published'
      : `catalogue version ${r.version} was refused (${r.reason})`;
  const err = new Error(
    `${what}; serving ${kept ? `version ${kept.version}` : 'no items'}: publish a catalogue with items (tongban items publish)`,
  );
  return Object.assign(err, { code: `catalogue.refused.${r.reason}` });
}

/** Chooses the catalogue to serve (see the module comment); never throws. */
export async function chooseCatalogue(
  store: Store,
  log: KioskLog,
  dataDir?: string,
): Promise<KioskCatalogue> {
  let latest: CatalogueVersion | undefined;
  let refused: CatalogueRefusal | undefined;
  try {
    latest = await store.catalogue();
  } catch (e) {
    log.failure('catalogue', e);
    refused = { version: 0, reason: 'unreadable' };
  }
  if (latest) {
    const reason = unusable(latest);
    if (!reason) {
      if (dataDir) keep(dataDir, latest, log);
      return { catalogue: latest };
    }
    refused = { version: latest.version, reason };
  }
  refused ??= { version: 0, reason: 'none' };
  const fromFile = dataDir ? readKept(dataDir, log) : undefined;
  const fromStore = await newestUsable(store, latest?.version ?? Number.POSITIVE_INFINITY, log);
  const kept = (fromStore?.version ?? 0) > (fromFile?.version ?? 0) ? fromStore : fromFile;
  log.failure('catalogue', refusalError(refused, kept));
  return { catalogue: kept, refused };
}

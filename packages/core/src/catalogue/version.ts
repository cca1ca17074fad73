/**
 * Helpers over published catalogue versions (seed 000 4.2: the catalogue is managed dynamically; each update is
 * recorded with who, when and why). Storage itself is the Store's job (store/store.ts: publish, versions).
 */
import type { CatalogueVersion, CatalogueVersionInfo } from '../store/store.js';
import { diffCatalogues } from './diff.js';
import type { ServiceItem } from './service-item.js';

export interface CatalogueSummary {
  itemCount: number;
  /** Distinct item codes (one code is implemented at several levels, 三级十同). */
  codeCount: number;
  byLevel: Record<string, number>;
  byItemType: Record<string, number>;
  byCaseKind: Record<string, number>;
  /** Items offering each handling mode (an item may offer several). */
  byMode: Record<string, number>;
  byWindowCategory: Record<string, number>;
  /** 一件事 bundle id -> member item count. */
  bundles: Record<string, number>;
}

export interface VersionSummary extends CatalogueVersionInfo, CatalogueSummary {}

function count(into: Record<string, number>, key: string): void {
  into[key] = (into[key] ?? 0) + 1;
}

/** Sorted keys so summaries print and compare the same everywhere. */
function sorted(r: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(r).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Counts by level, type, kind, mode, window category and bundle. */
export function summariseCatalogue(items: readonly ServiceItem[]): CatalogueSummary {
  const s = {
    byLevel: {} as Record<string, number>,
    byItemType: {} as Record<string, number>,
    byCaseKind: {} as Record<string, number>,
    byMode: {} as Record<string, number>,
    byWindowCategory: {} as Record<string, number>,
    bundles: {} as Record<string, number>,
  };
  const codes = new Set<string>();
  for (const item of items) {
    codes.add(item.itemCode);
    count(s.byLevel, item.level);
    count(s.byItemType, item.itemType);
    count(s.byCaseKind, item.caseKind);
    for (const m of new Set(item.modes)) count(s.byMode, m);
    count(s.byWindowCategory, item.windowCategory);
    for (const b of new Set(item.bundles)) count(s.bundles, b);
  }
  return {
    itemCount: items.length,
    codeCount: codes.size,
    byLevel: sorted(s.byLevel),
    byItemType: sorted(s.byItemType),
    byCaseKind: sorted(s.byCaseKind),
    byMode: sorted(s.byMode),
    byWindowCategory: sorted(s.byWindowCategory),
    bundles: sorted(s.bundles),
  };
}

/** The version's record (who, when, why) without its items, plus what it holds. */
export function summariseVersion(version: CatalogueVersion): VersionSummary {
  const { items, ...info } = version;
  return { ...info, ...summariseCatalogue(items) };
}

/** One line per version change: how many items were added, removed and changed since the previous version. */
export function describeVersionChange(
  previous: CatalogueVersion | undefined,
  next: CatalogueVersion,
): string {
  const d = diffCatalogues(previous?.items ?? [], next.items);
  return (
    `v${next.version} by ${next.publishedBy} at ${next.publishedAt}: +${d.added.length} -${d.removed.length} ` +
    `~${d.changed.length} (${d.unchanged} unchanged) — ${next.message}`
  );
}

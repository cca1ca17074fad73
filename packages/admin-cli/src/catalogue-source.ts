import type { ServiceItem } from '@tongban/core/catalogue';
import { TongbanError } from '@tongban/core/errors';
import type { Store } from '@tongban/core/store';

/** Which catalogue a command reads: the working draft, the latest published version, or version N. */
export type CatalogueRef = 'draft' | 'latest' | number;

export function parseRef(text: string, argName: string): CatalogueRef {
  const t = text.trim().toLowerCase().replace(/^v/, '');
  if (t === 'draft' || t === 'latest') return t;
  if (/^[0-9]+$/.test(t) && Number(t) >= 1) return Number(t);
  throw new TongbanError('usage.badVersion', `"${text}" is not a catalogue version`, {
    where: { field: argName },
    hint: 'give a version number (see `tongban items versions`), "latest" or "draft"',
  });
}

export interface LoadedCatalogue {
  /** "draft", or "v3" for published version 3. */
  label: string;
  version?: number;
  items: ServiceItem[];
}

/** Loads a catalogue by reference; a missing draft or version is a TongbanError (exit 4). */
export async function loadCatalogue(store: Store, ref: CatalogueRef): Promise<LoadedCatalogue> {
  if (ref === 'draft') {
    const items = await store.getDraft();
    if (!items) {
      throw new TongbanError('catalogue.noDraft', 'there is no draft catalogue in this data directory', {
        hint: 'import one with `tongban items import FILE` (or check --data / TONGBAN_DATA)',
      });
    }
    return { label: 'draft', items };
  }
  const version = await store.catalogue(ref === 'latest' ? undefined : ref);
  if (!version) {
    throw new TongbanError(
      'catalogue.versionNotFound',
      ref === 'latest'
        ? 'no catalogue version has been published yet'
        : `there is no catalogue version ${ref}`,
      {
        where: { field: 'version' },
        hint:
          ref === 'latest'
            ? 'publish the draft with `tongban items publish --message "..." --by NAME`'
            : 'list the versions with `tongban items versions`',
      },
    );
  }
  return { label: `v${version.version}`, version: version.version, items: version.items };
}

/** The latest published version, else the draft: what `items list/show/search` read by default. */
export async function loadDefaultCatalogue(store: Store): Promise<LoadedCatalogue> {
  if (await store.catalogue()) return loadCatalogue(store, 'latest');
  if (await store.getDraft()) return loadCatalogue(store, 'draft');
  throw new TongbanError('catalogue.noCatalogue', 'this data directory has no catalogue yet', {
    hint: 'import one with `tongban items import FILE`, then `tongban items publish`',
  });
}

/** "主项（子项）" */
export function nameOf(item: Pick<ServiceItem, 'mainName' | 'subName'>): string {
  return item.subName ? `${item.mainName}（${item.subName}）` : item.mainName;
}

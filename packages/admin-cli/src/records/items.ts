import type { ServiceItem } from '@tongban/core/catalogue';
import { TongbanError } from '@tongban/core/errors';
import type { Store } from '@tongban/core/store';
import { loadDefaultCatalogue } from '../catalogue-source.js';

/** The item of this code in the latest published catalogue (else the draft); unknown codes exit 4. */
export async function findItem(store: Store, itemCode: string): Promise<ServiceItem> {
  const cat = await loadDefaultCatalogue(store);
  const code = itemCode.trim();
  const item = cat.items.find((i) => i.itemCode === code);
  if (!item) {
    throw new TongbanError('item.notFound', `no item with code ${code} in ${cat.label}`, {
      where: { itemCode: code },
      hint: 'look the code up with `tongban items search NAME`',
    });
  }
  return item;
}

/** Items by code, for labels; an empty map when there is no catalogue yet. */
export async function itemsByCode(store: Store): Promise<Map<string, ServiceItem>> {
  try {
    const cat = await loadDefaultCatalogue(store);
    return new Map(cat.items.map((i) => [i.itemCode, i]));
  } catch {
    return new Map();
  }
}

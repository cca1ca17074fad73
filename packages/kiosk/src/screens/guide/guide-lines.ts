/**
 * The 办事指南 of an item as lines (seed 000 4.3: name, basis, materials, process, time limit, fees): which
 * materials are key, tolerable, replaced by an e-licence, originals to bring; fees; promised days; modes; place.
 */
import { displayName, feeText, type ServiceItem } from '@tongban/core/catalogue';
import type { MessageLocale } from '@tongban/core/messages';
import { coreWord, type Translate } from '../../messages/kiosk-messages.js';

export function guideLines(item: ServiceItem, t: Translate, locale: MessageLocale): string[] {
  const out: string[] = [`${displayName(item)}  (${item.itemCode})`, `${item.implementingUnit}`];
  out.push(`${t('guide.materials')}:`);
  item.materials.forEach((m, i) => {
    const tags = [
      m.kind === 'key' ? t('guide.key') : t('guide.secondary'),
      m.tolerable ? t('guide.tolerable') : '',
      m.eLicence ? t('guide.eLicence', { name: m.eLicence }) : '',
      m.original ? t('guide.original') : '',
      m.copies > 0 ? t('guide.copies', { n: m.copies }) : '',
    ].filter(Boolean);
    out.push(`  ${i + 1}. ${m.name} [${tags.join(', ')}]`);
  });
  out.push(
    `${t('guide.fees')}: ${item.fees.length === 0 ? t('guide.free') : item.fees.map(feeText).join('; ')}`,
  );
  out.push(t('guide.days', { n: item.promisedDays }));
  out.push(t('guide.modes', { modes: item.modes.map((m) => coreWord(`mode.${m}`, locale)).join(' / ') }));
  if (item.contact.place) out.push(t('guide.place', { place: item.contact.place }));
  return out;
}

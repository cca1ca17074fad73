import { Flags } from '@oclif/core';
import { ITEM_TYPES, LEVELS } from '@tongban/core/catalogue';
import { TongbanCommand } from '../../base-command.js';
import { loadCatalogue, loadDefaultCatalogue, nameOf, parseRef } from '../../catalogue-source.js';
import { renderTable } from '../../output/table.js';

export interface ItemRow {
  itemCode: string;
  name: string;
  itemType: string;
  level: string;
  implementingUnit: string;
  windowCategory: string;
  caseKind: string;
  promisedDays: number;
  legalDays: number;
  modes: string[];
}

export interface ItemsListResult {
  /** "draft" or "vN". */
  catalogue: string;
  total: number;
  items: ItemRow[];
}

export default class ItemsList extends TongbanCommand<ItemsListResult> {
  static override summary = 'List service items (事项), filtered by window category, level or type.';
  static override description =
    'Reads the latest published version by default (the draft when nothing is published yet).';
  static override examples = [
    '<%= config.bin %> <%= command.id %>',
    '<%= config.bin %> <%= command.id %> --level county --type licensing',
    '<%= config.bin %> <%= command.id %> --category 社保医保 --version draft --json',
  ];
  static override flags = {
    category: Flags.string({ summary: 'Only this window category (综合窗口分类).' }),
    level: Flags.option({ options: LEVELS, summary: 'Only this level (层级).' })(),
    type: Flags.option({ options: ITEM_TYPES, summary: 'Only this item type (事项类型).' })(),
    unit: Flags.string({ summary: 'Only this implementing unit (实施主体).' }),
    version: Flags.string({ summary: 'Catalogue to read: a version number, "latest" or "draft".' }),
  };

  async run(): Promise<ItemsListResult> {
    const { flags } = await this.parse(ItemsList);
    const store = await this.openStore(flags.data);
    const cat = flags.version
      ? await loadCatalogue(store, parseRef(flags.version, '--version'))
      : await loadDefaultCatalogue(store);
    const items = cat.items
      .filter((i) => !flags.category || i.windowCategory === flags.category)
      .filter((i) => !flags.level || i.level === flags.level)
      .filter((i) => !flags.type || i.itemType === flags.type)
      .filter((i) => !flags.unit || i.implementingUnit === flags.unit)
      .map(
        (i): ItemRow => ({
          itemCode: i.itemCode,
          name: nameOf(i),
          itemType: i.itemType,
          level: i.level,
          implementingUnit: i.implementingUnit,
          windowCategory: i.windowCategory,
          caseKind: i.caseKind,
          promisedDays: i.promisedDays,
          legalDays: i.legalDays,
          modes: i.modes,
        }),
      );
    const result: ItemsListResult = { catalogue: cat.label, total: items.length, items };
    this.log(
      renderTable(items, [
        { header: 'code', get: (r) => r.itemCode },
        { header: 'name', get: (r) => r.name, max: 36 },
        { header: 'type', get: (r) => r.itemType },
        { header: 'level', get: (r) => r.level },
        { header: 'unit', get: (r) => r.implementingUnit, max: 20 },
        { header: 'days', get: (r) => `${r.promisedDays}/${r.legalDays}`, align: 'right' },
      ]),
    );
    this.log(`${items.length} item(s) in ${cat.label}.`);
    return result;
  }
}

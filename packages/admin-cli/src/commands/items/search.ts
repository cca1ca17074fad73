import { Args, Flags } from '@oclif/core';
import { LEVELS } from '@tongban/core/catalogue';
import { TongbanCommand } from '../../base-command.js';
import { loadCatalogue, loadDefaultCatalogue, nameOf, parseRef } from '../../catalogue-source.js';
import { renderTable } from '../../output/table.js';

export interface SearchRow {
  itemCode: string;
  name: string;
  level: string;
  implementingUnit: string;
  /** exactCode, codePrefix, namePrefix, pinyinPrefix or substring (best first). */
  match: string;
}

export interface ItemsSearchResult {
  catalogue: string;
  query: string;
  hits: SearchRow[];
}

export default class ItemsSearch extends TongbanCommand<ItemsSearchResult> {
  static override summary =
    'Find items by name, item code or pinyin (全拼 or 首字母, e.g. "sfz" for 身份证).';
  static override examples = [
    '<%= config.bin %> <%= command.id %> 营业执照',
    '<%= config.bin %> <%= command.id %> yyzz --level county',
    '<%= config.bin %> <%= command.id %> 0001230 --limit 5 --json',
  ];
  static override args = { query: Args.string({ description: 'Name, code or pinyin', required: true }) };
  static override flags = {
    limit: Flags.integer({ summary: 'Most hits shown.', default: 20, min: 1 }),
    level: Flags.option({ options: LEVELS, summary: 'Only items at this level.' })(),
    version: Flags.string({ summary: 'Catalogue to read: a version number, "latest" or "draft".' }),
  };

  async run(): Promise<ItemsSearchResult> {
    const { args, flags } = await this.parse(ItemsSearch);
    const { searchItems } = await import('@tongban/core/catalogue');
    const store = await this.openStore(flags.data);
    const cat = flags.version
      ? await loadCatalogue(store, parseRef(flags.version, '--version'))
      : await loadDefaultCatalogue(store);
    const level = flags.level;
    const hits = searchItems(cat.items, args.query, {
      limit: flags.limit,
      ...(level ? { filter: (i) => i.level === level } : {}),
    }).map(
      (h): SearchRow => ({
        itemCode: h.item.itemCode,
        name: nameOf(h.item),
        level: h.item.level,
        implementingUnit: h.item.implementingUnit,
        match: h.tier,
      }),
    );
    this.log(
      renderTable(hits, [
        { header: 'code', get: (r) => r.itemCode },
        { header: 'name', get: (r) => r.name, max: 40 },
        { header: 'level', get: (r) => r.level },
        { header: 'unit', get: (r) => r.implementingUnit, max: 20 },
        { header: 'match', get: (r) => r.match },
      ]),
    );
    this.log(`${hits.length} hit(s) for "${args.query}" in ${cat.label}.`);
    return { catalogue: cat.label, query: args.query, hits };
  }
}

import { Args } from '@oclif/core';
import type { ItemChange } from '@tongban/core/catalogue';
import { TongbanCommand } from '../../base-command.js';
import { loadCatalogue, nameOf, parseRef } from '../../catalogue-source.js';

export interface ItemRef {
  key: string;
  itemCode: string;
  name: string;
}

export interface ItemsDiffResult {
  from: string;
  to: string;
  added: ItemRef[];
  removed: ItemRef[];
  /** Field by field (list fields by entry: materials by name, fees by name, ...). */
  changed: ItemChange[];
  unchanged: number;
}

export default class ItemsDiff extends TongbanCommand<ItemsDiffResult> {
  static override summary = 'What changes between two catalogues, item by item and field by field.';
  static override description =
    'VERSION is a version number, "latest" or "draft". With no arguments: the latest version against the draft (what `items publish` would publish). With one: that version against the draft.';
  static override examples = [
    '<%= config.bin %> <%= command.id %>',
    '<%= config.bin %> <%= command.id %> 3 4',
    '<%= config.bin %> <%= command.id %> 2 --json',
  ];
  static override args = {
    a: Args.string({ description: 'From (default latest)', required: false }),
    b: Args.string({ description: 'To (default draft)', required: false }),
  };

  async run(): Promise<ItemsDiffResult> {
    const { args, flags } = await this.parse(ItemsDiff);
    const { diffCatalogues, describeDiff, itemKey } = await import('@tongban/core/catalogue');
    const store = await this.openStore(flags.data);
    const to = await loadCatalogue(store, parseRef(args.b ?? 'draft', 'VERSION_B'));
    // Before the first publication the draft is compared with an empty catalogue.
    const fromRef = parseRef(args.a ?? 'latest', 'VERSION_A');
    const from =
      fromRef === 'latest' && !args.a && !(await store.catalogue())
        ? { label: '(nothing published)', items: [] }
        : await loadCatalogue(store, fromRef);
    const diff = diffCatalogues(from.items, to.items);
    const ref = (i: (typeof diff.added)[number]): ItemRef => ({
      key: itemKey(i),
      itemCode: i.itemCode,
      name: nameOf(i),
    });
    const result: ItemsDiffResult = {
      from: from.label,
      to: to.label,
      added: diff.added.map(ref),
      removed: diff.removed.map(ref),
      changed: diff.changed,
      unchanged: diff.unchanged,
    };
    this.log(`${from.label} -> ${to.label}`);
    for (const line of describeDiff(diff)) this.log(line);
    this.log(
      `${result.added.length} added, ${result.removed.length} removed, ${result.changed.length} changed, ${result.unchanged} unchanged.`,
    );
    return result;
  }
}

import { Flags } from '@oclif/core';
import type { UniformityIssue } from '@tongban/core/catalogue';
import { TongbanCommand } from '../../base-command.js';
import { loadCatalogue, loadDefaultCatalogue, parseRef } from '../../catalogue-source.js';
import { EXIT } from '../../exit-codes.js';

export interface ItemsUniformityResult {
  catalogue: string;
  /** Distinct item codes checked, and how many of them are implemented by more than one unit. */
  itemCodes: number;
  shared: number;
  /** Item codes whose ten elements differ, with the variants and who holds each (seed 004 3.10). */
  issues: UniformityIssue[];
}

export default class ItemsUniformity extends TongbanCommand<ItemsUniformityResult> {
  static override summary =
    '三级十同 report: item codes whose ten elements differ across levels (seed 004 3.10).';
  static override description = [
    'The ten elements: main name, sub name, type, code, legal basis, materials, process, fees, promised time',
    'limit, forms. For every item code implemented by several levels or units, lists each element that differs',
    'and which level and unit hold which variant. White space, full-width forms and the order of lists of',
    'things are ignored. With --strict, exits 2 when any difference is found (for CI of a catalogue repository).',
  ].join('\n');
  static override examples = [
    '<%= config.bin %> <%= command.id %>',
    '<%= config.bin %> <%= command.id %> --version draft --strict',
    '<%= config.bin %> <%= command.id %> --json',
  ];
  static override flags = {
    version: Flags.string({ summary: 'Catalogue to read: a version number, "latest" or "draft".' }),
    strict: Flags.boolean({ summary: 'Exit 2 when any element differs.', default: false }),
  };

  async run(): Promise<ItemsUniformityResult> {
    const { flags } = await this.parse(ItemsUniformity);
    const { checkUniformity, describeUniformity } = await import('@tongban/core/catalogue');
    const store = await this.openStore(flags.data);
    const cat = flags.version
      ? await loadCatalogue(store, parseRef(flags.version, '--version'))
      : await loadDefaultCatalogue(store);
    const counts = new Map<string, number>();
    for (const i of cat.items) counts.set(i.itemCode, (counts.get(i.itemCode) ?? 0) + 1);
    const issues = checkUniformity(cat.items);
    const result: ItemsUniformityResult = {
      catalogue: cat.label,
      itemCodes: counts.size,
      shared: [...counts.values()].filter((n) => n > 1).length,
      issues,
    };
    for (const line of describeUniformity(issues)) this.log(line);
    this.log(
      `${cat.label}: ${result.itemCodes} item codes, ${result.shared} implemented by several units, ${issues.length} not uniform.`,
    );
    if (flags.strict && issues.length > 0) this.failWith(EXIT.invalid);
    return result;
  }
}

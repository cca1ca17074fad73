import type { CatalogueVersionInfo } from '@tongban/core/store';
import { TongbanCommand } from '../../base-command.js';
import { renderTable } from '../../output/table.js';
import { localMinute } from '../../output/time.js';

export interface ItemsVersionsResult {
  /** Published versions, oldest first: immutable, each with who, when and why (seed 000 4.2). */
  versions: CatalogueVersionInfo[];
  /** The working draft, if any. */
  draft: { itemCount: number } | null;
}

export default class ItemsVersions extends TongbanCommand<ItemsVersionsResult> {
  static override summary = 'List the published catalogue versions (who, when, why) and the draft.';
  static override examples = [
    '<%= config.bin %> <%= command.id %>',
    '<%= config.bin %> <%= command.id %> --json',
  ];

  async run(): Promise<ItemsVersionsResult> {
    const { flags } = await this.parse(ItemsVersions);
    const store = await this.openStore(flags.data);
    const draft = await store.getDraft();
    const result: ItemsVersionsResult = {
      versions: await store.versions(),
      draft: draft ? { itemCount: draft.length } : null,
    };
    if (result.versions.length === 0) this.log('No published version yet.');
    else
      this.log(
        renderTable(result.versions, [
          { header: 'version', get: (v) => v.version, align: 'right' },
          { header: 'published (北京时间)', get: (v) => localMinute(v.publishedAt) },
          { header: 'by', get: (v) => v.publishedBy },
          { header: 'items', get: (v) => v.itemCount, align: 'right' },
          { header: 'message', get: (v) => v.message, max: 60 },
        ]),
      );
    this.log(result.draft ? `Draft: ${result.draft.itemCount} items.` : 'No draft.');
    return result;
  }
}

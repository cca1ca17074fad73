import { Flags } from '@oclif/core';
import { TongbanError } from '@tongban/core/errors';
import { TongbanCommand } from '../../base-command.js';
import { EXIT } from '../../exit-codes.js';
import { shanghaiTime } from '../../output/time.js';

export interface ItemsPublishResult {
  version: number;
  publishedBy: string;
  publishedAt: string;
  message: string;
  itemCount: number;
  /** Against the previous version. */
  added: number;
  removed: number;
  changed: number;
}

export default class ItemsPublish extends TongbanCommand<ItemsPublishResult> {
  static override summary = 'Publish the draft as a new immutable catalogue version (who, when, why).';
  static override description = [
    'Seed 000 4.2: the catalogue is managed dynamically and every update is recorded. The draft is validated',
    'again; a draft with errors, or one identical to the latest version, is refused and nothing is published.',
    'A draft with no items is refused. A draft that removes more than --removal-share of the published items',
    '(default 20%) is refused unless --confirm-removals names the count it removes (issue 25: a wrong or',
    'truncated spreadsheet must not quietly take services off every kiosk).',
  ].join('\n');
  static override examples = [
    '<%= config.bin %> <%= command.id %> --message "2025年第12周：新增3项，调整社保材料" --by 张敏',
    '<%= config.bin %> <%= command.id %> -m "撤并12项" --by 张敏 --confirm-removals 12',
    'TONGBAN_USER=zhangmin <%= config.bin %> <%= command.id %> -m "weekly update" --json',
  ];
  static override flags = {
    message: Flags.string({ char: 'm', summary: 'Why: what this version changes.', required: true }),
    by: Flags.string({ summary: 'Who publishes (name or staff id).', env: 'TONGBAN_USER', required: true }),
    'confirm-removals': Flags.integer({
      summary:
        'Confirms that the draft removes exactly this many published items (needed above --removal-share).',
      min: 0,
    }),
    'removal-share': Flags.integer({
      summary: 'Percent of the published items a publish may remove without --confirm-removals.',
      env: 'TONGBAN_REMOVAL_SHARE',
      default: 20,
      min: 0,
      max: 100,
    }),
  };

  async run(): Promise<ItemsPublishResult> {
    const { flags } = await this.parse(ItemsPublish);
    if (!flags.message.trim()) {
      throw new TongbanError('usage.emptyMessage', 'the publish message is empty', {
        where: { field: '--message' },
        hint: 'say what this version changes, e.g. --message "新增3项"',
      });
    }
    const { validateCatalogue, diffCatalogues, checkRemovals } = await import('@tongban/core/catalogue');
    const store = await this.openStore(flags.data);
    return store.transact(async (tx) => {
      const draft = await tx.getDraft();
      if (!draft) {
        throw new TongbanError('catalogue.noDraft', 'there is no draft to publish', {
          hint: 'import one with `tongban items import FILE` first',
        });
      }
      const check = validateCatalogue(draft);
      if (check.errors.length > 0) {
        this.failWith(EXIT.invalid);
        throw new TongbanError('catalogue.invalidDraft', `the draft has ${check.errors.length} error(s)`, {
          hint: 'see them with `tongban items validate`, mend the file and import it again',
        });
      }
      const latest = await tx.catalogue();
      const diff = diffCatalogues(latest?.items ?? [], check.items);
      checkRemovals({
        published: latest?.items.length ?? 0,
        removed: diff.removed.length,
        draft: check.items.length,
        share: flags['removal-share'] / 100,
        confirmed: flags['confirm-removals'],
      });
      if (latest && diff.added.length + diff.removed.length + diff.changed.length === 0) {
        throw new TongbanError(
          'catalogue.nothingToPublish',
          `the draft is identical to version ${latest.version}`,
          { hint: 'import the changed catalogue first; see `tongban items diff`' },
        );
      }
      const v = await tx.publish({ items: check.items, publishedBy: flags.by, message: flags.message });
      const result: ItemsPublishResult = {
        version: v.version,
        publishedBy: v.publishedBy,
        publishedAt: v.publishedAt,
        message: v.message,
        itemCount: v.items.length,
        added: diff.added.length,
        removed: diff.removed.length,
        changed: diff.changed.length,
      };
      this.log(
        `Published version ${result.version} (${result.itemCount} items: +${result.added} -${result.removed} ~${result.changed}) by ${result.publishedBy} at ${shanghaiTime(result.publishedAt)}.`,
      );
      return result;
    });
  }
}

import { TongbanError } from '@tongban/core/errors';
import { resolveDataDir } from '@tongban/store';
import { TongbanCommand } from '../../base-command.js';

export interface StoreRebuildIndexResult {
  /** The data directory, absolute. */
  data: string;
  /** Cases whose summary was recomputed from their event log. */
  cases: number;
  ms: number;
}

/** What a store must offer to have its index rebuilt (the embedded lowdb store does; a database keeps its own). */
interface RebuildableStore {
  rebuildIndex(): Promise<number>;
}

export default class StoreRebuildIndex extends TongbanCommand<StoreRebuildIndexResult> {
  static override summary =
    'Recompute the case index (summary shards) of the data directory from the case logs.';
  static override description = [
    'The embedded store keeps every case twice: its event log (cases/events/…/*.jsonl, the truth) and a summary',
    'in one of the index shards that `cases list` and the kiosk search. When a shard is damaged or lost (a disk',
    'error, a bad copy, a hand edit) the store refuses to read it and names this command: every shard is then',
    'written again from the event logs. Runs with the write lock held, so kiosks and clerks wait a moment;',
    'the event logs are only read. Safe to run at any time.',
  ].join('\n');
  static override examples = [
    '<%= config.bin %> <%= command.id %>',
    '<%= config.bin %> <%= command.id %> --data /srv/tongban --json',
  ];

  async run(): Promise<StoreRebuildIndexResult> {
    const { flags } = await this.parse(StoreRebuildIndex);
    const data = resolveDataDir(flags.data);
    const store = (await this.openStore(flags.data)) as unknown as Partial<RebuildableStore>;
    if (typeof store.rebuildIndex !== 'function') {
      throw new TongbanError('store.noIndex', `The store of ${data} keeps no separate case index.`, {
        where: { file: data },
        hint: 'nothing to rebuild: this command is for the embedded store of a data directory',
      });
    }
    const started = performance.now();
    const cases = await store.rebuildIndex();
    const result = { data, cases, ms: Math.round(performance.now() - started) };
    this.log(`Rebuilt the case index of ${data}: ${cases} case(s) from their event logs in ${result.ms} ms.`);
    return result;
  }
}

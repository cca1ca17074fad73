import { Args, Flags } from '@oclif/core';
import { TongbanCommand } from '../../../base-command.js';
import { atFlag, byFlag, parseInstant } from '../../../records/flags.js';
import { ledgerOf } from '../../../records/services.js';
import { type LedgerEntryResult, METRIC_OPTIONS } from './add.js';
import { describeLedgerEntry, ledgerRow } from './list.js';

export default class MetricsLedgerUpdate extends TongbanCommand<LedgerEntryResult> {
  static override summary = 'Record progress on a ledger entry or change its fields (seed 000 7.3).';
  static override description =
    'A progress note on an open entry moves it to inProgress (整改中). A closed entry is not changed any more.';
  static override examples = [
    '<%= config.bin %> <%= command.id %> GJ-2026Q4-001 --progress "已建立晨会督办制度" --by 李华',
    '<%= config.bin %> <%= command.id %> GJ-2026Q4-001 --deadline 2027-01-15 --unit 投诉科 --by 李华 --json',
  ];
  static override args = {
    id: Args.string({ description: 'Ledger entry id, e.g. GJ-2026Q4-001', required: true }),
  };
  static override flags = {
    progress: Flags.string({ summary: 'What has been done so far.' }),
    problem: Flags.string({ summary: 'New problem text.' }),
    unit: Flags.string({ summary: 'New responsible unit.' }),
    measure: Flags.string({ summary: 'New measure.' }),
    deadline: Flags.string({ summary: "New deadline 'YYYY-MM-DD'." }),
    metric: Flags.option({ options: METRIC_OPTIONS, summary: 'The metric it comes from.' })(),
    cause: Flags.string({ summary: 'Cause.' }),
    status: Flags.option({
      options: ['open', 'inProgress'] as const,
      summary: 'Set the status (close with `ledger close`).',
    })(),
    by: byFlag('Who updates.'),
    at: atFlag,
  };

  async run(): Promise<LedgerEntryResult> {
    const { args, flags } = await this.parse(MetricsLedgerUpdate);
    const at = parseInstant(flags.at, '--at');
    const store = await this.openStore(flags.data);
    const ledger = await ledgerOf(store);
    const e = await ledger.update(
      args.id,
      {
        ...(flags.progress !== undefined ? { progress: flags.progress } : {}),
        ...(flags.problem !== undefined ? { problem: flags.problem } : {}),
        ...(flags.unit !== undefined ? { responsibleUnit: flags.unit } : {}),
        ...(flags.measure !== undefined ? { measure: flags.measure } : {}),
        ...(flags.deadline !== undefined ? { deadline: flags.deadline } : {}),
        ...(flags.metric !== undefined ? { metricId: flags.metric } : {}),
        ...(flags.cause !== undefined ? { cause: flags.cause } : {}),
        ...(flags.status !== undefined ? { status: flags.status } : {}),
      },
      { by: flags.by, at },
    );
    const row = await ledgerRow(e, at);
    this.log(`Updated ${e.id} (${e.history.at(-1)?.fields.join(', ')}).`);
    this.log(describeLedgerEntry(row));
    return { entry: row };
  }
}

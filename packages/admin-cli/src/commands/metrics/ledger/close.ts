import { Args, Flags } from '@oclif/core';
import { TongbanCommand } from '../../../base-command.js';
import { atFlag, byFlag, parseInstant } from '../../../records/flags.js';
import { ledgerOf } from '../../../records/services.js';
import type { LedgerEntryResult } from './add.js';
import { describeLedgerEntry, ledgerRow } from './list.js';

export default class MetricsLedgerClose extends TongbanCommand<LedgerEntryResult> {
  static override summary = 'Close a ledger entry with what was achieved (seed 000 7.3).';
  static override examples = [
    '<%= config.bin %> <%= command.id %> GJ-2026Q4-001 --result "投诉按时反馈率升至95%" --by 张敏',
  ];
  static override args = {
    id: Args.string({ description: 'Ledger entry id, e.g. GJ-2026Q4-001', required: true }),
  };
  static override flags = {
    result: Flags.string({ summary: 'What the measure achieved.', required: true }),
    by: byFlag('Who closes.'),
    at: atFlag,
  };

  async run(): Promise<LedgerEntryResult> {
    const { args, flags } = await this.parse(MetricsLedgerClose);
    const at = parseInstant(flags.at, '--at');
    const store = await this.openStore(flags.data);
    const ledger = await ledgerOf(store);
    const e = await ledger.close(args.id, { result: flags.result, by: flags.by, at });
    const row = await ledgerRow(e, at);
    this.log(
      `Closed ${e.id}${e.deadline < row.closedAt!.slice(0, 10) ? ` after its deadline ${e.deadline}` : ''}.`,
    );
    this.log(describeLedgerEntry(row));
    return { entry: row };
  }
}

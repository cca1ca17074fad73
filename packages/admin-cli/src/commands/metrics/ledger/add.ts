import { Flags } from '@oclif/core';
import { type LedgerEntry, METRIC_IDS } from '@tongban/core/metrics';
import { TongbanCommand } from '../../../base-command.js';
import { atFlag, byFlag, parseInstant } from '../../../records/flags.js';
import { ledgerOf } from '../../../records/services.js';
import { describeLedgerEntry, type LedgerRow, ledgerRow } from './list.js';

export interface LedgerEntryResult {
  entry: LedgerRow;
}

/** The metrics of core a ledger entry may name (seed 000 7.3: the low-scoring metric it comes from). */
export const METRIC_OPTIONS = METRIC_IDS;

export default class MetricsLedgerAdd extends TongbanCommand<LedgerEntryResult> {
  static override summary = 'Write a problem into the improvement ledger (改进台账, seed 000 7.3).';
  static override description = [
    'Seed 000 7.3: each quarter the evaluation results are analysed and every problem found is written down as',
    '问题清单-责任部门-整改措施-完成时限: --problem, --unit, --measure, --deadline. --metric names the low-scoring',
    'metric it comes from (see `tongban metrics report`). Ids look like GJ-2026Q4-001.',
  ].join('\n');
  static override examples = [
    '<%= config.bin %> <%= command.id %> --problem "投诉按时反馈率仅60%" --unit 投诉科 --measure "每日晨会督办" --deadline 2026-12-31 --metric complaintReplyInTime --by 张敏',
    '<%= config.bin %> <%= command.id %> --problem "咨询响应不及时" --cause "知识库更新滞后" --unit 综合窗口 --measure "每周更新知识库" --deadline 2027-01-31 --by 张敏 --json',
  ];
  static override flags = {
    problem: Flags.string({ summary: '问题清单: the problem found.', required: true }),
    unit: Flags.string({ summary: '责任部门: the responsible unit.', required: true }),
    measure: Flags.string({ summary: '整改措施: what will be done.', required: true }),
    deadline: Flags.string({ summary: "完成时限: day 'YYYY-MM-DD'.", required: true }),
    metric: Flags.option({ options: METRIC_OPTIONS, summary: 'The low-scoring metric it comes from.' })(),
    cause: Flags.string({ summary: '问题产生的环节与原因.' }),
    quarter: Flags.string({ summary: 'Quarter of the analysis, e.g. 2026Q4 (default: the current one).' }),
    by: byFlag('Who writes the entry.'),
    at: atFlag,
  };

  async run(): Promise<LedgerEntryResult> {
    const { flags } = await this.parse(MetricsLedgerAdd);
    const at = parseInstant(flags.at, '--at');
    const store = await this.openStore(flags.data);
    const ledger = await ledgerOf(store);
    const e: LedgerEntry = await ledger.add(
      {
        problem: flags.problem,
        responsibleUnit: flags.unit,
        measure: flags.measure,
        deadline: flags.deadline,
        ...(flags.metric ? { metricId: flags.metric } : {}),
        ...(flags.cause ? { cause: flags.cause } : {}),
        ...(flags.quarter ? { quarter: flags.quarter.toUpperCase() } : {}),
      },
      { by: flags.by, at },
    );
    const row = await ledgerRow(e, at);
    this.log(`Added ${e.id}.`);
    this.log(describeLedgerEntry(row));
    return { entry: row };
  }
}

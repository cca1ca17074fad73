import { Flags } from '@oclif/core';
import type { LedgerEntry } from '@tongban/core/metrics';
import { TongbanCommand } from '../../../base-command.js';
import { renderPairs, renderTable } from '../../../output/table.js';
import { nowFlag, parseInstant } from '../../../records/flags.js';
import { ledgerOf } from '../../../records/services.js';
import { localTime } from '../../../records/views.js';

export type LedgerRow = Omit<LedgerEntry, 'revision'> & { overdue: boolean };

export async function ledgerRow(e: LedgerEntry, now: Date): Promise<LedgerRow> {
  const { isLedgerOverdue } = await import('@tongban/core/metrics');
  const { revision: _r, ...rest } = e;
  return { ...rest, overdue: isLedgerOverdue(e, now) };
}

const STATUS_ZH: Record<string, string> = { open: '待整改', inProgress: '整改中', closed: '已完成' };

export function describeLedgerEntry(r: LedgerRow): string {
  return renderPairs([
    ['编号 id', `${r.id} (${r.quarter})`],
    ['问题 problem', r.problem],
    ['指标 metric', r.metricId ?? ''],
    ['原因 cause', r.cause ?? ''],
    ['责任部门 unit', r.responsibleUnit],
    ['整改措施 measure', r.measure],
    ['完成时限 deadline', `${r.deadline}${r.overdue ? '  逾期 OVERDUE' : ''}`],
    ['状态 status', `${STATUS_ZH[r.status]} (${r.status})`],
    ['进展 progress', r.progress ?? ''],
    ['结果 result', r.result ?? ''],
    [
      '记录 history',
      r.history.map((h) => `${localTime(h.at)} ${h.action} ${h.by}${h.note ? `: ${h.note}` : ''}`).join('; '),
    ],
  ]);
}

export interface LedgerListResult {
  at: string;
  total: number;
  entries: LedgerRow[];
}

export default class MetricsLedgerList extends TongbanCommand<LedgerListResult> {
  static override summary = 'List the improvement ledger (改进台账, seed 000 7.3), by quarter.';
  static override examples = [
    '<%= config.bin %> <%= command.id %>',
    '<%= config.bin %> <%= command.id %> --quarter 2026Q4 --status open --json',
    '<%= config.bin %> <%= command.id %> --overdue',
  ];
  static override flags = {
    status: Flags.option({
      options: ['open', 'inProgress', 'closed'] as const,
      summary: 'Only this status.',
    })(),
    unit: Flags.string({ summary: 'Only this responsible unit.' }),
    quarter: Flags.string({ summary: 'Only this quarter, e.g. 2026Q4.' }),
    overdue: Flags.boolean({ summary: 'Only entries past their deadline and not closed.', default: false }),
    at: nowFlag,
  };

  async run(): Promise<LedgerListResult> {
    const { flags } = await this.parse(MetricsLedgerList);
    const now = parseInstant(flags.at, '--at');
    const store = await this.openStore(flags.data);
    const ledger = await ledgerOf(store);
    const entries = await ledger.list({
      ...(flags.status ? { status: flags.status } : {}),
      ...(flags.unit ? { responsibleUnit: flags.unit } : {}),
      ...(flags.quarter ? { quarter: flags.quarter.toUpperCase() } : {}),
      ...(flags.overdue ? { overdueAt: now } : {}),
    });
    const rows: LedgerRow[] = [];
    for (const e of entries) rows.push(await ledgerRow(e, now));
    this.log(
      renderTable(rows, [
        { header: 'id', get: (r) => r.id },
        { header: 'problem', get: (r) => r.problem, max: 24 },
        { header: 'unit', get: (r) => r.responsibleUnit, max: 14 },
        { header: 'measure', get: (r) => r.measure, max: 24 },
        { header: 'deadline', get: (r) => `${r.deadline}${r.overdue ? ' 逾期' : ''}` },
        { header: 'status', get: (r) => STATUS_ZH[r.status] },
      ]),
    );
    this.log(`${rows.length} entr${rows.length === 1 ? 'y' : 'ies'}.`);
    return { at: now.toISOString(), total: rows.length, entries: rows };
  }
}

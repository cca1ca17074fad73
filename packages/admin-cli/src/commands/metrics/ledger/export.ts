import { writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import { Flags } from '@oclif/core';
import { TongbanError } from '@tongban/core/errors';
import { TongbanCommand } from '../../../base-command.js';
import { toCsv } from '../../../records/csv.js';
import { nowFlag, parseInstant } from '../../../records/flags.js';
import { ledgerOf } from '../../../records/services.js';

export interface LedgerExportResult {
  file: string;
  format: 'csv' | 'xlsx';
  entries: number;
  bytes: number;
}

export default class MetricsLedgerExport extends TongbanCommand<LedgerExportResult> {
  static override summary =
    'Export the improvement ledger to CSV or XLSX, with the seed’s column names (seed 000 7.3).';
  static override description = [
    'Columns: 编号, 季度, 问题清单, 相关指标, 原因, 责任部门, 整改措施, 完成时限, 状态, 逾期, 进展, 整改结果, 完成时间.',
    'CSV is UTF-8 with a BOM (opens in Excel on Chinese Windows); text cells starting with = + - @ are neutralised.',
  ].join('\n');
  static override examples = [
    '<%= config.bin %> <%= command.id %> --out 改进台账-2026Q4.xlsx --quarter 2026Q4',
    '<%= config.bin %> <%= command.id %> --out ledger.csv --json',
  ];
  static override flags = {
    out: Flags.file({ summary: 'File to write; .xlsx or .csv.', required: true }),
    format: Flags.option({
      options: ['csv', 'xlsx'] as const,
      summary: 'Format (default: from the file name).',
    })(),
    quarter: Flags.string({ summary: 'Only this quarter, e.g. 2026Q4.' }),
    status: Flags.option({
      options: ['open', 'inProgress', 'closed'] as const,
      summary: 'Only this status.',
    })(),
    at: nowFlag,
  };

  async run(): Promise<LedgerExportResult> {
    const { flags } = await this.parse(MetricsLedgerExport);
    const ext = extname(flags.out).slice(1).toLowerCase();
    const format = flags.format ?? (ext === 'xlsx' || ext === 'csv' ? ext : undefined);
    if (!format) {
      throw new TongbanError('usage.badFileType', `cannot tell the format of ${flags.out}`, {
        where: { file: flags.out },
        hint: 'name the file .xlsx or .csv, or give --format csv|xlsx',
      });
    }
    const now = parseInstant(flags.at, '--at');
    const store = await this.openStore(flags.data);
    const ledger = await ledgerOf(store);
    const { LEDGER_COLUMNS, ledgerRows } = await import('@tongban/core/metrics');
    const entries = await ledger.list({
      ...(flags.quarter ? { quarter: flags.quarter.toUpperCase() } : {}),
      ...(flags.status ? { status: flags.status } : {}),
    });
    const header = LEDGER_COLUMNS.map((c) => c.header);
    const rows = ledgerRows(entries, now);
    let bytes: number;
    if (format === 'csv') {
      const buf = Buffer.from(toCsv(header, rows), 'utf8');
      writeFileSync(flags.out, buf);
      bytes = buf.length;
    } else {
      // exceljs is heavy: loaded only here (issue 6: simple commands stay light).
      const ExcelJS = (await import('exceljs')).default;
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('改进台账');
      ws.addRow(header).font = { bold: true };
      for (const r of rows) ws.addRow(r);
      ws.views = [{ state: 'frozen', ySplit: 1 }];
      ws.columns.forEach((col, i) => {
        col.width = [16, 8, 36, 20, 24, 16, 36, 12, 8, 6, 30, 30, 22][i] ?? 16;
      });
      const buf = Buffer.from(await wb.xlsx.writeBuffer());
      writeFileSync(flags.out, buf);
      bytes = buf.length;
    }
    this.log(
      `Wrote ${entries.length} ledger entr${entries.length === 1 ? 'y' : 'ies'} to ${flags.out} (${format}).`,
    );
    return { file: flags.out, format, entries: entries.length, bytes };
  }
}

import { resolve } from 'node:path';
import { Flags } from '@oclif/core';
import type { ExportTransferResult } from '@tongban/archive/transfer';
import { UNITS, type Unit } from '@tongban/core/cases';
import { TongbanCommand } from '../../base-command.js';
import { loadCalendar } from '../../calendar-support.js';
import { startProgress } from '../../output/progress.js';
import { renderTable } from '../../output/table.js';

export type TransferExportResult = ExportTransferResult;

const MiB = 1 << 20;

export default class TransferExport extends TongbanCommand<TransferExportResult> {
  static override summary =
    'Export a signed transfer bundle of cases (events and materials) for another site (异地代收).';
  static override description = [
    'Seed 000 table 2 row 1 c: the remote window sends proxy-received materials to the local window by system push.',
    'The bundle is a signed BagIt bag; each proxyReceived case gets a `transfer` event (push, bundle id, transfer',
    'time limit). The local window sends results back the same way (cases in resultForwarded, --unit localWindow).',
    'Default cases: every proxyLocal case waiting to travel from --unit. Exit codes: 0 done, 3 nothing to send, 4 no key.',
  ].join(' ');
  static override examples = [
    '<%= config.bin %> <%= command.id %> --to-site SHA1 --out /outbox/to-sha1.tar --by 刘洋',
    '<%= config.bin %> <%= command.id %> --to-site SHA1 --cases HRB1-261116-C7K3Q-XMZ,HRB1-261116-CA2B3-K9P --out t.tar --json',
    '<%= config.bin %> <%= command.id %> --unit localWindow --to-site HRB1 --out /outbox/back-to-hrb1.tar',
  ];
  static override flags = {
    'to-site': Flags.string({ summary: 'Receiving site code.', required: true }),
    'from-site': Flags.string({ summary: 'This site code (written to bag-info).', env: 'TONGBAN_SITE' }),
    cases: Flags.string({
      summary: 'Application numbers, comma-separated (default: every case waiting to travel).',
      multiple: true,
      delimiter: ',',
    }),
    unit: Flags.option({ options: UNITS, summary: 'The sending unit.', default: 'remoteWindow' })(),
    out: Flags.string({ summary: 'FILE.tar or a folder; must not exist.', required: true }),
    by: Flags.string({ summary: 'Who sends (name or staff id).', env: 'TONGBAN_USER', required: true }),
  };

  async run(): Promise<TransferExportResult> {
    const { flags } = await this.parse(TransferExport);
    const { exportTransfer } = await import('@tongban/archive/transfer');
    const dataDir = resolve(flags.data);
    const store = await this.openStore(flags.data);
    let progress = startProgress('transfer', 1, { enabled: false });
    const r = await exportTransfer({
      store,
      dataDir,
      calendar: await loadCalendar(dataDir),
      unit: flags.unit as Unit,
      toSite: flags['to-site'],
      ...(flags['from-site'] ? { fromSite: flags['from-site'] } : {}),
      ...(flags.cases?.length ? { caseIds: flags.cases.map((c) => c.trim()).filter(Boolean) } : {}),
      out: resolve(flags.out),
      actor: flags.by,
      onPlan: (p) => {
        progress = startProgress(`transfer ${p.cases} case(s), MiB`, Math.ceil(p.materialBytes / MiB), {
          enabled: !this.jsonEnabled(),
        });
      },
      onBytes: (b) => progress.tick(Math.floor(b / MiB)),
    });
    progress.stop();
    this.log(
      renderTable(r.cases, [
        { header: 'case', get: (c) => c.caseId },
        { header: 'state', get: (c) => c.state },
        { header: 'events', get: (c) => c.events, align: 'right' },
        { header: 'materials', get: (c) => c.materials, align: 'right' },
        { header: 'due', get: (c) => c.transferEvent?.dueAt ?? '' },
      ]),
    );
    this.log(
      `Bundle ${r.bundleId} for ${r.toSite}: ${r.cases.length} case(s), ${r.payload.bytes} bytes, signed by key ${r.signature.keyId} -> ${r.path}`,
    );
    return r;
  }
}

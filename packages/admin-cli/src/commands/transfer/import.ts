import { resolve } from 'node:path';
import { Args, Flags } from '@oclif/core';
import type { ImportTransferResult } from '@tongban/archive/transfer';
import { TongbanCommand } from '../../base-command.js';
import { loadCalendar } from '../../calendar-support.js';
import { renderTable } from '../../output/table.js';

export type TransferImportResult = ImportTransferResult;

export default class TransferImport extends TongbanCommand<TransferImportResult> {
  static override summary =
    'Import a transfer bundle at the receiving site: verify it, append the events, store the materials.';
  static override description = [
    "The bundle must verify (the sender's public key in this site's keyring: `tongban archive keys trust FILE`).",
    'Events are checked against the local log by the case rules and appended by id, so importing the same bundle',
    'twice changes nothing. A refused bundle changes nothing. Exit codes: 0 done, 2 refused bundle, 3 the case moved on.',
  ].join(' ');
  static override examples = [
    '<%= config.bin %> <%= command.id %> /inbox/TRF-20261116-7K3QXM.tar --site SHA1',
    '<%= config.bin %> <%= command.id %> /inbox/TRF-20261116-7K3QXM.tar --json',
  ];
  static override args = {
    bundle: Args.string({ description: 'The transfer bundle (.tar or folder).', required: true }),
  };
  static override flags = {
    site: Flags.string({
      summary: 'This site code: a bundle addressed elsewhere is refused.',
      env: 'TONGBAN_SITE',
    }),
    by: Flags.string({ summary: 'Who imports.', env: 'TONGBAN_USER' }),
  };

  async run(): Promise<TransferImportResult> {
    const { args, flags } = await this.parse(TransferImport);
    const { importTransfer } = await import('@tongban/archive/transfer');
    const dataDir = resolve(flags.data);
    const store = await this.openStore(flags.data);
    const r = await importTransfer({
      store,
      dataDir,
      calendar: await loadCalendar(dataDir),
      bundle: resolve(args.bundle),
      ...(flags.site ? { site: flags.site } : {}),
      ...(flags.by ? { actor: flags.by } : {}),
    });
    this.log(
      renderTable(r.cases, [
        { header: 'case', get: (c) => c.caseId },
        { header: 'new events', get: (c) => c.newEvents, align: 'right' },
        { header: 'state', get: (c) => c.state },
        { header: 'waiting on', get: (c) => c.waitingOn ?? '' },
        { header: 'materials', get: (c) => `${c.materials.written} new, ${c.materials.unchanged} same` },
      ]),
    );
    this.log(
      r.alreadyImported
        ? `Bundle ${r.bundleId} was imported before: nothing changed.`
        : `Imported ${r.bundleId} from ${r.fromSite ?? r.signedBy.organization}: ${r.cases.length} case(s).`,
    );
    return r;
  }
}

import { Flags } from '@oclif/core';
import type { ArchiveRecord } from '@tongban/archive';
import { UNITS, type Unit } from '@tongban/core/cases';
import { TongbanCommand } from '../../base-command.js';
import { renderTable } from '../../output/table.js';

export interface ArchiveListResult {
  archives: Omit<ArchiveRecord, 'revision'>[];
}

export default class ArchiveList extends TongbanCommand<ArchiveListResult> {
  static override summary = 'List the archive bundles made at this site, newest first.';
  static override examples = [
    '<%= config.bin %> <%= command.id %>',
    '<%= config.bin %> <%= command.id %> --unit department --json',
  ];
  static override flags = {
    unit: Flags.option({ options: UNITS, summary: 'Only bundles of this unit.' })(),
  };

  async run(): Promise<ArchiveListResult> {
    const { flags } = await this.parse(ArchiveList);
    const { listArchives } = await import('@tongban/archive');
    const store = await this.openStore(flags.data);
    const list = await listArchives(store, flags.unit ? { unit: flags.unit as Unit } : {});
    const archives = list.map(({ revision: _r, ...a }) => a);
    this.log(
      renderTable(archives, [
        { header: 'bundle', get: (r) => r.id },
        { header: 'unit', get: (r) => r.unit },
        { header: 'period', get: (r) => r.period },
        { header: 'cases', get: (r) => r.caseIds.length, align: 'right' },
        { header: 'bytes', get: (r) => r.payloadBytes, align: 'right' },
        { header: 'path', get: (r) => r.path, max: 40 },
      ]),
    );
    this.log(`${archives.length} bundle(s).`);
    return { archives };
  }
}

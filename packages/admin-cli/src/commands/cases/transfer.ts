import { Flags } from '@oclif/core';
import { actingFlags, CaseStepCommand, caseArg } from '../../cases/case-command.js';
import type { StepResult } from '../../cases/views.js';

export default class CasesTransfer extends CaseStepCommand {
  static override summary =
    '材料流转: the remote window sends the materials to the local window (push or post).';
  static override description = [
    'proxyLocal, by remoteWindow (seed 000 table 2 row 1 c). push: system push, the case is at once awaiting',
    'acceptance; post: by mail with its tracking number, the local window signs with receive-transfer.',
  ].join('\n');
  static override examples = [
    '<%= config.bin %> <%= command.id %> HRB1-260302-C7K3Q-XM1 --unit remoteWindow --actor wang --method push',
    '<%= config.bin %> <%= command.id %> HRB1-260302-C7K3Q-XM1 --method post --tracking EMS1088000001 --json',
  ];
  static override args = { case: caseArg };
  static override flags = {
    ...actingFlags,
    method: Flags.option({
      options: ['push', 'post'] as const,
      summary: 'System push or post.',
      required: true,
    })(),
    tracking: Flags.string({ summary: 'Postal tracking number (required with post).' }),
  };

  async run(): Promise<StepResult> {
    const { args, flags } = await this.parse(CasesTransfer);
    return this.step(args.case, flags, 'transfer', () => ({
      method: flags.method,
      trackingNumber: flags.tracking,
    }));
  }
}

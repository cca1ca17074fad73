import { Flags } from '@oclif/core';
import { actingFlags, CaseStepCommand, caseArg } from '../../cases/case-command.js';
import type { StepResult } from '../../cases/views.js';

export default class CasesReceiveTransfer extends CaseStepCommand {
  static override summary = '流转材料签收: the local window signs for posted materials.';
  static override description = 'proxyLocal, by localWindow (seed 000 table 2 row 1 c; seed 001 6.1.5).';
  static override examples = [
    '<%= config.bin %> <%= command.id %> HRB1-260302-C7K3Q-XM1 --unit localWindow --actor zhangmin',
    '<%= config.bin %> <%= command.id %> HRB1-260302-C7K3Q-XM1 --note "邮件完好" --json',
  ];
  static override args = { case: caseArg };
  static override flags = { ...actingFlags, note: Flags.string({ summary: 'A note on the receipt.' }) };

  async run(): Promise<StepResult> {
    const { args, flags } = await this.parse(CasesReceiveTransfer);
    return this.step(args.case, flags, 'receiveTransfer', () => ({ note: flags.note ?? '' }));
  }
}

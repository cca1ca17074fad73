import { Flags } from '@oclif/core';
import { actingFlags, CaseStepCommand, caseArg } from '../../cases/case-command.js';
import type { StepResult } from '../../cases/views.js';

export default class CasesForwardResult extends CaseStepCommand {
  static override summary = '结果转至异地窗口: the local window sends the result to the remote window.';
  static override description =
    'proxyLocal when the applicant takes the result at the remote window (seed 000 table 2 row 4 b); the remote window then delivers.';
  static override examples = [
    '<%= config.bin %> <%= command.id %> HRB1-260302-C7K3Q-XM1 --unit localWindow --actor zhangmin',
    '<%= config.bin %> <%= command.id %> HRB1-260302-C7K3Q-XM1 --note "随件寄送" --json',
  ];
  static override args = { case: caseArg };
  static override flags = { ...actingFlags, note: Flags.string({ summary: 'A note.' }) };

  async run(): Promise<StepResult> {
    const { args, flags } = await this.parse(CasesForwardResult);
    return this.step(args.case, flags, 'forwardResult', () => ({ note: flags.note ?? '' }));
  }
}

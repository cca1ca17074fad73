import { Flags } from '@oclif/core';
import { actingFlags, CaseStepCommand, caseArg } from '../../cases/case-command.js';
import type { StepResult } from '../../cases/views.js';

export default class CasesNote extends CaseStepCommand {
  static override summary =
    '办理记录: add a remark to an open case (a call, a reminder); the state does not change.';
  static override description =
    'Any unit, any open state; kept in the event log for traceability (seed 000 6.1).';
  static override examples = [
    '<%= config.bin %> <%= command.id %> HRB1-260302-C7K3Q-XM1 --unit localWindow --actor zhangmin --text "已电话提醒申请人补正"',
  ];
  static override args = { case: caseArg };
  static override flags = { ...actingFlags, text: Flags.string({ summary: 'The remark.', required: true }) };

  async run(): Promise<StepResult> {
    const { args, flags } = await this.parse(CasesNote);
    return this.step(args.case, flags, 'note', () => ({ note: flags.text }));
  }
}

import { Flags } from '@oclif/core';
import { UNITS } from '@tongban/core/cases';
import { actingFlags, CaseStepCommand, caseArg } from '../../cases/case-command.js';
import type { StepResult } from '../../cases/views.js';

export default class CasesWithdraw extends CaseStepCommand {
  static override summary =
    '撤回申请: the applicant withdraws before a decision (recorded by a clerk or themselves).';
  static override description = [
    "The step is the applicant's (unit `applicant`, whatever TONGBAN_UNIT says); --actor names who recorded it.",
    'Allowed in every state before the decision (seed 002 9.3).',
  ].join('\n');
  static override examples = [
    '<%= config.bin %> <%= command.id %> HRB1-260302-C7K3Q-XM1 --actor zhangmin --reason "申请人已在其他地区办理"',
    '<%= config.bin %> <%= command.id %> HRB1-260302-C7K3Q-XM1 --actor 王芳 --json',
  ];
  static override args = { case: caseArg };
  static override flags = {
    ...actingFlags,
    unit: Flags.option({
      options: UNITS,
      summary: 'Unit of the step (the applicant withdraws).',
      default: 'applicant',
      helpGroup: 'ACTING',
    })(),
    reason: Flags.string({ summary: 'Why the applicant withdraws.' }),
  };

  async run(): Promise<StepResult> {
    const { args, flags } = await this.parse(CasesWithdraw);
    return this.step(args.case, flags, 'withdraw', () => ({ reason: flags.reason ?? '' }));
  }
}

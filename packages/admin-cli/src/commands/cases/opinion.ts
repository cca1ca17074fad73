import { Flags } from '@oclif/core';
import { actingFlags, CaseStepCommand, caseArg } from '../../cases/case-command.js';
import type { StepResult } from '../../cases/views.js';

export default class CasesOpinion extends CaseStepCommand {
  static override summary = '联办部门意见: a non-lead department of a 联办件 gives its parallel opinion.';
  static override description =
    'Seed 004 6.7, 8.5.2; seed 001 6.2.2. One opinion per department; the lead decides after every opinion is in.';
  static override examples = [
    '<%= config.bin %> <%= command.id %> HRB1-260302-C7K3Q-XM1 --unit localDepartment --actor zhao --department 国家税务总局哈尔滨市道里区税务局 --opinion agree',
    '<%= config.bin %> <%= command.id %> HRB1-260302-C7K3Q-XM1 --department 哈尔滨市道里区医疗保障局 --opinion disagree --note "欠缴医保费" --json',
  ];
  static override args = { case: caseArg };
  static override flags = {
    ...actingFlags,
    department: Flags.string({ summary: 'The department giving its opinion.', required: true }),
    opinion: Flags.option({
      options: ['agree', 'disagree'] as const,
      summary: 'Agree or disagree.',
      required: true,
    })(),
    note: Flags.string({ summary: 'Why.' }),
  };

  async run(): Promise<StepResult> {
    const { args, flags } = await this.parse(CasesOpinion);
    return this.step(args.case, flags, 'giveOpinion', () => ({
      department: flags.department,
      opinion: flags.opinion,
      note: flags.note ?? '',
    }));
  }
}

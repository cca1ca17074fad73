import { Flags } from '@oclif/core';
import { actingFlags, CaseStepCommand, caseArg } from '../../cases/case-command.js';
import type { StepResult } from '../../cases/views.js';

export default class CasesGuidance extends CaseStepCommand {
  static override summary =
    '网上申请指导: a window records that it helped the applicant with an online application.';
  static override description = [
    'Seed 000 table 1 row 1: 异地综合窗口或属地综合窗口 指导服务对象网上申请. No state change; kept in the log.',
  ].join('\n');
  static override examples = [
    '<%= config.bin %> <%= command.id %> HRB1-260302-C7K3Q-XM1 --unit localWindow --actor zhangmin --note 指导上传材料',
  ];
  static override args = { case: caseArg };
  static override flags = {
    ...actingFlags,
    note: Flags.string({ summary: 'What the window helped with.' }),
  };

  async run(): Promise<StepResult> {
    const { args, flags } = await this.parse(CasesGuidance);
    return this.step(args.case, flags, 'guidance', () => ({ note: flags.note ?? '' }));
  }
}

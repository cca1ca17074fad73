import { Flags } from '@oclif/core';
import { actingFlags, CaseStepCommand, caseArg } from '../../cases/case-command.js';
import type { StepResult } from '../../cases/views.js';

export default class CasesRefusalFeedback extends CaseStepCommand {
  static override summary =
    '不予受理反馈: in a proxy mode the department feeds a non-acceptance back to the remote window, which tells the applicant.';
  static override description = [
    'Seed 000 table 2 row 2 b, table 3 row 2 b: 不予受理的申报材料及时反馈至异地综合窗口，由异地综合窗口反馈给服务对象.',
    'Two steps: the deciding department (or the local window) --to remoteWindow, then remoteWindow --to applicant.',
    '--to defaults to remoteWindow, or applicant when the remote window acts.',
  ].join('\n');
  static override examples = [
    '<%= config.bin %> <%= command.id %> HRB1-260302-C7K3Q-XM1 --unit localDepartment --actor li',
    '<%= config.bin %> <%= command.id %> HRB1-260302-C7K3Q-XM1 --unit remoteWindow --to applicant --note 电话告知 --json',
  ];
  static override args = { case: caseArg };
  static override flags = {
    ...actingFlags,
    to: Flags.option({ options: ['remoteWindow', 'applicant'] as const, summary: 'Who is told.' })(),
    note: Flags.string({ summary: 'How they were told (phone, SMS, in person).' }),
  };

  async run(): Promise<StepResult> {
    const { args, flags } = await this.parse(CasesRefusalFeedback);
    return this.step(args.case, flags, 'refusalFeedback', () => ({
      to: flags.to ?? (flags.unit === 'remoteWindow' ? 'applicant' : 'remoteWindow'),
      note: flags.note ?? '',
    }));
  }
}

import { Flags } from '@oclif/core';
import { actingFlags, CaseStepCommand, caseArg } from '../../cases/case-command.js';
import type { StepResult } from '../../cases/views.js';

export default class CasesApprove extends CaseStepCommand {
  static override summary = '审批通过(办结): grant the application; the approval notice and result follow.';
  static override description = [
    'By the deciding department (seed 000 tables 1-3 row 3 a 2); 即办件 may be decided at the window (seed 004 6.6).',
    'A 联办件 needs every parallel opinion first and is decided by its lead: give --department (seed 004 6.7, 8.5.2).',
    'Refused while 容缺 materials are still owed (seed 004 6.5).',
  ].join('\n');
  static override examples = [
    '<%= config.bin %> <%= command.id %> HRB1-260302-C7K3Q-XM1 --unit localDepartment --actor li --result "居住证 No.230102-0001"',
    '<%= config.bin %> <%= command.id %> HRB1-260302-C7K3Q-XM1 --unit department --department "哈尔滨市不动产登记中心（牵头）" --json',
  ];
  static override args = { case: caseArg };
  static override flags = {
    ...actingFlags,
    department: Flags.string({ summary: 'Deciding department (the lead of a 联办件).' }),
    result: Flags.string({ summary: 'The licence or document produced (办理结果).' }),
  };

  async run(): Promise<StepResult> {
    const { args, flags } = await this.parse(CasesApprove);
    return this.step(args.case, flags, 'approve', () => ({
      department: flags.department,
      result: flags.result ?? '',
    }));
  }
}

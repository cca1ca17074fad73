import { Flags } from '@oclif/core';
import { actingFlags, CaseStepCommand, caseArg } from '../../../cases/case-command.js';
import type { StepResult } from '../../../cases/views.js';

export default class CasesSpecialProcedureEnd extends CaseStepCommand {
  static override summary =
    '特别程序结束: the special procedure ends; the clock runs again, the due date moves.';
  static override description = 'By the deciding department (seed 004 8.4.3).';
  static override examples = [
    '<%= config.bin %> <%= command.id %> HRB1-260302-C7K3Q-XM1 --unit localDepartment --actor li --result "检验合格"',
  ];
  static override args = { case: caseArg };
  static override flags = { ...actingFlags, result: Flags.string({ summary: 'Outcome of the procedure.' }) };

  async run(): Promise<StepResult> {
    const { args, flags } = await this.parse(CasesSpecialProcedureEnd);
    return this.step(args.case, flags, 'endSpecialProcedure', () => ({ result: flags.result ?? '' }));
  }
}

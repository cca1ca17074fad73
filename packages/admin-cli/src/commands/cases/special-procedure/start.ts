import { Flags } from '@oclif/core';
import { SPECIAL_PROCEDURES } from '@tongban/core/catalogue';
import { actingFlags, CaseStepCommand, caseArg } from '../../../cases/case-command.js';
import type { StepResult } from '../../../cases/views.js';

export default class CasesSpecialProcedureStart extends CaseStepCommand {
  static override summary = '特别程序开始: a hearing, inspection, expert review... begins; the clock stops.';
  static override description = [
    'By the deciding department of an accepted case (seed 004 8.2.6, 8.4.3; seed 002 9.5.3). The time until',
    '`cases special-procedure end` does not count against the promised time limit.',
  ].join('\n');
  static override examples = [
    '<%= config.bin %> <%= command.id %> HRB1-260302-C7K3Q-XM1 --unit localDepartment --actor li --kind inspection --expected-days 5',
    '<%= config.bin %> <%= command.id %> HRB1-260302-C7K3Q-XM1 --kind hearing --note "申请人要求听证" --json',
  ];
  static override args = { case: caseArg };
  static override flags = {
    ...actingFlags,
    kind: Flags.option({
      options: SPECIAL_PROCEDURES,
      summary: 'Which special procedure.',
      required: true,
    })(),
    'expected-days': Flags.integer({ summary: 'Expected length in working days.', min: 1 }),
    note: Flags.string({ summary: 'A note.' }),
  };

  async run(): Promise<StepResult> {
    const { args, flags } = await this.parse(CasesSpecialProcedureStart);
    return this.step(args.case, flags, 'startSpecialProcedure', () => ({
      kind: flags.kind,
      expectedDays: flags['expected-days'],
      note: flags.note ?? '',
    }));
  }
}

import { Flags } from '@oclif/core';
import { actingFlags, CaseStepCommand, caseArg } from '../../cases/case-command.js';
import type { StepResult } from '../../cases/views.js';

export default class CasesArchive extends CaseStepCommand {
  static override summary =
    '归档: one unit archives its part; the case is archived when every unit of the mode has.';
  static override description = [
    'Units that archive (seed 000 tables 1-3 row 5; seed 001 6.4): online localWindow + localDepartment; proxyLocal',
    'also remoteWindow (after the delivery feedback when the local window delivered); proxyRemote all four (the',
    'local side after move-materials); 窗口办 window + department (after the delivery feedback).',
  ].join('\n');
  static override examples = [
    '<%= config.bin %> <%= command.id %> HRB1-260302-C7K3Q-XM1 --unit localWindow --actor zhangmin',
    '<%= config.bin %> <%= command.id %> HRB1-260302-C7K3Q-XM1 --unit localDepartment --actor li --reference 档2026-0042 --json',
  ];
  static override args = { case: caseArg };
  static override flags = {
    ...actingFlags,
    reference: Flags.string({ summary: 'Archive reference (档号) of this unit.' }),
  };

  async run(): Promise<StepResult> {
    const { args, flags } = await this.parse(CasesArchive);
    return this.step(args.case, flags, 'archive', () => ({ reference: flags.reference ?? '' }));
  }
}

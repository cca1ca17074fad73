import { Flags } from '@oclif/core';
import { UNITS } from '@tongban/core/cases';
import { actingFlags, CaseStepCommand, caseArg } from '../../cases/case-command.js';
import type { StepResult } from '../../cases/views.js';

export default class CasesMoveMaterials extends CaseStepCommand {
  static override summary =
    '材料移交属地: in proxyRemote, finished materials and originals move to the local side.';
  static override description = [
    'remoteWindow → localWindow (seed 000 table 3 row 4 b), remoteDepartment → localDepartment (row 5 b); the',
    'local units archive after it. --to defaults to the counterpart of --unit.',
  ].join('\n');
  static override examples = [
    '<%= config.bin %> <%= command.id %> HRB1-260302-C7K3Q-XM1 --unit remoteWindow --actor wang',
    '<%= config.bin %> <%= command.id %> HRB1-260302-C7K3Q-XM1 --unit remoteDepartment --actor zhao --note "原件 12 页" --json',
  ];
  static override args = { case: caseArg };
  static override flags = {
    ...actingFlags,
    to: Flags.option({ options: UNITS, summary: 'Receiving unit (default the local counterpart).' })(),
    note: Flags.string({ summary: 'What was handed over.' }),
  };

  async run(): Promise<StepResult> {
    const { args, flags } = await this.parse(CasesMoveMaterials);
    return this.step(args.case, flags, 'moveMaterials', () => ({
      to: flags.to ?? (flags.unit === 'remoteWindow' ? 'localWindow' : 'localDepartment'),
      note: flags.note ?? '',
    }));
  }
}

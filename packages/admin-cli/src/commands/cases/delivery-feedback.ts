import { Flags } from '@oclif/core';
import { UNITS } from '@tongban/core/cases';
import { actingFlags, CaseStepCommand, caseArg } from '../../cases/case-command.js';
import type { StepResult } from '../../cases/views.js';

export default class CasesDeliveryFeedback extends CaseStepCommand {
  static override summary =
    '送达情况反馈: the delivering window tells the other unit the result was delivered.';
  static override description = [
    'proxyLocal: localWindow → remoteWindow (seed 000 table 2 row 4 a); online: localWindow → localDepartment;',
    '窗口办: window → department (seed 001 6.3.4). --to defaults to that unit.',
  ].join('\n');
  static override examples = [
    '<%= config.bin %> <%= command.id %> HRB1-260302-C7K3Q-XM1 --unit localWindow --actor zhangmin',
    '<%= config.bin %> <%= command.id %> HRB1-260302-C7K3Q-XM1 --unit window --to department --json',
  ];
  static override args = { case: caseArg };
  static override flags = {
    ...actingFlags,
    to: Flags.option({ options: UNITS, summary: 'Unit told (default by mode).' })(),
  };

  async run(): Promise<StepResult> {
    const { args, flags } = await this.parse(CasesDeliveryFeedback);
    return this.step(args.case, flags, 'deliveryFeedback', (c) => ({
      to:
        flags.to ??
        (c.mode === 'proxyLocal' ? 'remoteWindow' : c.mode === 'window' ? 'department' : 'localDepartment'),
    }));
  }
}

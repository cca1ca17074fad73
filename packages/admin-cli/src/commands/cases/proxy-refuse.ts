import { actingFlags, CaseStepCommand, caseArg } from '../../cases/case-command.js';
import { reasonFlags } from '../../cases/payload-flags.js';
import type { StepResult } from '../../cases/views.js';

export default class CasesProxyRefuse extends CaseStepCommand {
  static override summary =
    '不予代收: the remote window refuses to take in the materials, every reason at once.';
  static override description =
    'Proxy modes only, by remoteWindow (seed 000 table 2/3 row 1 a 2); issues the 不予代收凭证.';
  static override examples = [
    '<%= config.bin %> <%= command.id %> HRB1-260302-C7K3Q-XM1 --unit remoteWindow --actor wang --reason "缺少出入境证件照片"',
  ];
  static override args = { case: caseArg };
  static override flags = { ...actingFlags, ...reasonFlags };

  async run(): Promise<StepResult> {
    const { args, flags } = await this.parse(CasesProxyRefuse);
    return this.step(args.case, flags, 'proxyRefuse', () => ({ reasons: flags.reason, basis: flags.basis }));
  }
}

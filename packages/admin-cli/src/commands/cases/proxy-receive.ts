import { Flags } from '@oclif/core';
import { DELIVERY_METHODS } from '@tongban/core/catalogue';
import { actingFlags, CaseStepCommand, caseArg } from '../../cases/case-command.js';
import type { StepResult } from '../../cases/views.js';

export default class CasesProxyReceive extends CaseStepCommand {
  static override summary =
    '代收: the remote window takes in complete materials and records the delivery method.';
  static override description = [
    'Proxy modes, by remoteWindow (seed 000 table 2/3 row 1 a 1, b); issues the 代收凭证. Materials must be',
    'complete, otherwise proxy-refuse with every reason. --deliver-at: where the applicant takes the result',
    '(table 2 row 4 a/b; proxyRemote always remoteWindow). In proxyLocal the transfer time limit starts.',
  ].join('\n');
  static override examples = [
    '<%= config.bin %> <%= command.id %> HRB1-260302-C7K3Q-XM1 --unit remoteWindow --actor wang --delivery-method post',
    '<%= config.bin %> <%= command.id %> HRB1-260302-C7K3Q-XM1 --delivery-method pickup --deliver-at localWindow --json',
  ];
  static override args = { case: caseArg };
  static override flags = {
    ...actingFlags,
    'delivery-method': Flags.option({
      options: DELIVERY_METHODS,
      summary: 'Delivery method the applicant chose (送达方式, seed 000 5.4).',
      required: true,
    })(),
    'deliver-at': Flags.option({
      options: ['remoteWindow', 'localWindow'] as const,
      summary: 'Window that hands over the result.',
      default: 'remoteWindow',
    })(),
  };

  async run(): Promise<StepResult> {
    const { args, flags } = await this.parse(CasesProxyReceive);
    return this.step(args.case, flags, 'proxyReceive', () => ({
      deliveryMethod: flags['delivery-method'],
      deliverAt: flags['deliver-at'],
    }));
  }
}

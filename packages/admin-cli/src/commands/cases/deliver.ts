import { Flags } from '@oclif/core';
import { DELIVERY_METHODS } from '@tongban/core/catalogue';
import { actingFlags, CaseStepCommand, caseArg } from '../../cases/case-command.js';
import type { StepResult } from '../../cases/views.js';

export default class CasesDeliver extends CaseStepCommand {
  static override summary = '送达结果: hand over the result by the method the applicant chose.';
  static override description = [
    'Methods (seed 000 5.4): pickup 窗口领取, post 邮寄, electronic 电子送达, sms 短信. --method defaults to the one',
    'chosen at application or proxy receipt; another one is refused. The delivering window depends on the mode',
    '(seed 000 tables 1-3 row 4; proxyLocal: forward-result first when the applicant takes it at the remote window).',
  ].join('\n');
  static override examples = [
    '<%= config.bin %> <%= command.id %> HRB1-260302-C7K3Q-XM1 --unit localWindow --actor zhangmin --method pickup',
    '<%= config.bin %> <%= command.id %> HRB1-260302-C7K3Q-XM1 --method post --tracking SF1234567890 --recipient 王芳 --json',
  ];
  static override args = { case: caseArg };
  static override flags = {
    ...actingFlags,
    method: Flags.option({
      options: DELIVERY_METHODS,
      summary: 'Delivery method (default: the chosen one).',
    })(),
    tracking: Flags.string({ summary: 'Postal tracking number.' }),
    recipient: Flags.string({ summary: 'Who received it.' }),
  };

  async run(): Promise<StepResult> {
    const { args, flags } = await this.parse(CasesDeliver);
    return this.step(args.case, flags, 'deliver', (c) => ({
      method: flags.method ?? c.deliveryMethod ?? 'pickup',
      trackingNumber: flags.tracking,
      recipient: flags.recipient,
    }));
  }
}

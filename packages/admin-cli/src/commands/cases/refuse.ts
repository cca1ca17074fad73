import { actingFlags, CaseStepCommand, caseArg } from '../../cases/case-command.js';
import { reasonFlags } from '../../cases/payload-flags.js';
import type { StepResult } from '../../cases/views.js';

export default class CasesRefuse extends CaseStepCommand {
  static override summary = '不予受理: refuse to accept, telling every reason at once.';
  static override description =
    'Seed 000 tables 1-3 row 2 a 2; seed 002 9.3.3. Every --reason goes into one event and one 不予受理通知书.';
  static override examples = [
    '<%= config.bin %> <%= command.id %> HRB1-260302-C7K3Q-XM1 --unit localDepartment --actor li --reason "申请事项不属于本机关职权范围" --reason "申请人不具备申请资格"',
    '<%= config.bin %> <%= command.id %> HRB1-260302-C7K3Q-XM1 --reason 不符合受理条件 --basis "《居住证暂行条例》第九条" --json',
  ];
  static override args = { case: caseArg };
  static override flags = { ...actingFlags, ...reasonFlags };

  async run(): Promise<StepResult> {
    const { args, flags } = await this.parse(CasesRefuse);
    return this.step(args.case, flags, 'refuse', () => ({ reasons: flags.reason, basis: flags.basis }));
  }
}

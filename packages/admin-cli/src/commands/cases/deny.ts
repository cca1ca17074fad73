import { Flags } from '@oclif/core';
import { actingFlags, CaseStepCommand, caseArg } from '../../cases/case-command.js';
import { reasonFlags } from '../../cases/payload-flags.js';
import type { StepResult } from '../../cases/views.js';

export default class CasesDeny extends CaseStepCommand {
  static override summary =
    '审批不予通过: refuse the application with reasons and the rights to review and sue.';
  static override description = [
    'Seed 004 8.5.5: a denial tells the applicant of the right to administrative review (行政复议, at least 60 days)',
    'and litigation (行政诉讼, at least 6 months) and their time limits; --review-body and --court are required.',
    'By the deciding department (seed 000 tables 1-3 row 3 a 3); a 联办件 by its lead (--department).',
  ].join('\n');
  static override examples = [
    '<%= config.bin %> <%= command.id %> HRB1-260302-C7K3Q-XM1 --unit localDepartment --actor li --reason "不符合居住证申领条件" --review-body 哈尔滨市道里区人民政府 --court 哈尔滨市道里区人民法院',
    '<%= config.bin %> <%= command.id %> HRB1-260302-C7K3Q-XM1 --reason 材料虚假 --reason 超出范围 --review-body 哈尔滨市人民政府 --court 哈尔滨铁路运输法院 --review-days 60 --litigation-months 6 --json',
  ];
  static override args = { case: caseArg };
  static override flags = {
    ...actingFlags,
    ...reasonFlags,
    'review-body': Flags.string({ summary: 'Administrative review body (行政复议机关).', required: true }),
    'review-days': Flags.integer({
      summary: 'Days to apply for review (statutory minimum 60).',
      default: 60,
    }),
    court: Flags.string({ summary: 'Court for litigation (人民法院).', required: true }),
    'litigation-months': Flags.integer({
      summary: 'Months to bring a suit (statutory minimum 6).',
      default: 6,
    }),
    department: Flags.string({ summary: 'Deciding department (the lead of a 联办件).' }),
  };

  async run(): Promise<StepResult> {
    const { args, flags } = await this.parse(CasesDeny);
    return this.step(args.case, flags, 'deny', () => ({
      department: flags.department,
      reasons: flags.reason,
      basis: flags.basis,
      rights: {
        review: { body: flags['review-body'], withinDays: flags['review-days'] },
        litigation: { court: flags.court, withinMonths: flags['litigation-months'] },
      },
    }));
  }
}

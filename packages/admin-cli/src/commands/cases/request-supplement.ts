import { Flags } from '@oclif/core';
import { actingFlags, CaseStepCommand, caseArg } from '../../cases/case-command.js';
import { deadlineFlags, deadlineOf, materialReasons } from '../../cases/payload-flags.js';
import type { StepResult } from '../../cases/views.js';

export default class CasesRequestSupplement extends CaseStepCommand {
  static override summary =
    '一次性告知补正: ask once for every missing or defective material, with a deadline.';
  static override description = [
    'One request per stage (intake before acceptance, review after it), listing every material at once',
    '(seed 001 6.1.3; seed 000 tables 1-3 row 3 a 1). After acceptance the clock stops until the applicant',
    'hands them in (`cases supplement`). --all-missing adds every material not handed in ("未提交").',
  ].join('\n');
  static override examples = [
    '<%= config.bin %> <%= command.id %> HRB1-260302-C7K3Q-XM1 --unit localDepartment --actor li --material "居住地住址证明=未提交" --material "近期免冠照片=不符合规格" --days 5',
    '<%= config.bin %> <%= command.id %> HRB1-260302-C7K3Q-XM1 --all-missing --deadline 2026-03-20 --json',
  ];
  static override args = { case: caseArg };
  static override flags = {
    ...actingFlags,
    ...deadlineFlags,
    material: Flags.string({
      summary: 'NAME=REASON of a material to supplement (repeatable).',
      multiple: true,
    }),
    'all-missing': Flags.boolean({ summary: 'Also list every material not handed in, reason "未提交".' }),
    'confirmed-by': Flags.string({
      summary: 'Department that confirmed an intake request (seed 001 6.1.3: 经业务主管部门确认).',
    }),
  };

  async run(): Promise<StepResult> {
    const { args, flags } = await this.parse(CasesRequestSupplement);
    return this.step(args.case, flags, 'requestSupplement', (c, { at, calendar }) => {
      const items = materialReasons(flags.material ?? []);
      if (flags['all-missing']) {
        for (const m of c.materials.missing) {
          if (!items.some((i) => i.material === m) && !c.tolerance?.missing.includes(m)) {
            items.push({ material: m, reason: '未提交' });
          }
        }
      }
      return {
        items,
        dueAt: deadlineOf(flags, at, calendar, (m) => this.warn(m)),
        confirmedBy: flags['confirmed-by'],
      };
    });
  }
}

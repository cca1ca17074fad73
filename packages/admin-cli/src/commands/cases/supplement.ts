import { Flags } from '@oclif/core';
import { actingFlags, CaseStepCommand, caseArg } from '../../cases/case-command.js';
import type { StepResult } from '../../cases/views.js';

export default class CasesSupplement extends CaseStepCommand {
  static override summary =
    '补正材料: record the materials the applicant handed in (requested or 容缺 owed).';
  static override description = [
    'Answers the open supplement request (the clock runs again, seed 001 6.1.3) or hands in tolerated materials',
    'owed after 容缺受理 (seed 004 6.5). By the applicant, or a window on their behalf.',
    '--all-requested hands in everything the open request or the 容缺 list names.',
  ].join('\n');
  static override examples = [
    '<%= config.bin %> <%= command.id %> HRB1-260302-C7K3Q-XM1 --unit applicant --actor 王芳 --material 居住地住址证明',
    'TONGBAN_UNIT=localWindow <%= config.bin %> <%= command.id %> HRB1-260302-C7K3Q-XM1 --all-requested --actor zhangmin --json',
  ];
  static override args = { case: caseArg };
  static override flags = {
    ...actingFlags,
    material: Flags.string({ summary: 'A material handed in (repeatable).', multiple: true }),
    'all-requested': Flags.boolean({ summary: 'Every material requested (or owed under 容缺).' }),
  };

  async run(): Promise<StepResult> {
    const { args, flags } = await this.parse(CasesSupplement);
    return this.step(args.case, flags, 'supplement', (c) => {
      const materials = [...(flags.material ?? [])];
      if (flags['all-requested']) {
        const open = c.supplementRequests.find((r) => r.answeredAt === undefined);
        const owed = open ? open.items.map((i) => i.material) : (c.tolerance?.missing ?? []);
        for (const m of owed) if (!materials.includes(m)) materials.push(m);
      }
      return { materials };
    });
  }
}

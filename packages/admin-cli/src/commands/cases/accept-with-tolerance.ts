import { Flags } from '@oclif/core';
import { actingFlags, CaseStepCommand, caseArg } from '../../cases/case-command.js';
import { deadlineFlags, deadlineOf } from '../../cases/payload-flags.js';
import type { StepResult } from '../../cases/views.js';

export default class CasesAcceptWithTolerance extends CaseStepCommand {
  static override summary =
    '容缺受理: accept with secondary tolerable materials still missing, with a deadline.';
  static override description = [
    'Only for promised (non-immediate) items and only for secondary materials marked tolerable; the applicant',
    'pledges in writing to hand them in by the deadline (seed 002 3.5, 9.3.6; seed 004 6.5). No approval until',
    'they arrive (`cases supplement`); when the deadline passes, `cases expire` terminates the case.',
    '--missing defaults to every material still missing.',
  ].join('\n');
  static override examples = [
    '<%= config.bin %> <%= command.id %> HRB1-260302-C7K3Q-XM1 --unit localDepartment --actor li --pledge --days 5',
    '<%= config.bin %> <%= command.id %> HRB1-260302-C7K3Q-XM1 --missing 近期免冠照片 --deadline 2026-03-13 --pledge --json',
  ];
  static override args = { case: caseArg };
  static override flags = {
    ...actingFlags,
    ...deadlineFlags,
    missing: Flags.string({
      summary: 'A tolerated missing material (repeatable; default all missing).',
      multiple: true,
    }),
    pledge: Flags.boolean({
      summary: "The applicant's written pledge (书面承诺) was signed.",
      required: true,
    }),
    note: Flags.string({ summary: 'A note on the acceptance.' }),
  };

  async run(): Promise<StepResult> {
    const { args, flags } = await this.parse(CasesAcceptWithTolerance);
    return this.step(args.case, flags, 'acceptWithTolerance', (c, { at, calendar }) => ({
      missing: flags.missing ?? c.materials.missing,
      dueAt: deadlineOf(flags, at, calendar, (m) => this.warn(m)),
      pledge: flags.pledge,
      note: flags.note ?? '',
    }));
  }
}

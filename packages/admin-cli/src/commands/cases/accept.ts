import { Flags } from '@oclif/core';
import { SPECIAL_PROCEDURES } from '@tongban/core/catalogue';
import { TongbanError } from '@tongban/core/errors';
import { actingFlags, CaseStepCommand, caseArg } from '../../cases/case-command.js';
import type { StepResult } from '../../cases/views.js';

export default class CasesAccept extends CaseStepCommand {
  static override summary = '受理: accept a complete application; the promised time limit starts.';
  static override description = [
    'By the unit the mode names (seed 000 tables 1-3 row 2 a: localDepartment, remoteDepartment in proxyRemote,',
    'the window in 窗口办). Only complete applications; otherwise request-supplement or accept-with-tolerance.',
    'Special procedures foreseen are written on the acceptance slip with their time (seed 004 8.2.6).',
  ].join('\n');
  static override examples = [
    '<%= config.bin %> <%= command.id %> HRB1-260302-C7K3Q-XM1 --unit localDepartment --actor li',
    'TONGBAN_UNIT=window TONGBAN_USER=zhangmin <%= config.bin %> <%= command.id %> HRB1-260302-C7K3Q-XM1 --special-procedure inspection:5 --json',
  ];
  static override args = { case: caseArg };
  static override flags = {
    ...actingFlags,
    'special-procedure': Flags.string({
      summary: `Foreseen special procedure KIND[:DAYS] (repeatable); KIND one of ${SPECIAL_PROCEDURES.join(', ')}.`,
      multiple: true,
    }),
    note: Flags.string({ summary: 'A note on the acceptance.' }),
  };

  async run(): Promise<StepResult> {
    const { args, flags } = await this.parse(CasesAccept);
    const specialProcedures = (flags['special-procedure'] ?? []).map((s) => {
      const [kind, days] = s.split(':').map((x) => x.trim());
      if (
        !kind ||
        !(SPECIAL_PROCEDURES as readonly string[]).includes(kind) ||
        (days && !/^\d+$/.test(days))
      ) {
        throw new TongbanError('usage.specialProcedure', `--special-procedure "${s}" is not KIND[:DAYS]`, {
          where: { field: '--special-procedure' },
          hint: `KIND is one of ${SPECIAL_PROCEDURES.join(', ')}, e.g. inspection:5`,
        });
      }
      return days ? { kind, days: Number(days) } : { kind };
    });
    return this.step(args.case, flags, 'accept', () => ({ specialProcedures, note: flags.note ?? '' }));
  }
}

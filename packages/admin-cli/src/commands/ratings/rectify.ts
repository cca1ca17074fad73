import { Args, Flags } from '@oclif/core';
import { TongbanCommand } from '../../base-command.js';
import { atFlag, byFlag, parseInstant } from '../../records/flags.js';
import { ratingsOf } from '../../records/services.js';
import { type TaskRow, taskRow } from '../../records/views.js';

export interface RectificationResult {
  task: TaskRow;
}

export default class RatingsRectify extends TongbanCommand<RectificationResult> {
  static override summary =
    'Settle the rectification of a bad rating: the fault was fixed, or explained (seed 003 三).';
  static override examples = [
    '<%= config.bin %> <%= command.id %> SQ20261123000001 --outcome rectified --note "已补发证照并致歉" --by 王科长',
    '<%= config.bin %> <%= command.id %> SQ20261123000001 --outcome explained --note "法定时限内办结，已解释" --by 王科长',
  ];
  static override args = {
    case: Args.string({ description: 'Application number of the rated case', required: true }),
  };
  static override flags = {
    outcome: Flags.option({
      options: ['rectified', 'explained'] as const,
      required: true,
      summary: 'Fixed or explained.',
    })(),
    note: Flags.string({ summary: 'What was fixed, or the explanation.', required: true }),
    by: byFlag('Who settles it.'),
    at: atFlag,
  };

  async run(): Promise<RectificationResult> {
    const { args, flags } = await this.parse(RatingsRectify);
    const at = parseInstant(flags.at, '--at');
    const store = await this.openStore(flags.data);
    const ratings = await ratingsOf(store, flags.data);
    const t = await ratings.settle(args.case.trim(), {
      outcome: flags.outcome,
      by: flags.by,
      note: flags.note,
      at,
    });
    const { isRectificationOverdue } = await import('@tongban/core/ratings');
    this.log(
      `Rectification of case ${t.caseId} is ${t.state}; answer the applicant with \`tongban ratings answer\`.`,
    );
    return { task: taskRow(t, isRectificationOverdue(t, at)) };
  }
}

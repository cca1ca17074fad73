import { Args, Flags } from '@oclif/core';
import { TongbanCommand } from '../../base-command.js';
import { shanghaiTime } from '../../output/time.js';
import { atFlag, byFlag, parseInstant } from '../../records/flags.js';
import { ratingsOf } from '../../records/services.js';
import { taskRow } from '../../records/views.js';
import type { RectificationResult } from './rectify.js';

export default class RatingsAnswer extends TongbanCommand<RectificationResult> {
  static override summary =
    'Answer the applicant of a bad rating: the reopened work is closed again (seed 003 三).';
  static override examples = [
    '<%= config.bin %> <%= command.id %> SQ20261123000001 --text "已为您补办，感谢监督" --channel phone --by 王科长',
  ];
  static override args = {
    case: Args.string({ description: 'Application number of the rated case', required: true }),
  };
  static override flags = {
    text: Flags.string({ summary: 'What the applicant is told.', required: true }),
    channel: Flags.option({
      options: ['phone', 'sms', 'onSite', 'letter', 'online'] as const,
      default: 'phone',
      summary: 'How.',
    })(),
    by: byFlag('Who answers.'),
    at: atFlag,
  };

  async run(): Promise<RectificationResult> {
    const { args, flags } = await this.parse(RatingsAnswer);
    const at = parseInstant(flags.at, '--at');
    const store = await this.openStore(flags.data);
    const ratings = await ratingsOf(store, flags.data);
    const t = await ratings.answer(args.case.trim(), {
      by: flags.by,
      text: flags.text,
      channel: flags.channel,
      at,
    });
    const late = new Date(t.dueAt).getTime() < at.getTime();
    this.log(
      `Applicant of case ${t.caseId} answered ${late ? 'AFTER' : 'within'} the deadline (${shanghaiTime(t.dueAt)}); the case is closed again.`,
    );
    return { task: taskRow(t, false) };
  }
}

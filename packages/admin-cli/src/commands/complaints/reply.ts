import { Args, Flags } from '@oclif/core';
import { COMPLAINT_CHANNELS } from '@tongban/core/complaints';
import { TongbanCommand } from '../../base-command.js';
import { shanghaiTime } from '../../output/time.js';
import { toComplaintRecord } from '../../records/complaint-output.js';
import { atFlag, byFlag, parseInstant } from '../../records/flags.js';
import { complaintsOf } from '../../records/services.js';
import type { ComplaintStepResult } from './investigate.js';

export default class ComplaintsReply extends TongbanCommand<ComplaintStepResult> {
  static override summary =
    'Record the reply to the complainant (处置→反馈, seed 000 7.2), closing the loop.';
  static override examples = [
    '<%= config.bin %> <%= command.id %> TS-20261123-0001-5 --text "已办结，致歉" --channel phone --by sup-1',
  ];
  static override args = { number: Args.string({ description: 'Complaint number', required: true }) };
  static override flags = {
    text: Flags.string({ summary: 'What the complainant is told.', required: true }),
    channel: Flags.option({
      options: COMPLAINT_CHANNELS,
      summary: 'How (default: the channel it came in by).',
    })(),
    by: byFlag('Who replies.'),
    at: atFlag,
  };

  async run(): Promise<ComplaintStepResult> {
    const { args, flags } = await this.parse(ComplaintsReply);
    const at = parseInstant(flags.at, '--at');
    const store = await this.openStore(flags.data);
    const complaints = await complaintsOf(store, flags.data);
    const c = await complaints.reply(args.number, {
      by: flags.by,
      text: flags.text,
      ...(flags.channel ? { channel: flags.channel } : {}),
      at,
    });
    const { repliedWithinLimit } = await import('@tongban/core/complaints');
    const record = await toComplaintRecord(c, at);
    this.log(
      `${record.number} replied ${repliedWithinLimit(c) ? 'within' : 'AFTER'} the 5-working-day limit (due ${shanghaiTime(record.dueAt)}).`,
    );
    return { complaint: record };
  }
}

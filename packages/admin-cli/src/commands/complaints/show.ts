import { Args } from '@oclif/core';
import { TongbanCommand } from '../../base-command.js';
import { describeComplaint, toComplaintRecord } from '../../records/complaint-output.js';
import { nowFlag, parseInstant } from '../../records/flags.js';
import { complaintsOf } from '../../records/services.js';
import type { ComplaintRecord } from '../../records/views.js';

export interface ComplaintsShowResult {
  complaint: ComplaintRecord;
}

export default class ComplaintsShow extends TongbanCommand<ComplaintsShowResult> {
  static override summary = 'Show one complaint: the form, every step with who and when, the reply.';
  static override description =
    'The number may be typed in any case, with or without hyphens; its check character catches typos (seed 002 10.3).';
  static override examples = [
    '<%= config.bin %> <%= command.id %> TS-20261123-0001-5',
    '<%= config.bin %> <%= command.id %> ts202611230001x --json',
  ];
  static override args = {
    number: Args.string({ description: 'Complaint number (投诉举报受理编号)', required: true }),
  };
  static override flags = { at: nowFlag };

  async run(): Promise<ComplaintsShowResult> {
    const { args, flags } = await this.parse(ComplaintsShow);
    const store = await this.openStore(flags.data);
    const complaints = await complaintsOf(store, flags.data);
    const record = await toComplaintRecord(await complaints.get(args.number), parseInstant(flags.at, '--at'));
    this.log(await describeComplaint(record));
    return { complaint: record };
  }
}

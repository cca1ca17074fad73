import { Args, Flags } from '@oclif/core';
import { TongbanCommand } from '../../base-command.js';
import { toComplaintRecord } from '../../records/complaint-output.js';
import { atFlag, byFlag, parseInstant } from '../../records/flags.js';
import { complaintsOf } from '../../records/services.js';
import type { ComplaintStepResult } from './investigate.js';

export default class ComplaintsResolve extends TongbanCommand<ComplaintStepResult> {
  static override summary = 'Record the written result of the investigation (调查→处置, seed 000 7.2).';
  static override description =
    'The outcome is the written result (seed 001 6.3.5 书面处理结果); --measures are the corrective measures to publish (seed 002 10.4).';
  static override examples = [
    '<%= config.bin %> <%= command.id %> TS-20261123-0001-5 --outcome "系统故障致延误，已办结" --measures "增设超期预警" --by sup-1',
  ];
  static override args = { number: Args.string({ description: 'Complaint number', required: true }) };
  static override flags = {
    outcome: Flags.string({ summary: 'What was found and done.', required: true }),
    measures: Flags.string({ summary: 'Corrective measures to publish (纠正措施).' }),
    by: byFlag('Who resolves.'),
    at: atFlag,
  };

  async run(): Promise<ComplaintStepResult> {
    const { args, flags } = await this.parse(ComplaintsResolve);
    const at = parseInstant(flags.at, '--at');
    const store = await this.openStore(flags.data);
    const complaints = await complaintsOf(store, flags.data);
    const c = await complaints.resolve(args.number, {
      by: flags.by,
      outcome: flags.outcome,
      ...(flags.measures ? { measures: flags.measures } : {}),
      at,
    });
    const record = await toComplaintRecord(c, at);
    this.log(`${record.number} is resolved; reply to the complainant with \`tongban complaints reply\`.`);
    return { complaint: record };
  }
}

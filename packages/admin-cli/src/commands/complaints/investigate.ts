import { Args, Flags } from '@oclif/core';
import { TongbanCommand } from '../../base-command.js';
import { toComplaintRecord } from '../../records/complaint-output.js';
import { atFlag, byFlag, parseInstant } from '../../records/flags.js';
import { complaintsOf } from '../../records/services.js';
import type { ComplaintRecord } from '../../records/views.js';

export interface ComplaintStepResult {
  complaint: ComplaintRecord;
}

export default class ComplaintsInvestigate extends TongbanCommand<ComplaintStepResult> {
  static override summary = 'Start the investigation of a complaint (受理→调查, seed 000 7.2).';
  static override description =
    'A complaint of the 有诉即办 desk must name the department it is passed to (--assigned-to, seed 001 6.3.5 分类交办).';
  static override examples = [
    '<%= config.bin %> <%= command.id %> TS-20261123-0001-5 --assigned-to 不动产登记中心 --note "调取办件记录" --by sup-1',
  ];
  static override args = { number: Args.string({ description: 'Complaint number', required: true }) };
  static override flags = {
    'assigned-to': Flags.string({ summary: 'Department the matter is passed to (承办部门).' }),
    note: Flags.string({ summary: 'What the investigation starts with.' }),
    by: byFlag('Who investigates.'),
    at: atFlag,
  };

  async run(): Promise<ComplaintStepResult> {
    const { args, flags } = await this.parse(ComplaintsInvestigate);
    const at = parseInstant(flags.at, '--at');
    const store = await this.openStore(flags.data);
    const complaints = await complaintsOf(store, flags.data);
    const c = await complaints.investigate(args.number, {
      by: flags.by,
      ...(flags['assigned-to'] ? { assignedTo: flags['assigned-to'] } : {}),
      ...(flags.note ? { note: flags.note } : {}),
      at,
    });
    const record = await toComplaintRecord(c, at);
    this.log(
      `${record.number} is now investigating${record.assignedTo ? `, passed to ${record.assignedTo}` : ''}.`,
    );
    return { complaint: record };
  }
}

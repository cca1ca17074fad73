import { Flags } from '@oclif/core';
import { COMPLAINT_CHANNELS, COMPLAINT_TYPES } from '@tongban/core/complaints';
import { TongbanCommand } from '../../base-command.js';
import { localDate } from '../../output/time.js';
import { describeComplaint, toComplaintRecord } from '../../records/complaint-output.js';
import { atFlag, byFlag, parseInstant } from '../../records/flags.js';
import { complaintsOf } from '../../records/services.js';
import type { ComplaintRecord } from '../../records/views.js';

export interface ComplaintsFileResult {
  complaint: ComplaintRecord;
  /** What to tell the complainant (zh-CN): the number and the reply date. */
  message: string;
}

export default class ComplaintsFile extends TongbanCommand<ComplaintsFileResult> {
  static override summary =
    'Record a complaint taken by phone, letter or at the desk (投诉举报表, seed 002 10.2).';
  static override description = [
    'The form of seed 002 10.2: b) the unit complained about, c) the type, d) the person complained about,',
    'e) the content and the demands; a) the number is given on receipt (TS-YYYYMMDD-NNNN-check). The reply is due',
    'within 5 working days on the work calendar (seed 000 7.2).',
  ].join('\n');
  static override examples = [
    '<%= config.bin %> <%= command.id %> --channel phone --unit 不动产登记中心 --type overdue --content "承诺5个工作日办结，已过期未办" --demands "尽快办结" --name 钱七 --phone 13800000000 --by hotline-1',
    '<%= config.bin %> <%= command.id %> --channel onSite --desk yousujiban --unit 市场监管局窗口 --type attitude --content "态度生硬" --at 2026-11-23T10:00+08:00 --by desk-2 --json',
  ];
  static override flags = {
    channel: Flags.option({ options: COMPLAINT_CHANNELS, required: true, summary: 'How it came in.' })(),
    unit: Flags.string({ summary: 'b) Unit or department complained about.', required: true }),
    type: Flags.option({
      options: Object.keys(COMPLAINT_TYPES) as (keyof typeof COMPLAINT_TYPES)[],
      required: true,
      summary: 'c) Type of complaint.',
    })(),
    respondent: Flags.string({ summary: 'd) Name of the person complained about.' }),
    content: Flags.string({ summary: 'e) What happened.', required: true }),
    demands: Flags.string({ summary: 'e) What the complainant asks for.' }),
    name: Flags.string({ summary: 'Complainant’s name.' }),
    phone: Flags.string({ summary: 'Complainant’s phone (for the reply).' }),
    'id-number': Flags.string({ summary: 'Complainant’s ID number (masked whenever shown).' }),
    case: Flags.string({ summary: 'Application number of the case concerned.' }),
    item: Flags.string({ summary: 'Item code concerned.' }),
    desk: Flags.option({
      options: ['general', 'yousujiban'] as const,
      default: 'general',
      summary: 'yousujiban: received at the 有诉即办 desk (seed 001 6.3.5).',
    })(),
    by: byFlag('Who takes the complaint.'),
    at: atFlag,
  };

  async run(): Promise<ComplaintsFileResult> {
    const { flags } = await this.parse(ComplaintsFile);
    const at = parseInstant(flags.at, '--at');
    const store = await this.openStore(flags.data);
    const complaints = await complaintsOf(store, flags.data);
    const c = await complaints.receive(
      {
        channel: flags.channel,
        targetUnit: flags.unit,
        type: flags.type,
        ...(flags.respondent ? { respondentName: flags.respondent } : {}),
        content: flags.content,
        ...(flags.demands ? { demands: flags.demands } : {}),
        complainant: {
          ...(flags.name ? { name: flags.name } : {}),
          ...(flags.phone ? { phone: flags.phone } : {}),
          ...(flags['id-number'] ? { idNumber: flags['id-number'] } : {}),
        },
        ...(flags.case ? { caseId: flags.case } : {}),
        ...(flags.item ? { itemCode: flags.item } : {}),
        desk: flags.desk,
      },
      { by: flags.by, at },
    );
    const record = await toComplaintRecord(c, at);
    const { complaintMessages } = await import('@tongban/core/complaints');
    const message = complaintMessages['complaint.received'][0]
      .replace('{number}', record.number)
      .replace('{due}', localDate(record.dueAt));
    this.log(message);
    this.log('');
    this.log(await describeComplaint(record));
    return { complaint: record, message };
  }
}

import { Flags } from '@oclif/core';
import { COMPLAINT_STEPS } from '@tongban/core/complaints';
import { TongbanCommand } from '../../base-command.js';
import { renderTable } from '../../output/table.js';
import { toComplaintRecord } from '../../records/complaint-output.js';
import { nowFlag, parseInstant } from '../../records/flags.js';
import { complaintsOf } from '../../records/services.js';
import { type ComplaintRecord, localTime } from '../../records/views.js';

export interface ComplaintsListResult {
  at: string;
  total: number;
  complaints: ComplaintRecord[];
}

export default class ComplaintsList extends TongbanCommand<ComplaintsListResult> {
  static override summary = 'List complaints (投诉), oldest first, with their state and reply limit.';
  static override examples = [
    '<%= config.bin %> <%= command.id %>',
    '<%= config.bin %> <%= command.id %> --state investigating --unit 不动产登记中心 --json',
  ];
  static override flags = {
    state: Flags.option({ options: COMPLAINT_STEPS, summary: 'Only this step.' })(),
    unit: Flags.string({ summary: 'Only complaints about this unit.' }),
    case: Flags.string({ summary: 'Only complaints about this case.' }),
    overdue: Flags.boolean({
      summary: 'Only unreplied complaints past the 5-working-day limit.',
      default: false,
    }),
    at: nowFlag,
  };

  async run(): Promise<ComplaintsListResult> {
    const { flags } = await this.parse(ComplaintsList);
    const now = parseInstant(flags.at, '--at');
    const store = await this.openStore(flags.data);
    const complaints = await complaintsOf(store, flags.data);
    const list = await complaints.list({
      ...(flags.state ? { state: flags.state } : {}),
      ...(flags.unit ? { targetUnit: flags.unit } : {}),
      ...(flags.case ? { caseId: flags.case } : {}),
    });
    const rows: ComplaintRecord[] = [];
    for (const c of list.sort(
      (a, b) => a.receivedAt.localeCompare(b.receivedAt) || a.id.localeCompare(b.id),
    )) {
      const r = await toComplaintRecord(c, now);
      if (!flags.overdue || r.overdue) rows.push(r);
    }
    this.log(complaintTable(rows));
    this.log(`${rows.length} complaint(s).`);
    return { at: now.toISOString(), total: rows.length, complaints: rows };
  }
}

export function complaintTable(rows: readonly ComplaintRecord[]): string {
  return renderTable(rows, [
    { header: 'number', get: (r) => r.number },
    { header: 'state', get: (r) => r.state },
    { header: 'type', get: (r) => r.type },
    { header: 'unit', get: (r) => r.targetUnit, max: 16 },
    { header: 'received', get: (r) => localTime(r.receivedAt) },
    { header: 'due', get: (r) => `${localTime(r.dueAt).slice(0, 10)}${r.overdue ? ' 逾期' : ''}` },
    { header: 'content', get: (r) => r.content, max: 24 },
  ]);
}

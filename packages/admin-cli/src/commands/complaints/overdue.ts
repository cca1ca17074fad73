import { TongbanCommand } from '../../base-command.js';
import { loadCalendar } from '../../calendar-support.js';
import { renderTable } from '../../output/table.js';
import { shanghaiTime } from '../../output/time.js';
import { toComplaintRecord } from '../../records/complaint-output.js';
import { nowFlag, parseInstant } from '../../records/flags.js';
import { complaintsOf } from '../../records/services.js';
import { type ComplaintRecord, localTime } from '../../records/views.js';

export interface ComplaintsOverdueResult {
  at: string;
  total: number;
  complaints: (ComplaintRecord & { workingDaysLate: number })[];
}

export default class ComplaintsOverdue extends TongbanCommand<ComplaintsOverdueResult> {
  static override summary =
    'Complaints not replied within 5 working days (seed 000 7.2), most overdue first.';
  static override description =
    'For supervisors: each unreplied complaint past its limit, with how many working days late (on the work calendar).';
  static override examples = [
    '<%= config.bin %> <%= command.id %>',
    '<%= config.bin %> <%= command.id %> --at 2026-12-01T09:00+08:00 --json',
  ];
  static override flags = { at: nowFlag };

  async run(): Promise<ComplaintsOverdueResult> {
    const { flags } = await this.parse(ComplaintsOverdue);
    const now = parseInstant(flags.at, '--at');
    const store = await this.openStore(flags.data);
    const complaints = await complaintsOf(store, flags.data);
    const calendar = await loadCalendar(flags.data);
    const rows = [];
    for (const c of await complaints.overdueComplaints(now)) {
      rows.push({
        ...(await toComplaintRecord(c, now)),
        workingDaysLate: calendar.workingDaysBetween(c.dueAt, now),
      });
    }
    this.log(
      renderTable(rows, [
        { header: 'number', get: (r) => r.number },
        { header: 'state', get: (r) => r.state },
        { header: 'unit', get: (r) => r.targetUnit, max: 16 },
        { header: 'due', get: (r) => localTime(r.dueAt).slice(0, 10) },
        { header: 'late', get: (r) => `${r.workingDaysLate} wd`, align: 'right' },
        { header: 'assigned', get: (r) => r.assignedTo ?? '' },
        { header: 'content', get: (r) => r.content, max: 24 },
      ]),
    );
    this.log(
      `${rows.length} complaint(s) overdue at ${shanghaiTime(now)} (limit: 5 working days, seed 000 7.2).`,
    );
    return { at: now.toISOString(), total: rows.length, complaints: rows };
  }
}

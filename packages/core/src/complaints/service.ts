import { shanghaiDay, toDate } from '../appointments/local-time.js';
import type { WorkCalendar } from '../calendar/index.js';
import { TongbanError } from '../errors/tongban-error.js';
import type { Store } from '../store/store.js';
import {
  Complaint,
  type ComplaintChannel,
  ComplaintForm,
  type ComplaintFormInput,
  type ComplaintView,
  complaintView,
  isComplaintOverdue,
  replyToComplaint,
  resolveComplaint,
  startInvestigation,
} from './complaint.js';
import { makeComplaintNumber, parseComplaintNumber } from './complaint-number.js';

export interface ComplaintSettings {
  /** Working days from receipt to reply (seed 000 7.2: 5). */
  replyDays: number;
}
export const DEFAULT_COMPLAINT_SETTINGS: ComplaintSettings = { replyDays: 5 };

export interface ComplaintsOptions {
  store: Store;
  calendar: Pick<WorkCalendar, 'addWorkingDays'>;
  settings?: Partial<ComplaintSettings>;
}

/** 投诉处理 over a Store (seed 000 7.2; seed 002 10; seed 004 9.2; seed 001 6.3.5 有诉即办). */
export class Complaints {
  readonly store: Store;
  readonly calendar: Pick<WorkCalendar, 'addWorkingDays'>;
  readonly settings: ComplaintSettings;

  constructor(options: ComplaintsOptions) {
    this.store = options.store;
    this.calendar = options.calendar;
    this.settings = { ...DEFAULT_COMPLAINT_SETTINGS, ...options.settings };
  }

  /** Take in a complaint: number it, start the 5-working-day clock (seed 000 7.2; seed 002 10.2). */
  async receive(form: ComplaintFormInput, opts: { by: string; at?: Date | string }): Promise<Complaint> {
    const parsed = ComplaintForm.safeParse(form);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new TongbanError('COMPLAINT_FORM_INVALID', `complaint form: ${issue?.message ?? 'invalid'}`, {
        where: { field: issue?.path.join('.') ?? '' },
        hint: 'fill in the unit complained about, the type and the content (seed 002 10.2 b-e)',
      });
    }
    const at = toDate(opts.at);
    const day = shanghaiDay(at);
    const dueAt = this.calendar.addWorkingDays(at, this.settings.replyDays).toISOString();
    return this.store.transact(async (tx) => {
      const prefix = `TS${day.replaceAll('-', '')}`;
      const sameDay = (await tx.listRecords<Complaint>('complaints')).filter((c) => c.id.startsWith(prefix));
      const id = makeComplaintNumber(day, sameDay.length + 1);
      const record = Complaint.omit({ revision: true }).parse({
        ...parsed.data,
        id,
        state: 'received',
        receivedAt: at.toISOString(),
        dueAt,
        steps: [{ step: 'received', at: at.toISOString(), by: opts.by, note: parsed.data.channel }],
      });
      return Complaint.parse(await tx.putRecord('complaints', record));
    });
  }

  async investigate(
    number: string,
    step: { by: string; assignedTo?: string; note?: string; at?: Date | string },
  ): Promise<Complaint> {
    return this.update(number, (c) => startInvestigation(c, { ...step, at: toDate(step.at).toISOString() }));
  }

  async resolve(
    number: string,
    step: { by: string; outcome: string; measures?: string; at?: Date | string },
  ): Promise<Complaint> {
    return this.update(number, (c) => resolveComplaint(c, { ...step, at: toDate(step.at).toISOString() }));
  }

  async reply(
    number: string,
    step: { by: string; text: string; channel?: ComplaintChannel; at?: Date | string },
  ): Promise<Complaint> {
    return this.update(number, (c) => replyToComplaint(c, { ...step, at: toDate(step.at).toISOString() }));
  }

  /** The full record by number as typed (check character verified first). */
  async get(number: string): Promise<Complaint> {
    const id = parseComplaintNumber(number);
    const rec = await this.store.getRecord<Complaint>('complaints', id);
    if (!rec) {
      throw new TongbanError('COMPLAINT_NOT_FOUND', `no complaint numbered ${id}`, {
        where: { complaint: id },
        hint: 'the number is well formed but unknown here: it may have been received at another hall',
      });
    }
    return Complaint.parse(rec);
  }

  /** What the complainant sees when querying by number (seed 002 10.3; seed 004 9.2.3). */
  async query(number: string, now?: Date | string): Promise<ComplaintView> {
    return complaintView(await this.get(number), toDate(now));
  }

  /** Not replied and past the 5-working-day limit, oldest first (seed 000 7.2). */
  async overdueComplaints(now?: Date | string): Promise<Complaint[]> {
    const t = toDate(now);
    return (await this.list())
      .filter((c) => isComplaintOverdue(c, t))
      .sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  }

  async list(
    filter: { state?: Complaint['state']; targetUnit?: string; caseId?: string } = {},
  ): Promise<Complaint[]> {
    const q = Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined));
    const all = await this.store.listRecords<Complaint>('complaints', q);
    return all
      .map((c) => Complaint.parse(c))
      .filter((c) => Object.entries(q).every(([k, v]) => (c as Record<string, unknown>)[k] === v));
  }

  private async update(number: string, change: (c: Complaint) => Complaint): Promise<Complaint> {
    const id = parseComplaintNumber(number);
    return this.store.transact(async (tx) => {
      const rec = await tx.getRecord<Complaint>('complaints', id);
      if (!rec) {
        throw new TongbanError('COMPLAINT_NOT_FOUND', `no complaint numbered ${id}`, {
          where: { complaint: id },
          hint: 'check the number on the complaint receipt',
        });
      }
      const { revision, ...next } = change(Complaint.parse(rec));
      return Complaint.parse(await tx.putRecord('complaints', next, { expectedRevision: revision }));
    });
  }
}

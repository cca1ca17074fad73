/**
 * 投诉 at the kiosk (seed 002 10.2): the form's fields b-e, the complainant's own details when identified, received
 * through core's Complaints, which numbers it (a) and starts the 5-working-day reply clock (seed 000 7.2).
 */
import type { WorkCalendar } from '@tongban/core/calendar';
import type { ServiceItem } from '@tongban/core/catalogue';
import { COMPLAINT_TYPES, type Complaint, Complaints, type ComplaintType } from '@tongban/core/complaints';
import type { Store } from '@tongban/core/store';
import type { KioskConfig } from '../config/kiosk-config.js';
import type { Applicant } from './kiosk-services.js';

export interface ComplaintEntry {
  /** b) 被投诉举报单位或部门 */
  targetUnit: string;
  /** c) 投诉举报类型 */
  type: ComplaintType;
  /** d) 被投诉举报人姓名 (may be unknown) */
  respondentName: string;
  /** e) 投诉举报内容 */
  content: string;
  /** e) 投诉举报人提出的要求 */
  demands: string;
  /** For the reply; optional. */
  phone: string;
  applicant?: Applicant | undefined;
}

export const COMPLAINT_TYPE_KEYS = Object.keys(COMPLAINT_TYPES) as ComplaintType[];

export class ComplaintDesk {
  readonly complaints: Complaints;

  constructor(
    readonly store: Store,
    readonly config: KioskConfig,
    readonly items: readonly ServiceItem[],
    calendar: WorkCalendar,
  ) {
    this.complaints = new Complaints({ store, calendar });
  }

  /** Working days to the reply (seed 000 7.2: 5). */
  get replyDays(): number {
    return this.complaints.settings.replyDays;
  }

  /** Units one may complain about: the hall itself, then every implementing unit of the catalogue. */
  targetUnits(): string[] {
    const units = [...new Set(this.items.map((i) => i.implementingUnit))].sort((a, b) =>
      a.localeCompare(b, 'zh-CN'),
    );
    return [this.config.hall.name, ...units.filter((u) => u !== this.config.hall.name)];
  }

  /** Receives the complaint on site at this kiosk (seed 002 10.2 现场投诉). */
  async receive(e: ComplaintEntry, at = new Date()): Promise<Complaint> {
    const complainant = {
      ...(e.applicant ? { name: e.applicant.name, idNumber: e.applicant.idNumber } : {}),
      ...(e.phone ? { phone: e.phone } : {}),
    };
    return this.complaints.receive(
      {
        channel: 'onSite',
        targetUnit: e.targetUnit,
        type: e.type,
        ...(e.respondentName.trim() ? { respondentName: e.respondentName.trim() } : {}),
        content: e.content,
        demands: e.demands,
        complainant,
      },
      { by: this.config.terminal.id, at },
    );
  }
}

import { Flags } from '@oclif/core';
import { TongbanCommand } from '../../base-command.js';
import { renderTable } from '../../output/table.js';
import { shanghaiTime } from '../../output/time.js';
import { nowFlag, parseInstant } from '../../records/flags.js';
import { appointmentsOf } from '../../records/services.js';

/** One reminder to send (documented in docs/appointments.md; stable shape for messaging systems). */
export interface ReminderOut {
  appointmentId: string;
  /** The reminder rule due: `dayBefore@16:00` or `minutesBefore@60`. */
  ruleId: string;
  dueAt: string;
  /** Older rules of the same booking that fell due too and are not worth sending any more. */
  skipped: string[];
  day: string;
  slot: { start: string; end: string };
  startsAt: string;
  itemCode: string;
  itemName?: string;
  windowId: string;
  applicantName?: string;
  /** Masked ID number (first 6 and last 4). */
  applicantId: string;
  /** Full phone number: the messaging system needs it. Absent when the applicant gave none. */
  phone?: string;
  /** The text to send, in both locales. */
  text: { 'zh-CN': string; en: string };
}

export interface AppointmentsRemindResult {
  at: string;
  /** True when the reminders were recorded as sent (--mark). */
  marked: boolean;
  reminders: ReminderOut[];
}

export default class AppointmentsRemind extends TongbanCommand<AppointmentsRemindResult> {
  static override summary = 'List the reminders due now, as JSON for a messaging system (seed 002 8.2.4).';
  static override description = [
    'Seed 002 8.2.4: before an appointment the applicant is reminded by phone or mobile. This lists, for each booked',
    'appointment not yet started, the latest reminder rule that has fallen due and was not sent. Pipe the --json',
    'output to the SMS gateway, then run again with --mark (or pass --mark at once) so the next run does not',
    'repeat them. Rules are the `reminders` of the appointment settings (default: 16:00 the day before, and 60',
    'minutes before the slot).',
  ].join('\n');
  static override examples = [
    '<%= config.bin %> <%= command.id %> --json',
    '<%= config.bin %> <%= command.id %> --at 2026-11-23T16:05+08:00 --mark --json | sms-gateway send',
  ];
  static override flags = {
    at: nowFlag,
    mark: Flags.boolean({ summary: 'Record the listed reminders as sent.', default: false }),
  };

  async run(): Promise<AppointmentsRemindResult> {
    const { flags } = await this.parse(AppointmentsRemind);
    const at = parseInstant(flags.at, '--at');
    const store = await this.openStore(flags.data);
    const appointments = await appointmentsOf(store, flags.data);
    const { appointmentMessages } = await import('@tongban/core/appointments');
    const { maskIdNumber } = await import('@tongban/core/identity');
    const due = await appointments.remindersDue(at);
    const fill = (template: string, a: (typeof due)[number]['appointment']) =>
      template
        .replace('{day}', a.day)
        .replace('{start}', a.slot.start)
        .replace('{window}', a.windowId)
        .replace('{item}', a.itemName ?? a.itemCode);
    const [zh, en] = appointmentMessages['appointment.reminder'];
    const reminders = due.map(
      ({ appointment: a, ruleId, dueAt, skipped }): ReminderOut => ({
        appointmentId: a.id,
        ruleId,
        dueAt,
        skipped,
        day: a.day,
        slot: { start: a.slot.start, end: a.slot.end },
        startsAt: a.startsAt,
        itemCode: a.itemCode,
        ...(a.itemName ? { itemName: a.itemName } : {}),
        windowId: a.windowId,
        ...(a.applicantName ? { applicantName: a.applicantName } : {}),
        applicantId: maskIdNumber(a.applicantId),
        ...(a.phone ? { phone: a.phone } : {}),
        text: { 'zh-CN': fill(zh, a), en: fill(en, a) },
      }),
    );
    if (flags.mark) {
      for (const r of reminders) await appointments.markReminded(r.appointmentId, [r.ruleId, ...r.skipped]);
    }
    this.log(
      renderTable(reminders, [
        { header: 'number', get: (r) => r.appointmentId },
        { header: 'slot', get: (r) => `${r.day} ${r.slot.start}` },
        { header: 'rule', get: (r) => r.ruleId },
        { header: 'phone', get: (r) => r.phone ?? '(none)' },
        { header: 'text', get: (r) => r.text['zh-CN'], max: 40 },
      ]),
    );
    this.log(
      `${reminders.length} reminder(s) due at ${shanghaiTime(at)}${flags.mark ? ', recorded as sent' : ''}.`,
    );
    return { at: at.toISOString(), marked: flags.mark, reminders };
  }
}

import { Flags } from '@oclif/core';
import { APPOINTMENT_STATUSES, type Appointment } from '@tongban/core/appointments';
import { TongbanCommand } from '../../base-command.js';
import { renderTable } from '../../output/table.js';
import { parseDay, shanghaiToday } from '../../records/flags.js';
import { type AppointmentRow, appointmentRow } from '../../records/views.js';

export interface AppointmentsListResult {
  day: string;
  total: number;
  appointments: AppointmentRow[];
}

export default class AppointmentsList extends TongbanCommand<AppointmentsListResult> {
  static override summary = 'List the appointments (预约) of a day, by slot; ID numbers and phones masked.';
  static override examples = [
    '<%= config.bin %> <%= command.id %> --day 2026-11-24',
    '<%= config.bin %> <%= command.id %> --day 2026-11-24 --window W01 --status booked --json',
  ];
  static override flags = {
    day: Flags.string({ summary: "Day 'YYYY-MM-DD' (default today)." }),
    window: Flags.string({ summary: 'Only this window.' }),
    item: Flags.string({ summary: 'Only this item code.' }),
    status: Flags.option({ options: APPOINTMENT_STATUSES, summary: 'Only this status.' })(),
  };

  async run(): Promise<AppointmentsListResult> {
    const { flags } = await this.parse(AppointmentsList);
    const day = flags.day ? parseDay(flags.day, '--day') : shanghaiToday();
    const store = await this.openStore(flags.data);
    const { maskIdNumber } = await import('@tongban/core/identity');
    const rows = (await store.listRecords<Appointment>('appointments', { day }))
      .filter((a) => a.day === day)
      .filter((a) => !flags.window || a.windowId === flags.window)
      .filter((a) => !flags.item || a.itemCode === flags.item)
      .filter((a) => !flags.status || a.status === flags.status)
      .sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.id.localeCompare(b.id))
      .map((a) => appointmentRow(a, maskIdNumber));
    this.log(
      renderTable(rows, [
        { header: 'number', get: (r) => r.id },
        { header: 'slot', get: (r) => `${r.slot.start}-${r.slot.end}` },
        { header: 'window', get: (r) => r.windowId },
        { header: 'item', get: (r) => `${r.itemCode} ${r.itemName ?? ''}`.trim(), max: 28 },
        { header: 'applicant', get: (r) => `${r.applicantName ?? ''} ${r.applicantId}`.trim() },
        { header: 'phone', get: (r) => r.phone },
        { header: 'status', get: (r) => r.status },
      ]),
    );
    this.log(`${rows.length} appointment(s) on ${day}.`);
    return { day, total: rows.length, appointments: rows };
  }
}

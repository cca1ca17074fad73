import { Flags } from '@oclif/core';
import { TongbanError } from '@tongban/core/errors';
import { TongbanCommand } from '../../base-command.js';
import { atFlag, byFlag, parseDay, parseHhmm, parseInstant, requireText } from '../../records/flags.js';
import { findItem } from '../../records/items.js';
import { appointmentsOf } from '../../records/services.js';
import { type AppointmentRow, appointmentRow } from '../../records/views.js';

export interface AppointmentsBookResult {
  appointment: AppointmentRow;
  /** The confirmation to read out or send (zh-CN). */
  message: string;
}

export default class AppointmentsBook extends TongbanCommand<AppointmentsBookResult> {
  static override summary = 'Book a slot for an applicant at the window or on the phone (预约).';
  static override description = [
    'Seed 002 8.2.1-8.2.3: a working day within the booking horizon, a slot of the hall’s hours not yet started,',
    'a place left, and one active booking per ID per item. A full slot is refused with the day’s other free',
    'slots in the message.',
  ].join('\n');
  static override examples = [
    '<%= config.bin %> <%= command.id %> --item 1100000001 --window W01 --day 2026-11-24 --slot 09:00 --applicant-id 230102198001011234 --name 王五 --phone 13800000000 --channel phone --by clerk-7',
  ];
  static override flags = {
    item: Flags.string({ summary: 'Item code (事项编码).', required: true }),
    window: Flags.string({ summary: 'Window id, e.g. W01.', required: true }),
    day: Flags.string({ summary: "Day 'YYYY-MM-DD'.", required: true }),
    slot: Flags.string({ summary: "Slot start 'HH:MM'.", required: true }),
    'applicant-id': Flags.string({ summary: 'The applicant’s valid ID document number.', required: true }),
    name: Flags.string({ summary: 'Applicant’s name.' }),
    phone: Flags.string({ summary: 'Phone for the reminder (seed 002 8.2.4).' }),
    channel: Flags.option({
      options: ['window', 'phone'] as const,
      default: 'window',
      summary: 'Where the booking was taken.',
    })(),
    by: byFlag('The clerk who books.'),
    at: atFlag,
  };

  async run(): Promise<AppointmentsBookResult> {
    const { flags } = await this.parse(AppointmentsBook);
    const day = parseDay(flags.day, '--day');
    const slotStart = parseHhmm(flags.slot, '--slot');
    const applicantId = requireText(
      flags['applicant-id'],
      '--applicant-id',
      'give the number of the ID document',
    );
    if (/^\d{17}[\dXx]$/.test(applicantId)) {
      const { checkIdNumber, maskIdNumber } = await import('@tongban/core/identity');
      const check = checkIdNumber(applicantId);
      if (!check.ok) {
        throw new TongbanError('ID_NUMBER_INVALID', `ID number ${maskIdNumber(applicantId)} is not valid`, {
          where: { field: '--applicant-id' },
          hint: 'a digit was mistyped: read the number from the card again (the last character is a check digit)',
        });
      }
    }
    const at = parseInstant(flags.at, '--at');
    const store = await this.openStore(flags.data);
    const item = await findItem(store, flags.item);
    const appointments = await appointmentsOf(store, flags.data);
    const a = await appointments.book({
      item,
      windowId: flags.window,
      day,
      slotStart,
      applicantId,
      ...(flags.name ? { applicantName: flags.name } : {}),
      ...(flags.phone ? { phone: flags.phone } : {}),
      channel: flags.channel,
      actor: flags.by,
      at,
    });
    const { maskIdNumber, appointmentMessages } = {
      ...(await import('@tongban/core/identity')),
      ...(await import('@tongban/core/appointments')),
    };
    const message = appointmentMessages['appointment.booked'][0]
      .replace('{item}', a.itemName ?? a.itemCode)
      .replace('{day}', a.day)
      .replace('{start}', a.slot.start)
      .replace('{end}', a.slot.end)
      .replace('{window}', a.windowId)
      .replace('{number}', a.id);
    this.log(message);
    return { appointment: appointmentRow(a, maskIdNumber), message };
  }
}

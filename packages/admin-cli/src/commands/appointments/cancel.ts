import { Args, Flags } from '@oclif/core';
import { TongbanCommand } from '../../base-command.js';
import { atFlag, byFlag, parseInstant } from '../../records/flags.js';
import { appointmentsOf } from '../../records/services.js';
import { type AppointmentRow, appointmentRow } from '../../records/views.js';

export interface AppointmentsCancelResult {
  appointment: AppointmentRow;
}

export default class AppointmentsCancel extends TongbanCommand<AppointmentsCancelResult> {
  static override summary = 'Cancel an appointment before or during its slot (seed 002 8.2.5).';
  static override examples = [
    '<%= config.bin %> <%= command.id %> YY20261124-0001 --reason "申请人来电取消" --by clerk-7',
  ];
  static override args = {
    number: Args.string({ description: 'Appointment number, e.g. YY20261124-0001', required: true }),
  };
  static override flags = {
    reason: Flags.string({ summary: 'Why it is cancelled.' }),
    by: byFlag('The clerk who cancels.'),
    at: atFlag,
  };

  async run(): Promise<AppointmentsCancelResult> {
    const { args, flags } = await this.parse(AppointmentsCancel);
    const store = await this.openStore(flags.data);
    const appointments = await appointmentsOf(store, flags.data);
    const a = await appointments.cancel(args.number.trim().toUpperCase(), {
      actor: flags.by,
      ...(flags.reason ? { reason: flags.reason } : {}),
      at: parseInstant(flags.at, '--at'),
    });
    const { maskIdNumber } = await import('@tongban/core/identity');
    this.log(
      `Cancelled ${a.id} (${a.day} ${a.slot.start}-${a.slot.end}, window ${a.windowId}); the place is free again.`,
    );
    return { appointment: appointmentRow(a, maskIdNumber) };
  }
}

import { Flags } from '@oclif/core';
import type { PushReport } from '@tongban/store/sync';
import { TongbanCommand } from '../../base-command.js';
import { loadCalendar } from '../../calendar-support.js';
import { EXIT } from '../../exit-codes.js';

export default class SyncPush extends TongbanCommand<PushReport> {
  static override summary = "Push a kiosk's outbox to the central store now, in order and idempotently.";
  static override description =
    'The kiosk pushes by itself every few seconds; this is for staff after a long outage or when a kiosk is retired. ' +
    'Each queued event keeps the id the kiosk gave it, so a push repeated after an interruption stores each event once. ' +
    'Exit code 3 when entries stay (conflicts, or the centre still unreachable).';
  static override examples = [
    'TONGBAN_DATABASE_URL=postgres://tongban@db/province <%= config.bin %> <%= command.id %> --outbox /var/lib/tongban/outbox',
  ];
  static override flags = {
    outbox: Flags.directory({ summary: "The kiosk's outbox directory.", required: true, exists: true }),
  };

  async run(): Promise<PushReport> {
    const { flags } = await this.parse(SyncPush);
    const { Outbox, pushOutbox, reportOutbox } = await import('@tongban/store/sync');
    const store = await this.openStore(flags.data);
    const outbox = new Outbox(flags.outbox);
    const report = await pushOutbox(outbox, store, await loadCalendar(flags.data));
    if (report.reachable) await reportOutbox(outbox, store);
    this.log(
      `pushed ${report.pushed} entries (${report.appended} events new to the central store); ` +
        `${report.remaining} remaining, ${report.conflicts} conflicts` +
        (report.reachable ? '' : '; the central store could not be reached'),
    );
    if (report.remaining > 0) this.failWith(EXIT.conflict);
    return report;
  }
}

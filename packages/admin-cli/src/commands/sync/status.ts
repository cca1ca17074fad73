import { Flags } from '@oclif/core';
import type { KioskSyncRecord, OutboxStatus } from '@tongban/store/sync';
import { TongbanCommand } from '../../base-command.js';
import { renderTable } from '../../output/table.js';

export interface SyncStatusResult {
  /** What each kiosk last reported to the central store (record kind 'sync'), by kiosk id. */
  kiosks: (Omit<KioskSyncRecord, 'revision'> & { silentMinutes: number; silent: boolean })[];
  /** The outbox read from disk when --outbox is given (at the kiosk itself). */
  outbox?: OutboxStatus;
  /** Set when the central store could not be reached (the kiosks' reports are then unknown). */
  centralError?: string;
}

export default class SyncStatus extends TongbanCommand<SyncStatusResult> {
  static override summary = 'Show what is pending per kiosk (offline outboxes, seed 003 一: 全时在线).';
  static override description =
    'Lists the reports kiosks send to the central store after each sync: cases pending, conflicts, when each kiosk ' +
    'last reached the centre. A kiosk silent for longer than --silent-after minutes is flagged: it is probably ' +
    'offline and holding cases. With --outbox, also reads a kiosk outbox directory on this machine.';
  static override examples = [
    'TONGBAN_DATABASE_URL=postgres://tongban@db/province <%= config.bin %> <%= command.id %>',
    '<%= config.bin %> <%= command.id %> --outbox /var/lib/tongban/outbox --json',
  ];
  static override flags = {
    outbox: Flags.directory({ summary: "A kiosk's outbox directory to read (at the kiosk).", exists: true }),
    'silent-after': Flags.integer({
      summary: 'Minutes without a report before a kiosk is flagged.',
      default: 10,
    }),
  };

  async run(): Promise<SyncStatusResult> {
    const { flags } = await this.parse(SyncStatus);
    const result: SyncStatusResult = { kiosks: [] };
    if (flags.outbox) {
      const { Outbox } = await import('@tongban/store/sync');
      result.outbox = new Outbox(flags.outbox).status();
    }
    try {
      const store = await this.openStore(flags.data);
      const now = Date.now();
      result.kiosks = (await store.listRecords<KioskSyncRecord>('sync')).map(({ revision: _, ...r }) => {
        const silentMinutes = Math.floor((now - Date.parse(r.reportedAt)) / 60_000);
        return { ...r, silentMinutes, silent: silentMinutes >= flags['silent-after'] };
      });
    } catch (error) {
      if (!result.outbox) throw error;
      result.centralError = (error as Error).message;
    }
    this.print(result);
    return result;
  }

  private print(result: SyncStatusResult): void {
    if (result.centralError) this.warn(`central store not reached: ${result.centralError}`);
    else if (result.kiosks.length === 0) this.log('No kiosk has reported to this store yet.');
    else
      this.log(
        renderTable(result.kiosks, [
          { header: 'kiosk', get: (k) => k.id },
          { header: 'pending', get: (k) => k.pending, align: 'right' },
          { header: 'conflicts', get: (k) => k.conflicts, align: 'right' },
          { header: 'oldest queued', get: (k) => k.oldestQueuedAt ?? '' },
          { header: 'pushed', get: (k) => k.pushedTotal, align: 'right' },
          { header: 'last report', get: (k) => k.reportedAt },
          { header: '', get: (k) => (k.silent ? `silent ${k.silentMinutes} min` : '') },
        ]),
      );
    const o = result.outbox;
    if (!o) return;
    this.log(
      `\nOutbox of ${o.kioskId} (${o.dir}): ${o.pending} pending, ${o.conflicts} conflicts, ${o.pushedTotal} pushed.`,
    );
    if (o.entries.length)
      this.log(
        renderTable(o.entries, [
          { header: 'seq', get: (e) => e.seq, align: 'right' },
          { header: 'case', get: (e) => e.caseId },
          { header: 'events', get: (e) => e.events, align: 'right' },
          { header: 'queued at', get: (e) => e.queuedAt },
          { header: 'tries', get: (e) => e.attempts, align: 'right' },
          { header: 'problem', get: (e) => e.conflict ?? e.lastError ?? '', max: 50 },
        ]),
      );
  }
}

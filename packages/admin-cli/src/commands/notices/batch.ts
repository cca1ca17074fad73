import { Flags } from '@oclif/core';
import { TongbanError } from '@tongban/core/errors';
import { CaseCommand } from '../../cases/case-command.js';
import { parseInstant } from '../../cases/time.js';
import {
  type NoticeFlagValues,
  type NoticesResult,
  noticeFlags,
  produceNotices,
  unitOption,
} from './render.js';

/** A period bound: a date is the start of that day in Asia/Shanghai (--to is exclusive... of the next day). */
function dayStart(text: string, flag: string, nextDay: boolean): string {
  const t = text.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) {
    const ms = Date.parse(`${t}T00:00:00+08:00`) + (nextDay ? 86_400_000 : 0);
    if (Number.isNaN(ms)) parseInstant(t, flag); // throws the usual message
    return new Date(ms).toISOString();
  }
  return parseInstant(t, flag);
}

export default class NoticesBatch extends CaseCommand<NoticesResult> {
  static override summary =
    'Render every notice issued in a period to PDF: one file each, or one merged PDF.';
  static override description = [
    'Gathers the notices the steps of all cases called for between --from and --to (dates are whole days in',
    'Asia/Shanghai, both included; instants are taken as given, --to exclusive), optionally one --type or one',
    '--unit (seed 000 tables 1-3: the notices of each stage). Work is spread over every core: this thread lays',
    'out, a thread deflates, a thread writes the files; beyond two cores rendering worker threads join in.',
    'Re-running leaves files whose content is unchanged untouched (output is deterministic), so a nightly job is cheap.',
    '--merge NAME writes one PDF with every notice instead.',
  ].join('\n');
  static override examples = [
    '<%= config.bin %> <%= command.id %> --from 2026-11-23 --to 2026-11-23 --out notices/2026-11-23',
    '<%= config.bin %> <%= command.id %> --from 2026-11-01 --to 2026-11-30 --type acceptance --unit window --out nov',
    '<%= config.bin %> <%= command.id %> --from 2026-11-23 --to 2026-11-23 --out print --merge day.pdf',
  ];
  static override flags = {
    ...noticeFlags,
    from: Flags.string({
      summary: 'First day (YYYY-MM-DD, Asia/Shanghai) or instant of the period.',
      required: true,
    }),
    to: Flags.string({
      summary: 'Last day (included) or end instant (excluded) of the period.',
      required: true,
    }),
    unit: unitOption,
    merge: Flags.string({
      summary: 'Write one merged PDF of this file name (in --out) instead of one file each.',
    }),
  };

  async run(): Promise<NoticesResult> {
    const { flags } = await this.parse(NoticesBatch);
    const from = dayStart(flags.from, '--from', false);
    const to = dayStart(flags.to, '--to', true);
    if (to <= from) {
      throw new TongbanError('usage.badPeriod', `the period ${flags.from} .. ${flags.to} is empty`, {
        where: { field: '--to' },
        hint: 'give --to on or after --from',
      });
    }
    const merge =
      flags.merge === undefined
        ? undefined
        : flags.merge.endsWith('.pdf')
          ? flags.merge
          : `${flags.merge}.pdf`;
    const store = await this.openStore(flags.data);
    return produceNotices(this, store, flags as NoticeFlagValues, {
      from,
      to,
      ...(flags.unit ? { unit: flags.unit } : {}),
      ...(merge !== undefined ? { merge } : {}),
    });
  }
}

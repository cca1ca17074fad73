import { Flags } from '@oclif/core';
import type { RectificationTask } from '@tongban/core/ratings';
import { TongbanCommand } from '../../base-command.js';
import { renderTable } from '../../output/table.js';
import { nowFlag, parseDay, parseInstant } from '../../records/flags.js';
import { localTime, type RatingRow, ratingRow } from '../../records/views.js';

export interface RatingsListResult {
  at: string;
  total: number;
  ratings: RatingRow[];
}

export default class RatingsList extends TongbanCommand<RatingsListResult> {
  static override summary = 'List ratings (好差评); --bad shows the bad ones with their rectification tasks.';
  static override description = [
    'Seed 003 三: a bad rating (不满意 2 or 非常不满意 1) opens a rectification task for the unit that handled the case,',
    'with a deadline in working days; the work on the case stays reopened until the applicant is answered.',
  ].join('\n');
  static override examples = [
    '<%= config.bin %> <%= command.id %> --bad',
    '<%= config.bin %> <%= command.id %> --bad --open --json',
    '<%= config.bin %> <%= command.id %> --from 2026-11-01 --to 2026-11-30',
  ];
  static override flags = {
    bad: Flags.boolean({ summary: 'Only bad ratings (levels 1-2).', default: false }),
    open: Flags.boolean({
      summary: 'Only bad ratings whose applicant has not been answered yet.',
      default: false,
    }),
    overdue: Flags.boolean({
      summary: 'Only bad ratings whose rectification is past its deadline.',
      default: false,
    }),
    from: Flags.string({ summary: "Rated on or after this local day 'YYYY-MM-DD'." }),
    to: Flags.string({ summary: "Rated on or before this local day 'YYYY-MM-DD'." }),
    at: nowFlag,
  };

  async run(): Promise<RatingsListResult> {
    const { flags } = await this.parse(RatingsList);
    const now = parseInstant(flags.at, '--at');
    const store = await this.openStore(flags.data);
    const { Rating, RectificationTask, isRectificationOverdue, RATING_LEVELS } = await import(
      '@tongban/core/ratings'
    );
    const { maskIdNumber } = await import('@tongban/core/identity');
    const from = flags.from ? parseDay(flags.from, '--from') : undefined;
    const to = flags.to ? parseDay(flags.to, '--to') : undefined;
    const tasks = new Map(
      (await store.listRecords<RectificationTask>('tasks', { kind: 'rectification' }))
        .filter((t) => t.kind === 'rectification')
        .map((t) => [t.id, RectificationTask.parse(t)]),
    );
    const rows = (await store.listRecords('ratings'))
      .map((r) => Rating.parse(r))
      .filter((r) => {
        const day = localTime(r.ratedAt).slice(0, 10);
        return (!from || day >= from) && (!to || day <= to);
      })
      .filter((r) => !(flags.bad || flags.open || flags.overdue) || r.bad)
      .sort((a, b) => a.ratedAt.localeCompare(b.ratedAt) || a.caseId.localeCompare(b.caseId))
      .map((r) => {
        const task = r.taskId ? tasks.get(r.taskId) : undefined;
        return ratingRow(r, {
          mask: maskIdNumber,
          levelName: RATING_LEVELS[r.level as 1 | 2 | 3 | 4 | 5].zh,
          ...(task ? { task } : {}),
          overdue: !!task && isRectificationOverdue(task, now),
        });
      })
      .filter((r) => !flags.open || (r.task && r.task.state !== 'answered'))
      .filter((r) => !flags.overdue || r.task?.overdue);
    this.log(
      renderTable(rows, [
        { header: 'case', get: (r) => r.caseId },
        { header: 'level', get: (r) => `${r.level} ${r.levelName}` },
        { header: 'rated', get: (r) => localTime(r.ratedAt) },
        { header: 'comment', get: (r) => r.comment, max: 20 },
        {
          header: 'rectification',
          get: (r) => (r.task ? `${r.task.state}${r.task.overdue ? ' 逾期' : ''}` : ''),
        },
        { header: 'unit', get: (r) => r.task?.assignedUnit ?? '' },
        { header: 'due', get: (r) => (r.task ? localTime(r.task.dueAt).slice(0, 10) : '') },
      ]),
    );
    this.log(`${rows.length} rating(s).`);
    return { at: now.toISOString(), total: rows.length, ratings: rows };
  }
}

import { Flags } from '@oclif/core';
import { type CaseState, expireDeadlines, STATE_NAMES } from '@tongban/core/cases';
import { CaseCommand } from '../../cases/case-command.js';
import { parseInstant } from '../../cases/time.js';
import { renderTable } from '../../output/table.js';

export interface CasesExpireResult {
  now: string;
  total: number;
  /** Cases whose supplement or 容缺 deadline had passed, with the state they were moved to. */
  changed: { caseId: string; itemCode: string; state: string; stateName: string }[];
}

export default class CasesExpire extends CaseCommand<CasesExpireResult> {
  static override summary = 'Run the deadline sweep: close cases whose supplement or 容缺 deadline passed.';
  static override description = [
    'Acts as the unit `system` (core expireDeadlines). A supplement not handed in by its deadline makes the',
    'application withdrawn before acceptance and the case terminated after it; tolerated (容缺) materials not',
    'handed in by theirs terminate the case (seed 002 9.3.6 超期处理办法). Safe to run again: nothing passes twice.',
    'Run it from cron, e.g. every night after midnight.',
  ].join('\n');
  static override examples = [
    '<%= config.bin %> <%= command.id %>',
    '<%= config.bin %> <%= command.id %> --now 2026-04-01T00:05:00+08:00 --json',
  ];
  static override flags = {
    now: Flags.string({ summary: 'Sweep as of this instant or date (default now).' }),
  };

  async run(): Promise<CasesExpireResult> {
    const { flags } = await this.parse(CasesExpire);
    const store = await this.openStore(flags.data);
    const calendar = await this.calendarOf(flags.data);
    const now = flags.now ? parseInstant(flags.now, '--now') : new Date().toISOString();
    const ids = await expireDeadlines(store, calendar, now);
    const changed: CasesExpireResult['changed'] = [];
    for (const caseId of ids) {
      const s = await store.summary(caseId);
      if (!s) continue;
      changed.push({
        caseId,
        itemCode: s.itemCode,
        state: s.state,
        stateName: STATE_NAMES[s.state as CaseState] ?? s.state,
      });
    }
    if (changed.length === 0) this.log('No deadline has passed.');
    else {
      this.log(
        renderTable(changed, [
          { header: 'case', get: (c) => c.caseId },
          { header: 'item', get: (c) => c.itemCode },
          { header: 'now', get: (c) => `${c.state} ${c.stateName}` },
        ]),
      );
      this.log(`${changed.length} case(s) closed by their deadline.`);
    }
    return { now, total: changed.length, changed };
  }
}

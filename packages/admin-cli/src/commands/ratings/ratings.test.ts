import { WorkCalendar } from '@tongban/core/calendar';
import { Ratings } from '@tongban/core/ratings';
import type { Store } from '@tongban/core/store';
import { openStore } from '@tongban/store';
import { beforeAll, describe, expect, it } from 'vitest';
import * as S from '../../records/schemas.js';
import { ensureBuilt, tempDir, tongban, tongbanJson } from '../../test-support/cli.js';

beforeAll(ensureBuilt, 300_000);

const env = { TONGBAN_USER: '王科长' };
const ID = '110101199003074514';

/** A decided case in the store: its summary only (what Ratings reads). */
async function decided(store: Store, caseId: string) {
  const at = '2026-11-20T02:00:00.000Z';
  await store.append(
    caseId,
    [{ id: `${caseId}-e1`, caseId, type: 'submit', unit: 'window', actor: 'clerk', at, payload: {} }],
    {
      caseId,
      itemCode: '000173001002',
      mode: 'window',
      state: 'approved',
      applicantId: ID,
      createdAt: at,
      updatedAt: at,
      closedAt: at,
      units: ['window', 'department'],
      length: 1,
    },
  );
}

/** Three decided cases rated 5, 2 and 1 through core (no CLI command rates: the applicant does, at the kiosk). */
async function seeded(): Promise<string> {
  const data = tempDir();
  const store = await openStore({ data });
  const ratings = new Ratings({ store, calendar: WorkCalendar.default() });
  for (const [caseId, level, comment] of [
    ['SQ1', 5, ''],
    ['SQ2', 2, '等了两个小时'],
    ['SQ3', 1, '材料被要求提交三次'],
  ] as const) {
    await decided(store, caseId);
    await ratings.rate({ caseId, level, comment, channel: 'kiosk', at: '2026-11-23T02:00:00.000Z' });
  }
  await store.close();
  return data;
}

describe('tongban ratings (real process, --json checked against its schema)', () => {
  it('lists bad ratings with their rectification tasks, due in 5 working days (seed 003 三)', async () => {
    const data = await seeded();
    const all = S.RatingsListResult.parse((await tongbanJson(['ratings', 'list'], { data })).json);
    expect(all.ratings.map((r) => [r.caseId, r.level, r.bad])).toEqual([
      ['SQ1', 5, false],
      ['SQ2', 2, true],
      ['SQ3', 1, true],
    ]);
    expect(JSON.stringify(all)).not.toContain(ID);
    const bad = S.RatingsListResult.parse(
      (await tongbanJson(['ratings', 'list', '--bad', '--at', '2026-11-24T00:00:00Z'], { data })).json,
    );
    expect(
      bad.ratings.map((r) => [r.caseId, r.levelName, r.task?.state, r.task?.assignedUnit, r.task?.dueAt]),
    ).toEqual([
      ['SQ2', '不满意', 'open', 'department', '2026-11-30T15:59:59.999Z'],
      ['SQ3', '非常不满意', 'open', 'department', '2026-11-30T15:59:59.999Z'],
    ]);
    const late = S.RatingsListResult.parse(
      (await tongbanJson(['ratings', 'list', '--overdue', '--at', '2026-12-01T00:00:00Z'], { data })).json,
    );
    expect(late.ratings.map((r) => r.caseId)).toEqual(['SQ2', 'SQ3']);
    const human = await tongban(['ratings', 'list', '--bad'], { data });
    expect(human.stdout).toContain('非常不满意');
    expect(human.stdout).toContain('等了两个小时');
  });

  it('rectifies, then answers the applicant; steps out of order are refused (seed 003 三 差评重办)', async () => {
    const data = await seeded();
    const early = await tongban(['ratings', 'answer', 'SQ2', '--text', '已处理'], { data, env });
    expect(early.code).toBe(3);
    expect(early.stderr).toContain('must be rectified or explained to be answered');
    const fix = await tongbanJson(
      ['ratings', 'rectify', 'SQ2', '--outcome', 'rectified', '--note', '增开窗口'],
      { data, env },
    );
    expect(fix.code).toBe(0);
    expect(S.RectificationResult.parse(fix.json).task).toMatchObject({ state: 'rectified', caseId: 'SQ2' });
    const ans = await tongbanJson(
      ['ratings', 'answer', 'SQ2', '--text', '已增开窗口，感谢监督', '--channel', 'sms'],
      {
        data,
        env,
      },
    );
    expect(S.RectificationResult.parse(ans.json).task).toMatchObject({
      state: 'answered',
      answer: { text: '已增开窗口，感谢监督', channel: 'sms', by: '王科长' },
    });
    const open = S.RatingsListResult.parse((await tongbanJson(['ratings', 'list', '--open'], { data })).json);
    expect(open.ratings.map((r) => r.caseId)).toEqual(['SQ3']);
    const none = await tongban(['ratings', 'rectify', 'SQ1', '--outcome', 'explained', '--note', 'x'], {
      data,
      env,
    });
    expect(none.code).toBe(4);
    expect(none.stderr).toContain('only a bad rating (不满意 or 非常不满意) opens one');
  });

  it('has help with examples for every command', async () => {
    for (const cmd of ['list', 'rectify', 'answer']) {
      const help = await tongban(['ratings', cmd, '--help']);
      expect(help.code, cmd).toBe(0);
      expect(help.stdout, cmd).toMatch(/EXAMPLES\n\s+\$ tongban ratings/);
    }
  });
});

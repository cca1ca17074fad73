import { beforeAll, describe, expect, it } from 'vitest';
import * as S from '../../records/schemas.js';
import { ensureBuilt, tempDir, tongban, tongbanJson } from '../../test-support/cli.js';
import { ErrorResult } from '../../test-support/schemas.js';

beforeAll(ensureBuilt, 300_000);

const env = { TONGBAN_USER: 'sup-1' };
const ID = '110101199003074514';

const file = (data: string, extra: string[] = []) =>
  tongbanJson(
    [
      'complaints',
      'file',
      '--channel',
      'phone',
      '--unit',
      '不动产登记中心',
      '--type',
      'overdue',
      '--content',
      '承诺5个工作日办结，已过期未办',
      '--demands',
      '尽快办结',
      '--name',
      '钱七',
      '--phone',
      '13800000000',
      '--id-number',
      ID,
      '--by',
      'hotline-1',
      '--at',
      '2026-11-23T10:00+08:00',
      ...extra,
    ],
    { data, env },
  );

describe('tongban complaints (real process, --json checked against its schema)', () => {
  it('records a phone complaint with the form of seed 002 10.2 and a reply limit of 5 working days (seed 000 7.2)', async () => {
    const data = tempDir();
    const run = await file(data);
    expect(run.code).toBe(0);
    const r = S.ComplaintsFileResult.parse(run.json);
    expect(r.complaint).toMatchObject({
      state: 'received',
      channel: 'phone',
      targetUnit: '不动产登记中心',
      type: 'overdue',
      dueAt: '2026-11-30T15:59:59.999Z', // Mon 23 Nov + 5 working days = end of Mon 30 Nov
      complainant: { name: '钱七', idNumber: '110101********4514' },
      overdue: false,
    });
    expect(r.complaint.number).toMatch(/^TS-20261123-0001-[0-9X]$/);
    expect(r.message).toBe(
      `投诉已受理，编号 ${r.complaint.number}，我们将在 2026-11-30 前答复您。凭编号可查询处理结果。`,
    );
    const human = await tongban(['complaints', 'show', r.complaint.number], { data });
    expect(human.stdout).toContain('110101********4514');
    expect(human.stdout).not.toContain(ID);
  });

  it('walks received → investigating → resolved → replied, refusing a step out of order (seed 000 7.2)', async () => {
    const data = tempDir();
    const n = S.ComplaintsFileResult.parse((await file(data)).json).complaint.number;
    const early = await tongban(['complaints', 'reply', n, '--text', '已办结'], { data, env });
    expect(early.code).toBe(3);
    expect(early.stderr).toContain('is received; it must be resolved to be replied');
    expect(early.stderr).toContain('mend:  steps go received → investigating → resolved → replied');
    const inv = await tongbanJson(
      ['complaints', 'investigate', n, '--assigned-to', '不动产登记中心', '--at', '2026-11-24T09:00+08:00'],
      { data, env },
    );
    expect(S.ComplaintResult.parse(inv.json).complaint).toMatchObject({
      state: 'investigating',
      assignedTo: '不动产登记中心',
    });
    const res = await tongbanJson(
      [
        'complaints',
        'resolve',
        n,
        '--outcome',
        '系统故障致延误，已办结',
        '--measures',
        '增设超期预警',
        '--at',
        '2026-11-25T09:00+08:00',
      ],
      { data, env },
    );
    expect(S.ComplaintResult.parse(res.json).complaint.state).toBe('resolved');
    const rep = await tongbanJson(
      ['complaints', 'reply', n, '--text', '已办结，致歉', '--at', '2026-11-26T09:00+08:00'],
      {
        data,
        env,
      },
    );
    expect(rep.code).toBe(0);
    const done = S.ComplaintResult.parse(rep.json).complaint;
    expect(done.reply).toMatchObject({ text: '已办结，致歉', channel: 'phone', by: 'sup-1' });
    expect(done.steps.map((s) => `${s.step}/${s.by}`)).toEqual([
      'received/hotline-1',
      'investigating/sup-1',
      'resolved/sup-1',
      'replied/sup-1',
    ]);
    // Typed back in lower case without hyphens (seed 002 10.3 query by number).
    const shown = await tongbanJson(['complaints', 'show', n.replaceAll('-', '').toLowerCase()], { data });
    expect(S.ComplaintResult.parse(shown.json).complaint.measures).toBe('增设超期预警');
  });

  it('lists the overdue ones: unreplied 5 working days after receipt, with working days late (seed 000 7.2)', async () => {
    const data = tempDir();
    const late = S.ComplaintsFileResult.parse((await file(data)).json).complaint;
    const replied = S.ComplaintsFileResult.parse((await file(data)).json).complaint;
    await file(data, ['--at', '2026-11-27T10:00+08:00']); // Friday: due Fri 4 Dec
    await tongban(['complaints', 'investigate', replied.number], { data, env });
    await tongban(['complaints', 'resolve', replied.number, '--outcome', '已处理'], { data, env });
    await tongban(
      ['complaints', 'reply', replied.number, '--text', '已处理', '--at', '2026-11-24T10:00+08:00'],
      { data, env },
    );
    const before = S.ComplaintsOverdueResult.parse(
      (await tongbanJson(['complaints', 'overdue', '--at', '2026-11-30T23:59+08:00'], { data })).json,
    );
    expect(before.complaints).toEqual([]);
    const run = await tongbanJson(['complaints', 'overdue', '--at', '2026-12-03T09:00+08:00'], { data });
    const r = S.ComplaintsOverdueResult.parse(run.json);
    expect(r.complaints.map((c) => [c.number, c.workingDaysLate])).toEqual([[late.number, 3]]);
    const list = S.ComplaintsListResult.parse(
      (await tongbanJson(['complaints', 'list', '--overdue', '--at', '2026-12-03T09:00+08:00'], { data }))
        .json,
    );
    expect(list.complaints.map((c) => c.number)).toEqual([late.number]);
    const all = S.ComplaintsListResult.parse(
      (await tongbanJson(['complaints', 'list', '--state', 'replied'], { data })).json,
    );
    expect(all.complaints.map((c) => c.number)).toEqual([replied.number]);
  });

  it('says what, where and how to mend: a mistyped number, an unknown one, the 有诉即办 desk without a department', async () => {
    const data = tempDir();
    const n = S.ComplaintsFileResult.parse((await file(data)).json).complaint.number;
    // the check character is a digit or X: another digit is a wrong check character, not a wrong shape
    const typo = await tongban(['complaints', 'show', `${n.slice(0, -1)}${n.endsWith('0') ? '1' : '0'}`], {
      data,
    });
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('wrong check character');
    const unknown = await tongbanJson(['complaints', 'show', n.replace('0001', '0002').slice(0, -1) + '0'], {
      data,
    });
    expect([2, 4]).toContain(unknown.code);
    const desk = S.ComplaintsFileResult.parse((await file(data, ['--desk', 'yousujiban'])).json).complaint
      .number;
    const noDept = await tongbanJson(['complaints', 'investigate', desk], { data, env });
    expect(noDept.code).toBeGreaterThan(0);
    const e = ErrorResult.parse(noDept.json).error;
    expect(e.where).toMatchObject({ field: 'assignedTo' });
    expect(e.hint).toContain('seed 001 6.3.5');
    const missing = await tongban(
      ['complaints', 'file', '--channel', 'phone', '--unit', 'x', '--type', 'other'],
      { data, env },
    );
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/content/);
  });

  it('has help with examples for every command', async () => {
    for (const cmd of ['file', 'list', 'show', 'investigate', 'resolve', 'reply', 'overdue']) {
      const help = await tongban(['complaints', cmd, '--help']);
      expect(help.code, cmd).toBe(0);
      expect(help.stdout, cmd).toMatch(/EXAMPLES\n\s+\$ tongban complaints/);
    }
  });
});

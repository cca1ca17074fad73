import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import * as S from '../../cases/schemas.js';
import { ensureBuilt, repoRoot, tempDir, tongban, tongbanJson } from '../../test-support/cli.js';

/**
 * `tongban cases` as real processes against temporary data directories holding the sample catalogue (published
 * as version 1). Steps carry past instants (--at) in March 2026 (no public holiday that month), and overdue /
 * due-soon are judged with --now, so every date below is fixed.
 */

const RESIDENCE = '000173003001'; // 居住证签发: promised 7 days; 2 key + 2 secondary tolerable materials
const PERMIT = '000173004002'; // 往来港澳通行证: online/window/proxyLocal, promised 7, transfer 1 day
const HUKOU = '000173002002'; // 户口迁移(市内迁移): promised 3
const ID = '11010519491231002X';
const env = { TONGBAN_USER: 'zhangmin', TONGBAN_SITE: 'HRB1' };

let seeded = '';
beforeAll(async () => {
  await ensureBuilt();
  seeded = tempDir('tongban-cases-seed-');
  const catalogue = join(repoRoot, 'fixtures', 'catalogue', 'sample-catalogue.json');
  expect((await tongban(['items', 'import', catalogue], { data: seeded })).code).toBe(0);
  expect((await tongban(['items', 'publish', '-m', 'v1', '--by', 'admin'], { data: seeded })).code).toBe(0);
}, 300_000);

/** A fresh copy of the seeded data directory. */
function dataDir(): string {
  const data = tempDir('tongban-cases-');
  cpSync(seeded, data, { recursive: true });
  return data;
}

async function ok(data: string, args: string[], unit?: string) {
  const run = await tongbanJson(args, { data, env: unit ? { ...env, TONGBAN_UNIT: unit } : env });
  if (run.code !== 0)
    throw new Error(`tongban ${args.join(' ')} exited ${run.code}: ${run.stdout}${run.stderr}`);
  return S.StepResult.parse(run.json);
}

async function refused(data: string, args: string[], unit?: string) {
  const run = await tongbanJson(args, { data, env: unit ? { ...env, TONGBAN_UNIT: unit } : env });
  return { code: run.code, ...S.ErrorResult.parse(run.json) };
}

async function show(data: string, id: string, now = '2026-03-31') {
  const run = await tongbanJson(['cases', 'show', id, '--now', now], { data, env });
  expect(run.code).toBe(0);
  return S.ShowResult.parse(run.json);
}

const submit = (data: string, item: string, mode: string, at: string, materials: string[]) =>
  ok(data, [
    'cases',
    'submit',
    item,
    '--mode',
    mode,
    '--name',
    '王芳',
    '--id-number',
    ID,
    '--phone',
    '13800138000',
    '--at',
    at,
    ...(materials.length ? materials.flatMap((m) => ['--material', m]) : ['--all-materials']),
  ]);

describe('tongban cases: whole cases from submit to archive (real processes)', () => {
  it('walks an online case: intake supplement, acceptance, special procedure, approval, delivery, archive (seed 000 table 1)', async () => {
    const data = dataDir();
    const s = await submit(data, RESIDENCE, 'online', '2026-03-02T09:30:00+08:00', ['申请人居民身份证']);
    expect(s).toMatchObject({ from: 'new', state: 'awaitingAcceptance', waitingOn: 'localDepartment' });
    expect(s.event).toMatchObject({ type: 'submit', unit: 'localWindow', actor: 'zhangmin' });
    expect(s.caseId).toMatch(/^HRB1-260302-C[0-9A-Z]{4}-[0-9A-Z]{3}$/);
    const id = s.caseId;
    const at = (t: string) => ['--at', t];

    // 一次性告知 at intake: every missing material in one request (seed 001 6.1.3).
    const rq = await ok(
      data,
      [
        'cases',
        'request-supplement',
        id,
        '--material',
        '居住地住址证明=未提交',
        '--all-missing',
        '--days',
        '5',
        ...at('2026-03-02T11:00:00+08:00'),
      ],
      'localDepartment',
    );
    expect(rq).toMatchObject({
      from: 'awaitingAcceptance',
      state: 'supplementRequested',
      waitingOn: 'applicant',
    });
    expect(rq.notices.map((n) => n.type)).toEqual(['supplement']);
    const sup = await ok(
      data,
      ['cases', 'supplement', id, '--all-requested', ...at('2026-03-03T09:00:00+08:00')],
      'applicant',
    );
    expect(sup.state).toBe('awaitingAcceptance');

    const acc = await ok(
      data,
      ['cases', 'accept', id, ...at('2026-03-03T10:00:00+08:00')],
      'localDepartment',
    );
    expect(acc).toMatchObject({ state: 'accepted', dueDate: '2026-03-12' }); // 7 working days after 3 March
    expect(acc.notices).toEqual([{ type: 'acceptance', name: '收件（受理）通知书' }]);

    // 特别程序 stops the clock (seed 004 8.2.6): 4-6 March do not count, the due date moves to 17 March.
    const sp = await ok(
      data,
      [
        'cases',
        'special-procedure',
        'start',
        id,
        '--kind',
        'inspection',
        '--expected-days',
        '2',
        ...at('2026-03-04T10:00:00+08:00'),
      ],
      'localDepartment',
    );
    expect(sp).toMatchObject({ state: 'specialProcedure', dueAt: null });
    const end = await ok(
      data,
      ['cases', 'special-procedure', 'end', id, ...at('2026-03-06T10:00:00+08:00')],
      'localDepartment',
    );
    expect(end).toMatchObject({ state: 'accepted', dueDate: '2026-03-17' });

    const appr = await ok(
      data,
      ['cases', 'approve', id, '--result', '居住证', ...at('2026-03-10T15:00:00+08:00')],
      'localDepartment',
    );
    expect(appr).toMatchObject({ state: 'approved', waitingOn: 'localWindow' });
    expect(appr.notices.map((n) => n.type)).toEqual(['approval']);
    await ok(data, ['cases', 'deliver', id, '--method', 'pickup', ...at('2026-03-11')], 'localWindow');
    await ok(data, ['cases', 'delivery-feedback', id, ...at('2026-03-11')], 'localWindow');
    const a1 = await ok(data, ['cases', 'archive', id, ...at('2026-03-12')], 'localWindow');
    expect(a1).toMatchObject({ state: 'archiving', waitingOn: 'localDepartment' });
    const a2 = await ok(data, ['cases', 'archive', id, ...at('2026-03-12')], 'localDepartment');
    expect(a2).toMatchObject({ state: 'archived', waitingOn: null, nextSteps: [], length: 11 });

    const v = await show(data, id);
    expect(v).toMatchObject({
      state: 'archived',
      closed: true,
      archivedBy: ['localWindow', 'localDepartment'],
    });
    expect(v.applicant).toEqual({ name: '王芳', idNumber: '110105********002X', phone: '138****8000' });
    expect(v.timeline.map((t) => [t.event, t.unit])).toEqual([
      ['submit', 'localWindow'],
      ['requestSupplement', 'localDepartment'],
      ['supplement', 'applicant'],
      ['accept', 'localDepartment'],
      ['startSpecialProcedure', 'localDepartment'],
      ['endSpecialProcedure', 'localDepartment'],
      ['approve', 'localDepartment'],
      ['deliver', 'localWindow'],
      ['deliveryFeedback', 'localWindow'],
      ['archive', 'localWindow'],
      ['archive', 'localDepartment'],
    ]);
    expect(v.timeline[1]?.text).toMatch(
      /^属地审批部门\(zhangmin\)一次性告知补正:需补正:居住地住址证明、就业/,
    );
    expect(v.deadlines).toMatchObject({
      dueDate: '2026-03-17',
      overdue: false,
      decidedOnTime: true,
      pausedWorkingDays: 3,
      supplements: [
        { stage: 'intake', answered: ['居住地住址证明', '就业、就读等证明材料', '近期免冠照片'] },
      ],
    });
    expect(v.deadlines.supplements[0]?.dueAt).toBe('2026-03-09T15:59:59.999Z'); // 5 working days, end of day
    expect(v.notices.map((n) => n.type)).toEqual(['supplement', 'acceptance', 'approval']);

    const human = await tongban(['cases', 'show', id.toLowerCase(), '--now', '2026-03-31'], { data, env });
    expect(human.code).toBe(0);
    expect(human.stdout).toContain('110105********002X');
    expect(human.stdout).not.toContain(ID);
    expect(human.stdout).toMatch(/特别程序:inspection .* \(3 working days\)/);
    expect(human.stdout).toContain('补齐补正通知书');
  }, 180_000);

  it('walks a proxyLocal case: proxy receipt, posted transfer, acceptance, result forwarded to the remote window (seed 000 table 2)', async () => {
    const data = dataDir();
    const s = await submit(data, PERMIT, 'proxyLocal', '2026-03-02T09:00:00+08:00', []);
    expect(s).toMatchObject({
      state: 'submitted',
      waitingOn: 'remoteWindow',
      event: { unit: 'remoteWindow' },
    });
    const id = s.caseId;
    const rec = await ok(
      data,
      ['cases', 'proxy-receive', id, '--delivery-method', 'pickup', '--at', '2026-03-02T09:10:00+08:00'],
      'remoteWindow',
    );
    expect(rec).toMatchObject({
      state: 'proxyReceived',
      notices: [{ type: 'proxyReceipt', name: '代收凭证' }],
    });

    // A postal transfer needs its tracking number (seed 000 table 2 row 1 c): core's rule, exit 2.
    const noTracking = await refused(data, ['cases', 'transfer', id, '--method', 'post'], 'remoteWindow');
    expect(noTracking).toMatchObject({ code: 2, exitCode: 2, error: { code: 'CASE_RULE' } });
    expect(noTracking.error.message).toMatch(/tracking number/);
    const tr = await ok(
      data,
      [
        'cases',
        'transfer',
        id,
        '--method',
        'post',
        '--tracking',
        'EMS1088000001',
        '--at',
        '2026-03-02T16:00:00+08:00',
      ],
      'remoteWindow',
    );
    expect(tr).toMatchObject({ state: 'inTransit', waitingOn: 'localWindow' });
    await ok(data, ['cases', 'receive-transfer', id, '--at', '2026-03-03T09:00:00+08:00'], 'localWindow');
    const acc = await ok(
      data,
      ['cases', 'accept', id, '--at', '2026-03-03T10:00:00+08:00'],
      'localDepartment',
    );
    expect(acc).toMatchObject({ state: 'accepted', dueDate: '2026-03-12' });
    await ok(data, ['cases', 'approve', id, '--at', '2026-03-05'], 'localDepartment');

    // The applicant takes the result at the remote window: the local window may not deliver it itself.
    const direct = await refused(data, ['cases', 'deliver', id], 'localWindow');
    expect(direct).toMatchObject({ code: 2, error: { code: 'CASE_RULE' } });
    expect(direct.error.hint).toMatch(/forwardResult/);
    const fw = await ok(
      data,
      ['cases', 'forward-result', id, '--at', '2026-03-05T15:00:00+08:00'],
      'localWindow',
    );
    expect(fw).toMatchObject({ state: 'resultForwarded', waitingOn: 'remoteWindow' });
    const dl = await ok(data, ['cases', 'deliver', id, '--at', '2026-03-06'], 'remoteWindow');
    expect(dl.event.unit).toBe('remoteWindow');
    for (const unit of ['remoteWindow', 'localWindow']) {
      expect((await ok(data, ['cases', 'archive', id, '--at', '2026-03-09'], unit)).state).toBe('archiving');
    }
    expect((await ok(data, ['cases', 'archive', id, '--at', '2026-03-09'], 'localDepartment')).state).toBe(
      'archived',
    );

    const v = await show(data, id);
    expect(v.timeline.map((t) => t.unit)).toEqual([
      'remoteWindow',
      'remoteWindow',
      'remoteWindow',
      'localWindow',
      'localDepartment',
      'localDepartment',
      'localWindow',
      'remoteWindow',
      'remoteWindow',
      'localWindow',
      'localDepartment',
    ]);
    expect(v).toMatchObject({ mode: 'proxyLocal', deliveryMethod: 'pickup', deliverAt: 'remoteWindow' });
    expect(v.deadlines.transferDueAt).toBe('2026-03-03T15:59:59.999Z'); // 1 working day after the receipt
    expect(v.notices.map((n) => n.type)).toEqual(['proxyReceipt', 'acceptance', 'approval']);
  }, 180_000);
});

describe('tongban cases: refusals', () => {
  it("refuses an illegal transition with core's reason: wrong state or wrong unit exits 3 and changes nothing (seed 000 tables 1-3)", async () => {
    const data = dataDir();
    const { caseId: id } = await submit(data, RESIDENCE, 'online', '2026-03-02T09:30:00+08:00', []);
    const early = await refused(data, ['cases', 'approve', id], 'localDepartment');
    expect(early).toMatchObject({
      code: 3,
      exitCode: 3,
      error: { code: 'CASE_TRANSITION', name: 'TransitionError' },
    });
    expect(early.error.message).toBe(
      '"approve" is not allowed in state "awaitingAcceptance" of a online case (tried by localDepartment)',
    );
    expect(early.error.hint).toMatch(/next steps are: .*accept/);
    const wrongUnit = await refused(data, ['cases', 'accept', id], 'localWindow');
    expect(wrongUnit.code).toBe(3);
    expect(wrongUnit.error.message).toMatch(/must be done by localDepartment, not by localWindow/);

    const human = await tongban(['cases', 'accept', id, '--unit', 'localWindow'], { data, env });
    expect(human.code).toBe(3);
    expect(human.stderr).toMatch(/^Error \[CASE_TRANSITION\]: "accept" in state "awaitingAcceptance"/);
    expect(human.stderr).toMatch(/mend: {2}ask localDepartment to perform this step/);
    expect((await show(data, id)).length).toBe(1);

    // A denial without the statutory review time is refused by core's rule (seed 004 8.5.5), exit 2.
    await ok(data, ['cases', 'accept', id, '--at', '2026-03-03'], 'localDepartment');
    const short = await refused(
      data,
      [
        'cases',
        'deny',
        id,
        '--reason',
        '不符合条件',
        '--review-body',
        '道里区人民政府',
        '--court',
        '道里区人民法院',
        '--review-days',
        '30',
      ],
      'localDepartment',
    );
    expect(short).toMatchObject({ code: 2, error: { code: 'CASE_RULE' } });
    expect(short.error.message).toMatch(/at least 60 days/);
    // Without --court oclif refuses before anything runs: usage, exit 1.
    const noCourt = await tongban(
      ['cases', 'deny', id, '--reason', 'x', '--review-body', 'y', '--unit', 'localDepartment'],
      { data, env },
    );
    expect(noCourt.code).toBe(1);
    expect(noCourt.stderr).toMatch(/court/);
    const denied = await ok(
      data,
      [
        'cases',
        'deny',
        id,
        '--reason',
        '不符合居住证申领条件',
        '--reason',
        '材料不实',
        '--review-body',
        '哈尔滨市道里区人民政府',
        '--court',
        '哈尔滨市道里区人民法院',
        '--at',
        '2026-03-05',
      ],
      'localDepartment',
    );
    expect(denied.notices.map((n) => n.type)).toEqual(['denial']);
    const v = await show(data, id);
    expect(v.decision).toMatchObject({
      outcome: 'denied',
      reasons: ['不符合居住证申领条件', '材料不实'],
      rights: { review: { withinDays: 60 }, litigation: { withinMonths: 6 } },
    });
  }, 180_000);

  it('reports an optimistic-concurrency conflict (--if-length), an unknown case, and a missing unit', async () => {
    const data = dataDir();
    const { caseId: id } = await submit(data, RESIDENCE, 'online', '2026-03-02T09:30:00+08:00', []);
    await ok(data, ['cases', 'note', id, '--text', '已电话联系'], 'localWindow');
    const stale = await refused(
      data,
      ['cases', 'refuse', id, '--reason', '不属于本机关职权', '--if-length', '1'],
      'localDepartment',
    );
    expect(stale).toMatchObject({ code: 3, error: { code: 'STORE_CONFLICT' } });
    expect(stale.error.message).toMatch(/expected events 1 but the store has 2/);
    const fresh = await ok(
      data,
      [
        'cases',
        'refuse',
        id,
        '--reason',
        '不属于本机关职权',
        '--reason',
        '申请人不具备资格',
        '--if-length',
        '2',
      ],
      'localDepartment',
    );
    expect(fresh).toMatchObject({ state: 'refused', notices: [{ type: 'nonAcceptance' }], nextSteps: [] });
    expect((await show(data, id)).refusal?.reasons).toEqual(['不属于本机关职权', '申请人不具备资格']);

    // The same --event-id twice stores the event once.
    const { caseId: other } = await submit(data, RESIDENCE, 'online', '2026-03-02T10:00:00+08:00', []);
    const first = await ok(
      data,
      ['cases', 'note', other, '--text', 'x', '--event-id', 'evt-1'],
      'localWindow',
    );
    const again = await ok(
      data,
      ['cases', 'note', other, '--text', 'x', '--event-id', 'evt-1'],
      'localWindow',
    );
    expect([first.duplicate, again.duplicate, again.length]).toEqual([false, true, 2]);

    const missing = await refused(data, ['cases', 'show', 'HRB1-260302-C0000-000']);
    expect(missing).toMatchObject({ code: 4, error: { code: 'case.notFound' } });
    const noUnit = await tongban(['cases', 'accept', id], { data, env });
    expect(noUnit.code).toBe(1);
    expect(noUnit.stderr).toMatch(/unit/);
  }, 180_000);
});

describe('tongban cases list / overdue / expire', () => {
  it('filters by state, mode, unit, waiting-on, item and limit, and finds overdue and due-soon cases (seed 002 12.3.5)', async () => {
    const data = dataDir();
    // A: online, accepted 2 March → due 11 March. B: window, accepted 9 March → due 18 March.
    // C: proxyLocal, only submitted. D: online 户口迁移 (3 days), accepted 10 March, approved 12 March.
    const a = (await submit(data, RESIDENCE, 'online', '2026-03-02T09:00:00+08:00', [])).caseId;
    await ok(data, ['cases', 'accept', a, '--at', '2026-03-02T10:00:00+08:00'], 'localDepartment');
    const b = (
      await submit(data, RESIDENCE, 'window', '2026-03-09T09:00:00+08:00', [
        '申请人居民身份证',
        '居住地住址证明',
        '就业、就读等证明材料',
        '近期免冠照片',
      ])
    ).caseId;
    await ok(data, ['cases', 'accept', b, '--at', '2026-03-09T10:00:00+08:00'], 'window');
    const c = (await submit(data, PERMIT, 'proxyLocal', '2026-03-10T09:00:00+08:00', [])).caseId;
    const d = (await submit(data, HUKOU, 'online', '2026-03-10T09:30:00+08:00', [])).caseId;
    await ok(data, ['cases', 'accept', d, '--at', '2026-03-10T10:00:00+08:00'], 'localDepartment');
    await ok(data, ['cases', 'approve', d, '--at', '2026-03-12T10:00:00+08:00'], 'localDepartment');

    const list = async (...args: string[]) => {
      const run = await tongbanJson(['cases', 'list', ...args], { data, env });
      expect(run.code).toBe(0);
      return S.ListResult.parse(run.json);
    };
    const ids = async (...args: string[]) => (await list(...args)).cases.map((r) => r.caseId);
    expect(await ids()).toEqual([a, b, c, d]);
    expect(await ids('--state', 'accepted')).toEqual([a, b]);
    expect(await ids('--state', 'submitted', '--state', 'approved')).toEqual([c, d]);
    expect(await ids('--mode', 'window')).toEqual([b]);
    expect(await ids('--unit', 'remoteWindow')).toEqual([c]);
    expect(await ids('--waiting-on', 'localDepartment')).toEqual([a]);
    expect(await ids('--item', PERMIT)).toEqual([c]);
    expect(await ids('--applicant', ID, '--limit', '2')).toEqual([a, b]);
    // issue 25: the query echoed by --json names the applicant masked, never the full number
    const byApplicant = await tongbanJson(['cases', 'list', '--applicant', ID], { data, env });
    expect(byApplicant.stdout).not.toContain(ID);
    expect(S.ListResult.parse(byApplicant.json).query.applicantId).toBe(
      `${ID.slice(0, 6)}********${ID.slice(-4)}`,
    );
    const overdue = await list('--overdue', '--now', '2026-03-20');
    expect(overdue.cases.map((r) => [r.caseId, r.overdue, r.dueDate])).toEqual([
      [a, true, '2026-03-11'],
      [b, true, '2026-03-18'],
    ]);
    expect(overdue.query).toMatchObject({
      state: ['accepted', 'supplementRequested', 'specialProcedure'],
      open: true,
    });
    expect(await ids('--overdue', '--now', '2026-03-12')).toEqual([a]);
    expect(await ids('--due-soon', '2', '--now', '2026-03-10')).toEqual([a]); // due 11 March, within 2 working days
    expect(await ids('--due-soon', '2', '--now', '2026-03-12')).toEqual([]); // A is overdue then, B due later

    const table = await tongban(['cases', 'list', '--overdue', '--now', '2026-03-20'], { data, env });
    expect(table.stdout).toMatch(
      new RegExp(`${a}\\s+${RESIDENCE} 居住证签发\\s+online\\s+accepted\\s+localDepartment\\s+2026-03-11 !`),
    );
    expect(table.stdout).toContain('2 case(s) (! = overdue).');

    const run = await tongbanJson(['cases', 'overdue', '--now', '2026-03-20'], { data, env });
    const report = S.OverdueResult.parse(run.json);
    expect(report.total).toBe(2);
    expect(
      report.groups.map((g) => [
        g.unit,
        g.cases.map((x) => [x.caseId, x.workingDaysOver, x.calendarDaysOver]),
      ]),
    ).toEqual([
      ['department', [[b, 2, 2]]],
      ['localDepartment', [[a, 7, 9]]],
    ]);
    const mine = S.OverdueResult.parse(
      (await tongbanJson(['cases', 'overdue', '--unit', 'department', '--now', '2026-03-20'], { data, env }))
        .json,
    );
    expect(mine.groups.map((g) => g.unit)).toEqual(['department']);
    const human = await tongban(['cases', 'overdue', '--now', '2026-03-20'], { data, env });
    expect(human.stdout).toMatch(/localDepartment 属地审批部门: 1 overdue/);
    expect(human.stdout).toMatch(new RegExp(`${a}.*2026-03-11\\s+7`));
  }, 240_000);

  it('expire closes a case whose supplement deadline passed, once (seed 000 table 1 row 3 a 1; seed 002 9.3.6)', async () => {
    const data = dataDir();
    const { caseId: id } = await submit(data, RESIDENCE, 'online', '2026-03-02T09:30:00+08:00', [
      '申请人居民身份证',
    ]);
    await ok(
      data,
      [
        'cases',
        'request-supplement',
        id,
        '--all-missing',
        '--deadline',
        '2026-03-05',
        '--at',
        '2026-03-02T11:00:00+08:00',
      ],
      'localDepartment',
    );
    const sweep = async (now: string) =>
      S.ExpireResult.parse((await tongbanJson(['cases', 'expire', '--now', now], { data, env })).json);
    expect((await sweep('2026-03-05T20:00:00+08:00')).total).toBe(0);
    expect((await sweep('2026-03-06T00:05:00+08:00')).changed).toEqual([
      { caseId: id, itemCode: RESIDENCE, state: 'withdrawn', stateName: '已撤回' },
    ]);
    expect((await sweep('2026-03-07')).total).toBe(0);
    const v = await show(data, id);
    expect(v.timeline.at(-1)).toMatchObject({
      event: 'supplementExpired',
      unit: 'system',
      actor: 'deadline-sweep',
    });
  }, 120_000);

  it('has help with examples on every cases command', async () => {
    const manifest = JSON.parse(
      readFileSync(join(repoRoot, 'packages/admin-cli/oclif.manifest.json'), 'utf8'),
    ) as {
      commands: Record<string, { examples?: string[]; summary?: string }>;
    };
    const ours = Object.entries(manifest.commands).filter(([id]) => id.startsWith('cases:'));
    expect(ours.length).toBeGreaterThanOrEqual(26);
    for (const [id, cmd] of ours) {
      expect(cmd.summary, id).toBeTruthy();
      expect(cmd.examples?.length ?? 0, id).toBeGreaterThan(0);
    }
  });
});

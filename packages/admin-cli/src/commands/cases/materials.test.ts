import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import * as S from '../../cases/schemas.js';
import { ensureBuilt, repoRoot, tempDir, tongban, tongbanJson } from '../../test-support/cli.js';

/**
 * The material rules a window clerk relies on, as real `tongban` processes on the sample catalogue: electronic
 * licences count (seed 003 九; seed 004 6.2 b), 容缺 only where the seeds allow it (seed 002 3.5, 9.3.6; seed 004
 * 6.5, 8.2.4).
 */

const RESIDENCE = '000173003001'; // 居住证签发: promised 7; 申请人居民身份证 is replaced by the 居民身份证 e-licence
const ID = '11010519491231002X';
const env = { TONGBAN_USER: 'zhangmin', TONGBAN_SITE: 'HRB1', TONGBAN_UNIT: 'window' };

let seeded = '';
beforeAll(async () => {
  await ensureBuilt();
  seeded = tempDir('tongban-materials-seed-');
  const catalogue = join(repoRoot, 'fixtures', 'catalogue', 'sample-catalogue.json');
  expect((await tongbanJson(['items', 'import', catalogue], { data: seeded })).code).toBe(0);
  expect((await tongbanJson(['items', 'publish', '-m', 'v1', '--by', 'admin'], { data: seeded })).code).toBe(
    0,
  );
}, 300_000);

function dataDir(): string {
  const data = tempDir('tongban-materials-');
  cpSync(seeded, data, { recursive: true });
  return data;
}

export const run = (data: string, args: string[]) => tongbanJson(args, { data, env });

const submitResidence = async (data: string, extra: string[]) => {
  const r = await run(data, [
    'cases',
    'submit',
    RESIDENCE,
    '--mode',
    'window',
    '--name',
    '王芳',
    '--id-number',
    ID,
    '--phone',
    '13800138000',
    '--at',
    '2026-03-02T09:30:00+08:00',
    '--material',
    '居住地住址证明',
    '--material',
    '就业、就读等证明材料',
    '--material',
    '近期免冠照片',
    ...extra,
  ]);
  expect(r.code, r.stdout + r.stderr).toBe(0);
  return S.StepResult.parse(r.json).caseId;
};

describe('electronic licences count (seed 003 九; seed 004 6.2 b)', () => {
  it('a material replaced by an e-licence is fetched, recorded (which licence, when) and present: accept succeeds', async () => {
    const data = dataDir();
    const id = await submitResidence(data, []);
    const shown = await run(data, ['cases', 'show', id, '--now', '2026-03-02']);
    const c = S.ShowResult.parse(shown.json);
    expect(c.materials.missing).toEqual([]);
    expect(c.materials.eLicences).toEqual([
      { material: '申请人居民身份证', licence: '居民身份证', fetchedAt: '2026-03-02T01:30:00.000Z' },
    ]);
    expect(c.materials.submitted).not.toContain('申请人居民身份证');
    const accepted = await run(data, ['cases', 'accept', id, '--at', '2026-03-02T10:00:00+08:00']);
    expect(accepted.code, accepted.stdout + accepted.stderr).toBe(0);
    expect(S.StepResult.parse(accepted.json).state).toBe('accepted');
  });

  it('an e-licence the hall could not fetch is missing, and accept says so (exit 2)', async () => {
    const data = dataDir();
    const id = await submitResidence(data, ['--e-licence-unavailable', '申请人居民身份证']);
    const refused = await run(data, ['cases', 'accept', id, '--at', '2026-03-02T10:00:00+08:00']);
    expect(refused.code).toBe(2);
    expect(refused.stdout + refused.stderr).toContain('申请人居民身份证');
  });
});

describe('容缺 only where the seeds allow it (seed 002 3.5, 9.3.6; seed 004 6.5, 8.2.4)', () => {
  it('items validate warns, with the clause, on a tolerable material of a 即办件; the sample catalogue has none', async () => {
    const data = dataDir();
    const sample = JSON.parse(
      readFileSync(join(repoRoot, 'fixtures', 'catalogue', 'sample-catalogue.json'), 'utf8'),
    ) as { itemCode: string; materials: { name: string; tolerable: boolean }[] }[];
    const clean = await run(data, [
      'items',
      'validate',
      join(repoRoot, 'fixtures', 'catalogue', 'sample-catalogue.json'),
    ]);
    expect(clean.code).toBe(0);
    expect((clean.json as { warnings: number }).warnings).toBe(0);
    const temp = sample.find((i) => i.itemCode === '000173001004'); // 临时居民身份证申领, 即办件
    const photo = temp?.materials.find((m) => m.name === '近期免冠照片');
    if (!photo) throw new Error('sample item 000173001004 has no 近期免冠照片');
    photo.tolerable = true;
    const file = join(data, 'tolerable-immediate.json');
    writeFileSync(file, JSON.stringify(sample));
    const r = await run(data, ['items', 'validate', file]);
    expect(r.code).toBe(0);
    const problems = (r.json as { problems: { rule: string; itemCode?: string; message: string }[] })
      .problems;
    const w = problems.filter((p) => p.rule === 'material.tolerance');
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ itemCode: '000173001004' });
    expect(w[0]?.message).toContain('seed 002 3.5');
  });

  it('the 容缺 deadline may not fall after the due date (exit 2, names the last date); within it the case is accepted', async () => {
    const data = dataDir();
    const id = await submitResidenceMissingPhoto(data);
    // accepted Mon 2 March 2026 10:00, 7 working days: due Wed 11 March
    const late = await run(data, [...tolerate(id), '--deadline', '2026-03-20']);
    expect(late.code, late.stdout).toBe(2);
    expect(late.stdout + late.stderr).toContain('2026-03-11');
    const ok = await run(data, [...tolerate(id), '--deadline', '2026-03-10']);
    expect(ok.code, ok.stdout + ok.stderr).toBe(0);
  });

  it('容缺 needs the written pledge (--pledge)', async () => {
    const data = dataDir();
    const id = await submitResidenceMissingPhoto(data);
    const r = await run(data, [...tolerate(id).filter((a) => a !== '--pledge'), '--deadline', '2026-03-10']);
    expect(r.code).not.toBe(0);
  });

  it('a tolerated material handed in after its deadline is recorded as late; no approval, and the sweep terminates the case', async () => {
    const data = dataDir();
    const id = await submitResidenceMissingPhoto(data);
    expect((await run(data, [...tolerate(id), '--deadline', '2026-03-06'])).code).toBe(0);
    const handed = await run(data, [
      'cases',
      'supplement',
      id,
      '--material',
      '近期免冠照片',
      '--at',
      '2026-03-09T09:00:00+08:00',
    ]);
    expect(handed.code, handed.stdout + handed.stderr).toBe(0);
    const c = S.ShowResult.parse((await run(data, ['cases', 'show', id, '--now', '2026-03-09'])).json);
    expect(c.deadlines.tolerance?.handedIn).toEqual([
      { material: '近期免冠照片', at: '2026-03-09T01:00:00.000Z', late: true },
    ]);
    const human = await tongban(['cases', 'show', id, '--now', '2026-03-09'], { data, env });
    expect(human.stdout).toContain('逾期补交');
    const approve = await tongbanJson(['cases', 'approve', id, '--at', '2026-03-09T10:00:00+08:00'], {
      data,
      env: { ...env, TONGBAN_UNIT: 'department' },
    });
    expect(approve.code).toBe(2);
    const swept = await run(data, ['cases', 'expire', '--now', '2026-03-09T12:00:00+08:00']);
    expect(swept.code).toBe(0);
    expect((swept.json as { changed: { caseId: string; state: string }[] }).changed).toEqual([
      expect.objectContaining({ caseId: id, state: 'terminated' }),
    ]);
  });

  it('a clerk records a material handed in before acceptance; the case is then complete and accepted', async () => {
    const data = dataDir();
    const id = await submitResidenceMissingPhoto(data);
    const handed = await run(data, [
      'cases',
      'supplement',
      id,
      '--material',
      '近期免冠照片',
      '--at',
      '2026-03-02T09:45:00+08:00',
    ]);
    expect(handed.code, handed.stdout + handed.stderr).toBe(0);
    expect(S.StepResult.parse(handed.json).state).toBe('awaitingAcceptance');
    const accepted = await run(data, ['cases', 'accept', id, '--at', '2026-03-02T10:00:00+08:00']);
    expect(accepted.code, accepted.stdout + accepted.stderr).toBe(0);
  });
});

async function submitResidenceMissingPhoto(data: string): Promise<string> {
  const r = await run(data, [
    'cases',
    'submit',
    RESIDENCE,
    '--mode',
    'window',
    '--name',
    '王芳',
    '--id-number',
    ID,
    '--at',
    '2026-03-02T09:30:00+08:00',
    '--material',
    '居住地住址证明',
    '--material',
    '就业、就读等证明材料',
  ]);
  expect(r.code, r.stdout + r.stderr).toBe(0);
  return S.StepResult.parse(r.json).caseId;
}

const tolerate = (id: string) => [
  'cases',
  'accept-with-tolerance',
  id,
  '--pledge',
  '--at',
  '2026-03-02T10:00:00+08:00',
];

describe('steps with their unit (seed 000 table 1 row 1; table 2 row 2 b)', () => {
  it('a non-acceptance in proxyLocal is fed back to the remote window, which tells the applicant', async () => {
    const data = dataDir();
    const as = (unit: string, args: string[]) =>
      tongbanJson(args, { data, env: { ...env, TONGBAN_UNIT: unit } });
    const s = await as('remoteWindow', [
      'cases',
      'submit',
      '000173004002',
      '--mode',
      'proxyLocal',
      '--name',
      '李雷',
      '--id-number',
      ID,
      '--all-materials',
      '--at',
      '2026-03-02T09:00:00+08:00',
    ]);
    expect(s.code, s.stdout + s.stderr).toBe(0);
    const id = S.StepResult.parse(s.json).caseId;
    for (const [unit, args] of [
      [
        'remoteWindow',
        ['cases', 'proxy-receive', id, '--delivery-method', 'pickup', '--at', '2026-03-02T09:10:00+08:00'],
      ],
      ['remoteWindow', ['cases', 'transfer', id, '--method', 'push', '--at', '2026-03-02T09:20:00+08:00']],
      [
        'localDepartment',
        ['cases', 'refuse', id, '--reason', '不属于本机关职权范围', '--at', '2026-03-02T10:00:00+08:00'],
      ],
    ] as const) {
      const r = await as(unit, [...args]);
      expect(r.code, r.stdout + r.stderr).toBe(0);
    }
    const early = await as('remoteWindow', [
      'cases',
      'refusal-feedback',
      id,
      '--at',
      '2026-03-02T10:05:00+08:00',
    ]);
    expect(early.code).toBe(2); // the department has not fed it back yet
    const back = await as('localDepartment', [
      'cases',
      'refusal-feedback',
      id,
      '--at',
      '2026-03-02T10:10:00+08:00',
    ]);
    expect(back.code, back.stdout + back.stderr).toBe(0);
    const told = await as('remoteWindow', [
      'cases',
      'refusal-feedback',
      id,
      '--note',
      '电话告知',
      '--at',
      '2026-03-02T10:30:00+08:00',
    ]);
    expect(told.code, told.stdout + told.stderr).toBe(0);
    const c = S.ShowResult.parse((await run(data, ['cases', 'show', id])).json);
    expect(c.state).toBe('refused');
    const steps = (c as unknown as { timeline: { type?: string; unit: string }[] }).timeline;
    expect(JSON.stringify(steps)).toContain('不予受理反馈');
  });

  it('网上申请指导 is recorded as a step of the window', async () => {
    const data = dataDir();
    const s = await tongbanJson(
      [
        'cases',
        'submit',
        RESIDENCE,
        '--mode',
        'online',
        '--name',
        '王芳',
        '--id-number',
        ID,
        '--all-materials',
      ],
      { data, env: { ...env, TONGBAN_UNIT: 'applicant' } },
    );
    expect(s.code, s.stdout + s.stderr).toBe(0);
    const id = S.StepResult.parse(s.json).caseId;
    const g = await tongbanJson(['cases', 'guidance', id, '--note', '指导上传材料'], {
      data,
      env: { ...env, TONGBAN_UNIT: 'localWindow' },
    });
    expect(g.code, g.stdout + g.stderr).toBe(0);
    expect(S.StepResult.parse(g.json).event).toMatchObject({ type: 'guidance', unit: 'localWindow' });
  });
});

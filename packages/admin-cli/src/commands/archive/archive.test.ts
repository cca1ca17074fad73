import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { deliveredWindowCase, openSite } from '../../../../archive/src/test-support/sites.js';
import { WorkCalendar } from '../../../../core/src/calendar/index.js';
import { performStep, submitCase } from '../../../../core/src/cases/case-service.js';
import { ensureBuilt, snapshot, tempDir, tongban, tongbanJson } from '../../test-support/cli.js';

beforeAll(ensureBuilt, 300_000);

async function seededSite(n: number) {
  const site = await openSite('tongban-cli-archive-');
  for (let i = 1; i <= n; i++) await deliveredWindowCase(site, i);
  await site.store.close();
  return site.dir;
}

describe('tongban archive (real process)', () => {
  it('keys new/list, create a signed tar, verify, list, extract; refuses a changed byte naming the file (exit 2)', async () => {
    const data = await seededSite(2);
    const out = tempDir();
    const key = await tongbanJson(
      ['archive', 'keys', 'new', '--unit', 'window', '--org', '某县政务服务中心综合窗口'],
      { data },
    );
    expect(key.code).toBe(0);
    const keys = await tongbanJson(['archive', 'keys'], { data });
    expect((keys.json as { keys: { unit: string; own: boolean }[] }).keys).toEqual([
      expect.objectContaining({ unit: 'window', own: true }),
    ]);

    const tar = join(out, 'day.tar');
    const created = await tongbanJson(
      [
        'archive',
        'create',
        '--from',
        '2026-11-16',
        '--to',
        '2026-11-16',
        '--unit',
        'window',
        '--out',
        tar,
        '--by',
        '王芳',
        '--no-notices',
      ],
      { data },
    );
    expect(created.code).toBe(0);
    const c = created.json as { bundleId: string; cases: unknown[]; payload: { files: number } };
    expect(c.cases).toHaveLength(2);
    expect(c.payload.files).toBe(10);

    const v = await tongbanJson(['archive', 'verify', tar], { data });
    expect(v.code).toBe(0);
    expect(v.json).toMatchObject({
      bundleId: c.bundleId,
      kind: 'archive',
      checks: { authenticity: 'ok', integrity: 'ok', usability: 'ok', security: 'ok' },
    });
    const human = await tongban(['archive', 'verify', tar], { data });
    expect(human.stdout).toMatch(/authenticity ok, integrity ok, usability ok, security ok/);

    const list = await tongbanJson(['archive', 'list'], { data });
    expect((list.json as { archives: { id: string }[] }).archives.map((a) => a.id)).toEqual([c.bundleId]);

    const again = await tongbanJson(
      [
        'archive',
        'create',
        '--from',
        '2026-11-16',
        '--to',
        '2026-11-16',
        '--unit',
        'window',
        '--out',
        join(out, 'again.tar'),
        '--by',
        '王芳',
      ],
      { data },
    );
    expect(again.code).toBe(3);
    expect((again.json as { error: { code: string } }).error.code).toBe('archive.nothingToArchive');

    const ex = await tongbanJson(['archive', 'extract', tar, '--to', join(out, 'ex')], { data });
    expect(ex.code).toBe(0);
    expect(ex.json).toMatchObject({ bundleId: c.bundleId, files: 15 });

    const bytes = readFileSync(tar);
    const at = bytes.indexOf(Buffer.from('%PDF-1.4')) + 20;
    bytes[at] = (bytes[at] as number) ^ 1;
    const bad = join(out, 'bad.tar');
    writeFileSync(bad, bytes);
    const before = snapshot(data);
    const refused = await tongban(['archive', 'verify', bad], { data });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(
      /Error \[bundle\.integrity\.checksum\]: data\/.+\/materials\/经营场所证明\.pdf: SHA-256 differs/,
    );
    expect(refused.stderr).toMatch(/mend: /);
    expect(snapshot(data)).toEqual(before);
  });

  it('shows help with examples', async () => {
    const help = await tongban(['archive', 'create', '--help']);
    expect(help.stdout).toMatch(/EXAMPLES/);
    expect(help.stdout).toMatch(/--\[no-\]notices/);
  });
});

describe('tongban transfer (real process, two data directories)', () => {
  it('export at the remote window, import at the local site (twice: nothing changes), after trusting keys', async () => {
    const remote = await (async () => {
      const s = await openSite('tongban-cli-remote-');
      const calendar = WorkCalendar.default();
      const c = await submitCase(s.store, calendar, undefined, {
        item: '11230000MB0001',
        mode: 'proxyLocal',
        applicant: { idNumber: '230102199001011234', name: '李四', phone: '' },
        submitted: ['身份证', '经营场所证明'],
        unit: 'remoteWindow',
        actor: 'rw',
        site: 'HRB1',
        at: '2026-11-16T01:00:00Z',
      });
      await performStep(s.store, calendar, c.id, {
        type: 'proxyReceive',
        unit: 'remoteWindow',
        actor: 'rw',
        at: '2026-11-16T01:30:00Z',
        payload: { deliveryMethod: 'pickup' },
      });
      await s.store.close();
      return { dir: s.dir, caseId: c.id };
    })();
    const local = tempDir('tongban-cli-local-');
    const out = tempDir();
    await tongbanJson(['archive', 'keys', 'new', '--unit', 'remoteWindow', '--org', '哈尔滨市政务服务中心'], {
      data: remote.dir,
    });
    const keyId = (
      (await tongbanJson(['archive', 'keys'], { data: remote.dir })).json as { keys: { keyId: string }[] }
    ).keys[0]!.keyId;
    const pub = join(out, 'hrb.pub.json');
    expect(
      (await tongban(['archive', 'keys', 'export', keyId, '--out', pub], { data: remote.dir })).code,
    ).toBe(0);

    const bundle = join(out, 'to-sha1.tar');
    const ex = await tongbanJson(
      ['transfer', 'export', '--to-site', 'SHA1', '--from-site', 'HRB1', '--out', bundle, '--by', '刘洋'],
      { data: remote.dir },
    );
    expect(ex.code).toBe(0);
    expect(ex.json).toMatchObject({
      toSite: 'SHA1',
      cases: [{ caseId: remote.caseId, state: 'awaitingAcceptance' }],
    });

    const untrusted = await tongbanJson(['transfer', 'import', bundle, '--site', 'SHA1'], { data: local });
    expect(untrusted.code).toBe(2);
    expect((untrusted.json as { error: { code: string; where: { entry: string } } }).error).toMatchObject({
      code: 'bundle.authenticity.untrustedKey',
      where: { entry: 'tongban-signature.json' },
    });

    expect((await tongban(['archive', 'keys', 'trust', pub], { data: local })).code).toBe(0);
    const imp = await tongbanJson(['transfer', 'import', bundle, '--site', 'SHA1'], { data: local });
    expect(imp.code).toBe(0);
    expect(imp.json).toMatchObject({
      alreadyImported: false,
      cases: [
        { caseId: remote.caseId, newEvents: 3, state: 'awaitingAcceptance', waitingOn: 'localDepartment' },
      ],
    });
    const before = snapshot(local);
    const twice = await tongban(['transfer', 'import', bundle, '--site', 'SHA1'], { data: local });
    expect(twice.code).toBe(0);
    expect(twice.stdout).toMatch(/imported before: nothing changed/);
    expect(snapshot(local)).toEqual(before);
  });
});

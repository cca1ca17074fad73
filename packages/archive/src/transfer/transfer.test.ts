import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Unit } from '@tongban/core/cases';
import { loadCase, performStep, submitCase } from '@tongban/core/cases';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BagWriter } from '../bag-writer.js';
import { exportPublicKey, listArchiveKeys, signerFor, trustPublicKey } from '../keys.js';
import { attachMaterial, materialsDir } from '../materials.js';
import { calendar, minimalPdf, openSite, type Site, siteWithKeys, snapshot } from '../test-support/sites.js';
import { entriesOf, flipByte, type RawEntry, truncateFile, writeTar } from '../test-support/tamper.js';
import { verifyBundle } from '../verify.js';
import { exportTransfer } from './export.js';
import { importTransfer } from './import.js';

let remote: Site; // 异地: the remote window's hall, site HRB1
let local: Site; // 属地: the local window and department, site SHA1
let stranger: Site; // trusts nobody
const scratch = mkdtempSync(join(tmpdir(), 'tongban-transfer-'));

async function trustEachOther(a: Site, b: Site) {
  for (const [from, to] of [
    [a, b],
    [b, a],
  ] as const) {
    for (const k of (await listArchiveKeys(from.dir)).filter((x) => x.own)) {
      const f = join(scratch, `${k.keyId}.pub.json`);
      writeFileSync(f, JSON.stringify(await exportPublicKey(from.dir, k.keyId)));
      await trustPublicKey(to.dir, f);
    }
  }
}

async function proxyCase(site: Site, n: number): Promise<string> {
  const c = await submitCase(site.store, calendar, undefined, {
    item: '11230000MB0001',
    mode: 'proxyLocal',
    applicant: { idNumber: '230102199001011234', name: '李四', phone: '' },
    submitted: ['身份证', '经营场所证明'],
    unit: 'remoteWindow',
    actor: 'rw-1',
    site: 'HRB1',
    at: `2026-11-16T01:0${n}:00Z`,
  });
  await performStep(site.store, calendar, c.id, {
    type: 'proxyReceive',
    unit: 'remoteWindow',
    actor: 'rw-1',
    at: `2026-11-16T01:3${n}:00Z`,
    payload: { deliveryMethod: 'pickup', deliverAt: 'remoteWindow' },
  });
  const f = join(scratch, `scan-${n}.pdf`);
  writeFileSync(f, minimalPdf(`id card ${n}`));
  await attachMaterial(site.dir, c.id, f, '身份证.pdf');
  return c.id;
}

const step = (
  site: Site,
  id: string,
  type: string,
  unit: Unit,
  at: string,
  payload: Record<string, unknown> = {},
) => performStep(site.store, calendar, id, { type, unit, actor: `${unit}-1`, at, payload });

beforeAll(async () => {
  remote = await siteWithKeys(['remoteWindow'], '哈尔滨市政务服务中心');
  local = await siteWithKeys(['localWindow', 'localDepartment'], '上海市某区行政服务中心');
  stranger = await openSite();
  await trustEachOther(remote, local);
});
afterAll(async () => {
  for (const s of [remote, local, stranger]) await s.store.close();
  rmSync(scratch, { recursive: true, force: true });
});

describe('transfer bundles for 异地代收 (seed 000 table 2 row 1 c: 系统推送)', () => {
  it('moves a proxyLocal case from the remote window to the local department and back; import is idempotent', async () => {
    const id = await proxyCase(remote, 1);
    const out = join(scratch, 'to-sha.tar');
    const ex = await exportTransfer({
      store: remote.store,
      dataDir: remote.dir,
      calendar,
      unit: 'remoteWindow',
      toSite: 'SHA1',
      fromSite: 'HRB1',
      caseIds: [id],
      out,
      actor: 'rw-1',
      at: '2026-11-16T02:00:00.000Z',
    });
    expect(ex.bundleId).toMatch(/^TRF-20261116-/);
    // the export is recorded on the case: transfer by push, with the bundle id and the transfer time limit
    const atRemote = await loadCase(remote.store, calendar, id);
    expect(atRemote.transfer).toMatchObject({ method: 'push' });
    const tEvent = (await remote.store.events(id)).at(-1);
    expect(tEvent).toMatchObject({
      type: 'transfer',
      payload: { method: 'push', bundleId: ex.bundleId, toSite: 'SHA1', dueAt: atRemote.transferDueAt },
    });
    expect(ex.dueAt).toBe(atRemote.transferDueAt);
    expect(await remote.store.getRecord('transfers', ex.bundleId)).toMatchObject({
      direction: 'out',
      toSite: 'SHA1',
      caseIds: [id],
    });

    const imp = await importTransfer({
      store: local.store,
      dataDir: local.dir,
      calendar,
      bundle: out,
      site: 'SHA1',
    });
    expect(imp).toMatchObject({
      bundleId: ex.bundleId,
      fromSite: 'HRB1',
      toSite: 'SHA1',
      alreadyImported: false,
    });
    expect(imp.cases).toEqual([
      {
        caseId: id,
        itemCode: '11230000MB0001',
        newEvents: 3,
        events: 3,
        state: 'awaitingAcceptance',
        waitingOn: 'localDepartment',
        materials: { written: 1, unchanged: 0 },
      },
    ]);
    expect(readFileSync(join(materialsDir(local.dir, id), '身份证.pdf'))).toEqual(
      readFileSync(join(materialsDir(remote.dir, id), '身份证.pdf')),
    );
    const before = snapshot(local.dir);
    const again = await importTransfer({
      store: local.store,
      dataDir: local.dir,
      calendar,
      bundle: out,
      site: 'SHA1',
    });
    expect(again.alreadyImported).toBe(true);
    expect(again.cases[0]).toMatchObject({ newEvents: 0, materials: { written: 0, unchanged: 1 } });
    expect(snapshot(local.dir)).toEqual(before);

    // the local department decides; the local window forwards the result to the remote window (table 2 row 4 b)
    await step(local, id, 'accept', 'localDepartment', '2026-11-17T01:00:00Z');
    await step(local, id, 'approve', 'localDepartment', '2026-11-18T01:00:00Z', { result: '营业执照' });
    await step(local, id, 'forwardResult', 'localWindow', '2026-11-18T02:00:00Z');
    const back = join(scratch, 'back');
    const ex2 = await exportTransfer({
      store: local.store,
      dataDir: local.dir,
      calendar,
      unit: 'localWindow',
      toSite: 'HRB1',
      fromSite: 'SHA1',
      out: back,
      actor: 'lw-1',
      at: '2026-11-18T03:00:00.000Z',
    });
    expect(ex2.form).toBe('dir');
    expect(ex2.cases.map((c) => [c.caseId, c.state])).toEqual([[id, 'resultForwarded']]);
    const home = await importTransfer({
      store: remote.store,
      dataDir: remote.dir,
      calendar,
      bundle: back,
      site: 'HRB1',
    });
    expect(home.cases[0]).toMatchObject({
      caseId: id,
      newEvents: 3,
      state: 'resultForwarded',
      waitingOn: 'remoteWindow',
      materials: { written: 0, unchanged: 1 },
    });
    const done = await step(remote, id, 'deliver', 'remoteWindow', '2026-11-19T01:00:00Z', {
      method: 'pickup',
    });
    expect(done.state).toBe('delivered');
    expect((await remote.store.events(id)).map((e) => e.type)).toEqual([
      'submit',
      'proxyReceive',
      'transfer',
      'accept',
      'approve',
      'forwardResult',
      'deliver',
    ]);
  });

  it('refuses a bundle addressed to another site, changing nothing', async () => {
    const id = await proxyCase(remote, 2);
    const out = join(scratch, 'wrong-site.tar');
    await exportTransfer({
      store: remote.store,
      dataDir: remote.dir,
      calendar,
      unit: 'remoteWindow',
      toSite: 'XYZ9',
      caseIds: [id],
      out,
      actor: 'rw-1',
    });
    const before = snapshot(local.dir);
    await expect(
      importTransfer({ store: local.store, dataDir: local.dir, calendar, bundle: out, site: 'SHA1' }),
    ).rejects.toMatchObject({ code: 'bundle.format.wrongSite', where: { entry: 'bag-info.txt' } });
    expect(snapshot(local.dir)).toEqual(before);
  });
});

describe('bad bundles are refused, naming the file and the reason; the store is unchanged', () => {
  let good: string; // a good transfer bag (folder form) from the remote site
  let root: string;
  let caseId: string;
  const bad = (name: string) => join(scratch, `bad-${name}`);

  beforeAll(async () => {
    caseId = await proxyCase(remote, 3);
    good = join(scratch, 'good-bag');
    const ex = await exportTransfer({
      store: remote.store,
      dataDir: remote.dir,
      calendar,
      unit: 'remoteWindow',
      toSite: 'SHA1',
      caseIds: [caseId],
      out: good,
      actor: 'rw-1',
    });
    root = ex.bundleId;
  });

  const material = () => `${root}/data/${caseId}/materials/身份证.pdf`;
  const edit = (fn: (entries: RawEntry[]) => RawEntry[]) => fn(entriesOf(good, root));

  const cases: [string, () => Promise<string>, string, RegExp | (() => string)][] = [
    [
      'a ".." path',
      async () => {
        const f = bad('dotdot.tar');
        await writeTar(
          f,
          edit((e) => [...e, { path: `${root}/../evil.txt`, data: Buffer.from('x') }]),
        );
        return f;
      },
      'bundle.security.unsafePath',
      /\.\.\/evil\.txt/,
    ],
    [
      'an absolute path',
      async () => {
        const f = bad('abs.tar');
        await writeTar(
          f,
          edit((e) => [{ path: '/tmp/evil.txt', data: Buffer.from('x') }, ...e]),
        );
        return f;
      },
      'bundle.security.unsafePath',
      () => '/tmp/evil.txt',
    ],
    [
      'a symlink',
      async () => {
        const f = bad('symlink.tar');
        await writeTar(
          f,
          edit((e) => [
            ...e,
            {
              path: `${root}/data/${caseId}/materials/passwd`,
              type: 'SymbolicLink',
              linkpath: '/etc/passwd',
            },
          ]),
        );
        return f;
      },
      'bundle.security.unsafeEntry',
      /materials\/passwd$/,
    ],
    [
      'a hard link',
      async () => {
        const f = bad('hardlink.tar');
        await writeTar(
          f,
          edit((e) => [
            ...e,
            { path: `${root}/data/${caseId}/materials/copy`, type: 'Link', linkpath: material() },
          ]),
        );
        return f;
      },
      'bundle.security.unsafeEntry',
      /materials\/copy$/,
    ],
    [
      'a device file',
      async () => {
        const f = bad('device.tar');
        await writeTar(
          f,
          edit((e) => [...e, { path: `${root}/data/${caseId}/materials/null`, type: 'CharacterDevice' }]),
        );
        return f;
      },
      'bundle.security.unsafeEntry',
      /materials\/null$/,
    ],
    [
      'a FIFO (made with mkfifo, packed by GNU tar)',
      async () => {
        const dir = bad('fifo-src');
        cpSync(good, join(dir, root), { recursive: true });
        execFileSync('mkfifo', [join(dir, root, 'data', caseId, 'materials', 'pipe')]);
        const f = bad('fifo.tar');
        execFileSync('tar', ['cf', f, '-C', dir, root]);
        return f;
      },
      'bundle.security.unsafeEntry',
      /materials\/pipe$/,
    ],
    [
      'a FIFO in a bag folder',
      async () => {
        const dir = bad('fifo-dir');
        cpSync(good, dir, { recursive: true });
        execFileSync('mkfifo', [join(dir, 'data', caseId, 'materials', 'pipe')]);
        return dir;
      },
      'bundle.security.unsafeEntry',
      () => `data/${caseId}/materials/pipe`,
    ],
    [
      'a changed byte in a material',
      async () => {
        const f = bad('byte.tar');
        await writeTar(
          f,
          edit((e) => e.map((x) => (x.path === material() ? { ...x, data: flipByte(x.data as Buffer) } : x))),
        );
        return f;
      },
      'bundle.integrity.checksum',
      () => `data/${caseId}/materials/身份证.pdf`,
    ],
    [
      'a changed byte in the manifest',
      async () => {
        const f = bad('manifest.tar');
        await writeTar(
          f,
          edit((e) =>
            e.map((x) =>
              x.path.endsWith('/manifest-sha256.txt') ? { ...x, data: flipByte(x.data as Buffer, 3) } : x,
            ),
          ),
        );
        return f;
      },
      'bundle.integrity.checksum',
      () => 'manifest-sha256.txt',
    ],
    [
      'a missing payload file',
      async () => {
        const f = bad('missing.tar');
        await writeTar(
          f,
          edit((e) => e.filter((x) => x.path !== material())),
        );
        return f;
      },
      'bundle.integrity.fileAbsent',
      () => `data/${caseId}/materials/身份证.pdf`,
    ],
    [
      'an extra payload file',
      async () => {
        const f = bad('extra.tar');
        await writeTar(
          f,
          edit((e) => [
            ...e,
            { path: `${root}/data/${caseId}/materials/extra.jpg`, data: Buffer.from('extra') },
          ]),
        );
        return f;
      },
      'bundle.integrity.extraFile',
      () => `data/${caseId}/materials/extra.jpg`,
    ],
    [
      'a wrong signature',
      async () => {
        const f = bad('sig.tar');
        await writeTar(
          f,
          edit((e) =>
            e.map((x) => {
              if (!x.path.endsWith('/tongban-signature.json')) return x;
              const s = JSON.parse((x.data as Buffer).toString());
              s.signature = Buffer.from(flipByte(Buffer.from(s.signature, 'base64'), 5)).toString('base64');
              return { ...x, data: Buffer.from(JSON.stringify(s)) };
            }),
          ),
        );
        return f;
      },
      'bundle.authenticity.badSignature',
      () => 'tongban-signature.json',
    ],
    [
      'bag-info changed and the tag manifest re-made to match (only the signature catches it)',
      async () => {
        const f = bad('retag.tar');
        await writeTar(
          f,
          edit((e) => {
            const info = e.find((x) => x.path.endsWith('/bag-info.txt')) as RawEntry;
            const forged = Buffer.from(
              (info.data as Buffer)
                .toString()
                .replace(/^Source-Organization: .*$/m, 'Source-Organization: 伪造单位'),
            );
            const sum = createHash('sha256').update(forged).digest('hex');
            return e.map((x) => {
              if (x === info) return { ...x, data: forged };
              if (!x.path.endsWith('/tagmanifest-sha256.txt')) return x;
              return {
                ...x,
                data: Buffer.from(
                  (x.data as Buffer).toString().replace(/^[0-9a-f]{64}( {2}bag-info\.txt)$/m, `${sum}$1`),
                ),
              };
            });
          }),
        );
        return f;
      },
      'bundle.authenticity.badSignature',
      () => 'tongban-signature.json',
    ],
    [
      'a truncated tar (cut in the middle)',
      async () => {
        const full = bad('whole.tar');
        await writeTar(full, entriesOf(good, root));
        const f = bad('cut.tar');
        truncateFile(full, f, Math.floor(readFileSync(full).length / 2));
        return f;
      },
      'bundle.format.truncated',
      /cut\.tar/,
    ],
    [
      'a truncated tar (cut at an entry boundary, end blocks missing)',
      async () => {
        const full = bad('whole2.tar');
        await writeTar(full, entriesOf(good, root));
        const f = bad('cut2.tar');
        truncateFile(full, f, readFileSync(full).length - 1024);
        return f;
      },
      'bundle.format.truncated',
      /cut2\.tar/,
    ],
  ];

  for (const [what, make, code, entry] of cases) {
    it(`refuses ${what}`, async () => {
      const file = await make();
      const before = snapshot(local.dir);
      const err = await importTransfer({
        store: local.store,
        dataDir: local.dir,
        calendar,
        bundle: file,
      }).catch((e) => e);
      expect(err).toBeInstanceOf(Error);
      expect(err.code).toBe(code);
      const named = String(err.where?.entry ?? err.where?.bundle);
      if (typeof entry === 'function') expect(named).toBe(entry());
      else expect(named).toMatch(entry);
      expect(err.message.length).toBeGreaterThan(10);
      expect(err.hint).not.toBe('');
      expect(snapshot(local.dir)).toEqual(before);
      expect(await local.store.summary(caseId)).toBeUndefined();
    });
  }

  it('refuses a bundle signed by an unknown key (the site does not trust the sender)', async () => {
    const before = snapshot(stranger.dir);
    const err = await importTransfer({
      store: stranger.store,
      dataDir: stranger.dir,
      calendar,
      bundle: good,
    }).catch((e) => e);
    expect(err).toMatchObject({
      code: 'bundle.authenticity.untrustedKey',
      where: { entry: 'tongban-signature.json' },
    });
    expect(snapshot(stranger.dir)).toEqual(before);
  });

  it('refuses a PDF that does not open and a JSON that does not parse (usability)', async () => {
    const signer = await signerFor(remote.dir, 'remoteWindow');
    for (const [name, path, data, code] of [
      [
        'pdf',
        'C1/notices/01-acceptance.pdf',
        Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n'),
        'bundle.usability.pdf',
      ],
      ['json', 'C1/summary.json', Buffer.from('{"caseId": '), 'bundle.usability.json'],
    ] as const) {
      const w = await BagWriter.open(bad(`usability-${name}`));
      await w.add(path, { data });
      await w.finish(
        [
          ['Source-Organization', 'x'],
          ['Bagging-Date', '2026-11-17'],
        ],
        signer,
      );
      const err = await verifyBundle(bad(`usability-${name}`), { dataDir: local.dir }).catch((e) => e);
      expect(err).toMatchObject({ code, where: { entry: `data/${path}` } });
    }
  });
});

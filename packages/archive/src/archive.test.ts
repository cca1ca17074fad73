import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadCase } from '@tongban/core/cases';
import { renderNoticePdf } from '@tongban/pdf';
import { afterEach, describe, expect, it } from 'vitest';
import { createArchive, listArchives } from './archive-service.js';
import { bagInfoValue, parseBagInfo } from './bagit.js';
import { BundleError } from './errors.js';
import { extractBundle } from './extract.js';
import {
  createArchiveKey,
  exportPublicKey,
  keysDir,
  listArchiveKeys,
  signerFor,
  trustPublicKey,
} from './keys.js';
import { periodOf } from './period.js';
import {
  calendar,
  deliveredWindowCase,
  hasCommand,
  type Site,
  siteWithKeys,
  snapshot,
} from './test-support/sites.js';
import { verifyBundle } from './verify.js';

const sites: Site[] = [];
afterEach(async () => {
  for (const s of sites.splice(0)) await s.store.close();
});
async function site() {
  const s = await siteWithKeys(['window', 'department']);
  sites.push(s);
  return s;
}
const day = periodOf('2026-11-16', '2026-11-16');
const at = '2026-11-17T09:00:00.000Z';

describe('archive bundles (seed 000 tables 1-3 row 5; seed 001 6.4; seed 004 8.8)', () => {
  it('archives a day of delivered cases into a signed BagIt tar; verify passes the four checks; events and record written', async () => {
    const s = await site();
    const ids = [await deliveredWindowCase(s, 1), await deliveredWindowCase(s, 2)];
    const out = join(s.dir, 'out', 'day.tar');
    const r = await createArchive({
      store: s.store,
      dataDir: s.dir,
      calendar,
      unit: 'window',
      period: day,
      out,
      actor: 'archivist',
      at,
      notices: false,
    });
    expect(r.cases.map((c) => c.caseId).sort()).toEqual([...ids].sort());
    expect(r.bundleId).toMatch(/^ARC-20261117-[0-9A-Z]{6}$/);
    const v = await verifyBundle(out, { dataDir: s.dir });
    expect(v.checks).toEqual({ authenticity: 'ok', integrity: 'ok', usability: 'ok', security: 'ok' });
    // 2 cases x (events, summary, 2 materials, metadata)
    expect(v.payload.files).toBe(10);
    expect(bagInfoValue(v.info, 'External-Identifier')).toBe(r.bundleId);
    expect(bagInfoValue(v.info, 'Payload-Oxum')).toBe(`${r.payload.bytes}.10`);
    expect(bagInfoValue(v.info, 'Tongban-Unit')).toBe('window');
    expect(bagInfoValue(v.info, 'Tongban-Case-Count')).toBe('2');
    expect(bagInfoValue(v.info, 'Tongban-Catalogue-Version')).toBe('1');
    expect(bagInfoValue(v.info, 'Source-Organization')).toBe('某县政务服务中心window');
    const meta = v.json.get(`data/${ids[0]}/metadata.json`) as Record<string, unknown>;
    expect(meta).toMatchObject({
      itemCode: '11230000MB0001',
      applicationNumber: ids[0],
      responsibleUnit: { unit: 'window' },
      applicant: { name: '张三', idNumberMasked: '230102********1234' },
      retention: { period: '30年' },
      documentCount: 4,
    });
    expect((meta.documents as { format: string }[]).map((d) => d.format)).toEqual([
      'application/json',
      'application/json',
      'application/pdf',
      'image/jpeg',
    ]);
    for (const id of ids) {
      const c = await loadCase(s.store, calendar, id);
      expect(c.archivedBy).toEqual(['window']);
      expect(c.state).toBe('archiving');
      const events = await s.store.events(id);
      expect(events.at(-1)).toMatchObject({
        type: 'archive',
        unit: 'window',
        payload: { reference: r.bundleId },
      });
    }
    const list = await listArchives(s.store);
    expect(list.map((a) => [a.id, a.unit, a.caseIds.length])).toEqual([[r.bundleId, 'window', 2]]);
  });

  it('archives once per unit: a second run finds nothing; the department then archives and the case is archived (seed 001 6.4.1)', async () => {
    const s = await site();
    const id = await deliveredWindowCase(s, 3);
    await createArchive({
      store: s.store,
      dataDir: s.dir,
      calendar,
      unit: 'window',
      period: day,
      out: join(s.dir, 'a.tar'),
      actor: 'a',
      at,
      notices: false,
    });
    const before = snapshot(s.dir);
    const again = createArchive({
      store: s.store,
      dataDir: s.dir,
      calendar,
      unit: 'window',
      period: day,
      out: join(s.dir, 'b.tar'),
      actor: 'a',
      at,
      notices: false,
    });
    await expect(again).rejects.toMatchObject({ code: 'archive.nothingToArchive' });
    expect(snapshot(s.dir)).toEqual(before);
    const d = await createArchive({
      store: s.store,
      dataDir: s.dir,
      calendar,
      unit: 'department',
      period: day,
      out: join(s.dir, 'dept'),
      actor: 'a',
      at,
      notices: false,
    });
    expect(d.form).toBe('dir');
    expect((await loadCase(s.store, calendar, id)).state).toBe('archived');
    await verifyBundle(join(s.dir, 'dept'), { dataDir: s.dir });
  });

  it('a bag that coreutils sha256sum and GNU tar read as they are (third-party check of both manifests)', async () => {
    const s = await site();
    await deliveredWindowCase(s, 4);
    const r = await createArchive({
      store: s.store,
      dataDir: s.dir,
      calendar,
      unit: 'window',
      period: day,
      out: join(s.dir, 'bag'),
      actor: 'a',
      at,
      notices: false,
    });
    for (const m of ['manifest-sha256.txt', 'tagmanifest-sha256.txt']) {
      const out = execFileSync('sha256sum', ['--strict', '-c', m], { cwd: r.path, encoding: 'utf8' });
      expect(out).not.toMatch(/FAILED/);
    }
    const t = await createArchive({
      store: s.store,
      dataDir: s.dir,
      calendar,
      unit: 'department',
      period: day,
      out: join(s.dir, 'bag.tar'),
      actor: 'a',
      at,
      notices: false,
    });
    const listing = execFileSync('tar', ['tf', t.path], { encoding: 'utf8' }).trim().split('\n');
    expect(listing[0]).toBe(`${t.bundleId}/bagit.txt`);
    expect(listing).toContain(`${t.bundleId}/tongban-signature.json`);
  });

  it('splits a large bundle into bags of one group with Bag-Count "i of n" (RFC 8493 2.2.2)', async () => {
    const s = await site();
    const ids = [
      await deliveredWindowCase(s, 1, { materialBytes: 200_000 }),
      await deliveredWindowCase(s, 2, { materialBytes: 200_000 }),
    ];
    const out = join(s.dir, 'split.tar');
    const r = await createArchive({
      store: s.store,
      dataDir: s.dir,
      calendar,
      unit: 'window',
      period: day,
      out,
      actor: 'a',
      at,
      notices: false,
      maxBagBytes: 300_000,
    });
    expect(r.parts.map((p) => p.path)).toEqual([join(s.dir, 'split-1.tar'), join(s.dir, 'split-2.tar')]);
    for (const [i, p] of r.parts.entries()) {
      const v = await verifyBundle(p.path, { dataDir: s.dir });
      expect(bagInfoValue(v.info, 'Bag-Count')).toBe(`${i + 1} of 2`);
      expect(bagInfoValue(v.info, 'Bag-Group-Identifier')).toBe(r.bundleId);
      expect(bagInfoValue(v.info, 'External-Identifier')).toBe(`${r.bundleId}-${i + 1}`);
      const [caseId] = p.caseIds;
      expect((await s.store.events(caseId as string)).at(-1)?.payload).toEqual({
        reference: `${r.bundleId}-${i + 1}`,
      });
    }
    expect(r.parts.flatMap((p) => p.caseIds).sort()).toEqual([...ids].sort());
  });

  it.skipIf(!hasCommand('bagit.py'))('bagit-python (Library of Congress) validates the bag', async () => {
    const s = await site();
    await deliveredWindowCase(s, 5);
    const r = await createArchive({
      store: s.store,
      dataDir: s.dir,
      calendar,
      unit: 'window',
      period: day,
      out: join(s.dir, 'bag'),
      actor: 'a',
      at,
      notices: false,
    });
    execFileSync('bagit.py', ['--validate', r.path], { stdio: 'pipe' });
  });

  it('extracts a verified tar into a folder that verifies again; refuses an existing non-empty target', async () => {
    const s = await site();
    await deliveredWindowCase(s, 6);
    const r = await createArchive({
      store: s.store,
      dataDir: s.dir,
      calendar,
      unit: 'window',
      period: day,
      out: join(s.dir, 'x.tar'),
      actor: 'a',
      at,
      notices: false,
    });
    const to = join(s.dir, 'extracted');
    const e = await extractBundle(r.path, to, { dataDir: s.dir });
    expect(e.files).toBe(e.verified.payload.files + 5);
    await verifyBundle(to, { dataDir: s.dir });
    await expect(extractBundle(r.path, to, { dataDir: s.dir })).rejects.toMatchObject({
      code: 'archive.outputExists',
    });
  });
});

describe('notices in the bundle (seed 000 tables 1-3: every notice a step issued)', () => {
  it('refuses to start without a PDF renderer when notices are asked for, and writes nothing', async () => {
    const s = await site();
    await deliveredWindowCase(s, 9);
    const before = snapshot(s.dir);
    const out = join(s.dir, 'no-renderer');
    await expect(
      createArchive({
        store: s.store,
        dataDir: s.dir,
        calendar,
        unit: 'window',
        period: day,
        out,
        actor: 'a',
        at,
      }),
    ).rejects.toMatchObject({ code: 'archive.pdfUnavailable' });
    expect(snapshot(s.dir)).toEqual(before);
  });

  it('renders the acceptance and approval notices as PDFs that verify checks and pdftotext reads', async () => {
    const s = await site();
    const id = await deliveredWindowCase(s, 8);
    const r = await createArchive({
      store: s.store,
      dataDir: s.dir,
      calendar,
      unit: 'window',
      period: day,
      out: join(s.dir, 'n'),
      actor: 'a',
      at,
      renderPdf: renderNoticePdf,
    });
    expect(r.cases[0]?.notices).toBeGreaterThanOrEqual(2);
    const v = await verifyBundle(r.path, { dataDir: s.dir });
    expect(v.pdfs).toBe((r.cases[0]?.notices ?? 0) + 1); // + the scanned material PDF
    const notices = [...v.files.keys()].filter((p) => p.includes('/notices/'));
    expect(notices.some((p) => p.endsWith('-acceptance.pdf'))).toBe(true);
    expect(notices.some((p) => p.endsWith('-approval.pdf'))).toBe(true);
    if (hasCommand('pdftotext')) {
      for (const p of notices) {
        const text = execFileSync('pdftotext', [join(r.path, p), '-'], { encoding: 'utf8' });
        expect(text.replace(/\s+/g, '')).toContain(id);
      }
    }
  });

  it('an archive bundle is not a transfer bundle: import refuses it and changes nothing', async () => {
    const s = await site();
    await deliveredWindowCase(s, 9);
    const r = await createArchive({
      store: s.store,
      dataDir: s.dir,
      calendar,
      unit: 'window',
      period: day,
      out: join(s.dir, 'a.tar'),
      actor: 'a',
      at,
      notices: false,
    });
    const { importTransfer } = await import('./transfer/import.js');
    const before = snapshot(s.dir);
    await expect(
      importTransfer({ store: s.store, dataDir: s.dir, calendar, bundle: r.path }),
    ).rejects.toMatchObject({ code: 'bundle.format.kindMismatch', where: { entry: 'bag-info.txt' } });
    expect(snapshot(s.dir)).toEqual(before);
  });
});

describe('archive keys (Ed25519)', () => {
  it('writes the private key 0600, lists own and trusted keys, refuses a key file others can read', async () => {
    const s = await site();
    const keys = await listArchiveKeys(s.dir);
    expect(keys.map((k) => [k.unit, k.own])).toEqual(
      expect.arrayContaining([
        ['window', true],
        ['department', true],
      ]),
    );
    for (const k of keys)
      expect(statSync(join(keysDir(s.dir), `${k.keyId}.key.pem`)).mode & 0o777).toBe(0o600);
    const other = await siteWithKeys(['remoteWindow'], '外市政务服务中心');
    sites.push(other);
    const [theirs] = await listArchiveKeys(other.dir);
    const file = join(other.dir, 'pub.json');
    const { writeFileSync, chmodSync } = await import('node:fs');
    writeFileSync(file, JSON.stringify(await exportPublicKey(other.dir, theirs!.keyId)));
    await trustPublicKey(s.dir, file);
    expect((await listArchiveKeys(s.dir)).filter((k) => !k.own).map((k) => k.keyId)).toEqual([theirs!.keyId]);
    chmodSync(join(keysDir(s.dir), `${keys[0]!.keyId}.key.pem`), 0o644);
    await expect(signerFor(s.dir, keys[0]!.unit)).rejects.toMatchObject({ code: 'archive.keyFileOpen' });
    await expect(signerFor(s.dir, 'localDepartment')).rejects.toMatchObject({ code: 'archive.noKey' });
    const k2 = await createArchiveKey(s.dir, {
      unit: 'localDepartment',
      organization: '某市审批局',
      at: '2027-01-01T00:00:00Z',
    });
    expect((await signerFor(s.dir, 'localDepartment')).key.keyId).toBe(k2.keyId);
    expect(readFileSync(k2.file, 'utf8')).not.toContain('PRIVATE');
  });

  it('a bundle signed by a key this site does not trust is refused (authenticity); trusting it fixes that', async () => {
    const s = await site();
    await deliveredWindowCase(s, 7);
    const r = await createArchive({
      store: s.store,
      dataDir: s.dir,
      calendar,
      unit: 'window',
      period: day,
      out: join(s.dir, 'k.tar'),
      actor: 'a',
      at,
      notices: false,
    });
    const other = await siteWithKeys([]);
    sites.push(other);
    const err = await verifyBundle(r.path, { dataDir: other.dir }).catch((e) => e);
    expect(err).toBeInstanceOf(BundleError);
    expect(err).toMatchObject({
      code: 'bundle.authenticity.untrustedKey',
      where: { entry: 'tongban-signature.json' },
    });
    expect(err.hint).toMatch(/archive keys trust/);
    const pub = join(s.dir, 'window.pub.json');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(pub, JSON.stringify(await exportPublicKey(s.dir, r.signature.keyId)));
    await trustPublicKey(other.dir, pub);
    expect((await verifyBundle(r.path, { dataDir: other.dir })).signature.keyId).toBe(r.signature.keyId);
    expect(parseBagInfo('A: b\n  c\n')).toEqual([['A', 'b c']]);
  });
});

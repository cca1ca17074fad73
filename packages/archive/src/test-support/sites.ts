import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { WorkCalendar } from '@tongban/core/calendar';
import type { Unit } from '@tongban/core/cases';
import { performStep, submitCase } from '@tongban/core/cases';
import { testItem } from '@tongban/core/cases/testing';
import type { Store } from '@tongban/core/store';
import { openLowdbStore } from '@tongban/store/lowdb';
import { createArchiveKey } from '../keys.js';
import { attachMaterial } from '../materials.js';

/** Test sites: a data directory with a lowdb store, one published item and archive keys (real files). */
export const calendar = WorkCalendar.default();

export const ITEM = testItem({
  materials: [
    { name: '身份证', kind: 'key' },
    { name: '经营场所证明', kind: 'key' },
  ],
  modes: ['window', 'proxyLocal'],
  bundles: [],
  contact: { phone: '0451-12345678', complaintPhone: '12345' },
});

export interface Site {
  dir: string;
  store: Store;
}

export async function openSite(prefix = 'tongban-archive-'): Promise<Site> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const store = await openLowdbStore({ dir, durable: false });
  await store.publish({ items: [ITEM], publishedBy: 'admin', message: 'v1', at: '2026-01-01T00:00:00Z' });
  return { dir, store };
}

export async function siteWithKeys(units: Unit[], org = '某县政务服务中心'): Promise<Site> {
  const site = await openSite();
  for (const unit of units) await createArchiveKey(site.dir, { unit, organization: `${org}${unit}` });
  return site;
}

const applicant = { idNumber: '230102199001011234', name: '张三', phone: '13800000000' };

/** A window case taken to `delivered` on 2026-11-16 (Asia/Shanghai), with two scanned materials attached. */
export async function deliveredWindowCase(
  site: Site,
  n: number,
  options: { materialBytes?: number } = {},
): Promise<string> {
  const day = '2026-11-16';
  const c = await submitCase(site.store, calendar, undefined, {
    item: ITEM.itemCode,
    mode: 'window',
    applicant,
    submitted: ['身份证', '经营场所证明'],
    unit: 'window',
    actor: 'w1',
    site: 'HRB1',
    at: `${day}T01:0${n % 10}:00Z`,
    deliveryMethod: 'pickup',
  });
  const step = (type: string, unit: Unit, at: string, payload: Record<string, unknown> = {}) =>
    performStep(site.store, calendar, c.id, { type, unit, actor: `${unit}-7`, at, payload });
  await step('accept', 'window', `${day}T02:00:00Z`);
  await step('approve', 'department', `${day}T03:00:00Z`, { result: '营业执照' });
  await step('deliver', 'window', `${day}T04:00:00Z`, { method: 'pickup' });
  await step('deliveryFeedback', 'window', `${day}T04:10:00Z`, { to: 'department' });
  const scratch = mkdtempSync(join(tmpdir(), 'tongban-scan-'));
  writeFileSync(
    join(scratch, '身份证.jpg'),
    Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(options.materialBytes ?? 2048, n)]),
  );
  writeFileSync(join(scratch, '经营场所证明.pdf'), minimalPdf(`lease ${n}`));
  await attachMaterial(site.dir, c.id, join(scratch, '身份证.jpg'));
  await attachMaterial(site.dir, c.id, join(scratch, '经营场所证明.pdf'));
  return c.id;
}

/** A small valid PDF (one page, one line of text) with a correct xref table. */
export function minimalPdf(text: string): Buffer {
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    (() => {
      const s = `BT /F1 12 Tf 10 50 Td (${text}) Tj ET`;
      return `<< /Length ${s.length} >>\nstream\n${s}\nendstream`;
    })(),
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** Every file under a folder with its SHA-256: the store (and materials) before and after a refusal. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) out[relative(dir, p)] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

export function hasCommand(cmd: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}

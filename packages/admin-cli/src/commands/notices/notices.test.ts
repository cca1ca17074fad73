import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { WorkCalendar } from '@tongban/core/calendar';
import { performStep, submitCase } from '@tongban/core/cases';
import { ServiceItem } from '@tongban/core/catalogue';
import { openStore } from '@tongban/store';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliRoot, ensureBuilt, repoRoot, tempDir, tongban, tongbanJson } from '../../test-support/cli.js';

/**
 * `tongban notices render|batch` as real processes against a data directory whose cases were made through core's
 * case service (window mode: accepted and approved; a supplement request; a denial; an item without phones whose
 * notices cannot be built). Steps are dated 23-25 November 2026 (Asia/Shanghai).
 */

const ITEM = ServiceItem.parse({
  mainName: '食品经营许可',
  subName: '新办',
  itemType: 'licensing',
  itemCode: '11410500MB1234567X4000111701',
  legalBasis: ['《中华人民共和国食品安全法》第三十五条'],
  materials: [
    { name: '食品经营许可申请书', kind: 'key', original: true },
    { name: '营业执照', kind: 'key', copies: 1 },
  ],
  process: ['申请', '受理', '审查', '决定', '送达'],
  promisedDays: 10,
  legalDays: 20,
  audience: ['person'],
  contact: { phone: '0372-2288001', complaintPhone: '0372-12345' },
  level: 'city',
  implementingUnit: '安阳市市场监督管理局',
  windowCategory: '市场准入',
  caseKind: 'promised',
  modes: ['window'],
});
const NO_PHONES = ServiceItem.parse({
  ...ITEM,
  mainName: '小餐饮登记',
  subName: '',
  itemCode: '11410500MB1234567X4000111702',
  contact: {},
});
const RIGHTS = {
  review: { body: '安阳市人民政府', withinDays: 60 },
  litigation: { court: '安阳市文峰区人民法院', withinMonths: 6 },
};

let data = '';
const ids = { approved: '', supplement: '', denied: '', noPhones: '' };

beforeAll(async () => {
  await ensureBuilt();
  data = tempDir('tongban-notices-');
  const store = await openStore({ data });
  await store.publish({ items: [ITEM, NO_PHONES], publishedBy: 'admin', message: 'v1' });
  const cal = WorkCalendar.default();
  const applicant = (name: string) => ({ idNumber: '410502199003071234', name, phone: '13903720001' });
  const all = ITEM.materials.map((m) => m.name);
  const submit = (item: ServiceItem, name: string, at: string, submitted = all) =>
    submitCase(store, cal, undefined, {
      item: item.itemCode,
      mode: 'window',
      applicant: applicant(name),
      submitted,
      unit: 'window',
      actor: '王敏',
      site: 'AY1',
      at,
    });
  const step = (id: string, type: string, unit: 'window' | 'department', at: string, payload = {}) =>
    performStep(store, cal, id, { type, unit, actor: unit === 'window' ? '王敏' : '赵强', at, payload });

  ids.approved = (await submit(ITEM, '李秀英', '2026-11-23T02:00:00Z')).id;
  await step(ids.approved, 'accept', 'window', '2026-11-23T02:30:00Z');
  await step(ids.approved, 'approve', 'department', '2026-11-25T02:30:00Z', { result: '食品经营许可证' });

  ids.supplement = (await submit(ITEM, '王建国', '2026-11-23T03:00:00Z', all.slice(0, 1))).id;
  await step(ids.supplement, 'requestSupplement', 'window', '2026-11-23T03:10:00Z', {
    items: [{ material: '营业执照', reason: '缺少' }],
    dueAt: '2026-11-30T15:59:59Z',
  });

  ids.denied = (await submit(ITEM, '张伟', '2026-11-24T01:00:00Z')).id;
  await step(ids.denied, 'accept', 'window', '2026-11-24T01:30:00Z');
  await step(ids.denied, 'deny', 'department', '2026-11-25T03:00:00Z', {
    reasons: ['现场核查经营场所不符合食品安全要求'],
    rights: RIGHTS,
  });

  ids.noPhones = (await submit(NO_PHONES, '刘芳', '2026-11-24T02:00:00Z')).id;
  await step(ids.noPhones, 'accept', 'window', '2026-11-24T02:30:00Z');
  await store.close();
}, 300_000);

const text = (file: string) =>
  execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
const pages = (file: string) =>
  Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);

describe('tongban notices render (real process)', () => {
  it('renders every notice of a case, one file named by application number and type (seed 001 appendix B)', async () => {
    const out = tempDir('tongban-notices-out-');
    const run = await tongbanJson(
      ['notices', 'render', ids.approved, '--out', out, '--issuer', '安阳市政务服务中心 3 号综合窗口'],
      { data },
    );
    expect(run.code).toBe(0);
    expect(run.json).toMatchObject({ total: 2, written: 2, unchanged: 0, failed: 0 });
    expect(readdirSync(out).sort()).toEqual([
      `${ids.approved}_acceptance.pdf`,
      `${ids.approved}_approval.pdf`,
    ]);
    const acceptance = text(join(out, `${ids.approved}_acceptance.pdf`));
    for (const piece of [
      '收件（受理）通知书',
      '李秀英：',
      '经办人：王敏',
      '安阳市政务服务中心3号综合窗口',
      '收件（受理）通知书存根',
    ]) {
      expect(acceptance).toContain(piece);
    }
    expect(text(join(out, `${ids.approved}_approval.pdf`))).toContain('办理结果：食品经营许可证');
  });

  it('renders only --type, and says so when the case has no such notice', async () => {
    const out = tempDir('tongban-notices-out-');
    const one = await tongbanJson(['notices', 'render', ids.denied, '--type', 'denial', '--out', out], {
      data,
    });
    expect(one.code).toBe(0);
    expect(readdirSync(out)).toEqual([`${ids.denied}_denial.pdf`]);
    // the denial states the rights to review and litigation with their limits (seed 004 8.5.5)
    expect(text(join(out, `${ids.denied}_denial.pdf`))).toContain('60日内向安阳市人民政府申请行政复议');
    const none = await tongban(['notices', 'render', ids.supplement, '--type', 'approval', '--out', out], {
      data,
    });
    expect(none.code).toBe(4);
    expect(none.stderr).toContain('has no approval notice');
  });

  it('refuses an unknown case with exit 4', async () => {
    const run = await tongban(['notices', 'render', 'AY1-261123-CZZZZ-ZZZ', '--out', tempDir()], { data });
    expect(run.code).toBe(4);
    expect(run.stderr).toContain('no case');
  });
});

describe('tongban notices batch (real process)', () => {
  it('renders a period over worker threads, reports counts and failures, and a re-run rewrites nothing', async () => {
    const out = tempDir('tongban-notices-batch-');
    const args = [
      'notices',
      'batch',
      '--from',
      '2026-11-23',
      '--to',
      '2026-11-25',
      '--out',
      out,
      '--threads',
      '2',
    ];
    const first = await tongbanJson(args, { data });
    // acceptance+approval, supplement, acceptance+denial = 5 files; the item without phones cannot be printed
    expect(first.json).toMatchObject({ total: 6, written: 5, unchanged: 0, failed: 1 });
    expect(first.code).toBe(2);
    const json = first.json as { failures: { caseId: string; type: string; error: string }[] };
    expect(json.failures).toEqual([
      expect.objectContaining({
        caseId: ids.noPhones,
        type: 'acceptance',
        error: expect.stringContaining('联系电话'),
      }),
    ]);
    const files = readdirSync(out).sort();
    expect(files).toHaveLength(5);
    expect(files).toContain(`${ids.supplement}_supplement.pdf`);
    const old = new Date('2020-01-01T00:00:00Z');
    for (const f of files) utimesSync(join(out, f), old, old);
    const again = await tongban(args, { data });
    expect(again.stdout).toContain('6 notice(s): 0 written, 5 unchanged, 1 failed');
    expect(again.stderr).toContain(`failed: ${ids.noPhones} acceptance`);
    for (const f of files) expect(statSync(join(out, f)).mtimeMs).toBe(old.getTime());
  });

  it('filters by --type and --unit and by the period (dates are whole days in Asia/Shanghai)', async () => {
    const out = tempDir('tongban-notices-batch-');
    const run = await tongbanJson(
      [
        'notices',
        'batch',
        '--from',
        '2026-11-25',
        '--to',
        '2026-11-25',
        '--unit',
        'department',
        '--out',
        out,
      ],
      { data },
    );
    expect(run.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual([`${ids.approved}_approval.pdf`, `${ids.denied}_denial.pdf`]);
    const sup = await tongbanJson(
      [
        'notices',
        'batch',
        '--from',
        '2026-11-23',
        '--to',
        '2026-11-30',
        '--type',
        'supplement',
        '--out',
        out,
      ],
      { data },
    );
    expect(sup.json).toMatchObject({ total: 1, written: 1 });
  });

  it('--merge writes one PDF with a page per notice, and leaves it alone when unchanged', async () => {
    const out = tempDir('tongban-notices-merge-');
    const args = [
      'notices',
      'batch',
      '--from',
      '2026-11-23',
      '--to',
      '2026-11-24',
      '--type',
      'acceptance',
      '--out',
      out,
    ];
    const run = await tongbanJson([...args, '--merge', 'day'], { data });
    expect(run.json).toMatchObject({ merged: { notices: 2, status: 'written' }, failed: 1 });
    const file = join(out, 'day.pdf');
    expect(pages(file)).toBe(2);
    expect(text(file)).toContain(ids.denied);
    const again = await tongbanJson([...args, '--merge', 'day.pdf'], { data });
    expect(again.json).toMatchObject({ merged: { status: 'unchanged' } });
  });

  it('refuses an empty period', async () => {
    const run = await tongban(
      ['notices', 'batch', '--from', '2026-11-25', '--to', '2026-11-23', '--out', tempDir()],
      {
        data,
      },
    );
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('is empty');
  });
});

describe('pdfkit loads only in the notices commands', () => {
  it('is imported lazily by them and by nothing else the CLI or core loads at start', () => {
    const commands = join(cliRoot, 'dist', 'commands');
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (p.endsWith('.js') && readFileSync(p, 'utf8').includes('@tongban/pdf')) offenders.push(p);
      }
    };
    walk(commands);
    expect(offenders.map((p) => p.slice(commands.length + 1))).toEqual(['notices/render.js']);
    const render = readFileSync(join(commands, 'notices', 'render.js'), 'utf8');
    expect(render).toMatch(/await import\('@tongban\/pdf'\)/);
    expect(render).not.toMatch(/^import .*@tongban\/pdf/m);
    // archive create's renderer (outside commands/) loads it lazily too
    const archiveRenderer = readFileSync(join(cliRoot, 'dist', 'pdf-renderer.js'), 'utf8');
    expect(archiveRenderer).toMatch(/await import\('@tongban\/pdf'\)/);
    expect(archiveRenderer).not.toMatch(/^import .*@tongban\/pdf/m);
    const core = readFileSync(join(repoRoot, 'packages', 'core', 'dist', 'index.js'), 'utf8');
    expect(core).not.toContain('pdf/');
    expect(existsSync(join(repoRoot, 'packages', 'core', 'dist', 'pdf'))).toBe(false);
    expect(existsSync(join(repoRoot, 'packages', 'pdf', 'dist', 'worker.js'))).toBe(true);
  });
});

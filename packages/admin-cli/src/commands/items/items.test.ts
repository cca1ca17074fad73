import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ServiceItem } from '@tongban/core/catalogue';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateCatalogue } from '../../../../../fixtures/src/synthetic-catalogue.js';
import { ensureBuilt, repoRoot, snapshot, tempDir, tongban, tongbanJson } from '../../test-support/cli.js';
import * as S from '../../test-support/schemas.js';

beforeAll(ensureBuilt, 300_000);

/** A catalogue whose texts start with the characters a spreadsheet would run as a formula. */
function hostileCatalogue(): ServiceItem[] {
  const items = generateCatalogue(30, 11);
  items[0]!.conditions = '=HYPERLINK("http://evil.example","点我")';
  items[1]!.contact = { ...items[1]!.contact, phone: '+86 451 12345' };
  items[2]!.process = ['-先预审', '@窗口受理', "'引号开头"];
  return items;
}

async function seeded() {
  const data = tempDir();
  const dir = tempDir();
  const file = join(dir, 'start.json');
  const items = hostileCatalogue();
  writeFileSync(file, JSON.stringify(items));
  const imp = await tongbanJson(['items', 'import', file], { data });
  expect(imp.code).toBe(0);
  return { data, dir, items };
}

describe('tongban items (real process, --json checked against its schema)', () => {
  it('imports JSON into the draft, publishes version 1 with who/when/why, lists versions (seed 000 4.2)', async () => {
    const { data, items } = await seeded();
    const versions0 = S.VersionsResult.parse((await tongbanJson(['items', 'versions'], { data })).json);
    expect(versions0).toEqual({ versions: [], draft: { itemCount: items.length } });
    const pub = await tongbanJson(['items', 'publish', '--message', '首次发布', '--by', '张敏'], { data });
    expect(pub.code).toBe(0);
    const p = S.PublishResult.parse(pub.json);
    expect(p).toMatchObject({ version: 1, publishedBy: '张敏', message: '首次发布', added: items.length });
    const again = await tongbanJson(['items', 'publish', '-m', 'same', '--by', '张敏'], { data });
    expect(again.code).toBe(3);
    expect(S.ErrorResult.parse(again.json).error.code).toBe('catalogue.nothingToPublish');
    const v = S.VersionsResult.parse((await tongbanJson(['items', 'versions'], { data })).json);
    expect(v.versions.map((x) => [x.version, x.publishedBy, x.message, x.itemCount])).toEqual([
      [1, '张敏', '首次发布', items.length],
    ]);
  });

  it('publish needs --by (or TONGBAN_USER): usage error exit 1', async () => {
    const { data } = await seeded();
    const run = await tongban(['items', 'publish', '-m', 'x'], { data });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/required flag by/);
    const env = await tongban(['items', 'publish', '-m', 'x'], { data, env: { TONGBAN_USER: 'li' } });
    expect(env.code).toBe(0);
  });

  for (const [format, extra] of [
    ['xlsx', []],
    ['csv', ['--encoding', 'utf8']],
    ['csv', ['--encoding', 'utf8-bom']],
    ['csv', ['--encoding', 'gbk']],
    ['json', []],
  ] as const) {
    it(`exports ${format} ${extra.join(' ')} and imports it back losslessly, formulas neutralised`, async () => {
      const { data, dir, items } = await seeded();
      const out = join(dir, `out-${extra[1] ?? 'x'}.${format}`);
      const exp = await tongbanJson(['items', 'export', '--version', 'draft', '--out', out, ...extra], {
        data,
      });
      expect(exp.code).toBe(0);
      expect(S.ExportResult.parse(exp.json)).toMatchObject({ items: items.length, format });
      const bytes = readFileSync(out);
      if (format === 'csv') {
        const text = extra[1] === 'gbk' ? new TextDecoder('gbk').decode(bytes) : bytes.toString('utf8');
        expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""点我"")"`);
        expect(text).toContain("'+86 451 12345");
        expect(bytes[0] === 0xef && bytes[1] === 0xbb).toBe(extra[1] === 'utf8-bom');
      }
      const imp = await tongbanJson(['items', 'import', out, '--dry-run'], { data });
      expect(imp.code).toBe(0);
      const r = S.ImportResult.parse(imp.json);
      expect(r).toMatchObject({ valid: true, dryRun: true, written: false, items: items.length });
      if (format === 'csv') expect(r.encoding).toBe(extra[1] === 'gbk' ? 'gb18030' : extra[1]);
      expect(r.changes).toMatchObject({ against: 'draft', added: [], removed: [], changed: [] });
      expect(r.changes!.unchanged).toBe(items.length);
    });
  }

  it('imports the sample catalogue in every encoding and format to the same items (fixtures/catalogue)', async () => {
    const dir = join(repoRoot, 'fixtures/catalogue');
    const data = tempDir();
    const json = S.ImportResult.parse(
      (await tongbanJson(['items', 'import', join(dir, 'sample-catalogue.json')], { data })).json,
    );
    expect(json.valid).toBe(true);
    for (const [name, encoding] of [
      ['sample-catalogue.xlsx', undefined],
      ['sample-catalogue.utf8.csv', 'utf8'],
      ['sample-catalogue.utf8-bom.csv', 'utf8-bom'],
      ['sample-catalogue.gbk.csv', 'gb18030'],
    ] as const) {
      const run = await tongbanJson(['items', 'import', join(dir, name), '--dry-run'], { data });
      expect(run.code, name).toBe(0);
      const r = S.ImportResult.parse(run.json);
      expect(r.encoding).toBe(encoding);
      expect(r.items).toBe(json.items);
      expect(r.changes, name).toMatchObject({ added: [], removed: [], changed: [], unchanged: json.items });
    }
  });

  it('--dry-run shows the changes and writes nothing; the real import then writes the draft', async () => {
    const { data, dir, items } = await seeded();
    const changed = items.slice(1).map((i) => ({ ...i }));
    changed[0]!.promisedDays = Math.max(0, changed[0]!.promisedDays - 1);
    changed[0]!.legalDays = Math.max(changed[0]!.legalDays, changed[0]!.promisedDays);
    const file = join(dir, 'changed.json');
    writeFileSync(file, JSON.stringify(changed));
    const before = snapshot(data);
    const dry = S.ImportResult.parse(
      (await tongbanJson(['items', 'import', file, '--dry-run'], { data })).json,
    );
    expect(dry.changes!.removed.map((i) => i.itemCode)).toEqual([items[0]!.itemCode]);
    expect(snapshot(data)).toEqual(before);
    const real = S.ImportResult.parse((await tongbanJson(['items', 'import', file], { data })).json);
    expect(real.written).toBe(true);
    const diff = S.DiffResult.parse((await tongbanJson(['items', 'diff', 'draft', 'draft'], { data })).json);
    expect(diff.unchanged).toBe(changed.length);
  });

  it('diffs versions field by field', async () => {
    const { data, dir, items } = await seeded();
    await tongban(['items', 'publish', '-m', 'v1', '--by', 'a'], { data });
    const next = items.map((i) => ({ ...i }));
    next[3] = { ...next[3]!, legalDays: next[3]!.legalDays + 5 };
    const file = join(dir, 'next.json');
    writeFileSync(file, JSON.stringify(next));
    await tongban(['items', 'import', file], { data });
    await tongban(['items', 'publish', '-m', 'v2', '--by', 'a'], { data });
    const d = S.DiffResult.parse((await tongbanJson(['items', 'diff', '1', '2'], { data })).json);
    expect(d).toMatchObject({ from: 'v1', to: 'v2', added: [], removed: [] });
    expect(d.changed).toHaveLength(1);
    expect(JSON.stringify(d.changed[0]!.changes)).toContain('legalDays');
    const missing = await tongbanJson(['items', 'diff', '7'], { data });
    expect(missing.code).toBe(4);
  });

  it('lists with filters, shows one item, searches by pinyin initials', async () => {
    const { data, items } = await seeded();
    const county = S.ListResult.parse(
      (await tongbanJson(['items', 'list', '--level', 'county'], { data })).json,
    );
    expect(county.total).toBe(items.filter((i) => i.level === 'county').length);
    expect(county.items.every((i) => i.level === 'county')).toBe(true);
    const code = items[0]!.itemCode;
    const show = S.ShowResult.parse((await tongbanJson(['items', 'show', code], { data })).json);
    expect(show.items.every((i) => i.itemCode === code)).toBe(true);
    const nf = await tongbanJson(['items', 'show', 'NOPE0000'], { data });
    expect(nf.code).toBe(4);
    expect(S.ErrorResult.parse(nf.json).error.code).toBe('item.notFound');
    const { pinyin } = await import('pinyin-pro');
    const initials = pinyin(items[0]!.mainName, { pattern: 'first', toneType: 'none', type: 'array' }).join(
      '',
    );
    const hits = S.SearchResult.parse((await tongbanJson(['items', 'search', initials], { data })).json);
    expect(hits.hits.map((h) => h.itemCode)).toContain(code);
  });

  it('reports 三级十同 differences across levels (seed 004 3.10), exit 2 with --strict', async () => {
    const data = tempDir();
    const items = generateCatalogue(30, 5);
    const code = items.find((i) => items.filter((j) => j.itemCode === i.itemCode).length > 1)!.itemCode;
    const one = items.find((i) => i.itemCode === code)!;
    one.promisedDays = one.promisedDays === 0 ? 0 : one.promisedDays - 1;
    one.mainName = `${one.mainName}（改）`;
    const file = join(tempDir(), 'u.json');
    writeFileSync(file, JSON.stringify(items));
    await tongban(['items', 'import', file], { data });
    const run = await tongbanJson(['items', 'uniformity', '--version', 'draft', '--strict'], { data });
    expect(run.code).toBe(2);
    const r = S.UniformityResult.parse(run.json);
    const issue = r.issues.find((i) => i.itemCode === code);
    expect(issue?.differences.map((d) => d.element)).toContain('mainName');
  });

  it('validates a file without writing, and the draft', async () => {
    const { data } = await seeded();
    const good = S.ValidateResult.parse((await tongbanJson(['items', 'validate'], { data })).json);
    expect(good).toMatchObject({ source: 'draft', valid: true, errors: 0 });
    const bad = join(repoRoot, 'packages/admin-cli/test-fixtures/bad-imports/duplicate-codes.csv');
    const run = await tongbanJson(['items', 'validate', bad], { data });
    expect(run.code).toBe(2);
    expect(S.ValidateResult.parse(run.json).problems.some((p) => p.rule === 'catalogue.duplicateKey')).toBe(
      true,
    );
  });

  it('an empty data directory: versions is empty, list says how to start (exit 4)', async () => {
    const data = tempDir();
    expect(S.VersionsResult.parse((await tongbanJson(['items', 'versions'], { data })).json)).toEqual({
      versions: [],
      draft: null,
    });
    const list = await tongban(['items', 'list'], { data });
    expect(list.code).toBe(4);
    expect(list.stderr).toContain('tongban items import');
  });

  it('usage errors exit 1; a mistyped command exits 127 with a suggestion', async () => {
    expect((await tongban(['items', 'list', '--level', 'galaxy'], { data: tempDir() })).code).toBe(1);
    const typo = await tongban(['items', 'lsit'], { data: tempDir() });
    expect(typo.code).toBe(127);
    expect(typo.stderr).toContain('items lsit is not a tongban command');
  });

  it('every command has help with examples', async () => {
    const ids = Object.keys(
      (
        JSON.parse(readFileSync(join(repoRoot, 'packages/admin-cli/oclif.manifest.json'), 'utf8')) as {
          commands: Record<string, { examples?: string[] }>;
        }
      ).commands,
    );
    expect(ids.length).toBeGreaterThanOrEqual(13);
    const manifest = JSON.parse(
      readFileSync(join(repoRoot, 'packages/admin-cli/oclif.manifest.json'), 'utf8'),
    );
    for (const id of ids) expect(manifest.commands[id].examples?.length, id).toBeGreaterThan(0);
    const help = await tongban(['items', 'import', '--help']);
    expect(help.stdout).toContain('EXAMPLES');
    expect(help.stdout).toContain('--dry-run');
  });
});

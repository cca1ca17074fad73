import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateCatalogue } from '../../../../../fixtures/src/synthetic-catalogue.js';
import { badImports, ensureBuilt, snapshot, tempDir, tongban, tongbanJson } from '../../test-support/cli.js';
import { ErrorResult, ImportResult } from '../../test-support/schemas.js';

interface Expected {
  exit: number;
  rule: string;
  message: string;
  flags?: string[];
}
const expected = JSON.parse(readFileSync(join(badImports, 'expected.json'), 'utf8')) as Record<
  string,
  Expected
>;

let data = '';
let before: Record<string, string> = {};

beforeAll(async () => {
  await ensureBuilt();
  // A store with a draft and a published version, so that "unchanged" means something.
  data = tempDir();
  const good = join(tempDir(), 'good.json');
  writeFileSync(good, JSON.stringify(generateCatalogue(8, 3)));
  expect((await tongban(['items', 'import', good], { data })).code).toBe(0);
  expect((await tongban(['items', 'publish', '-m', 'base', '--by', 'test'], { data })).code).toBe(0);
  expect((await tongban(['items', 'import', good], { data })).code).toBe(0);
  before = snapshot(data);
}, 300_000);

describe('malformed import files are refused, located, and leave the store unchanged (seed 000 4.2)', () => {
  it('has at least 20 cases', () => {
    expect(Object.keys(expected).length).toBeGreaterThanOrEqual(20);
  });

  for (const [name, e] of Object.entries(expected)) {
    it(`${name}: exit ${e.exit}, ${e.rule}: "${e.message}"`, async () => {
      const file = join(badImports, name);
      const run = await tongbanJson(['items', 'import', file, ...(e.flags ?? [])], { data });
      expect(run.code).toBe(e.exit);
      const parsed = ImportResult.safeParse(run.json);
      if (parsed.success) {
        expect(parsed.data.valid).toBe(false);
        expect(parsed.data.written).toBe(false);
        const hit = parsed.data.problems.find(
          (p) => p.severity === 'error' && p.rule === e.rule && p.message.includes(e.message),
        );
        expect(hit, JSON.stringify(parsed.data.problems.slice(0, 3))).toBeDefined();
        expect(hit!.file).toBe(file);
        // Located: every error of a tabular file names its row.
        if (/\.(csv|xlsx)$/.test(name) && !hit!.rule.startsWith('file.')) expect(hit!.row).toBeGreaterThan(0);
      } else {
        const err = ErrorResult.parse(run.json);
        expect(err.error.code).toBe(e.rule);
        expect(err.error.message).toContain(e.message);
      }
      expect(snapshot(data)).toEqual(before);
    });
  }

  it('reports every problem on stderr in human mode, with row and column, and says nothing was written', async () => {
    const run = await tongban(['items', 'import', join(badImports, 'unknown-level.xlsx')], { data });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /sheet 事项清单, row 4, column E \(层级\), item \S+, field level: 层级 "国家级" is not known/,
    );
    expect(run.stderr).toContain('nothing was written');
    expect(run.stdout).toBe('');
  });
});

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { checkDependencyDirection, specifiers } from './dependency-direction.js';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
let root: string;

/** A workspace of our layout in a temporary folder: name -> files (path -> text) and package.json fields. */
function workspace(
  packages: Record<string, { deps?: string[]; devDeps?: string[]; files: Record<string, string> }>,
) {
  root = mkdtempSync(join(tmpdir(), 'tongban-deps-'));
  const put = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  const names = Object.keys(packages);
  put('package.json', JSON.stringify({ workspaces: names.map((n) => `packages/${n}`) }));
  for (const [name, p] of Object.entries(packages)) {
    const ours = (list: string[] = []) => Object.fromEntries(list.map((d) => [`@tongban/${d}`, '0.1.0']));
    put(
      `packages/${name}/package.json`,
      JSON.stringify({
        name: `@tongban/${name}`,
        dependencies: ours(p.deps),
        devDependencies: ours(p.devDeps),
      }),
    );
    for (const [file, text] of Object.entries(p.files)) put(`packages/${name}/${file}`, text);
  }
  return root;
}

afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('dependency direction (issue 19)', () => {
  it('holds in this repository', () => {
    expect(checkDependencyDirection(repo)).toEqual([]);
  });

  it('fails a wrong-way import in core, named by file and line, whether by package name or by relative path', () => {
    const r = workspace({
      core: {
        files: { 'src/a.ts': "import { x } from './b.js';\nimport { openStore } from '@tongban/store';\n" },
      },
      store: { deps: ['core'], files: { 'src/b.test.ts': "import { y } from '../../core/src/a.js';\n" } },
    });
    writeFileSync(
      join(r, 'packages/core/src/c.test.ts'),
      "const m = await import('../../store/src/index.js');\n",
    );
    expect(checkDependencyDirection(r)).toEqual([
      {
        file: 'packages/core/src/a.ts',
        line: 2,
        message: "core may not import @tongban/store ('@tongban/store')",
      },
      {
        file: 'packages/core/src/c.test.ts',
        line: 1,
        message: "core may not import @tongban/store ('../../store/src/index.js')",
      },
    ]);
  });

  it('lets archive tests use store and pdf, but not archive itself, and refuses such a dependency in core', () => {
    const r = workspace({
      core: { devDeps: ['store'], files: {} },
      store: { deps: ['core'], files: {} },
      pdf: { deps: ['core'], files: {} },
      archive: {
        deps: ['core'],
        devDeps: ['store', 'pdf'],
        files: {
          'src/a.test.ts': "import { openLowdbStore } from '@tongban/store/lowdb';\n",
          'src/test-support/site.ts': "import { renderNoticePdf } from '@tongban/pdf';\n",
          'src/case-files.ts': "export const load = () => import('@tongban/pdf');\n",
        },
      },
    });
    expect(checkDependencyDirection(r).map((v) => `${v.file}: ${v.message}`)).toEqual([
      'packages/core/package.json: core may not depend on @tongban/store, not even in its tests',
      "packages/archive/src/case-files.ts: archive may not import @tongban/pdf outside its tests ('@tongban/pdf')",
    ]);
  });

  it('refuses an import of ours that package.json does not declare', () => {
    const r = workspace({
      core: { files: {} },
      devices: { files: { 'src/a.ts': "export * from '@tongban/core/errors';\n" } },
    });
    expect(checkDependencyDirection(r)).toEqual([
      {
        file: 'packages/devices/src/a.ts',
        line: 1,
        message:
          'devices imports @tongban/core without declaring it in packages/devices/package.json (dependencies)',
      },
    ]);
  });

  it('reads imports, re-exports, dynamic imports, require and new URL', () => {
    const text = [
      "import a from 'a';",
      "import type { B } from 'b';",
      "export * from 'c';",
      "import 'd';",
      "const e = await import('e');",
      "const f = require('f');",
      "const g = new URL('./g.ts', import.meta.url);",
    ].join('\n');
    expect(specifiers(text).map((s) => `${s.line}:${s.spec}`)).toEqual([
      '1:a',
      '2:b',
      '3:c',
      '4:d',
      '5:e',
      '6:f',
      '7:./g.ts',
    ]);
  });
});

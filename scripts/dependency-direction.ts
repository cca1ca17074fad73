/**
 * The dependency direction of the workspace packages (DESIGN "Packages"), checked over package.json files and the
 * imports of every source file; `npm test` runs it first, so a wrong-way import fails the build.
 *
 *   kiosk, admin-cli  -> core, store, devices, pdf, archive
 *   store, pdf, archive, devices -> core
 *   core -> nothing of ours
 *
 * Test code (`*.test.ts(x)`, `test-support/`, `*.fixture.ts`) may also use what TEST_ONLY names, as a devDependency:
 * archive's tests make bundles from a real lowdb data directory and render their notices with the real renderer.
 * Usage: tsx scripts/dependency-direction.ts [repo root]; prints each violation with file and line, exit code 1.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const APPS = ['core', 'store', 'devices', 'pdf', 'archive'];
export const ALLOWED: Record<string, string[]> = {
  core: [],
  store: ['core'],
  pdf: ['core'],
  archive: ['core'],
  devices: ['core'],
  kiosk: APPS,
  'admin-cli': APPS,
  fixtures: ['core'],
};
export const TEST_ONLY: Record<string, string[]> = { archive: ['store', 'pdf'] };
/** fixtures/ is data (sample catalogue, calendars, device captures and their generators): any package may read it. */
const DATA = new Set(['fixtures']);

export interface Violation {
  file: string;
  line?: number;
  message: string;
}

const SOURCE = /\.(ts|tsx|mts|js|mjs)$/;
const isTestCode = (rel: string) =>
  /\.test\.tsx?$/.test(rel) || /\.fixture\.ts$/.test(rel) || rel.split(/[\\/]/).includes('test-support');

/** Static and dynamic imports, re-exports, require() and `new URL('…', import.meta.url)` of one source file. */
export function specifiers(text: string): { spec: string; line: number }[] {
  const out: { spec: string; line: number }[] = [];
  const re = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*|\bnew URL\(\s*)(['"])([^'"\n]+)\1/g;
  for (const m of text.matchAll(re)) {
    out.push({ spec: m[2]!, line: text.slice(0, m.index).split('\n').length });
  }
  return out;
}

function walk(dir: string, files: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name === 'dist') continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, files);
    else if (SOURCE.test(e.name)) files.push(p);
  }
  return files;
}

interface Workspace {
  name: string; // folder name = the part after @tongban/
  dir: string;
  deps: Set<string>;
  devDeps: Set<string>;
}

function workspaces(root: string): Workspace[] {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { workspaces: string[] };
  return pkg.workspaces.map((w) => {
    const dir = join(root, w);
    const json = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Record<
      string,
      Record<string, string> | string
    >;
    const ours = (field: string) =>
      new Set(
        Object.keys((json[field] as Record<string, string> | undefined) ?? {})
          .filter((d) => d.startsWith('@tongban/'))
          .map((d) => d.slice('@tongban/'.length)),
      );
    return {
      name: String(json.name).replace(/^@tongban\//, ''),
      dir,
      deps: new Set([...ours('dependencies'), ...ours('peerDependencies'), ...ours('optionalDependencies')]),
      devDeps: ours('devDependencies'),
    };
  });
}

/** Every violation of the direction in the workspace at root (empty when the layout holds). */
export function checkDependencyDirection(root: string): Violation[] {
  const list = workspaces(root);
  const byDir = list.map((w) => ({ w, prefix: w.dir + sep }));
  const owner = (path: string) => byDir.find((b) => path.startsWith(b.prefix))?.w;
  const violations: Violation[] = [];
  for (const w of list) {
    const allowed = ALLOWED[w.name];
    const pkgFile = relative(root, join(w.dir, 'package.json'));
    if (!allowed) {
      violations.push({
        file: pkgFile,
        message: `${w.name} has no place in the layout (scripts/dependency-direction.ts)`,
      });
      continue;
    }
    const testOnly = TEST_ONLY[w.name] ?? [];
    for (const d of w.deps) {
      if (!allowed.includes(d))
        violations.push({ file: pkgFile, message: `${w.name} may not depend on @tongban/${d}` });
    }
    for (const d of w.devDeps) {
      if (!allowed.includes(d) && !testOnly.includes(d)) {
        violations.push({
          file: pkgFile,
          message: `${w.name} may not depend on @tongban/${d}, not even in its tests`,
        });
      }
    }
    for (const file of walk(w.dir)) {
      const rel = relative(root, file);
      const test = isTestCode(relative(w.dir, file));
      for (const { spec, line } of specifiers(readFileSync(file, 'utf8'))) {
        let target: string | undefined;
        if (spec.startsWith('@tongban/')) target = spec.slice('@tongban/'.length).split('/')[0];
        else if (spec.startsWith('.')) {
          const other = owner(resolve(dirname(file), spec));
          if (other && other !== w) target = other.name;
        }
        if (target === undefined || target === w.name || (DATA.has(target) && !spec.startsWith('@')))
          continue;
        const may = allowed.includes(target) || (test && testOnly.includes(target));
        if (!may) {
          const why = testOnly.includes(target) ? ' outside its tests' : '';
          violations.push({
            file: rel,
            line,
            message: `${w.name} may not import @tongban/${target}${why} ('${spec}')`,
          });
        } else if (spec.startsWith('@tongban/') && !w.deps.has(target) && !(test && w.devDeps.has(target))) {
          violations.push({
            file: rel,
            line,
            message: `${w.name} imports @tongban/${target} without declaring it in ${pkgFile} (${test ? 'devDependencies' : 'dependencies'})`,
          });
        }
      }
    }
  }
  return violations;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..'));
  if (!existsSync(join(root, 'package.json'))) throw new Error(`no package.json in ${root}`);
  const found = checkDependencyDirection(root);
  for (const v of found) console.error(`${v.file}${v.line ? `:${v.line}` : ''}: ${v.message}`);
  if (found.length > 0) {
    console.error(`dependency direction: ${found.length} violation(s); see scripts/dependency-direction.ts`);
    process.exit(1);
  }
  console.log(
    'dependency direction: kiosk, admin-cli -> core, store, devices, pdf, archive; store, pdf, archive, devices -> core; core -> nothing of ours',
  );
}

/**
 * Runs `tongban` as a real process (node bin/run.js) against a temporary data directory. The CLI runs from
 * dist/, so ensureBuilt() first rebuilds core and the CLI (tsc + manifest) when a source is newer than its build
 * (CI builds on `npm ci`; locally this keeps tests honest after an edit). A lock directory serialises builds
 * between test files running in parallel.
 */
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';

export const cliRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const repoRoot = join(cliRoot, '..', '..');
export const badImports = join(cliRoot, 'test-fixtures', 'bad-imports');
const bin = join(cliRoot, 'bin', 'run.js');

function newest(dir: string, skip: RegExp): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) t = Math.max(t, newest(p, skip));
    else if (!skip.test(e.name)) t = Math.max(t, statSync(p).mtimeMs);
  }
  return t;
}

function stale(pkg: string, marker: string): boolean {
  const out = join(repoRoot, 'packages', pkg, marker);
  if (!existsSync(out)) return true;
  return newest(join(repoRoot, 'packages', pkg, 'src'), /\.test\.tsx?$/) > statSync(out).mtimeMs;
}

export async function ensureBuilt(): Promise<void> {
  const lock = join(tmpdir(), 'tongban-admin-cli-build.lock');
  for (let i = 0; ; i++) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (i > 600) throw new Error(`build lock ${lock} held for 5 minutes; remove it if no build runs`);
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    const tsc = join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');
    // tsc emits even when a type error is reported; typecheck is its own step of `npm test`, so a type error in an
    // unrelated file must not stop these process tests from running the emitted JavaScript.
    const build = (args: string[], cwd: string) => {
      try {
        execFileSync(process.execPath, args, { cwd, stdio: 'pipe' });
      } catch (error) {
        const out = String((error as { stdout?: Buffer }).stdout ?? '');
        if (!/error TS\d+/.test(out)) throw error;
        process.stderr.write(`ensureBuilt: tsc reported type errors, running the emitted build\n${out}`);
      }
    };
    for (const pkg of ['core', 'store', 'pdf', 'archive']) {
      if (stale(pkg, 'dist/index.js')) build([tsc, '-p', `packages/${pkg}/tsconfig.build.json`], repoRoot);
    }
    if (stale('devices', 'dist/index.js'))
      build([tsc, '-p', 'packages/devices/tsconfig.build.json'], repoRoot);
    if (stale('admin-cli', 'oclif.manifest.json')) {
      build([tsc, '-p', 'tsconfig.build.json'], cliRoot);
      execFileSync(process.execPath, ['scripts/manifest.js'], { cwd: cliRoot });
    }
  } finally {
    rmdirSync(lock);
  }
}

export function tempDir(prefix = 'tongban-cli-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function tongban(
  args: string[],
  options: { data?: string; env?: NodeJS.ProcessEnv; cwd?: string } = {},
) {
  return new Promise<CliRun>((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', ...options.env };
    delete env.TONGBAN_DATA;
    delete env.TONGBAN_USER;
    delete env.DEBUG;
    if (options.data) env.TONGBAN_DATA = options.data;
    Object.assign(env, options.env);
    const child = spawn(process.execPath, [bin, ...args], { cwd: options.cwd ?? repoRoot, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({
        code: code ?? -1,
        stdout: stripVTControlCharacters(stdout),
        stderr: stripVTControlCharacters(stderr),
      }),
    );
  });
}

/** Runs with --json and parses stdout. */
export async function tongbanJson(args: string[], options: Parameters<typeof tongban>[1] = {}) {
  const run = await tongban([...args, '--json'], options);
  let json: unknown;
  try {
    json = JSON.parse(run.stdout);
  } catch {
    throw new Error(`not JSON (exit ${run.code}): ${run.stdout}\n${run.stderr}`);
  }
  return { ...run, json };
}

/** Every file under a directory with a hash of its content: to check that a refused import wrote nothing. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[relative(dir, p)] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

/**
 * Start-up of the admin CLI against a bare oclif "hello" CLI built here in a temporary directory with the same
 * @oclif/core (and, like ours, a manifest), measured in the same run, interleaved, many repetitions.
 * Goal (issue 6): a simple command <= 1.2x the bare hello.
 *   npx tsx bench/cli-startup.ts [repetitions]
 * Needs the CLI built (npm run build).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const reps = Number(process.argv[2] ?? 30);
const tmp = mkdtempSync(join(tmpdir(), 'tongban-bench-startup-'));

// ---- the bare hello CLI ----
const hello = join(tmp, 'hello');
mkdirSync(join(hello, 'bin'), { recursive: true });
mkdirSync(join(hello, 'commands'), { recursive: true });
mkdirSync(join(hello, 'node_modules', '@oclif'), { recursive: true });
symlinkSync(
  join(root, 'node_modules', '@oclif', 'core'),
  join(hello, 'node_modules', '@oclif', 'core'),
  'dir',
);
writeFileSync(
  join(hello, 'package.json'),
  JSON.stringify({
    name: 'hello',
    version: '1.0.0',
    type: 'module',
    oclif: { bin: 'hello', commands: './commands', topicSeparator: ' ' },
  }),
);
writeFileSync(
  join(hello, 'commands', 'hello.js'),
  `import { Command } from '@oclif/core';
export default class Hello extends Command {
  static enableJsonFlag = true;
  async run() { await this.parse(Hello); this.log('hello world'); return { hello: 'world' }; }
}
`,
);
writeFileSync(
  join(hello, 'bin', 'run.js'),
  `import { execute } from '@oclif/core';\nawait execute({ dir: import.meta.url });\n`,
);
writeFileSync(
  join(hello, 'make-manifest.js'),
  `import { writeFileSync } from 'node:fs';
import { Plugin } from '@oclif/core';
const plugin = new Plugin({ root: ${JSON.stringify(hello)}, type: 'core', isRoot: true, ignoreManifest: true });
await plugin.load();
writeFileSync(${JSON.stringify(join(hello, 'oclif.manifest.json'))}, JSON.stringify(plugin.manifest));
`,
);
spawnSync(process.execPath, [join(hello, 'make-manifest.js')], { stdio: 'inherit' });

// ---- the runs ----
const data = join(tmp, 'data');
const tongban = join(root, 'packages', 'admin-cli', 'bin', 'run.js');
const env = { ...process.env, TONGBAN_DATA: data, NODE_ENV: 'production' };
const cases: [string, string[]][] = [
  ['bare oclif: hello hello --json', [join(hello, 'bin', 'run.js'), 'hello', '--json']],
  ['tongban --version', [tongban, '--version']],
  ['tongban items versions --json (empty store)', [tongban, 'items', 'versions', '--json']],
  [
    'tongban calendar add-days 2025-09-30 5 --json',
    [tongban, 'calendar', 'add-days', '2025-09-30', '5', '--json'],
  ],
];

function once(args: string[]): number {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { env, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

for (const [, args] of cases) once(args); // warm the file cache; creates the empty store
const times = cases.map(() => [] as number[]);
for (let i = 0; i < reps; i++) {
  cases.forEach(([, args], k) => {
    times[k]!.push(once(args));
  });
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};
const base = median(times[0]!);
console.log(`start-up, median of ${reps} interleaved runs (node ${process.version}):`);
cases.forEach(([name], k) => {
  const m = median(times[k]!);
  const ratio = m / base;
  console.log(
    `  ${name.padEnd(48)} ${m.toFixed(0).padStart(5)} ms  ${k === 0 ? 'baseline' : `${ratio.toFixed(2)}x${ratio <= 1.2 ? '  (goal <= 1.2x met)' : '  (goal <= 1.2x NOT met)'}`}`,
  );
});
rmSync(tmp, { recursive: true, force: true });

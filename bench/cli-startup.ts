/**
 * Start-up of the admin CLI against a bare oclif "hello" CLI built here in a temporary directory with the same
 * @oclif/core (and, like ours, a manifest), measured in the same run, interleaved, many repetitions.
 * Goal (issue 6): a simple command <= 1.2x the bare hello (judged on wall time; the CPU time is printed too,
 * steadier on a loaded machine). `tongban items versions` opens the store: @tongban/core/store loads no zod
 * until a write (store/validate.ts), and oclif reads one manifest per plugin, scanning no command directory.
 *   npx tsx bench/cli-startup.ts [repetitions]
 * Needs the CLI built (npm run build).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
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

// CPU time (user + system) of each child, written at exit by a tiny preload: on a shared, loaded machine the
// wall time swings with the load, the CPU time much less. The preload is the same for every case.
const cpuFile = join(tmp, 'cpu.txt');
const preload = `data:text/javascript,${encodeURIComponent(
  `import { appendFileSync } from 'node:fs'; process.on('exit', () => { const u = process.cpuUsage(); appendFileSync(${JSON.stringify(cpuFile)}, (u.user + u.system) / 1000 + '\\n'); });`,
)}`;

function once(args: string[]): { wall: number; cpu: number } {
  writeFileSync(cpuFile, '');
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--import', preload, ...args], { env, encoding: 'utf8' });
  const wall = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return { wall, cpu: Number(readFileSync(cpuFile, 'utf8').trim()) };
}

for (const [, args] of cases) once(args); // warm the file cache; creates the empty store
const times = cases.map(() => ({ wall: [] as number[], cpu: [] as number[] }));
for (let i = 0; i < reps; i++) {
  cases.forEach(([, args], k) => {
    const { wall, cpu } = once(args);
    times[k]!.wall.push(wall);
    times[k]!.cpu.push(cpu);
  });
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};
const base = { wall: median(times[0]!.wall), cpu: median(times[0]!.cpu) };
console.log(
  `start-up, median of ${reps} interleaved runs (node ${process.version}; load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores):`,
);
console.log(`  ${''.padEnd(48)}  wall time         CPU time (user+sys)`);
cases.forEach(([name], k) => {
  const wall = median(times[k]!.wall);
  const cpu = median(times[k]!.cpu);
  const ratio = wall / base.wall;
  const cpuRatio = cpu / base.cpu;
  const verdict = k === 0 ? '' : ratio <= 1.2 ? '  (goal <= 1.2x met)' : '  (goal <= 1.2x NOT met)';
  console.log(
    `  ${name.padEnd(48)} ${wall.toFixed(0).padStart(5)} ms ${k === 0 ? 'baseline' : `${ratio.toFixed(2)}x   `}  ${cpu.toFixed(0).padStart(5)} ms ${k === 0 ? 'baseline' : `${cpuRatio.toFixed(2)}x`}${verdict}`,
  );
});
rmSync(tmp, { recursive: true, force: true });

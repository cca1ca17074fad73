/**
 * Kiosk cold start to first screen (`node packages/kiosk/dist/cli.js --demo`, a fresh demo data directory each
 * run: publishes the sample catalogue, opens the simulated devices) beside a bare Ink "hello" measured in the same
 * run, both under a pseudo-terminal (`script`). Also the kiosk's peak RSS (VmHWM) when its first screen is up.
 * Goal (issue 5): <= 1.1x the bare Ink hello, peak memory <= 120 MiB.
 * Needs the built kiosk (`npm run build`).   Run: npx tsx bench/kiosk-startup.ts [runs]
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const RUNS = Number(process.argv[2] ?? 7);
const root = fileURLToPath(new URL('..', import.meta.url));
const cli = join(root, 'packages/kiosk/dist/cli.js');
const work = mkdtempSync(join(tmpdir(), 'kiosk-startup-'));
const hello = join(work, 'hello.mjs');
const ink = join(root, 'node_modules/ink/build/index.js');
const react = join(root, 'node_modules/react/index.js');
writeFileSync(
  hello,
  `import { render, Text } from ${JSON.stringify(ink)};\nimport React from ${JSON.stringify(react)};\n` +
    `render(React.createElement(Text, null, 'hello'));\nsetInterval(() => {}, 1000);\n`,
);

function vmHwmMiB(pid: number): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : Number.NaN;
}

/** Time from spawn to `marker` on the pseudo-terminal, and the node process's peak RSS then. */
function firstScreen(command: string, marker: string): Promise<{ ms: number; rssMiB: number }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn('script', ['-qfec', `stty cols 100 rows 30; exec ${command}`, '/dev/null'], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    let out = '';
    const timer = setTimeout(
      () => reject(new Error(`no "${marker}" after 20 s: ${out.slice(-300)}`)),
      20_000,
    );
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString('utf8');
      if (!out.includes(marker)) return;
      const ms = performance.now() - t0;
      clearTimeout(timer);
      child.stdout.removeAllListeners('data');
      let rssMiB = Number.NaN;
      try {
        const pid = Number(
          execFileSync('pgrep', ['-P', String(child.pid), 'node'], { encoding: 'utf8' }).trim(),
        );
        rssMiB = vmHwmMiB(pid);
        process.kill(pid, 'SIGTERM');
      } catch {
        child.kill();
      }
      child.once('exit', () => resolve({ ms, rssMiB }));
    });
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const helloMs: number[] = [];
const kioskMs: number[] = [];
const rss: number[] = [];
const helloRss: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const h = await firstScreen(`node ${hello}`, 'hello');
  helloMs.push(h.ms);
  helloRss.push(h.rssMiB);
  const data = join(work, `data-${i}`);
  const k = await firstScreen(`node ${cli} --demo --data ${data}`, '请放置身份证');
  kioskMs.push(k.ms);
  rss.push(k.rssMiB);
}
rmSync(work, { recursive: true, force: true });
const ratio = median(kioskMs) / median(helloMs);
console.log(`runs: ${RUNS} (alternating, median)`);
console.log(
  `bare Ink hello   ${median(helloMs).toFixed(0)} ms   peak RSS ${median(helloRss).toFixed(1)} MiB`,
);
console.log(
  `kiosk --demo     ${median(kioskMs).toFixed(0)} ms   peak RSS ${median(rss).toFixed(1)} MiB (max ${Math.max(...rss).toFixed(1)})`,
);
console.log(`ratio            ${ratio.toFixed(2)}x   (goal <= 1.1x; peak RSS goal <= 120 MiB)`);

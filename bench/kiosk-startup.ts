/**
 * Kiosk cold start to first screen (`node packages/kiosk/dist/cli.js --demo`, a fresh demo data directory each
 * run) beside a bare Ink "hello" measured in the same run, both under a pseudo-terminal (`script`), alternating.
 * The first screen is the attract screen (what the kiosk does, the time, the hall's hours): the clock stops when its
 * last line (请放置身份证…) reaches the terminal. The kiosk loads the rest after that frame (store, sample catalogue
 * published, search index, devices), so the bench then presses a key and waits for the menu, which needs all of it
 * ("ready"), and goes on through a whole session (card, search, guide, materials, submit, printed receipt): the peak
 * RSS (VmHWM) is read at its end, so it covers everything a session loads.
 * Goal (issue 5): first screen <= 1.1x the bare Ink hello, peak memory <= 120 MiB.
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

/** A key typed once `marker`'s predecessor is on screen, and what the screen then shows. */
interface Step {
  key: string;
  marker: string;
}

/**
 * Time from spawn to `marker` on the pseudo-terminal; then each step's key is typed (the first at once, later ones
 * 100 ms after the screen showed, as a person would) and the clock runs on to its marker. "ready" is the time to
 * the first step's marker. The node process's peak RSS (VmHWM) is read after the last step.
 */
function firstScreen(
  command: string,
  marker: string,
  steps: Step[] = [],
): Promise<{ ms: number; readyMs: number; rssMiB: number }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn('script', ['-qfec', `stty cols 100 rows 30; exec ${command}`, '/dev/null'], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    let out = '';
    let ms = Number.NaN;
    let readyMs = Number.NaN;
    let step = -1;
    let waitingFor = marker;
    const timer = setTimeout(
      () => reject(new Error(`no "${waitingFor}" after 30 s: ${out.slice(-300)}`)),
      30_000,
    );
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString('utf8');
      if (!out.includes(waitingFor)) return;
      if (step === -1) ms = performance.now() - t0;
      if (step === 0) readyMs = performance.now() - t0;
      step++;
      const next = steps[step];
      if (next) {
        out = '';
        waitingFor = next.marker;
        if (step === 0) child.stdin.write(next.key);
        else setTimeout(() => child.stdin.write(next.key), 100);
        return;
      }
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
      child.once('exit', () => resolve({ ms, readyMs, rssMiB }));
    });
  });
}

/**
 * After the first screen: a key opens the menu (ready), then a session as in the e2e test: the demo card (Ctrl+K),
 * search by pinyin initials, the guide, materials, delivery, submit, and the printed receipt (GB18030 tables).
 */
const SESSION: Step[] = [
  { key: ' ', marker: '请选择要办理的业务' },
  { key: '\x0b', marker: '110105********0036' },
  { key: '1', marker: '查找事项' },
  { key: 'sfz', marker: '居民身份证换领' },
  { key: '\r', marker: '办事指南' },
  { key: '\r', marker: '核对材料' },
  { key: '1', marker: '材料齐全' },
  { key: '\r', marker: '选择结果送达方式' },
  { key: '1', marker: '按确认键提交' },
  { key: '\r', marker: '回执已打印' },
];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const helloMs: number[] = [];
const kioskMs: number[] = [];
const readyMs: number[] = [];
const rss: number[] = [];
const helloRss: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const h = await firstScreen(`node ${hello}`, 'hello');
  helloMs.push(h.ms);
  helloRss.push(h.rssMiB);
  const data = join(work, `data-${i}`);
  const k = await firstScreen(`node ${cli} --demo --data ${data}`, '请放置身份证', SESSION);
  kioskMs.push(k.ms);
  readyMs.push(k.readyMs);
  rss.push(k.rssMiB);
}
rmSync(work, { recursive: true, force: true });
const ratio = median(kioskMs) / median(helloMs);
console.log(`runs: ${RUNS} (alternating, median)`);
console.log(
  `bare Ink hello   first screen ${median(helloMs).toFixed(0)} ms   peak RSS ${median(helloRss).toFixed(1)} MiB`,
);
console.log(
  `kiosk --demo     first screen ${median(kioskMs).toFixed(0)} ms   ready (menu after a key) ${median(readyMs).toFixed(0)} ms   peak RSS over the session ${median(rss).toFixed(1)} MiB (max ${Math.max(...rss).toFixed(1)})`,
);
console.log(`ratio            ${ratio.toFixed(2)}x   (goal <= 1.1x; peak RSS goal <= 120 MiB)`);

/**
 * The reader's frame parser on hostile input (issue 15: long runs of preamble bytes held the old parser up to
 * 0.8 s): 1 MB and 10 MB of each pattern in 64-byte chunks, ours beside a floor measured in the same run (one
 * Buffer.indexOf pass over the same bytes: the least any parser must do). Linear means the 10 MB / 1 MB time
 * ratio stays near 10 and the work (bytes examined) a byte stays flat.   Run: npx tsx bench/frame-parser.ts
 */
import { spawnSync } from 'node:child_process';

if (!process.execArgv.some((a) => a.includes('conditions'))) {
  const r = spawnSync(
    process.execPath,
    ['--conditions=source', ...process.execArgv, ...process.argv.slice(1)],
    {
      stdio: 'inherit',
    },
  );
  process.exit(r.status ?? 1);
}

const { FrameScanner, PREAMBLE, encodeResponse } = await import('@tongban/devices');

const MB = 1024 * 1024;

function repeat(pattern: Buffer, size: number): Buffer {
  const out = Buffer.alloc(size);
  for (let at = 0; at < size; at += pattern.length) pattern.copy(out, at);
  return out;
}

const PATTERNS: Record<string, Buffer> = {
  'AA run': Buffer.from([0xaa]),
  'preamble + max LEN header': Buffer.from([0xaa, 0xaa, 0xaa, 0x96, 0x69, 0x0f, 0xf9]),
  'preamble only': Buffer.from([0xaa, 0xaa, 0xaa, 0x96, 0x69]),
  'good read frames': encodeResponse(0x90, Buffer.alloc(1284, 0x20)),
};

function chunks(b: Buffer): Buffer[] {
  const out: Buffer[] = [];
  for (let at = 0; at < b.length; at += 64) out.push(b.subarray(at, at + 64));
  return out;
}

function best(fn: () => void, rounds = 3): number {
  let t = Number.POSITIVE_INFINITY;
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    fn();
    t = Math.min(t, performance.now() - t0);
  }
  return t;
}

function measure(input: Buffer) {
  const parts = chunks(input);
  let work = 0;
  const ours = best(() => {
    const s = new FrameScanner();
    for (const c of parts) s.push(c);
    s.reset();
    work = s.work;
  });
  const floor = best(() => {
    let n = 0;
    for (let at = input.indexOf(PREAMBLE); at >= 0; at = input.indexOf(PREAMBLE, at + 1)) n++;
    return n;
  });
  return { ours, floor, workPerByte: work / input.length };
}

const f = (n: number, d = 1) => n.toFixed(d);
console.log('frame parser on hostile input, 64-byte chunks; best of 3 runs each');
for (const [name, pattern] of Object.entries(PATTERNS)) {
  const one = measure(repeat(pattern, MB));
  const ten = measure(repeat(pattern, 10 * MB));
  console.log(
    `${name.padEnd(28)} 1 MB ${f(one.ours)} ms (floor ${f(one.floor)} ms, ${f(one.ours / one.floor)}x) | 10 MB ${f(ten.ours)} ms (floor ${f(ten.floor)} ms, ${f(ten.ours / ten.floor)}x) | 10 MB / 1 MB: ours ${f(ten.ours / one.ours, 2)}x, floor ${f(ten.floor / one.floor, 2)}x | work a byte ${f(one.workPerByte, 2)} / ${f(ten.workPerByte, 2)}`,
  );
}

/**
 * The figures of the fuzz test (packages/devices/src/reader/fuzz.test.ts) printed: 100,000 fuzzed read answers,
 * per kind of spoiling, how many single reads decode to a card that is not the one on the reader (content checks
 * alone), and how many placed cards the reader's acceptance rule (content checks + two agreeing reads) accepts
 * wrongly. Run: npx tsx bench/card-fuzz.ts [frames] [seed]
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

const { baseFrames, FUZZ_KINDS, fuzzFrame, prng } = await import(
  '../packages/devices/src/test-support/fuzz-frames.js'
);
const { asResponse, decodeReadData, FrameScanner, ReadConfirmation } = await import('@tongban/devices');

const FRAMES = Number(process.argv[2] ?? 100_000);
const rnd = prng(Number(process.argv[3] ?? 20250314));
const bases = baseFrames();
const decodeFrame = (f: Buffer) => {
  const r = new FrameScanner().push(f).map(asResponse)[0];
  return r?.sw3 === 0x90 ? r.data : undefined;
};
const truths = bases.map((b) => {
  const d = decodeReadData(decodeFrame(b)!);
  return d.ok ? JSON.stringify(d.card) : 'refused';
});

const count: Record<string, number> = {};
const singleWrong: Record<string, number> = {};
const placements = { accepted: 0, refused: 0, unconfirmed: 0, acceptedWrong: 0 };
let frames = 0;
while (frames < FRAMES) {
  const b = Math.floor(rnd() * bases.length);
  const confirmation = new ReadConfirmation();
  let verdict: keyof typeof placements = 'unconfirmed';
  for (let read = 0; read < 5 && frames < FRAMES && verdict === 'unconfirmed'; read++) {
    const { kind, frame } = fuzzFrame(bases[b]!, rnd);
    frames++;
    count[kind] = (count[kind] ?? 0) + 1;
    const data = decodeFrame(frame);
    if (!data) continue;
    const single = decodeReadData(data);
    if (single.ok && JSON.stringify(single.card) !== truths[b])
      singleWrong[kind] = (singleWrong[kind] ?? 0) + 1;
    const v = confirmation.offer(data);
    if (v.kind !== 'confirmed') continue;
    verdict = v.result.ok ? 'accepted' : 'refused';
    if ((v.result.ok ? JSON.stringify(v.result.card) : 'refused') !== truths[b]) placements.acceptedWrong++;
  }
  placements[verdict]++;
}
console.log(`${FRAMES.toLocaleString('en')} fuzzed read answers of ${bases.length} cards`);
for (const k of FUZZ_KINDS)
  console.log(
    `  ${k.padEnd(18)} ${String(count[k] ?? 0).padStart(6)} frames, single read wrong ${singleWrong[k] ?? 0}`,
  );
const total = Object.values(singleWrong).reduce((a, b) => a + b, 0);
console.log(`single reads that decode to a wrong card (content checks alone): ${total}`);
console.log(
  `placements: accepted ${placements.accepted}, refused ${placements.refused}, read again to the limit ${placements.unconfirmed}; wrong card or wrong refusal accepted: ${placements.acceptedWrong}`,
);

import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** Functions V8 optimized while a new process rendered 154 notices (22 of each type), tuned for a batch or not. */
function optimizedFunctions(tuned: boolean): number {
  const url = (file: string) => JSON.stringify(new URL(file, import.meta.url).href);
  const script = `
    const { NoticePdfRenderer, tuneCompilerForBatch } = await import(${url('./index.ts')});
    const { sampleNotices } = await import('@tongban/core/notices/test-support');
    ${tuned ? 'tuneCompilerForBatch();' : ''}
    const renderer = new NoticePdfRenderer();
    for (let seed = 1; seed <= 22; seed++) for (const n of sampleNotices(seed)) await renderer.render(n);`;
  const out = execFileSync(
    process.execPath,
    ['--trace-opt', '--conditions=source', '--import', 'tsx', '--input-type=module', '-e', script],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  return out.split('\n').filter((line) => line.includes('completed optimizing')).length;
}

describe('compiler tuning for a batch process', () => {
  it('V8 optimizes far fewer functions once tuneCompilerForBatch has raised the interrupt budget', () => {
    const plain = optimizedFunctions(false);
    const tuned = optimizedFunctions(true);
    expect(plain).toBeGreaterThan(40);
    expect(tuned).toBeLessThan(plain * 0.7);
  }, 60_000);
});

/** A socat pseudo-terminal pair for integration tests: the driver opens `a`, the simulator opens `b`. */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PtyPair {
  a: string;
  b: string;
  dir: string;
  /** Kills socat (both ends vanish, as when a USB-serial adapter is pulled out). */
  stop(): Promise<void>;
  /** Starts socat again on the same link paths (the adapter is plugged back in). */
  restart(): Promise<void>;
}

async function waitFor(cond: () => boolean, ms: number, what: string): Promise<void> {
  const until = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export async function ptyPair(dir = mkdtempSync(join(tmpdir(), 'tongban-pty-'))): Promise<PtyPair> {
  const a = join(dir, 'a');
  const b = join(dir, 'b');
  let child: ChildProcess | undefined;
  const start = async () => {
    child = spawn('socat', [`pty,raw,echo=0,link=${a}`, `pty,raw,echo=0,link=${b}`], { stdio: 'ignore' });
    await waitFor(() => existsSync(a) && existsSync(b), 5000, 'socat links');
  };
  const stop = async () => {
    const c = child;
    child = undefined;
    if (!c || c.exitCode !== null) return;
    const done = new Promise((r) => c.once('exit', r));
    c.kill('SIGTERM');
    await done;
    await waitFor(() => !existsSync(a) && !existsSync(b), 5000, 'socat links to vanish');
  };
  await start();
  return { a, b, dir, stop, restart: start };
}

/**
 * Issue 25 "An empty catalogue stops every kiosk": the built kiosk binary, started in tmux after bad publishes,
 * starts every time. It serves the last catalogue it could use, says on the staff status line that the newer one
 * was refused and why, logs it, and no stack trace reaches its screen.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ServiceItem } from '@tongban/core/catalogue';
import { openStore } from '@tongban/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureSampleCatalogue } from './start.js';
import { TmuxSession } from './test-support/tmux.js';

const pkg = fileURLToPath(new URL('..', import.meta.url));
const cli = join(pkg, 'dist/cli.js');
let dir: string;
const sessions: TmuxSession[] = [];

beforeAll(() => {
  execFileSync('npx', ['tsc', '-p', join(pkg, 'tsconfig.build.json')], { stdio: 'inherit' });
  dir = mkdtempSync(join(tmpdir(), 'kiosk-refused-'));
  writeFileSync(
    join(dir, 'kiosk.json'),
    JSON.stringify({ hall: { name: '道里区政务服务中心', site: 'HRB1' }, terminal: { id: 'K-R' } }),
  );
}, 120_000);

afterAll(() => {
  for (const s of sessions) s.kill();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Publishes into a data directory as `tongban items publish` does (the store of the CLI and the kiosk). */
async function publish(data: string, items: ServiceItem[] | 'sample'): Promise<void> {
  const store = await openStore({ data });
  try {
    if (items === 'sample') await ensureSampleCatalogue(store);
    else await store.publish({ items, publishedBy: 'li', message: 'bad publish' });
  } finally {
    await store.close();
  }
}

/** Starts the kiosk binary on `data`, opens the menu (a key starts a session) and returns its screen. */
async function startKiosk(data: string): Promise<{ screen: string; kiosk: TmuxSession }> {
  const kiosk = new TmuxSession(
    `kiosk-refused-${process.pid}-${sessions.length}`,
    `node ${cli} --config ${join(dir, 'kiosk.json')} --data ${data}; echo EXITED $?; sleep 60`,
    { cols: 80, rows: 24 },
  );
  sessions.push(kiosk);
  await kiosk.waitFor((s) => s.includes('请放置身份证') || s.includes('EXITED'), 30_000);
  await new Promise((r) => setTimeout(r, 300)); // the key handler attaches after the frame
  kiosk.keys('Space');
  const screen = await kiosk.waitFor((s) => s.includes('请选择要办理的业务') || s.includes('EXITED'), 30_000);
  return { screen, kiosk };
}

function logLines(data: string): Array<{ code: string; message: string }> {
  const file = join(data, 'kiosk.log');
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { code: string; message: string });
}

const STACK = /\n\s+at |Error:|node:internal/;

describe('a kiosk starts whatever was published', () => {
  it('keeps the last usable catalogue when an empty one is published, and says so on the status line', async () => {
    const data = join(dir, 'a');
    await publish(data, 'sample');
    let { screen, kiosk } = await startKiosk(data);
    expect(screen).toContain('目录 v1');
    expect(screen).not.toContain('未启用');
    kiosk.kill();
    expect(readdirSync(join(data, 'kiosk-catalogue'))).toEqual(['v1.json']);

    await publish(data, []); // version 2 with 0 items
    ({ screen, kiosk } = await startKiosk(data));
    expect(screen).not.toContain('EXITED');
    expect(screen).not.toMatch(STACK);
    expect(screen).toContain('目录 v1');
    expect(screen).toContain('新目录 v2 未启用：没有事项');
    expect(logLines(data).map((l) => l.code)).toContain('catalogue.refused.empty');
    kiosk.keys('1'); // the items of v1 are served
    await kiosk.waitFor((s) => s.includes('身份验证') || s.includes('查找事项'), 30_000);
    kiosk.kill();
  }, 120_000);

  it('takes the newest usable version of the store when it kept none (a new kiosk after a bad publish)', async () => {
    const data = join(dir, 'b');
    await publish(data, 'sample');
    await publish(data, []);
    const { screen, kiosk } = await startKiosk(data);
    expect(screen).toContain('目录 v1');
    expect(screen).toContain('新目录 v2 未启用：没有事项');
    expect(screen).not.toMatch(STACK);
    kiosk.kill();
  }, 120_000);

  it('starts with nothing published, saying so, instead of exiting with a stack trace', async () => {
    const data = join(dir, 'c');
    const { screen, kiosk } = await startKiosk(data);
    expect(screen).not.toContain('EXITED');
    expect(screen).not.toMatch(STACK);
    expect(screen).toContain('尚未发布目录');
    expect(logLines(data).map((l) => l.code)).toContain('catalogue.refused.none');
    kiosk.kill();
  }, 120_000);

  it('a failure at start shows words and where the log is, never a stack trace', async () => {
    const data = join(dir, 'd');
    writeFileSync(join(dir, 'not-a-dir'), 'x');
    const kiosk = new TmuxSession(
      `kiosk-refused-${process.pid}-fail`,
      `node ${cli} --config ${join(dir, 'kiosk.json')} --data ${join(dir, 'not-a-dir', 'data')}; echo EXITED $?; sleep 60`,
      { cols: 80, rows: 24 },
    );
    sessions.push(kiosk);
    const screen = await kiosk.waitFor('EXITED', 30_000);
    expect(screen).not.toMatch(STACK);
    expect(screen).toMatch(/本机暂停服务|not-a-dir/);
    expect(data).toBeTruthy();
    kiosk.kill();
  }, 120_000);
});

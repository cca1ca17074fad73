/**
 * End to end: the built kiosk binary in tmux on simulated devices (issue 5 "Tests"): identify by card, search by
 * pinyin initials, submit, the printed receipt bytes decoded, progress query, paper out -> receipt on screen, and
 * idle out with nothing personal left on the screen.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeEscPos } from '@tongban/devices';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TmuxSession } from './test-support/tmux.js';

const pkg = fileURLToPath(new URL('..', import.meta.url));
const cli = join(pkg, 'dist/cli.js');
let dir: string;
let kiosk: TmuxSession;

beforeAll(() => {
  execFileSync('npx', ['tsc', '-p', join(pkg, 'tsconfig.build.json')], { stdio: 'inherit' });
  dir = mkdtempSync(join(tmpdir(), 'kiosk-e2e-'));
  const config = join(dir, 'kiosk.json');
  writeFileSync(
    config,
    JSON.stringify({
      hall: { name: '哈尔滨市道里区政务服务中心', site: 'HRB1' },
      terminal: { id: 'KIOSK-E2E' },
      timeouts: { idleSeconds: 10, warningSeconds: 3 },
    }),
  );
  kiosk = new TmuxSession(
    `kiosk-e2e-${process.pid}`,
    `node ${cli} --demo --config ${config} --data ${join(dir, 'data')}`,
  );
}, 120_000);

afterAll(() => {
  kiosk?.kill();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('kiosk binary in tmux on simulated devices', () => {
  it('identifies by card, finds by pinyin initials, submits, prints, shows progress, idles out clean', async () => {
    await kiosk.waitFor('请放置身份证');
    kiosk.keys('C-k'); // demo: put the first fixture card (张伟) on the simulated reader
    let screen = await kiosk.waitFor('110105********0036');
    expect(screen).toContain('张伟');
    expect(screen).not.toContain('110105198507120036');
    kiosk.keys('1');
    await kiosk.waitFor('查找事项');
    kiosk.type('sfz'); // seed: pinyin initials of 居民身份证
    screen = await kiosk.waitFor('居民身份证换领');
    kiosk.keys('Enter'); // first hit
    await kiosk.waitFor('办事指南');
    kiosk.keys('Enter');
    screen = await kiosk.waitFor('核对材料');
    // nothing ticked: the one complete list, or tolerance when only secondary materials are left
    expect(screen).toMatch(/可容缺受理|材料不齐/);
    kiosk.keys('1');
    await kiosk.waitFor('材料齐全');
    kiosk.keys('Enter');
    await kiosk.waitFor('选择结果送达方式');
    kiosk.keys('1');
    await kiosk.waitFor('按确认键提交');
    kiosk.keys('Enter');
    screen = await kiosk.waitFor('回执已打印');
    const number = /申请编号：(\S+)/.exec(screen)?.[1] ?? '';
    expect(number).toMatch(/^HRB1-\d{6}-C/);

    const printed = join(dir, 'data', 'printed');
    const paper = decodeEscPos(readFileSync(join(printed, readdirSync(printed)[0]!)));
    const text = paper.lines.join('\n');
    expect(text).toContain('申请回执');
    expect(text).toContain(number);
    expect(text).toContain('110105********0036');
    expect(text).not.toContain('110105198507120036');
    expect(paper.qr).toEqual([number]);

    // progress by application number
    kiosk.keys('Enter');
    await kiosk.waitFor('请选择要办理的业务');
    kiosk.keys('2');
    await kiosk.waitFor('输入申请编号');
    kiosk.type(number.replaceAll('-', ''));
    kiosk.keys('Enter');
    screen = await kiosk.waitFor('当前状态');
    expect(screen).toContain(number);

    // idle: warning, then the session ends and nothing personal stays on screen
    screen = await kiosk.waitFor('自动退出', 15_000);
    screen = await kiosk.waitFor('请放置身份证', 10_000);
    expect(screen).not.toContain('张伟');
    expect(screen).not.toContain('0036');
    expect(screen).not.toContain(number);
  }, 90_000);

  it('shows the receipt on screen when the printer is out of paper', async () => {
    kiosk.keys('C-p'); // demo: paper out
    kiosk.keys('C-k');
    await kiosk.waitFor('请选择要办理的业务');
    kiosk.keys('1');
    await kiosk.waitFor('查找事项');
    kiosk.type('lsjm'); // 临时居民身份证
    await kiosk.waitFor('临时居民身份证申领');
    kiosk.keys('Enter');
    await kiosk.waitFor('办事指南');
    kiosk.keys('Enter');
    await kiosk.waitFor('核对材料');
    kiosk.keys('1');
    await kiosk.waitFor('材料齐全');
    kiosk.keys('Enter');
    await kiosk.waitFor('选择结果送达方式');
    kiosk.keys('3');
    await kiosk.waitFor('按确认键提交');
    kiosk.keys('Enter');
    const screen = await kiosk.waitFor('请拍照保存');
    expect(screen).toContain('打印机缺纸');
    expect(screen).toMatch(/QR: HRB1-/);
    expect(screen).toMatch(/证件号码：\d{6}\*{8}/);
  }, 60_000);
});

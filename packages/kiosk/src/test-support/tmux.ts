/** Drives a program in a detached tmux session: send keys, read the screen (capture-pane). */
import { execFileSync } from 'node:child_process';

export class TmuxSession {
  constructor(
    readonly name: string,
    command: string,
    size = { cols: 100, rows: 30 },
  ) {
    execFileSync('tmux', [
      'new-session',
      '-d',
      '-s',
      name,
      '-x',
      String(size.cols),
      '-y',
      String(size.rows),
      // Ink renders only the last frame when it thinks it runs in CI (is-in-ci): a kiosk is never in CI.
      `env -u CI -u CONTINUOUS_INTEGRATION ${command}`,
    ]);
  }

  keys(...keys: string[]): void {
    execFileSync('tmux', ['send-keys', '-t', this.name, ...keys]);
  }

  /** Literal text (no key names). */
  type(text: string): void {
    execFileSync('tmux', ['send-keys', '-t', this.name, '-l', text]);
  }

  screen(): string {
    return execFileSync('tmux', ['capture-pane', '-p', '-t', this.name], { encoding: 'utf8' });
  }

  /**
   * Waits until the screen contains `text` (or the predicate holds); returns the screen. The deadline only turns a
   * screen that never comes into a message with the last screen, long after a loaded machine would have drawn it.
   */
  async waitFor(text: string | ((screen: string) => boolean), timeoutMs = 20_000): Promise<string> {
    const ok = typeof text === 'string' ? (s: string) => s.includes(text) : text;
    const end = Date.now() + timeoutMs;
    let last = '';
    while (Date.now() < end) {
      last = this.screen();
      if (ok(last)) return last;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`timed out waiting for ${String(text)}; screen was:\n${last}`);
  }

  kill(): void {
    try {
      execFileSync('tmux', ['kill-session', '-t', this.name]);
    } catch {
      // already gone
    }
  }
}

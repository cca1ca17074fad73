/**
 * A progress bar on stderr for long work (an import of thousands of rows), drawn only when stderr is a terminal:
 * pipes, CI logs and `--json` consumers never see it.
 */
export interface Progress {
  tick(done: number): void;
  stop(): void;
}

const silent: Progress = { tick() {}, stop() {} };

export function startProgress(label: string, total: number, options: { enabled?: boolean } = {}): Progress {
  const stream = process.stderr;
  if (!(options.enabled ?? true) || !stream.isTTY || total < 500) return silent;
  const width = 30;
  let last = -1;
  const draw = (done: number) => {
    const pct = Math.min(100, Math.floor((done / total) * 100));
    if (pct === last) return;
    last = pct;
    const filled = Math.round((pct / 100) * width);
    stream.write(
      `\r${label} [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${pct}% (${done}/${total})`,
    );
  };
  draw(0);
  return {
    tick: draw,
    stop() {
      draw(total);
      stream.write('\n');
    },
  };
}

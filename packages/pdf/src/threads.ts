import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * A worker thread running a module of this folder: from dist the built `name.js`; from the sources (tsx, tests)
 * `name.ts`, with tsx registered in the thread (tsx's hooks are not inherited by worker threads).
 */
export function moduleWorker(name: string, workerData: unknown): Worker {
  const options: WorkerOptions = { workerData };
  // a thread inherits the process's options, but not one only an entry script takes (node --input-type=module -e)
  if (process.execArgv.some((a) => a.startsWith('--input-type'))) {
    options.execArgv = process.execArgv.filter(
      (a, i, all) => !a.startsWith('--input-type') && all[i - 1] !== '--input-type',
    );
  }
  const start = (o: WorkerOptions) => {
    if (import.meta.url.endsWith('.ts')) {
      const api = import.meta.resolve('tsx/esm/api');
      const worker = new URL(`./${name}.ts`, import.meta.url).href;
      const boot = `import(${JSON.stringify(api)}).then((t) => { t.register(); return import(${JSON.stringify(worker)}); })`;
      return new Worker(boot, { ...o, eval: true });
    }
    return new Worker(new URL(`./${name}.js`, import.meta.url), o);
  };
  try {
    return start(options);
  } catch (error) {
    // options given explicitly may include V8 flags a thread refuses (ERR_WORKER_INVALID_EXEC_ARGV): none then
    if ((error as NodeJS.ErrnoException).code !== 'ERR_WORKER_INVALID_EXEC_ARGV') throw error;
    return start({ ...options, execArgv: [] });
  }
}

import { Worker } from 'node:worker_threads';

/**
 * A worker thread running a module of this folder: from dist the built `name.js`; from the sources (tsx, tests)
 * `name.ts`, with tsx registered in the thread (tsx's hooks are not inherited by worker threads).
 */
export function moduleWorker(name: string, workerData: unknown): Worker {
  if (import.meta.url.endsWith('.ts')) {
    const api = import.meta.resolve('tsx/esm/api');
    const worker = new URL(`./${name}.ts`, import.meta.url).href;
    const boot = `import(${JSON.stringify(api)}).then((t) => { t.register(); return import(${JSON.stringify(worker)}); })`;
    return new Worker(boot, { eval: true, workerData });
  }
  return new Worker(new URL(`./${name}.js`, import.meta.url), { workerData });
}

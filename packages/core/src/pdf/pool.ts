import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Notice } from '../notices/index.js';
import { pdfFileIdSync, writeIfChangedSync } from './files.js';
import { type NoticePdfOptions, NoticePdfRenderer } from './render.js';

/** One notice to write to one file. */
export interface NoticeFileJob {
  notice: Notice;
  path: string;
}

export interface NoticeFileResult {
  path: string;
  applicationNo: string;
  type: Notice['type'];
  status: 'written' | 'unchanged' | 'failed';
  bytes?: number;
  sha256?: string;
  error?: string;
}

export interface WriteNoticeFilesOptions {
  /** Worker threads; default every core (os.availableParallelism). 1 renders in this thread. */
  threads?: number;
  /** Called after each file, with the count done so far. */
  onProgress?: (done: number, total: number) => void;
  render?: Omit<NoticePdfOptions, 'fontPaths'> & { fontPaths?: NoticePdfOptions['fontPaths'] };
}

/** Message from the main thread to a worker. */
export interface WorkerRequest {
  jobs: { index: number; job: NoticeFileJob }[];
}
/** Message from a worker: one result per job, or a fatal error. */
export type WorkerReply = { index: number; result: NoticeFileResult } | { fatal: string };

/**
 * Renders and writes one job; the error of a notice becomes its result (a batch goes on). The file calls are
 * synchronous: in a worker nothing else waits, and they cost a third of the CPU of their promise forms.
 */
export async function runJob(renderer: NoticePdfRenderer, job: NoticeFileJob): Promise<NoticeFileResult> {
  const { notice, path } = job;
  try {
    // the trailer ID is a hash of the notice and the renderer's options: equal IDs, equal bytes; no need to render
    const id = renderer.documentId([notice]);
    const existing = pdfFileIdSync(path);
    if (existing.id === id.toString('hex')) {
      return { path, applicationNo: notice.applicationNo, type: notice.type, status: 'unchanged' };
    }
    const pdf = await renderer.render(notice, id);
    const status = writeIfChangedSync(path, pdf, existing.exists);
    return { path, applicationNo: notice.applicationNo, type: notice.type, status, bytes: pdf.length };
  } catch (error) {
    return {
      path,
      applicationNo: notice.applicationNo,
      type: notice.type,
      status: 'failed',
      error: (error as Error).message,
    };
  }
}

/** From dist the worker is worker.js beside this file; from the sources (tsx) it is worker.ts, loaded with tsx. */
function newWorker(workerData: unknown): Worker {
  if (import.meta.url.endsWith('.ts')) {
    // tsx's hooks are not inherited by worker threads: register them in the worker, then load the worker module
    const api = import.meta.resolve('tsx/esm/api');
    const worker = new URL('./worker.ts', import.meta.url).href;
    const boot = `import(${JSON.stringify(api)}).then((t) => { t.register(); return import(${JSON.stringify(worker)}); })`;
    return new Worker(boot, { eval: true, workerData });
  }
  return new Worker(new URL('./worker.js', import.meta.url), { workerData });
}

/**
 * Worker threads that render notices to files, started once and fed batch after batch (a service that renders all
 * day keeps one; writeNoticeFiles starts one per call). Each thread loads pdfkit and parses the font once, when it
 * starts; `ready` resolves when every thread has done so.
 */
export class NoticePdfPool {
  readonly threads: number;
  readonly ready: Promise<void>;
  private readonly workers: Worker[];
  private fatal: Error | undefined;
  private busy = false;

  constructor(options: { threads?: number; render?: WriteNoticeFilesOptions['render'] } = {}) {
    this.threads = Math.max(1, options.threads ?? availableParallelism());
    this.workers = Array.from({ length: this.threads }, () => newWorker({ render: options.render ?? {} }));
    this.ready = Promise.all(
      this.workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            worker.on('message', (reply: WorkerReply | { ready: true }) => {
              if ('ready' in reply) resolve();
              else if ('fatal' in reply) {
                this.fatal = new Error(`notice PDF worker failed: ${reply.fatal}`);
                reject(this.fatal);
              }
            });
            worker.on('error', (error) => {
              this.fatal ??= error;
              reject(error);
            });
          }),
      ),
    ).then(() => undefined);
    this.ready.catch(() => undefined); // reported by write()
  }

  /** Renders and writes the jobs over the threads; results in the order of the jobs. One batch at a time. */
  async write(
    jobs: readonly NoticeFileJob[],
    onProgress?: (done: number, total: number) => void,
  ): Promise<NoticeFileResult[]> {
    if (this.busy) throw new Error('NoticePdfPool.write: a batch is running; await it first');
    await this.ready;
    if (this.fatal) throw this.fatal;
    this.busy = true;
    try {
      return await this.dispatch(jobs, onProgress);
    } finally {
      this.busy = false;
    }
  }

  private dispatch(
    jobs: readonly NoticeFileJob[],
    onProgress?: (done: number, total: number) => void,
  ): Promise<NoticeFileResult[]> {
    const total = jobs.length;
    const results: NoticeFileResult[] = new Array(total);
    if (total === 0) return Promise.resolve(results);
    // small chunks handed out on demand keep every core busy to the end
    const chunk = Math.max(1, Math.min(16, Math.floor(total / (this.threads * 8))));
    let next = 0;
    let done = 0;
    const take = (): WorkerRequest | undefined => {
      if (next >= total) return undefined;
      const req: WorkerRequest = { jobs: [] };
      for (let i = next; i < Math.min(total, next + chunk); i++)
        req.jobs.push({ index: i, job: jobs[i] as NoticeFileJob });
      next += req.jobs.length;
      return req;
    };
    return new Promise((resolve, reject) => {
      const cleanups: (() => void)[] = [];
      let settled = false;
      let active = this.workers.length;
      const settle = (error?: Error) => {
        if (settled) return;
        settled = true;
        for (const c of cleanups) c();
        if (error) reject(error);
        else resolve(results);
      };
      const feeders = this.workers.map((worker) => {
        let pending = 0;
        const feed = () => {
          const req = take();
          if (!req) {
            if (--active === 0) settle();
            return;
          }
          pending = req.jobs.length;
          worker.postMessage(req);
        };
        const onMessage = (reply: WorkerReply | { ready: true }) => {
          if ('ready' in reply) return;
          if ('fatal' in reply) {
            settle(new Error(`notice PDF worker failed: ${reply.fatal}`));
            return;
          }
          results[reply.index] = reply.result;
          onProgress?.(++done, total);
          if (--pending === 0) feed();
        };
        const onError = (error: Error) => settle(error);
        worker.on('message', onMessage);
        worker.on('error', onError);
        cleanups.push(() => {
          worker.off('message', onMessage);
          worker.off('error', onError);
        });
        return feed;
      });
      for (const feed of feeders) feed();
    });
  }

  /** Stops the threads. */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/**
 * Renders notices to files over worker threads (each thread parses the font once), writing only files whose
 * content changed. Results come back in the order of the jobs.
 */
export async function writeNoticeFiles(
  jobs: readonly NoticeFileJob[],
  options: WriteNoticeFilesOptions = {},
): Promise<NoticeFileResult[]> {
  const total = jobs.length;
  // by default no more threads than batches of 8 notices (a worker loads pdfkit and the font: ~0.1 s); else as asked
  const threads = Math.max(
    1,
    Math.min(total, options.threads ?? Math.min(availableParallelism(), Math.ceil(total / 8))),
  );
  if (threads === 1) {
    const results: NoticeFileResult[] = new Array(total);
    const renderer = new NoticePdfRenderer(options.render);
    for (let i = 0; i < total; i++) {
      results[i] = await runJob(renderer, jobs[i] as NoticeFileJob);
      options.onProgress?.(i + 1, total);
    }
    return results;
  }
  const pool = new NoticePdfPool({ threads, render: options.render });
  try {
    return await pool.write(jobs, options.onProgress);
  } finally {
    await pool.close();
  }
}

import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Notice } from '../notices/index.js';
import { pdfFileId, writeIfChanged } from './files.js';
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

/** Renders and writes one job; the error of a notice becomes its result (a batch goes on). */
export async function runJob(renderer: NoticePdfRenderer, job: NoticeFileJob): Promise<NoticeFileResult> {
  const { notice, path } = job;
  try {
    // the trailer ID is a hash of the notice and the renderer's options: equal IDs, equal bytes; no need to render
    if ((await pdfFileId(path)) === renderer.documentId([notice]).toString('hex')) {
      return { path, applicationNo: notice.applicationNo, type: notice.type, status: 'unchanged' };
    }
    const pdf = await renderer.render(notice);
    const status = await writeIfChanged(path, pdf);
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
 * Renders notices to files over worker threads (each thread parses the font once), writing only files whose
 * content changed. Results come back in the order of the jobs.
 */
export async function writeNoticeFiles(
  jobs: readonly NoticeFileJob[],
  options: WriteNoticeFilesOptions = {},
): Promise<NoticeFileResult[]> {
  const total = jobs.length;
  // by default no more threads than batches of 8 notices (a worker parses the font: ~0.1 s); as many as asked else
  const threads = Math.max(
    1,
    Math.min(total, options.threads ?? Math.min(availableParallelism(), Math.ceil(total / 8))),
  );
  const results: NoticeFileResult[] = new Array(total);
  let done = 0;
  const progress = () => options.onProgress?.(++done, total);
  if (threads === 1) {
    const renderer = new NoticePdfRenderer(options.render);
    for (let i = 0; i < total; i++) {
      results[i] = await runJob(renderer, jobs[i] as NoticeFileJob);
      progress();
    }
    return results;
  }
  // small chunks handed out on demand keep both cores busy to the end
  const chunk = Math.max(1, Math.min(16, Math.floor(total / (threads * 8))));
  let next = 0;
  const take = (): WorkerRequest | undefined => {
    if (next >= total) return undefined;
    const req: WorkerRequest = { jobs: [] };
    for (let i = next; i < Math.min(total, next + chunk); i++)
      req.jobs.push({ index: i, job: jobs[i] as NoticeFileJob });
    next += req.jobs.length;
    return req;
  };
  await Promise.all(
    Array.from({ length: threads }, () => {
      return new Promise<void>((resolve, reject) => {
        const worker = newWorker({ render: options.render ?? {} });
        let pending = 0;
        const feed = () => {
          const req = take();
          if (!req) {
            void worker.terminate().then(() => resolve());
            return;
          }
          pending = req.jobs.length;
          worker.postMessage(req);
        };
        worker.on('message', (reply: WorkerReply) => {
          if ('fatal' in reply) {
            void worker.terminate();
            reject(new Error(`notice PDF worker failed: ${reply.fatal}`));
            return;
          }
          results[reply.index] = reply.result;
          progress();
          if (--pending === 0) feed();
        });
        worker.on('error', reject);
        feed();
      });
    }),
  );
  return results;
}

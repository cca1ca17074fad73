import { readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { Notice } from '@tongban/core/notices';
import { DeflateThread } from './deflater.js';
import { pdfFileIdSync } from './files.js';
import { type NoticePdfOptions, NoticePdfRenderer } from './render.js';
import { moduleWorker } from './threads.js';
import { type FileWriter, FileWriterThread, inThreadWriter } from './writer.js';

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
  /**
   * Cores to use; default every core (os.availableParallelism). 1: this thread alone; 2: this thread and a thread
   * that deflates; more: rendering worker threads as well (for batches of a few hundred notices or more).
   */
  threads?: number;
  /** Called after each file, with the count done so far. */
  onProgress?: (done: number, total: number) => void;
  render?: Omit<NoticePdfOptions, 'fontPaths'> & { fontPaths?: NoticePdfOptions['fontPaths'] };
}

/** Message from the main thread to a worker: jobs to render and write. */
export interface WorkerRequest {
  jobs: { index: number; job: NoticeFileJob }[];
}
/** What a worker is sent: jobs, or the last message (finish the jobs sent before it, then exit). */
export type WorkerMessage = WorkerRequest | { close: true };
/** Message from a worker: one result per job, or a fatal error. */
export type WorkerReply = { index: number; result: NoticeFileResult } | { fatal: string };

/**
 * Renders and writes one job; the error of a notice becomes its result (a batch goes on). The file calls are
 * synchronous: in a worker nothing else waits, and they cost a third of the CPU of their promise forms.
 */
export async function runJob(
  renderer: NoticePdfRenderer,
  job: NoticeFileJob,
  writer: FileWriter = inThreadWriter,
  present?: ReadonlySet<string>,
): Promise<NoticeFileResult> {
  const rendered = await renderJob(renderer, job, present);
  return 'pdf' in rendered ? writeJob(job, rendered, writer) : rendered;
}

/** The PDF of a job to write, or its result already (file unchanged, or rendering failed). */
async function renderJob(
  renderer: NoticePdfRenderer,
  job: NoticeFileJob,
  present?: ReadonlySet<string>,
): Promise<{ pdf: Buffer; exists: boolean } | NoticeFileResult> {
  const { notice, path } = job;
  try {
    // the trailer ID is a hash of the notice and the renderer's options: equal IDs, equal bytes; no need to render
    const id = renderer.documentId([notice]);
    const existing = present && !present.has(resolve(path)) ? { exists: false } : pdfFileIdSync(path);
    if (existing.id === id.toString('hex')) {
      return { path, applicationNo: notice.applicationNo, type: notice.type, status: 'unchanged' };
    }
    return { pdf: await renderer.render(notice, id), exists: existing.exists };
  } catch (error) {
    return failed(job, error);
  }
}

async function writeJob(
  job: NoticeFileJob,
  { pdf, exists }: { pdf: Buffer; exists: boolean },
  writer: FileWriter,
): Promise<NoticeFileResult> {
  const { notice, path } = job;
  try {
    const status = await writer.write({ path, data: pdf, exists });
    return { path, applicationNo: notice.applicationNo, type: notice.type, status, bytes: pdf.length };
  } catch (error) {
    return failed(job, error);
  }
}

function failed({ notice, path }: NoticeFileJob, error: unknown): NoticeFileResult {
  return {
    path,
    applicationNo: notice.applicationNo,
    type: notice.type,
    status: 'failed',
    error: (error as Error).message,
  };
}

/** The jobs of a batch, handed out on demand to whoever renders (this thread, worker threads); results in order. */
export class NoticeBatch {
  readonly results: NoticeFileResult[];
  private next = 0;
  private done = 0;

  constructor(
    readonly jobs: readonly NoticeFileJob[],
    private readonly onProgress?: (done: number, total: number) => void,
  ) {
    this.results = new Array(jobs.length);
  }

  /** Up to n jobs not handed out yet, with their index. */
  take(n: number): { index: number; job: NoticeFileJob }[] {
    const out: { index: number; job: NoticeFileJob }[] = [];
    for (; out.length < n && this.next < this.jobs.length; this.next++) {
      out.push({ index: this.next, job: this.jobs[this.next] as NoticeFileJob });
    }
    return out;
  }

  finish(index: number, result: NoticeFileResult): void {
    this.results[index] = result;
    this.onProgress?.(++this.done, this.jobs.length);
  }
}

/** Files handed to the writer and not yet written, at most (each holds its PDF in memory). */
const MAX_WRITES = 64;

/**
 * Renders jobs of a batch in this thread, a few at a time: while the deflater (a DeflateThread) deflates one
 * notice's streams, this thread lays out the next; a rendered notice goes to the writer and its place to the next
 * job (the result counts when the file is written).
 */
export async function renderHere(
  renderer: NoticePdfRenderer,
  batch: NoticeBatch,
  writer: FileWriter = inThreadWriter,
  inFlight = 8,
): Promise<void> {
  const present = filesPresent(batch.jobs);
  const writes = new Set<Promise<void>>();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      for (let [t] = batch.take(1); t; [t] = batch.take(1)) {
        const { index, job } = t;
        const rendered = await renderJob(renderer, job, present);
        if (!('pdf' in rendered)) {
          batch.finish(index, rendered);
          continue;
        }
        const write: Promise<void> = writeJob(job, rendered, writer).then((result) => {
          batch.finish(index, result);
          writes.delete(write);
        });
        writes.add(write);
        if (writes.size >= MAX_WRITES) await Promise.race(writes);
      }
    }),
  );
  await Promise.all(writes);
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
  private readonly exited: Promise<unknown>[];
  private fatal: Error | undefined;
  private busy = false;

  constructor(options: { threads?: number; render?: WriteNoticeFilesOptions['render'] } = {}) {
    this.threads = Math.max(1, options.threads ?? availableParallelism());
    this.workers = Array.from({ length: this.threads }, () =>
      moduleWorker('worker', { render: options.render ?? {} }),
    );
    this.exited = this.workers.map((worker) => new Promise((resolve) => worker.once('exit', resolve)));
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
    const batch = new NoticeBatch(jobs, onProgress);
    await this.run(batch);
    return batch.results;
  }

  /** Takes jobs of the batch (shared with other renderers, e.g. this thread) until none is left. */
  async run(batch: NoticeBatch): Promise<void> {
    if (this.busy) throw new Error('NoticePdfPool: a batch is running; await it first');
    this.busy = true;
    try {
      await this.ready;
      if (this.fatal) throw this.fatal;
      await this.dispatch(batch);
    } finally {
      this.busy = false;
    }
  }

  private dispatch(batch: NoticeBatch): Promise<void> {
    // small chunks handed out on demand keep every core busy to the end
    const chunk = Math.max(1, Math.min(16, Math.floor(batch.jobs.length / (this.threads * 8))));
    return new Promise((resolve, reject) => {
      const cleanups: (() => void)[] = [];
      let settled = false;
      let active = this.workers.length;
      const settle = (error?: Error) => {
        if (settled) return;
        settled = true;
        for (const c of cleanups) c();
        if (error) reject(error);
        else resolve();
      };
      const feeders = this.workers.map((worker) => {
        let pending = 0;
        const feed = () => {
          const jobs = batch.take(chunk);
          if (jobs.length === 0) {
            if (--active === 0) settle();
            return;
          }
          pending = jobs.length;
          worker.postMessage({ jobs } satisfies WorkerRequest);
        };
        const onMessage = (reply: WorkerReply | { ready: true }) => {
          if ('ready' in reply) return;
          if ('fatal' in reply) {
            settle(new Error(`notice PDF worker failed: ${reply.fatal}`));
            return;
          }
          batch.finish(reply.index, reply.result);
          if (--pending === 0) feed();
        };
        const onError = (error: Error) => settle(error);
        const onExit = (code: number) =>
          settle(new Error(`notice PDF worker stopped (exit code ${code}) before the batch was done`));
        worker.on('message', onMessage);
        worker.on('error', onError);
        worker.on('exit', onExit);
        cleanups.push(() => {
          worker.off('message', onMessage);
          worker.off('error', onError);
          worker.off('exit', onExit);
        });
        return feed;
      });
      for (const feed of feeders) feed();
    });
  }

  /**
   * Stops the threads: each finishes the jobs it was sent and exits by itself (a thread is never terminated: one
   * stopped inside node:zlib can abort the process, see RequestThread); resolves when every thread has exited.
   */
  async close(): Promise<void> {
    for (const worker of this.workers) worker.postMessage({ close: true } satisfies WorkerMessage);
    await Promise.all(this.exited);
  }
}

/**
 * The files already in the jobs' directories (absolute paths), each directory read once: looking for an absent
 * file costs a system call and an exception per job (0.2 ms each on this machine's /tmp), and a new day's batch
 * writes into an empty directory.
 */
function filesPresent(jobs: readonly NoticeFileJob[]): Set<string> {
  const present = new Set<string>();
  for (const dir of new Set(jobs.map((j) => dirname(resolve(j.path))))) {
    let names: string[] = [];
    try {
      names = readdirSync(dir);
    } catch {
      continue; // no directory yet: no file in it
    }
    for (const name of names) present.add(join(dir, name));
  }
  return present;
}

/** A rendering worker costs about half a second of a core to start (pdfkit, the font, the compiler's warm-up). */
const JOBS_PER_WORKER = 400;

/**
 * Renders notices to files, writing only files whose content changed; results come back in the order of the jobs.
 * `threads` cores (default every core): this thread renders; with a second core a DeflateThread beside it builds
 * the font programs and deflates the streams, and a FileWriterThread writes the files (disk waits hold up no
 * renderer); each core past the second runs a rendering worker thread (NoticePdfPool) when the batch is large
 * enough to repay its start. On two cores this does a batch faster than two rendering workers, each of which loads
 * pdfkit, parses the font and warms up its compiler (bench/pdf-notices.ts).
 */
export async function writeNoticeFiles(
  jobs: readonly NoticeFileJob[],
  options: WriteNoticeFilesOptions = {},
): Promise<NoticeFileResult[]> {
  const cores = Math.max(1, options.threads ?? availableParallelism());
  const batch = new NoticeBatch(jobs, options.onProgress);
  if (jobs.length === 0) return batch.results;
  const renderer = new NoticePdfRenderer(options.render);
  const helpers = cores >= 2 && jobs.length > 1;
  const deflater = helpers ? new DeflateThread() : undefined;
  const writer = helpers ? new FileWriterThread() : undefined;
  if (deflater) renderer.deflater = deflater;
  const workers = Math.min(cores - 2, Math.floor(jobs.length / JOBS_PER_WORKER));
  const pool = workers > 0 ? new NoticePdfPool({ threads: workers, render: options.render }) : undefined;
  try {
    await Promise.all([renderHere(renderer, batch, writer), pool?.run(batch)]);
    return batch.results;
  } finally {
    await Promise.all([deflater?.close(), writer?.close(), pool?.close()]);
  }
}

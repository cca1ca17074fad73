import type { Worker } from 'node:worker_threads';
import { buffersOf, type DeflatedStreams, deflateStreams, movable, type StreamsRequest } from './streams.js';
import { moduleWorker } from './threads.js';

/** Deflates the streams of a document: here (sync) or on another thread. */
export interface Deflater {
  deflate(streams: StreamsRequest): Promise<DeflatedStreams>;
}

/** A document's streams were on a deflate thread that stopped: render it again (the deflater works here now). */
export class DeflateThreadStopped extends Error {
  constructor(readonly why: Error) {
    super(`the deflate thread stopped: ${why.message}`);
  }
}

/** Deflating in the rendering thread. */
export const inThreadDeflater: Deflater = { deflate: (streams) => Promise.resolve(deflateStreams(streams)) };

type Reply = { id: number; streams: DeflatedStreams } | { id: number; error: string } | { ready: true };

/**
 * A thread that only deflates (node:zlib; it starts in a few milliseconds and has no code of ours to compile), so
 * that the thread that renders spends its time on layout and PDF syntax: one message per document there and back.
 * On two cores, the renderer in the main thread and this thread beside it do a batch faster than two rendering
 * threads, each of which would load pdfkit, parse the font and warm up its compiler (bench/pdf-notices.ts).
 */
export class DeflateThread implements Deflater {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve(r: DeflatedStreams): void; reject(e: Error): void }>();
  private next = 0;
  /** Why the thread stopped: then this thread deflates (a batch goes on), unless close() stopped it. */
  private failed: Error | undefined;
  private closed = false;

  constructor() {
    this.worker = moduleWorker('deflater-worker', {});
    this.worker.on('message', (reply: Reply) => {
      if ('ready' in reply) return;
      const p = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (this.pending.size === 0) this.worker.unref();
      if ('error' in reply) p?.reject(new Error(`deflate thread: ${reply.error}`));
      else p?.resolve(reply.streams);
    });
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) => this.fail(new Error(`deflate thread exited with code ${code}`)));
    this.worker.unref(); // an idle deflater keeps no process alive
  }

  deflate(streams: StreamsRequest): Promise<DeflatedStreams> {
    if (this.closed) return Promise.reject(new Error('deflate thread closed'));
    if (this.failed) return Promise.resolve(deflateStreams(streams));
    const id = this.next++;
    // moved, not copied (a view of a larger buffer, as Node's pool of small Buffers, is copied out first)
    const moved = movable(streams);
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.ref();
      this.worker.postMessage({ id, streams: moved }, buffersOf(moved));
    });
  }

  /**
   * The thread could not start or stopped: what it was given is lost with it (its buffers were moved there), so
   * those documents get DeflateThreadStopped and are rendered again; what comes next is deflated in this thread.
   */
  private fail(error: Error): void {
    if (this.closed) return;
    this.failed ??= error;
    for (const p of this.pending.values()) p.reject(new DeflateThreadStopped(this.failed));
    this.pending.clear();
  }

  /** Why the thread stopped, if it did (the deflating went on in the caller's thread). */
  get failure(): Error | undefined {
    return this.failed;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.pending.values()) p.reject(new Error('deflate thread closed'));
    this.pending.clear();
    await this.worker.terminate();
  }
}

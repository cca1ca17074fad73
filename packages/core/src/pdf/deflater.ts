import type { Worker } from 'node:worker_threads';
import { type Deflated, type DeflateItem, deflateItems, standalone } from './deflate-items.js';
import { moduleWorker } from './threads.js';

/** Deflates the streams of a document: here (sync) or on another thread. */
export interface Deflater {
  deflate(items: readonly DeflateItem[]): Promise<Deflated[]>;
}

/** Deflating in the rendering thread. */
export const inThreadDeflater: Deflater = { deflate: (items) => Promise.resolve(deflateItems(items)) };

type Reply = { id: number; results: Deflated[] } | { id: number; error: string } | { ready: true };

/**
 * A thread that only deflates (node:zlib; it starts in a few milliseconds and has no code of ours to compile), so
 * that the thread that renders spends its time on layout and PDF syntax: one message per document there and back.
 * On two cores, the renderer in the main thread and this thread beside it do a batch faster than two rendering
 * threads, each of which would load pdfkit, parse the font and warm up its compiler (bench/pdf-notices.ts).
 */
export class DeflateThread implements Deflater {
  private readonly worker: Worker;
  private readonly pending = new Map<
    number,
    { items: readonly DeflateItem[]; resolve(r: Deflated[]): void; reject(e: Error): void }
  >();
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
      else p?.resolve(reply.results);
    });
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) => this.fail(new Error(`deflate thread exited with code ${code}`)));
    this.worker.unref(); // an idle deflater keeps no process alive
  }

  deflate(items: readonly DeflateItem[]): Promise<Deflated[]> {
    if (this.closed) return Promise.reject(new Error('deflate thread closed'));
    if (this.failed) return Promise.resolve(deflateItems(items));
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { items, resolve, reject });
      this.worker.ref();
      // moved, not copied: a view of a larger buffer (Node's pool for small Buffers) is copied out first, since
      // a structured clone would copy its whole buffer
      const moved = items.map(({ bytes, mode }) => ({ bytes: standalone(bytes), mode }));
      this.worker.postMessage(
        { id, items: moved },
        moved.map((i) => i.bytes.buffer as ArrayBuffer),
      );
    });
  }

  /** The thread could not start or stopped: what it was given is deflated here, and so is what comes next. */
  private fail(error: Error): void {
    if (this.closed) return;
    this.failed ??= error;
    for (const p of this.pending.values()) {
      try {
        p.resolve(deflateItems(p.items));
      } catch (e) {
        p.reject(e as Error);
      }
    }
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

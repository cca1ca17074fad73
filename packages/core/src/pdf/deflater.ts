import { RequestThread, ThreadStopped } from './request-thread.js';
import { buffersOf, type DeflatedStreams, deflateStreams, movable, type StreamsRequest } from './streams.js';

/** Builds and deflates the streams of a document: here (sync) or on another thread. */
export interface Deflater {
  deflate(streams: StreamsRequest): Promise<DeflatedStreams>;
}

/** Deflating in the rendering thread. */
export const inThreadDeflater: Deflater = { deflate: (streams) => Promise.resolve(deflateStreams(streams)) };

/** A document's streams were on a deflate thread that stopped: render it again (it deflates here from then on). */
export const DeflateThreadStopped = ThreadStopped;

/**
 * A thread that builds the font programs and CMaps and deflates every stream (node:zlib and our small subsetter:
 * it starts in a few milliseconds and has little code to compile), so that the thread that renders spends its
 * time on layout and PDF syntax: one message per document there and back, its buffers moved, not copied. On two
 * cores, the renderer in the main thread and this thread beside it do a batch faster than two rendering threads,
 * each of which would load pdfkit, parse the font and warm up its compiler (bench/pdf-notices.ts).
 */
export class DeflateThread implements Deflater {
  private readonly thread = new RequestThread<StreamsRequest, DeflatedStreams>({
    name: 'deflate',
    module: 'deflater-worker',
    send: (streams) => {
      // a view of a larger buffer (Node's pool of small Buffers) is copied out first: the rest is moved
      const message = movable(streams);
      return { message, transfer: buffersOf(message) };
    },
    here: deflateStreams,
  });

  deflate(streams: StreamsRequest): Promise<DeflatedStreams> {
    return this.thread.request(streams);
  }

  /** Why the thread stopped, if it did (the deflating went on in the caller's thread). */
  get failure(): Error | undefined {
    return this.thread.failure;
  }

  close(): Promise<void> {
    return this.thread.close();
  }
}

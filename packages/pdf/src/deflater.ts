import { RequestThread, type RequestThreadOptions } from './request-thread.js';
import { buffersOf, type DeflatedStreams, deflateStreams, movable, type StreamsRequest } from './streams.js';

/** Builds and deflates the streams of a document: here (sync) or on another thread. */
export interface Deflater {
  deflate(streams: StreamsRequest): Promise<DeflatedStreams>;
}

/** Deflating in the rendering thread. */
export const inThreadDeflater: Deflater = { deflate: (streams) => Promise.resolve(deflateStreams(streams)) };

/** How a DeflateThread hands its requests over (the tests run these with a thread that dies). */
export const DEFLATE_THREAD: RequestThreadOptions<StreamsRequest, DeflatedStreams> = {
  name: 'deflate',
  module: 'deflater-worker',
  send: (streams) => {
    // a view of a larger buffer (Node's pool of small Buffers) is copied out first: the rest is moved
    const message = movable(streams);
    return { message, transfer: buffersOf(message) };
  },
  here: deflateStreams,
};

/**
 * A thread that builds the font programs and CMaps and deflates every stream (node:zlib and our small subsetter:
 * it starts in a few milliseconds and has little code to compile), so that the thread that renders spends its
 * time on layout and PDF syntax: one message per document there and back, its buffers moved, not copied. If it
 * stops, a document that was on it fails with ThreadStopped (its buffers were moved) and the renderer renders it
 * again; later ones are deflated in the caller's thread.
 */
export class DeflateThread extends RequestThread<StreamsRequest, DeflatedStreams> implements Deflater {
  constructor() {
    super(DEFLATE_THREAD);
  }

  deflate(streams: StreamsRequest): Promise<DeflatedStreams> {
    return this.request(streams);
  }
}

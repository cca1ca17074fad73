/** Thread of a DeflateThread: builds and deflates the streams of each request it is sent (streams.ts). */
import { serveRequests } from './request-thread.js';
import { buffersOf, deflateStreams, movable, type StreamsRequest } from './streams.js';

serveRequests((req: StreamsRequest) => {
  const result = movable(deflateStreams(req));
  return { result, transfer: buffersOf(result) };
});

/** Thread of a DeflateThread: builds and deflates the streams of each request it is sent (streams.ts). */
import { parentPort } from 'node:worker_threads';
import { buffersOf, deflateStreams, movable, type StreamsRequest } from './streams.js';

const port = parentPort;
port?.on('message', (req: { id: number; streams: StreamsRequest }) => {
  try {
    const streams = movable(deflateStreams(req.streams));
    port.postMessage({ id: req.id, streams }, buffersOf(streams));
  } catch (error) {
    port.postMessage({ id: req.id, error: (error as Error).message });
  }
});
port?.postMessage({ ready: true });

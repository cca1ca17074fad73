/**
 * Worker thread of NoticePdfPool: parses the font once, says it is ready, then renders and writes the jobs it is
 * sent, one message after the other; on `close` (after the jobs sent before it) it closes its port and so exits by
 * itself, never stopped in the middle of a job (see RequestThread).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runJob, type WorkerMessage, type WorkerReply } from './pool.js';
import { type NoticePdfOptions, NoticePdfRenderer } from './render.js';

const port = parentPort;
if (port) {
  let renderer: NoticePdfRenderer | undefined;
  try {
    renderer = new NoticePdfRenderer((workerData as { render: NoticePdfOptions }).render);
    void renderer.fonts; // read and parse the font now, while the pool starts
    port.postMessage({ ready: true });
  } catch (error) {
    port.postMessage({ fatal: (error as Error).message } satisfies WorkerReply);
  }
  let closed = false;
  const serve = async (message: WorkerMessage) => {
    if (closed) return; // a message that came after the close: nobody waits for its answer
    if ('close' in message) {
      closed = true;
      port.close();
      return;
    }
    if (!renderer) return;
    for (const { index, job } of message.jobs) {
      port.postMessage({ index, result: await runJob(renderer, job) } satisfies WorkerReply);
    }
  };
  let work = Promise.resolve();
  port.on('message', (message: WorkerMessage) => {
    work = work
      .then(() => serve(message))
      .catch((error: Error) => port.postMessage({ fatal: error.message } satisfies WorkerReply));
  });
}

/** Worker thread of NoticePdfPool: parses the font once, says it is ready, then renders and writes the jobs it is sent. */
import { parentPort, workerData } from 'node:worker_threads';
import { runJob, type WorkerReply, type WorkerRequest } from './pool.js';
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
  port.on('message', async (req: WorkerRequest) => {
    if (!renderer) return;
    for (const { index, job } of req.jobs) {
      port.postMessage({ index, result: await runJob(renderer, job) } satisfies WorkerReply);
    }
  });
}

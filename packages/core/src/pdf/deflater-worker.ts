/** Thread of a DeflateThread: deflates the items of each request it is sent (node:zlib, nothing else loaded). */
import { parentPort } from 'node:worker_threads';
import { type DeflateItem, deflateItems, standalone } from './deflate-items.js';

const port = parentPort;
port?.on('message', (req: { id: number; items: DeflateItem[] }) => {
  try {
    const results = deflateItems(req.items).map((r) => ({ ...r, deflated: standalone(r.deflated) }));
    port.postMessage(
      { id: req.id, results },
      results.map((r) => r.deflated.buffer as ArrayBuffer),
    );
  } catch (error) {
    port.postMessage({ id: req.id, error: (error as Error).message });
  }
});
port?.postMessage({ ready: true });

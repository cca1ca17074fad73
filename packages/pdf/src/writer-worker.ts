/** Thread of a FileWriterThread: writes each file it is sent (writeIfChangedSync), so disk waits block no renderer. */
import { writeIfChangedSync } from './files.js';
import { serveRequests } from './request-thread.js';
import type { WriteRequest } from './writer.js';

serveRequests((req: WriteRequest) => ({
  result: writeIfChangedSync(req.path, req.data, req.exists),
  transfer: [],
}));

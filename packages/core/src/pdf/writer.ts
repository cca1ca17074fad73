import { type WriteStatus, writeIfChangedSync } from './files.js';
import { RequestThread } from './request-thread.js';

/** A file to write unless its content is the same (writeIfChangedSync); `exists: false` when known absent. */
export interface WriteRequest {
  path: string;
  data: Uint8Array;
  exists: boolean;
}

/** Writes the files of a batch: here (sync) or on another thread. */
export interface FileWriter {
  write(req: WriteRequest): Promise<WriteStatus>;
}

export const inThreadWriter: FileWriter = {
  write: (req) => Promise.resolve(writeIfChangedSync(req.path, req.data, req.exists)),
};

/**
 * A thread that writes the notices' files, so that a slow disk (creating a file took 0.9 ms on this machine's
 * /tmp, 0.01 ms on tmpfs) holds up no renderer. The PDF is copied to it (it is small), so that if the thread stops
 * the file is written here instead.
 */
export class FileWriterThread implements FileWriter {
  private readonly thread = new RequestThread<WriteRequest, WriteStatus>({
    name: 'file writer',
    module: 'writer-worker',
    send: (req) => ({ message: req, transfer: [] }),
    here: (req) => writeIfChangedSync(req.path, req.data, req.exists),
    batch: true, // the files of a turn go in one message; no renderer waits for them (renderHere)
  });

  write(req: WriteRequest): Promise<WriteStatus> {
    return this.thread.request(req);
  }

  get failure(): Error | undefined {
    return this.thread.failure;
  }

  close(): Promise<void> {
    return this.thread.close();
  }
}

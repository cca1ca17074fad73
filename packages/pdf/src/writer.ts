import { type WriteStatus, writeIfChangedSync } from './files.js';
import { RequestThread, type RequestThreadOptions } from './request-thread.js';

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

/** How a FileWriterThread hands its requests over (the tests run these with a thread that dies). */
export const FILE_WRITER_THREAD: RequestThreadOptions<WriteRequest, WriteStatus> = {
  name: 'file writer',
  module: 'writer-worker',
  send: (req) => ({ message: req, transfer: [] }),
  here: (req) => writeIfChangedSync(req.path, req.data, req.exists),
  batch: true, // the files of a turn go in one message; no renderer waits for them (renderHere)
};

/**
 * A thread that writes the notices' files, so that a slow disk holds up no renderer (creating a file takes 0.04-0.1
 * ms of kernel time on this machine's ext4, but 0.6-0.9 ms for minutes after thousands of files were deleted near
 * it: without a journal the kernel steps over recently freed inodes one by one; 0.04 ms on tmpfs). The PDF is copied
 * to it (it is small), so that if the thread stops the file is written here instead.
 */
export class FileWriterThread extends RequestThread<WriteRequest, WriteStatus> implements FileWriter {
  constructor() {
    super(FILE_WRITER_THREAD);
  }

  write(req: WriteRequest): Promise<WriteStatus> {
    return this.request(req);
  }
}

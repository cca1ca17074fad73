import { parentPort, type Worker } from 'node:worker_threads';
import { moduleWorker } from './threads.js';

/** A request was on a thread that stopped, its buffers moved there: do it again (the caller's thread does it now). */
export class ThreadStopped extends Error {
  constructor(
    readonly thread: string,
    readonly why: Error,
  ) {
    super(`the ${thread} thread stopped: ${why.message}`);
  }
}

type Answer<Res> = { id: number; result: Res } | { id: number; error: string };
type Reply<Res> = { answers: Answer<Res>[] } | { ready: true };
/** What a request thread is sent: requests, or the last message (answer what came before, then exit). */
type Message<Req> = { requests: { id: number; req: Req }[]; batch: boolean } | { close: true };

/** How a RequestThread hands a request over and what it does when its thread is gone. */
export interface RequestThreadOptions<Req, Res> {
  /** What the thread is called in messages (e.g. 'deflate'). */
  name: string;
  /** The module of this folder the thread runs (serveRequests in it). */
  module: string;
  /** The request as sent, and the buffers moved (not copied) with it; none to keep the request here. */
  send(req: Req): { message: Req; transfer: ArrayBuffer[] };
  /** The same work in the caller's thread: after the thread stopped (and for requests it kept, see send). */
  here(req: Req): Res;
  /**
   * Send the requests made in one turn of the event loop as one message, at its end (a message costs the caller
   * about as much as deflating a small stream): for work nobody waits on at once, as writing the files. Requests
   * whose answer the caller awaits to go on (deflating) are sent at once.
   */
  batch?: boolean;
}

/**
 * A worker thread that serves one kind of request, one message there and back each: the deflate thread and the
 * file writer of a notice batch. If the thread cannot start or stops, the batch goes on: the work is done in the
 * caller's thread from then on; requests that were on the thread are done here again when they were kept, or fail
 * with ThreadStopped when their buffers had been moved (the caller renders those documents again).
 *
 * The thread is never terminated: close() waits for the answers to what was asked, then tells the thread to
 * close its port, and the thread exits by itself with nothing under way. (Worker#terminate stops a thread wherever
 * its JavaScript is; stopped inside node:zlib's deflateSync, between the making of the native zlib handle and its
 * init, Node aborts the whole process when it frees the thread: "Assertion failed: init_done_ && "close before
 * init"" in node_zlib.cc, issue 15.)
 */
export class RequestThread<Req, Res> {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { req?: Req; resolve(r: Res): void; reject(e: Error): void }>();
  private next = 0;
  private failed: Error | undefined;
  /** No new request is taken (close() was called). */
  private closing = false;
  /** The thread was told to exit: its exit is no failure. */
  private closed = false;
  private readonly exited: Promise<void>;
  /** Called when the last pending request is answered (close() waits for it). */
  private drained: (() => void) | undefined;
  private outbox: { id: number; req: Req }[] = [];
  private outboxTransfer: ArrayBuffer[] = [];

  constructor(private readonly options: RequestThreadOptions<Req, Res>) {
    this.worker = moduleWorker(options.module, {});
    this.worker.on('message', (reply: Reply<Res>) => {
      if ('ready' in reply) return;
      for (const answer of reply.answers) {
        const p = this.pending.get(answer.id);
        this.pending.delete(answer.id);
        if ('error' in answer) p?.reject(new Error(`${options.name} thread: ${answer.error}`));
        else p?.resolve(answer.result);
      }
      if (this.pending.size === 0) {
        if (!this.closing) this.worker.unref();
        this.drained?.();
      }
    });
    this.worker.on('error', (error) => this.fail(error));
    this.exited = new Promise((resolve) =>
      this.worker.on('exit', (code) => {
        this.fail(new Error(`${options.name} thread exited with code ${code}`));
        resolve();
      }),
    );
    this.worker.unref(); // an idle thread keeps no process alive
  }

  request(req: Req): Promise<Res> {
    if (this.closing) return Promise.reject(new Error(`${this.options.name} thread closed`));
    if (this.failed) {
      try {
        return Promise.resolve(this.options.here(req));
      } catch (error) {
        return Promise.reject(error);
      }
    }
    const id = this.next++;
    const { message, transfer } = this.options.send(req);
    return new Promise((resolve, reject) => {
      this.pending.set(id, { ...(transfer.length === 0 ? { req } : {}), resolve, reject });
      this.worker.ref();
      if (!this.options.batch) {
        this.post({ requests: [{ id, req: message }], batch: false }, transfer);
        return;
      }
      if (this.outbox.length === 0) setImmediate(() => this.flush());
      this.outbox.push({ id, req: message });
      this.outboxTransfer.push(...transfer);
    });
  }

  private flush(): void {
    const requests = this.outbox;
    const transfer = this.outboxTransfer;
    this.outbox = [];
    this.outboxTransfer = [];
    if (requests.length > 0 && !this.failed) this.post({ requests, batch: true }, transfer);
  }

  private post(message: Message<Req>, transfer: ArrayBuffer[] = []): void {
    this.worker.postMessage(message, transfer);
  }

  private fail(error: Error): void {
    if (this.closed) return;
    this.failed ??= error;
    this.outbox = [];
    this.outboxTransfer = [];
    for (const p of this.pending.values()) {
      if (p.req === undefined) p.reject(new ThreadStopped(this.options.name, this.failed));
      else {
        try {
          p.resolve(this.options.here(p.req));
        } catch (e) {
          p.reject(e as Error);
        }
      }
    }
    this.pending.clear();
    this.drained?.();
  }

  /** Why the thread stopped, if it did (the work went on in the caller's thread). */
  get failure(): Error | undefined {
    return this.failed;
  }

  /**
   * Takes no more requests, waits for the answers to those made (or for the thread to stop: they are done here
   * then), and lets the thread exit by itself; resolves when it has.
   */
  async close(): Promise<void> {
    if (this.closing) return this.exited;
    this.closing = true;
    this.flush();
    this.worker.ref(); // the process waits for the thread's exit: it is never cut off by the process ending
    if (this.pending.size > 0) await new Promise<void>((resolve) => (this.drained = resolve));
    if (!this.failed) {
      this.closed = true;
      this.post({ close: true });
    }
    await this.exited;
  }
}

/**
 * The loop of a request thread's module: answers each request with `serve`'s result and the buffers to move; on
 * `close` (after every answer) closes its port, so that the thread's event loop ends and it exits by itself.
 */
export function serveRequests<Req, Res>(serve: (req: Req) => { result: Res; transfer: ArrayBuffer[] }): void {
  const port = parentPort;
  let closed = false;
  port?.on('message', (message: Message<Req>) => {
    if (closed) return; // a message that came after the close: nobody waits for its answer
    if ('close' in message) {
      closed = true;
      port.close();
      return;
    }
    const { requests, batch } = message;
    // a batch is answered in one message; a single request at once (its caller waits for it to go on)
    const answers: Answer<Res>[] = [];
    const transfer: ArrayBuffer[] = [];
    for (const { id, req } of requests) {
      try {
        const served = serve(req);
        answers.push({ id, result: served.result });
        transfer.push(...served.transfer);
      } catch (error) {
        answers.push({ id, error: (error as Error).message });
      }
      if (!batch) {
        port.postMessage({ answers: answers.splice(0) } satisfies Reply<Res>, transfer.splice(0));
      }
    }
    if (answers.length > 0) port.postMessage({ answers } satisfies Reply<Res>, transfer);
  });
  port?.postMessage({ ready: true });
}

import { join } from 'node:path';
import { StoreError } from '@tongban/core/store';
import { LOCK_DIR } from './layout.js';

/**
 * The write lock of a data directory: an in-process queue (so calls of one process wait their turn without
 * polling) in front of proper-lockfile's inter-process lock (an atomic mkdir of `write.lock`, refreshed while held;
 * a lock left by a crashed process goes stale after `staleMs` and is taken over).
 */
export interface LockOptions {
  /** A lock not refreshed for this long belongs to a dead process and is taken over (min 2000). */
  staleMs: number;
  /** Give up waiting after about this long. */
  waitMs: number;
}

const queues = new Map<string, Promise<void>>();

async function inProcessTurn(key: string): Promise<() => void> {
  const prev = queues.get(key) ?? Promise.resolve();
  let release!: () => void;
  const mine = new Promise<void>((r) => {
    release = r;
  });
  const tail = prev.then(() => mine);
  queues.set(key, tail);
  await prev;
  return () => {
    release();
    if (queues.get(key) === tail) queues.delete(key);
  };
}

export interface HeldLock {
  /** Set when proper-lockfile found the lock taken over (we stalled past staleMs): do not commit. */
  compromised?: Error;
  release(): Promise<void>;
}

export async function acquireLock(dir: string, options: LockOptions): Promise<HeldLock> {
  // Loaded on the first write only: read-only commands of the CLI start faster without it (issue 6).
  const { default: lockfile } = await import('proper-lockfile');
  const done = await inProcessTurn(dir);
  const held: HeldLock = { release: async () => {} };
  let unlock: () => Promise<void>;
  try {
    unlock = await lockfile.lock(dir, {
      lockfilePath: join(dir, LOCK_DIR),
      realpath: false,
      stale: options.staleMs,
      retries: {
        retries: Math.ceil(options.waitMs / 25),
        factor: 1.3,
        minTimeout: 1,
        maxTimeout: 25,
        randomize: true,
      },
      onCompromised: (err) => {
        held.compromised = err;
      },
    });
  } catch (e) {
    done();
    throw new StoreError('STORE_LOCKED', `The data directory ${dir} stayed locked by another process.`, {
      where: { file: join(dir, LOCK_DIR) },
      hint: `another Tongban process is writing; if none runs, the lock is taken over ${Math.round(options.staleMs / 1000)} s after it stopped being refreshed`,
      cause: e,
    });
  }
  held.release = async () => {
    try {
      await unlock();
    } catch {
      // compromised locks are already gone
    } finally {
      done();
    }
  };
  return held;
}

import { randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fdatasyncSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { decodeJournal, Journal } from './journal.js';
import { TENURES_DIR } from './layout.js';

/**
 * Fenced commits (issue 15 section 4; docs/store.md "Fencing"). The write lock (lock.ts) can be taken over from a
 * holder that is alive but frozen (SIGSTOP, a sleeping machine) past the stale time; when it wakes it must not
 * write what it prepared from the state it read. A check of a lock generation right before a write cannot stop it:
 * the holder can be frozen again between the check and the write. So no commit is made by writing in place;
 * every change a writer makes to the data directory is a rename (or link) out of its own tenure directory
 * `tenures/<pid>-<random>/`, and a writer that takes over first *revokes* every other tenure that is not idle:
 * it moves a decided journal out, unlinks everything else and removes the directory (rmdir, which succeeds only
 * once it is empty). rename/link/open name their source inside that directory, and each is atomic against the
 * unlink and rmdir of the revoker: the stale writer's call either happened before the revocation was complete
 * (so before the revoker read anything) or fails with ENOENT (the file is gone, and a removed directory can hold
 * no file again). Its names are its own (never reused), so it cannot recreate them. The stale writer learns of
 * the revocation from that ENOENT (FencedError) and retries from fresh state.
 *
 * Ordering (the Dekker argument): a writer announces itself (its marker `idle` -> `active`, or a fresh directory)
 * before it lists the others, and reads the store only after. Of two writers that overlap, the one that lists
 * second sees the other's announcement and revokes it before reading; one that lists first and misses the
 * other's announcement was announced earlier, so the other sees it. Hence of any two tenures one's visible effects
 * all come before the other's first read: the store moves through a sequence of whole transactions.
 *
 * A commit's journal (the ops, written in place into the marker file) is *decided* by the rename
 * `active` -> `decided`; applied, it goes back to `idle`. A revoker that finds `decided` takes it (renames it into
 * its own tenure as `redo.*`) and redoes it before reading, as after a crash; the frozen writer whose journal was
 * decided has committed (FencedError.decided) and need not run again. A crashed writer's tenure is revoked the
 * same way. The generation counters (generations.bin) are cache hints written in place; see generations.ts.
 */

const IDLE = 'idle';
const ACTIVE = 'active';
const DECIDED = 'decided';
const REDO = 'redo.';

/** This writer's tenure was revoked. `decided`: its journal had been decided, so its commit stands (redone). */
export class FencedError extends Error {
  constructor(readonly decided: boolean) {
    super(
      decided
        ? 'the write lock was taken over after this commit was decided; the new holder redoes it'
        : 'the write lock was taken over before this commit was decided; nothing of it was written',
    );
  }
}

/** A decided commit found in a revoked tenure: its journal value, and the file to remove once it is redone. */
export interface Inherited<T> {
  file: string;
  value: T;
}

/** Where fenced writes go: LowdbStore's engine passes its tenure to every write. */
export interface Stage {
  /**
   * Replace `file` by `data`: staged in the tenure, flushed (durable mode), renamed over the target. `syncDir`:
   * in durable mode also flush the target's directory, so the rename itself survives a power cut (a case log:
   * an acknowledged event must; a file system without a journal keeps no order between renames).
   */
  replace(file: string, data: string | Buffer, options?: { syncDir?: boolean }): void;
  /** Create `file` (never replacing one): staged in the tenure, then linked. EEXIST when it exists. */
  create(file: string, data: string | Buffer): void;
}

const code = (e: unknown) => (e as NodeJS.ErrnoException).code;

/** Flush a directory's entries (a rename or a new file in it survives a power cut). */
function syncDir(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function pidOf(name: string): number {
  return Number.parseInt(name, 10);
}

/** A tenure of a process that is gone (same machine); its idle directory is only clutter. */
function ownerGone(name: string): boolean {
  const pid = pidOf(name);
  if (!(pid > 0) || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (e) {
    return code(e) === 'ESRCH';
  }
}

export class Tenure implements Stage {
  private name: string | undefined;
  private journal: Journal | undefined;
  private seq = 0;
  private state: 'idle' | 'active' | 'decided' = 'idle';
  /** Journals taken over and not yet redone: while there are any, this tenure never goes back to idle. */
  private unredone = 0;

  constructor(
    private readonly dataDir: string,
    private readonly durable: boolean,
  ) {}

  private get root(): string {
    return join(this.dataDir, TENURES_DIR);
  }

  private get dir(): string {
    if (!this.name) throw this.fenced();
    return join(this.root, this.name);
  }

  private fenced(): FencedError {
    const decided = this.state === 'decided';
    this.drop();
    return new FencedError(decided);
  }

  /** Forget a revoked (or abandoned) directory; the next begin() makes a fresh one. */
  private drop(): void {
    this.journal?.close();
    this.journal = undefined;
    this.name = undefined;
    this.state = 'idle';
    this.unredone = 0;
  }

  /** Announce this writer: our marker idle -> active, or a fresh directory whose marker is created active. */
  private announce(): void {
    if (this.name) {
      try {
        renameSync(join(this.dir, IDLE), join(this.dir, ACTIVE));
        this.state = 'active';
        return;
      } catch (e) {
        if (code(e) !== 'ENOENT') throw e;
        this.drop(); // revoked while idle (its owner looked gone): start over
      }
    }
    for (;;) {
      const name = `${process.pid}-${randomBytes(6).toString('hex')}`;
      mkdirSync(join(this.root, name), { recursive: true });
      try {
        this.journal = new Journal(join(this.root, name, ACTIVE), `${TENURES_DIR}/${name}/${ACTIVE}`);
      } catch (e) {
        if (code(e) !== 'ENOENT') throw e;
        continue; // revoked before it was announced (it looked abandoned): take another name
      }
      this.name = name;
      this.state = 'active';
      if (this.durable) syncDir(this.root); // once per process: its tenure survives a power cut
      return;
    }
  }

  /**
   * Start a tenure (the caller holds the write lock): announce, then revoke every other tenure that is not idle.
   * Returns the decided commits found in them (at most one exists at any time), to redo before reading, and
   * whether anything was revoked (the caller then invalidates every cache).
   */
  begin<T>(): { inherited: Inherited<T | undefined>[]; revoked: boolean } {
    this.announce();
    const inherited: Inherited<T | undefined>[] = [];
    let revoked = false;
    for (const other of readdirSync(this.root)) {
      if (other === this.name) continue;
      if (existsSync(join(this.root, other, IDLE))) {
        if (ownerGone(other)) this.revoke(other, inherited);
        continue;
      }
      revoked = true;
      this.revoke(other, inherited);
    }
    this.unredone = inherited.length;
    return { inherited, revoked };
  }

  /** Empty another tenure and remove it; a decided journal in it is moved into ours first. */
  private revoke<T>(other: string, inherited: Inherited<T | undefined>[]): void {
    const dir = join(this.root, other);
    for (;;) {
      let names: string[];
      try {
        names = readdirSync(dir);
      } catch (e) {
        if (code(e) === 'ENOENT') return;
        throw e;
      }
      for (const n of names) {
        const file = join(dir, n);
        if (n === DECIDED || n.startsWith(REDO)) {
          const to = join(this.dir, `${REDO}${other}.${n}`);
          try {
            renameSync(file, to);
          } catch (e) {
            if (code(e) !== 'ENOENT') throw e;
            if (!existsSync(this.dir)) throw this.fenced();
            continue;
          }
          inherited.push(this.readInherited<T>(to));
        } else {
          try {
            unlinkSync(file);
          } catch (e) {
            if (code(e) !== 'ENOENT') throw e;
          }
        }
      }
      try {
        rmdirSync(dir);
        return;
      } catch (e) {
        if (code(e) === 'ENOENT') return;
        if (code(e) !== 'ENOTEMPTY' && code(e) !== 'EEXIST') throw e;
        // its owner staged another file meanwhile: empty it again
      }
    }
  }

  /** A decided journal; `value` is undefined when its body did not reach the disk (a power cut, durable off). */
  private readInherited<T>(file: string): Inherited<T | undefined> {
    let buf: Buffer;
    try {
      buf = readFileSync(file);
    } catch (e) {
      if (code(e) === 'ENOENT') throw this.fenced(); // we were revoked in turn: our revoker took it on
      throw e;
    }
    return { file, value: decodeJournal<T>(buf, file) };
  }

  /** A redone journal is removed: after this, a revoker of ours will not redo it again. */
  consumed(file: string): void {
    try {
      unlinkSync(file);
    } catch (e) {
      if (code(e) === 'ENOENT') throw this.fenced();
      throw e;
    }
    this.unredone--;
  }

  /**
   * Write the commit's journal and decide it (active -> decided). After this the commit stands. `durable` (in
   * durable mode): flush the journal and the directory, so that after a power cut the decided journal is there to
   * redo; a commit of several files needs it to be all or nothing (Engine.commit says which do).
   */
  decide(value: unknown, durable: boolean): void {
    if (!this.journal) throw this.fenced();
    const flush = durable && this.durable;
    this.journal.write(value, flush);
    try {
      renameSync(join(this.dir, ACTIVE), join(this.dir, DECIDED));
    } catch (e) {
      if (code(e) === 'ENOENT') throw this.fenced();
      throw e;
    }
    this.state = 'decided';
    if (flush) syncDir(this.dir);
  }

  /**
   * End the tenure: the marker goes back to idle, and the applied commit's journal in it is emptied (issue 25: it
   * held the commit's body, full ID numbers included, until the next commit).
   */
  finish(): void {
    const decided = this.state === 'decided';
    try {
      renameSync(join(this.dir, decided ? DECIDED : ACTIVE), join(this.dir, IDLE));
    } catch (e) {
      if (code(e) === 'ENOENT') throw this.fenced();
      throw e;
    }
    this.state = 'idle';
    if (decided) this.journal?.clear();
  }

  /**
   * After an error that is not a revocation. Undecided: back to idle, nothing was written. Decided (a write
   * failed half-way): the directory is left as it is, so the next tenure (ours or another's) revokes and redoes it.
   */
  abandon(): void {
    if (!this.name || this.state === 'idle') return;
    if (this.state === 'decided' || this.unredone > 0) {
      this.drop();
      return;
    }
    try {
      this.finish();
    } catch (e) {
      if (!(e instanceof FencedError)) throw e;
    }
  }

  private stage(data: string | Buffer): string {
    const tmp = join(this.dir, `${this.seq++}.tmp`);
    let fd: number;
    try {
      fd = openSync(tmp, 'wx');
    } catch (e) {
      if (code(e) === 'ENOENT') throw this.fenced();
      throw e;
    }
    try {
      if (typeof data === 'string') writeSync(fd, data);
      else writeSync(fd, data);
      if (this.durable) fdatasyncSync(fd);
    } finally {
      closeSync(fd);
    }
    return tmp;
  }

  /** Run a rename/link out of the tenure; ENOENT is a revocation when the staged file is gone. */
  private publish(tmp: string, file: string, op: (from: string, to: string) => void): void {
    for (let made = false; ; made = true) {
      try {
        op(tmp, file);
        return;
      } catch (e) {
        if (code(e) !== 'ENOENT') throw e;
        if (!existsSync(tmp)) throw this.fenced();
        if (made) throw e;
        mkdirSync(dirname(file), { recursive: true }); // a directory on the way is harmless if we are revoked
      }
    }
  }

  replace(file: string, data: string | Buffer, options: { syncDir?: boolean } = {}): void {
    this.publish(this.stage(data), file, renameSync);
    if (options.syncDir && this.durable) syncDir(dirname(file));
  }

  create(file: string, data: string | Buffer): void {
    const tmp = this.stage(data);
    try {
      this.publish(tmp, file, linkSync);
    } finally {
      // A staged file left over (a revocation removed it, or the link failed) only waits for the directory's end.
      rmSync(tmp, { force: true });
    }
  }

  /** Whether a tenure other than ours is left not idle (a crashed or frozen writer): open() then recovers. */
  othersPending(): boolean {
    let names: string[];
    try {
      names = readdirSync(this.root);
    } catch (e) {
      if (code(e) === 'ENOENT') return false;
      throw e;
    }
    return names.some((n) => n !== this.name && !existsSync(join(this.root, n, IDLE)));
  }

  /** Remove our idle directory (store closed). */
  close(): void {
    if (!this.name) return;
    const dir = this.dir;
    const idle = this.state === 'idle';
    this.drop();
    if (!idle) return;
    try {
      for (const n of readdirSync(dir)) unlinkSync(join(dir, n));
      rmdirSync(dir);
    } catch (e) {
      if (code(e) !== 'ENOENT' && code(e) !== 'ENOTEMPTY') throw e;
    }
  }
}

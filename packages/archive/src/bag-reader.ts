import { createReadStream } from 'node:fs';
import { lstat, open, readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { Parser, type ReadEntry } from 'tar';
import { BundleError } from './errors.js';

/** One entry of a bag as the reader meets it, with its path relative to the bag's root ('data/…'). */
export interface BagEntryInfo {
  path: string;
  size: number;
}

/** What the visitor does with a regular file's bytes (all synchronous: hashing, keeping small files). */
export interface EntrySink {
  data(chunk: Buffer): void;
  end(): void;
}

/** Returns the sink for an entry's bytes, or undefined to skip them unread (a folder's file) or drained (a tar's). */
export type BagVisitor = (entry: BagEntryInfo) => EntrySink | undefined;

const READ_CHUNK = 1 << 20;

/**
 * The security check (GB/T 18894 安全性) of one path inside a bag: no absolute path, no `..`, no NUL or backslash, so
 * nothing can land outside the bag when it is extracted.
 */
export function checkEntryPath(bundle: string, raw: string): void {
  const refuse = (reason: string) => {
    throw new BundleError(
      'security',
      'unsafePath',
      `${raw}: ${reason}`,
      { bundle, entry: raw },
      'this bundle is unsafe to open: ask the sender for a new one',
    );
  };
  if (raw.startsWith('/') || /^[A-Za-z]:/.test(raw)) refuse('absolute path (would land outside the bag)');
  if (raw.includes('\\')) refuse('backslash in path');
  if (raw.includes('\0')) refuse('NUL byte in path');
  if (raw.split('/').includes('..')) refuse('".." in path (would land outside the bag)');
}

function refuseType(bundle: string, path: string, what: string): never {
  throw new BundleError(
    'security',
    'unsafeEntry',
    `${path}: ${what} inside the bundle`,
    { bundle, entry: path },
    'a bag holds regular files only; ask the sender for a new bundle',
  );
}

/** Reads a bag in tar form (one top folder) in one streaming pass; refuses link, device and fifo entries. */
async function readTar(file: string, visit: BagVisitor): Promise<void> {
  // A tar ends with two zero blocks; a file cut short of them (or mid-entry) is refused.
  const fh = await open(file, 'r');
  try {
    const { size } = await fh.stat();
    const tail = Buffer.alloc(1024);
    const { bytesRead } = size >= 1024 ? await fh.read(tail, 0, 1024, size - 1024) : { bytesRead: 0 };
    const head = Buffer.alloc(512);
    await fh.read(head, 0, 512, 0);
    if (size >= 512 && head.toString('latin1', 257, 262) !== 'ustar') {
      // node-tar would inflate a gzip (a bomb) before any check: a bundle is the plain ustar tongban writes
      throw new BundleError(
        'format',
        'notTar',
        `${basename(file)}: not a plain tar (ustar) file${head[0] === 0x1f && head[1] === 0x8b ? ': it is gzip-compressed' : ''}`,
        { bundle: file, offset: 0 },
        'give the .tar made by `tongban archive create` or `tongban transfer export`, not compressed',
      );
    }
    if (size % 512 !== 0 || bytesRead < 1024 || tail.some((b) => b !== 0)) {
      throw new BundleError(
        'format',
        'truncated',
        `${basename(file)}: truncated tar (${size} bytes, no end-of-archive blocks)`,
        { bundle: file, offset: size },
        'the copy is incomplete: copy the bundle again from its source',
      );
    }
  } finally {
    await fh.close();
  }
  let root: string | undefined;
  let failure: Error | undefined;
  const parser = new Parser({ strict: true });
  const fail = (err: Error) => {
    failure ??= err;
  };
  parser.on('warn', (code: string, message: string | Error) => {
    fail(
      new BundleError(
        'format',
        'badTar',
        `${basename(file)}: ${code} ${String(message)}`,
        { bundle: file },
        'the tar is damaged: copy the bundle again from its source',
      ),
    );
  });
  parser.on('error', (err: Error) => {
    fail(
      err instanceof BundleError
        ? err
        : new BundleError(
            'format',
            'badTar',
            `${basename(file)}: ${err.message}`,
            { bundle: file },
            'the tar is damaged: copy the bundle again from its source',
          ),
    );
  });
  parser.on('entry', (entry: ReadEntry) => {
    try {
      if (failure) throw failure;
      const raw = entry.path;
      checkEntryPath(file, raw);
      const parts = raw.split('/').filter((p) => p !== '' && p !== '.');
      if (root === undefined) root = parts[0];
      if (parts[0] !== root || parts.length === 0) {
        throw new BundleError(
          'security',
          'outsideBag',
          `${raw}: outside the bag folder ${root}/`,
          { bundle: file, entry: raw },
          'a bundle holds one bag folder; ask the sender for a new bundle',
        );
      }
      const rel = parts.slice(1).join('/');
      switch (entry.type) {
        case 'Directory':
          entry.resume();
          return;
        case 'File':
        case 'OldFile':
        case 'ContiguousFile':
          break;
        case 'SymbolicLink':
          refuseType(file, raw, `symbolic link to ${entry.linkpath}`);
          break;
        case 'Link':
          refuseType(file, raw, `hard link to ${entry.linkpath}`);
          break;
        case 'CharacterDevice':
        case 'BlockDevice':
          refuseType(file, raw, 'device file');
          break;
        case 'FIFO':
          refuseType(file, raw, 'FIFO (named pipe)');
          break;
        default:
          refuseType(file, raw, `entry of type ${entry.type}`);
      }
      if (rel === '') refuseType(file, raw, 'file in place of the bag folder');
      const sink = visit({ path: rel, size: entry.size ?? 0 });
      if (!sink) {
        entry.resume();
        return;
      }
      entry.on('data', (c: Buffer) => {
        if (failure) return;
        try {
          sink.data(c);
        } catch (err) {
          fail(err as Error);
        }
      });
      entry.on('end', () => {
        if (failure) return;
        try {
          sink.end();
        } catch (err) {
          fail(err as Error);
        }
      });
    } catch (err) {
      fail(err as Error);
      entry.resume();
    }
  });
  const input = createReadStream(file, { highWaterMark: READ_CHUNK });
  const done = new Promise<void>((resolve) => {
    parser.on('end', () => resolve());
    parser.on('error', () => resolve());
    input.on('error', (err) => {
      fail(err);
      resolve();
    });
  });
  input.pipe(parser as unknown as NodeJS.WritableStream);
  await done;
  if (failure) throw failure;
  if (root === undefined) {
    throw new BundleError(
      'format',
      'empty',
      `${basename(file)}: no entries`,
      { bundle: file },
      'give a bundle made by `tongban archive create` or `tongban transfer export`',
    );
  }
}

/** Reads a bag folder: lstat only, so symlinks, devices, fifos and hard-linked files are seen and refused. */
async function readDir(dir: string, visit: BagVisitor): Promise<void> {
  const walk = async (rel: string): Promise<void> => {
    const entries = await readdir(join(dir, rel), { withFileTypes: true });
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      const path = rel ? `${rel}/${e.name}` : e.name;
      const st = await lstat(join(dir, path));
      if (st.isSymbolicLink()) refuseType(dir, path, 'symbolic link');
      if (st.isCharacterDevice() || st.isBlockDevice()) refuseType(dir, path, 'device file');
      if (st.isFIFO()) refuseType(dir, path, 'FIFO (named pipe)');
      if (st.isSocket()) refuseType(dir, path, 'socket');
      if (st.isDirectory()) {
        await walk(path);
        continue;
      }
      if (st.nlink > 1) refuseType(dir, path, `hard link (${st.nlink} names share this file)`);
      const sink = visit({ path, size: st.size });
      if (!sink) continue;
      for await (const chunk of createReadStream(join(dir, path), { highWaterMark: READ_CHUNK }))
        sink.data(chunk as Buffer);
      sink.end();
    }
  };
  await walk('');
}

/** Walks every entry of a bag in tar or folder form (the form is told by the path: a folder or a file). */
export async function readBag(path: string, visit: BagVisitor): Promise<'tar' | 'dir'> {
  const st = await lstat(path).catch(() => undefined);
  if (!st) {
    throw new BundleError(
      'format',
      'notFound',
      `no bundle at ${path}`,
      { bundle: path },
      'check the path of the bundle file or folder',
    );
  }
  if (st.isDirectory()) {
    await readDir(path, visit);
    return 'dir';
  }
  if (!st.isFile()) refuseType(path, basename(path), 'not a regular file or folder');
  await readTar(path, visit);
  return 'tar';
}

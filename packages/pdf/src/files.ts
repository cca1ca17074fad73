import { createHash } from 'node:crypto';
import {
  closeSync,
  fstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import { mkdir, open, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

export type WriteStatus = 'written' | 'unchanged';

/**
 * Writes a file only when its content differs (a nightly batch re-run leaves identical files, and their mtime,
 * alone). The new content goes to a temporary file first and is renamed over the old one, so a reader never sees
 * half a PDF.
 */
export async function writeIfChanged(path: string, data: Uint8Array): Promise<WriteStatus> {
  const existing = await readFile(path).catch(() => undefined);
  if (existing && existing.length === data.length && sha256(existing) === sha256(data)) return 'unchanged';
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  await writeFile(tmp, data);
  await rename(tmp, path);
  return 'written';
}

export function sha256(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * The file ID in the trailer of an existing PDF (the last KiB), lower-case hex; undefined when there is no file or no
 * complete trailer (a truncated file ends without %%EOF).
 */
export async function pdfFileId(path: string): Promise<string | undefined> {
  const file = await open(path, 'r').catch(() => undefined);
  if (!file) return undefined;
  try {
    const { size } = await file.stat();
    const length = Math.min(size, 1024);
    const tail = Buffer.alloc(length);
    await file.read(tail, 0, length, size - length);
    const text = tail.toString('latin1');
    if (!/%%EOF\s*$/.test(text)) return undefined;
    return /\/ID \[<([0-9a-fA-F]+)>/.exec(text)?.[1]?.toLowerCase();
  } finally {
    await file.close();
  }
}

/** Directories made by writeIfChangedSync in this thread (a batch writes thousands of files into a few). */
const made = new Set<string>();

/**
 * writeIfChanged with synchronous calls, for the worker threads of a batch (nothing else waits on their event loop,
 * and each promise-based call costs more CPU than the small reads and writes it does). `exists: false` when the
 * caller has just found no file at the path (pdfFileIdSync returned undefined and the file is absent).
 */
export function writeIfChangedSync(path: string, data: Uint8Array, exists = true): WriteStatus {
  if (exists) {
    let existing: Buffer | undefined;
    try {
      existing = readFileSync(path);
    } catch {
      existing = undefined;
    }
    if (existing && existing.length === data.length && sha256(existing) === sha256(data)) return 'unchanged';
  }
  const dir = dirname(path);
  const tmp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  if (!made.has(dir)) mkdirSync(dir, { recursive: true });
  try {
    writeFileSync(tmp, data);
  } catch (error) {
    // the directory was removed since this thread made it: make it again
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    mkdirSync(dir, { recursive: true });
    writeFileSync(tmp, data);
  }
  made.add(dir);
  renameSync(tmp, path);
  return 'written';
}

/** pdfFileId with synchronous calls; `exists` says whether there was a file at all. */
export function pdfFileIdSync(path: string): { exists: boolean; id?: string } {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return { exists: false };
  }
  try {
    const { size } = fstatSync(fd);
    const length = Math.min(size, 1024);
    const tail = Buffer.alloc(length);
    readSync(fd, tail, 0, length, size - length);
    const text = tail.toString('latin1');
    if (!/%%EOF\s*$/.test(text)) return { exists: true };
    return { exists: true, id: /\/ID \[<([0-9a-fA-F]+)>/.exec(text)?.[1]?.toLowerCase() };
  } finally {
    closeSync(fd);
  }
}

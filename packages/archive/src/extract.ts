import { createHash, type Hash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { readBag } from './bag-reader.js';
import { archiveError, BundleError } from './errors.js';
import { type VerifiedBundle, verifyBundle } from './verify.js';

export interface ExtractResult {
  bundle: string;
  to: string;
  files: number;
  bytes: number;
  verified: VerifiedBundle;
}

/**
 * Extracts a bundle after verifying it (all four checks): the bag is written under a temporary name beside `to`,
 * every file hashed again while written and compared with the verified manifest (the bundle cannot change between
 * the two passes unnoticed), then renamed to `to`. On any problem nothing is left behind.
 */
export async function extractBundle(
  bundle: string,
  to: string,
  options: { dataDir: string },
): Promise<ExtractResult> {
  const existing = await stat(to).catch(() => undefined);
  if (existing && (!existing.isDirectory() || (await readdir(to)).length > 0)) {
    throw archiveError(
      'outputExists',
      `${to} exists and is not an empty folder`,
      { file: to },
      'choose a new --to folder',
    );
  }
  const verified = await verifyBundle(bundle, options);
  const tmp = join(dirname(to), `.${basename(to)}.partial-${process.pid}`);
  await rm(tmp, { recursive: true, force: true });
  await mkdir(tmp, { recursive: true });
  let files = 0;
  let bytes = 0;
  try {
    await readBag(bundle, ({ path }) => {
      const target = join(tmp, ...path.split('/'));
      mkdirSync(dirname(target), { recursive: true });
      const fd = openSync(target, 'wx', 0o644);
      const hash: Hash = createHash('sha256');
      return {
        data(chunk) {
          hash.update(chunk);
          writeSync(fd, chunk);
          bytes += chunk.length;
        },
        end() {
          closeSync(fd);
          files += 1;
          const want = verified.files.get(path);
          if (want !== undefined && want !== hash.digest('hex')) {
            throw new BundleError(
              'integrity',
              'changed',
              `${path}: changed while being extracted`,
              { bundle, entry: path },
              'copy the bundle again and extract it once nobody writes to it',
            );
          }
        },
      };
    });
    if (existing) await rm(to, { recursive: true });
    await rename(tmp, to);
  } catch (err) {
    await rm(tmp, { recursive: true, force: true });
    throw err;
  }
  return { bundle, to, files, bytes, verified };
}

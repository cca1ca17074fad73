import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { finished } from 'node:stream/promises';
import {
  BAG_INFO,
  BAGIT,
  BAGIT_TXT,
  type BagInfo,
  formatBagInfo,
  formatManifest,
  MANIFEST,
  payloadOxum,
  SIGNATURE,
  TAG_MANIFEST,
} from './bagit.js';
import { archiveError } from './errors.js';
import { type Signer, signTagManifest } from './keys.js';
import { TarWriter } from './tar-writer.js';

/** A bag as a tar file (one top folder named after the bag) or as a plain folder. */
export type BagForm = 'tar' | 'dir';

export function formOf(out: string): BagForm {
  return /\.tar$/i.test(out) ? 'tar' : 'dir';
}

export type PayloadSource = { data: Buffer } | { file: string; size: number };

export interface WrittenBag {
  path: string;
  form: BagForm;
  bagName: string;
  payloadBytes: number;
  payloadFiles: number;
  /** Bytes written (the tar file, or the folder's files). */
  bytes: number;
  signature: { keyId: string; signedAt: string };
}

const READ_CHUNK = 1 << 20;

/**
 * Writes one BagIt bag (RFC 8493) streaming: each payload file is hashed (SHA-256) as it is copied, so memory stays
 * flat whatever the size. The bag is written beside its target under a `.partial` name and renamed when complete
 * and signed, so a failure never leaves a half bag under the real name.
 */
export class BagWriter {
  private readonly manifest = new Map<string, string>();
  private bytes = 0;
  private files = 0;
  private tar: TarWriter | undefined;
  private stream: WriteStream | undefined;
  private readonly mtime: Date;

  private constructor(
    readonly out: string,
    readonly form: BagForm,
    readonly bagName: string,
    private readonly partial: string,
    readonly onBytes: (n: number) => void,
    at: string,
  ) {
    this.mtime = new Date(at);
  }

  static async open(
    out: string,
    options: { bagName?: string; at?: string; form?: BagForm; onBytes?: (n: number) => void } = {},
  ): Promise<BagWriter> {
    const form = options.form ?? formOf(out);
    const exists = await stat(out).catch(() => undefined);
    if (exists)
      throw archiveError(
        'outputExists',
        `${out} already exists`,
        { file: out },
        'choose a new --out path or remove the old one',
      );
    await mkdir(dirname(out), { recursive: true });
    const partial = join(dirname(out), `.${basename(out)}.partial-${process.pid}`);
    await rm(partial, { recursive: true, force: true });
    const bagName = options.bagName ?? basename(out).replace(/\.tar$/i, '');
    const w = new BagWriter(
      out,
      form,
      bagName,
      partial,
      options.onBytes ?? (() => {}),
      options.at ?? new Date().toISOString(),
    );
    if (form === 'tar') {
      w.stream = createWriteStream(partial, { highWaterMark: READ_CHUNK });
      w.tar = new TarWriter(w.stream);
    } else {
      await mkdir(join(partial, 'data'), { recursive: true });
    }
    await w.tagFile(BAGIT, Buffer.from(BAGIT_TXT));
    return w;
  }

  private async tagFile(name: string, data: Buffer): Promise<void> {
    if (this.tar) await this.tar.file(`${this.bagName}/${name}`, data, this.mtime);
    else await writeFile(join(this.partial, name), data);
  }

  /** Adds a payload file at `data/<rel>`; returns its SHA-256. */
  async add(rel: string, src: PayloadSource): Promise<string> {
    const path = `data/${rel}`;
    if (this.manifest.has(path)) throw new Error(`internal: ${path} added twice`);
    const hash = createHash('sha256');
    const size = 'data' in src ? src.data.length : src.size;
    let sink: WriteStream | undefined;
    if (this.tar) await this.tar.begin(`${this.bagName}/${path}`, size, this.mtime);
    else {
      const target = join(this.partial, path);
      await mkdir(dirname(target), { recursive: true });
      sink = createWriteStream(target, { highWaterMark: READ_CHUNK });
    }
    const put = async (chunk: Buffer) => {
      hash.update(chunk);
      this.onBytes(chunk.length);
      if (this.tar) await this.tar.body(chunk);
      else if (sink && !sink.write(chunk)) await new Promise<void>((r) => sink?.once('drain', () => r()));
    };
    let seen = 0;
    if ('data' in src) {
      await put(src.data);
      seen = src.data.length;
    } else {
      for await (const chunk of createReadStream(src.file, { highWaterMark: READ_CHUNK })) {
        seen += (chunk as Buffer).length;
        await put(chunk as Buffer);
      }
    }
    if (seen !== size) {
      throw archiveError(
        'sourceChanged',
        `${src && 'file' in src ? src.file : path} changed while bagging (${seen} bytes, expected ${size})`,
        { file: path },
        'run the command again',
      );
    }
    if (this.tar) await this.tar.end(size);
    else if (sink) {
      sink.end();
      await finished(sink);
    }
    const digest = hash.digest('hex');
    this.manifest.set(path, digest);
    this.bytes += size;
    this.files += 1;
    return digest;
  }

  get payload(): { bytes: number; files: number } {
    return { bytes: this.bytes, files: this.files };
  }

  /**
   * Writes manifest-sha256.txt, bag-info.txt (Payload-Oxum added after Bagging-Date), tagmanifest-sha256.txt and
   * the Ed25519 signature over the tag manifest, then renames the bag into place.
   */
  async finish(info: BagInfo, signer: Signer, signedAt = new Date().toISOString()): Promise<WrittenBag> {
    const manifest = Buffer.from(formatManifest(this.manifest));
    const fullInfo: BagInfo = [...info];
    const at = fullInfo.findIndex(([k]) => k === 'Bagging-Date');
    fullInfo.splice(at + 1, 0, ['Payload-Oxum', payloadOxum(this.bytes, this.files)]);
    const bagInfo = Buffer.from(formatBagInfo(fullInfo));
    const tags = new Map<string, string>();
    for (const [name, data] of [
      [BAGIT, Buffer.from(BAGIT_TXT)],
      [MANIFEST, manifest],
      [BAG_INFO, bagInfo],
    ] as const) {
      tags.set(name, createHash('sha256').update(data).digest('hex'));
    }
    const tagManifest = Buffer.from(formatManifest(tags));
    const sig = signTagManifest(signer, tagManifest, signedAt);
    await this.tagFile(MANIFEST, manifest);
    await this.tagFile(BAG_INFO, bagInfo);
    await this.tagFile(TAG_MANIFEST, tagManifest);
    await this.tagFile(SIGNATURE, Buffer.from(`${JSON.stringify(sig, null, 2)}\n`));
    let bytes: number;
    if (this.tar && this.stream) {
      await this.tar.finish();
      bytes = this.tar.bytes;
      this.stream.end();
      await finished(this.stream);
    } else bytes = this.bytes;
    await rename(this.partial, this.out);
    return {
      path: this.out,
      form: this.form,
      bagName: this.bagName,
      payloadBytes: this.bytes,
      payloadFiles: this.files,
      bytes,
      signature: { keyId: sig.keyId, signedAt: sig.signedAt },
    };
  }

  /** Drops the partial bag. */
  async abort(): Promise<void> {
    if (this.stream) {
      this.stream.destroy();
      await finished(this.stream).catch(() => {});
    }
    await rm(this.partial, { recursive: true, force: true });
  }
}

import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { Header } from 'tar';
import { TarWriter } from '../tar-writer.js';

/** Builds bad bundles by hand: entries of a good bag folder, changed, written as a tar with raw headers. */
export interface RawEntry {
  path: string;
  data?: Buffer;
  type?: 'File' | 'SymbolicLink' | 'Link' | 'CharacterDevice' | 'BlockDevice' | 'FIFO';
  linkpath?: string;
}

export function entriesOf(bagDir: string, root: string): RawEntry[] {
  const out: RawEntry[] = [];
  const walk = (rel: string) => {
    for (const e of readdirSync(join(bagDir, rel), { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const p = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(p);
      else out.push({ path: `${root}/${p}`, data: readFileSync(join(bagDir, p)) });
    }
  };
  walk('');
  return out;
}

export async function writeTar(file: string, entries: RawEntry[]): Promise<void> {
  const fh = await open(file, 'w');
  const stream = fh.createWriteStream();
  const tar = new TarWriter(stream);
  const mtime = new Date('2026-11-17T00:00:00Z');
  for (const e of entries) {
    if (!e.type || e.type === 'File') {
      await tar.file(e.path, e.data ?? Buffer.alloc(0), mtime);
      continue;
    }
    const h = new Header({
      path: e.path,
      type: e.type,
      linkpath: e.linkpath ?? '',
      size: 0,
      mode: 0o644,
      mtime,
      uid: 0,
      gid: 0,
      devmaj: 1,
      devmin: 3,
    });
    h.encode();
    await tar.body(h.block as Buffer);
  }
  await tar.finish();
  await new Promise<void>((r) => stream.end(r));
}

export function flipByte(buf: Buffer, at = Math.floor(buf.length / 2)): Buffer {
  const b = Buffer.from(buf);
  b[at] = (b[at] as number) ^ 0x01;
  return b;
}

export function truncateFile(file: string, to: string, bytes: number): void {
  writeFileSync(to, readFileSync(file).subarray(0, bytes));
}

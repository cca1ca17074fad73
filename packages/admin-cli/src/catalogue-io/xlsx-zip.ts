import { inflateRawSync } from 'node:zlib';

/**
 * The entries of a ZIP archive (an XLSX file is one), read from its central directory and inflated with node's
 * native zlib on demand. Only what an ordinary XLSX uses: stored or deflated entries, no ZIP64, no encryption.
 * Anything else gives `undefined` (the caller then falls back to exceljs, which reports a damaged file).
 */
export interface ZipEntries {
  names(): string[];
  /** The entry's bytes as UTF-8 text, or undefined when there is no such entry. */
  text(name: string): string | undefined;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export function openZip(bytes: Uint8Array): ZipEntries | undefined {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < 22) return undefined;
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return undefined;
  const count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff || cdOffset + cdSize > eocd) return undefined;
  const entries = new Map<string, { method: number; size: number; compSize: number; local: number }>();
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > eocd || buf.readUInt32LE(p) !== CENTRAL) return undefined;
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const compSize = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    if (flags & 1 || (method !== 0 && method !== 8)) return undefined; // encrypted, or an unusual compression
    if (compSize === 0xffffffff || size === 0xffffffff || local === 0xffffffff) return undefined; // ZIP64
    entries.set(name, { method, size, compSize, local });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return {
    names: () => [...entries.keys()],
    text(name) {
      const e = entries.get(name);
      if (!e) return undefined;
      if (e.local + 30 > buf.length || buf.readUInt32LE(e.local) !== LOCAL) throw new UnreadableZip();
      const start = e.local + 30 + buf.readUInt16LE(e.local + 26) + buf.readUInt16LE(e.local + 28);
      if (start + e.compSize > buf.length) throw new UnreadableZip();
      const raw = buf.subarray(start, start + e.compSize);
      let data: Buffer;
      try {
        data = e.method === 0 ? raw : inflateRawSync(raw);
      } catch {
        throw new UnreadableZip();
      }
      if (data.length !== e.size) throw new UnreadableZip();
      return data.toString('utf8');
    },
  };
}

/** An entry cannot be read (truncated or damaged): the caller falls back to exceljs for its message. */
export class UnreadableZip extends Error {}

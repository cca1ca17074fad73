/**
 * BagIt (RFC 8493) text formats: bagit.txt, manifests, bag-info.txt. Kept pure so the writer and the verifier share
 * one reading of the RFC.
 */

export const BAGIT_TXT = 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n';
export const MANIFEST = 'manifest-sha256.txt';
export const TAG_MANIFEST = 'tagmanifest-sha256.txt';
export const BAG_INFO = 'bag-info.txt';
export const BAGIT = 'bagit.txt';
/** Our signature over the tag manifest: a tag file that the tag manifest cannot list (it signs it). */
export const SIGNATURE = 'tongban-signature.json';

/** RFC 8493 2.1.3: CR, LF and % in a manifest path are percent-encoded. */
export function encodeManifestPath(path: string): string {
  return path.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
export function decodeManifestPath(path: string): string {
  return path.replace(/%0D/gi, '\r').replace(/%0A/gi, '\n').replace(/%25/g, '%');
}

/** `checksum  path` lines (two spaces, as bagit-python and sha256sum write them), sorted by path. */
export function formatManifest(entries: ReadonlyMap<string, string>): string {
  return [...entries.keys()]
    .sort()
    .map((p) => `${entries.get(p)}  ${encodeManifestPath(p)}\n`)
    .join('');
}

export interface ManifestLine {
  path: string;
  checksum: string;
  line: number;
}

/** Parses a manifest; a malformed line is returned as an error message naming the line. */
export function parseManifest(text: string): { lines: ManifestLine[]; errors: string[] } {
  const lines: ManifestLine[] = [];
  const errors: string[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if (raw.trim() === '') return;
    const m = /^([0-9a-fA-F]{64})[ \t]+\*?(.+)$/.exec(raw);
    if (!m) errors.push(`line ${i + 1} is not "sha256 path"`);
    else
      lines.push({
        checksum: (m[1] as string).toLowerCase(),
        path: decodeManifestPath(m[2] as string),
        line: i + 1,
      });
  });
  return { lines, errors };
}

export type BagInfo = [label: string, value: string][];

/** bag-info.txt: `Label: value` lines in the given order (RFC 8493 2.2.2). */
export function formatBagInfo(info: BagInfo): string {
  return info.map(([k, v]) => `${k}: ${v.replace(/[\r\n]+/g, ' ')}\n`).join('');
}

/** Parses bag-info.txt (continuation lines start with whitespace); labels may repeat. */
export function parseBagInfo(text: string): BagInfo {
  const out: BagInfo = [];
  for (const line of text.split(/\r?\n/)) {
    if (line === '') continue;
    const last = out[out.length - 1];
    if (/^[ \t]/.test(line) && last) {
      last[1] = `${last[1]} ${line.trim()}`;
      continue;
    }
    const i = line.indexOf(':');
    if (i > 0) out.push([line.slice(0, i).trim(), line.slice(i + 1).trim()]);
  }
  return out;
}

export function bagInfoValue(info: BagInfo, label: string): string | undefined {
  return info.find(([k]) => k.toLowerCase() === label.toLowerCase())?.[1];
}

/** Payload-Oxum = octet count . file count (RFC 8493 2.2.2). */
export function payloadOxum(bytes: number, files: number): string {
  return `${bytes}.${files}`;
}

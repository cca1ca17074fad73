import { createHash, type Hash } from 'node:crypto';
import { basename } from 'node:path';
import { readBag } from './bag-reader.js';
import {
  BAG_INFO,
  BAGIT,
  type BagInfo,
  bagInfoValue,
  MANIFEST,
  parseBagInfo,
  parseManifest,
  SIGNATURE,
  TAG_MANIFEST,
} from './bagit.js';
import { BundleError } from './errors.js';
import { listArchiveKeys, SignatureFile, verifyTagManifest } from './keys.js';
import { jsonProblem, PdfProbe } from './usability.js';

/** Tag files and payload JSON are kept in memory during verify; anything larger is refused as not ours. */
const MAX_KEPT = 64 << 20;

export interface VerifyOptions {
  /** Data directory whose keyring (archive-keys/ and archive-keys/trusted/) decides which signers are known. */
  dataDir: string;
}

export interface VerifiedBundle {
  bundle: string;
  form: 'tar' | 'dir';
  bagName: string;
  info: BagInfo;
  payload: { bytes: number; files: number };
  signature: { keyId: string; unit: string; organization: string; signedAt: string };
  /** Every payload path with its SHA-256. */
  files: Map<string, string>;
  /** Payload JSON files (events, summaries, metadata), parsed. */
  json: Map<string, unknown>;
  pdfs: number;
  checks: { authenticity: 'ok'; integrity: 'ok'; usability: 'ok'; security: 'ok' };
}

/**
 * Verifies a bundle (tar file or bag folder) with the four checks of e-records practice (GB/T 18894-2016;
 * GB/T 42727-2023 检测): security (paths and entry types, while reading), integrity (every checksum of both manifests,
 * no missing or extra file, Payload-Oxum), authenticity (Ed25519 signature over the tag manifest by a key in the
 * keyring) and usability (each PDF opens, each JSON parses). One streaming pass; the first problem is thrown as a
 * BundleError naming the file inside the bag. Nothing is written anywhere.
 */
export async function verifyBundle(bundle: string, options: VerifyOptions): Promise<VerifiedBundle> {
  const hashes = new Map<string, string>();
  const sizes = new Map<string, number>();
  const kept = new Map<string, Buffer>();
  const pdfProblems = new Map<string, string>();
  let pdfs = 0;
  function refuse(
    check: 'integrity' | 'authenticity' | 'usability' | 'format',
    code: string,
    entry: string,
    reason: string,
    hint: string,
  ): never {
    throw new BundleError(check, code, `${entry}: ${reason}`, { bundle, entry }, hint);
  }
  const resend = 'the bundle was changed or damaged after it was made: get a fresh copy from its sender';

  const form = await readBag(bundle, ({ path, size }) => {
    if (hashes.has(path)) refuse('format', 'duplicate', path, 'appears twice in the bundle', resend);
    const hash: Hash = createHash('sha256');
    const isPayload = path.startsWith('data/');
    const keep = !isPayload || path.endsWith('.json');
    if (keep && size > MAX_KEPT)
      refuse(
        'format',
        'tooLarge',
        path,
        `${size} bytes is too large for a ${isPayload ? 'JSON' : 'tag'} file`,
        resend,
      );
    const parts: Buffer[] = [];
    let seen = 0;
    const probe = isPayload && /\.pdf$/i.test(path) ? new PdfProbe(size) : undefined;
    return {
      data(chunk) {
        hash.update(chunk);
        seen += chunk.length;
        if (keep) parts.push(chunk);
        probe?.data(chunk);
      },
      end() {
        hashes.set(path, hash.digest('hex'));
        sizes.set(path, seen);
        if (keep) kept.set(path, Buffer.concat(parts));
        if (probe) {
          pdfs += 1;
          const p = probe.problem();
          if (p) pdfProblems.set(path, p);
        }
      },
    };
  });
  const bagName = form === 'dir' ? basename(bundle) : basename(bundle).replace(/\.tar$/i, '');

  // ---- format: a BagIt 1.0 bag ----
  const bagit = kept.get(BAGIT)?.toString('utf8');
  if (bagit === undefined)
    refuse(
      'format',
      'bagitTxt',
      BAGIT,
      'missing: this is not a BagIt bag',
      'give a bundle made by `tongban archive create` or `tongban transfer export`',
    );
  if (
    !/^BagIt-Version:\s*1\.0\s*$/m.test(bagit) ||
    !/^Tag-File-Character-Encoding:\s*UTF-8\s*$/im.test(bagit)
  ) {
    refuse(
      'format',
      'bagitTxt',
      BAGIT,
      'not "BagIt-Version: 1.0" with UTF-8 tag files',
      'give a bundle made by `tongban archive create`',
    );
  }

  // ---- integrity: both manifests, completeness, Payload-Oxum ----
  const checkManifest = (name: string, scope: (p: string) => boolean) => {
    const text = kept.get(name);
    if (!text) refuse('integrity', 'fileAbsent', name, 'missing', resend);
    const { lines, errors } = parseManifest(text.toString('utf8'));
    if (errors.length) refuse('integrity', 'badManifest', name, errors[0] as string, resend);
    const listed = new Set<string>();
    for (const l of lines) {
      if (!scope(l.path))
        refuse('integrity', 'badManifest', name, `line ${l.line} lists ${l.path}, which it may not`, resend);
      listed.add(l.path);
      const actual = hashes.get(l.path);
      if (actual === undefined)
        refuse('integrity', 'fileAbsent', l.path, `listed in ${name} but missing from the bundle`, resend);
      if (actual !== l.checksum)
        refuse('integrity', 'checksum', l.path, `SHA-256 differs from ${name} (a changed byte)`, resend);
    }
    return listed;
  };
  const tagListed = checkManifest(
    TAG_MANIFEST,
    (p) => !p.startsWith('data/') && p !== TAG_MANIFEST && p !== SIGNATURE,
  );
  const payloadListed = checkManifest(MANIFEST, (p) => p.startsWith('data/'));
  for (const p of hashes.keys()) {
    if (p.startsWith('data/') && !payloadListed.has(p))
      refuse('integrity', 'extraFile', p, `in the payload but not in ${MANIFEST}`, resend);
  }
  for (const required of [BAGIT, MANIFEST, BAG_INFO]) {
    if (!tagListed.has(required))
      refuse('integrity', 'unlistedTag', required, `not listed in ${TAG_MANIFEST}`, resend);
  }
  for (const p of hashes.keys()) {
    if (!p.startsWith('data/') && !tagListed.has(p) && p !== TAG_MANIFEST && p !== SIGNATURE) {
      refuse('integrity', 'extraFile', p, `tag file not in ${TAG_MANIFEST}`, resend);
    }
  }
  const info = parseBagInfo((kept.get(BAG_INFO) as Buffer).toString('utf8'));
  const oxum = bagInfoValue(info, 'Payload-Oxum');
  let bytes = 0;
  for (const p of payloadListed) bytes += sizes.get(p) ?? 0;
  const files = payloadListed.size;
  if (!oxum) refuse('integrity', 'oxumAbsent', BAG_INFO, 'no Payload-Oxum', resend);
  if (oxum !== `${bytes}.${files}`)
    refuse(
      'integrity',
      'oxum',
      BAG_INFO,
      `Payload-Oxum ${oxum} but the payload is ${bytes}.${files}`,
      resend,
    );

  // ---- authenticity: signature over the tag manifest by a known key ----
  const sigBytes = kept.get(SIGNATURE);
  if (!sigBytes)
    refuse(
      'authenticity',
      'unsigned',
      SIGNATURE,
      'missing: the bundle is not signed',
      'only signed bundles are accepted: ask the sender to make it with tongban',
    );
  let sigRaw: unknown;
  try {
    sigRaw = JSON.parse(sigBytes.toString('utf8'));
  } catch {
    refuse('authenticity', 'badSignatureFile', SIGNATURE, 'not JSON', resend);
  }
  const sig = SignatureFile.safeParse(sigRaw);
  if (!sig.success)
    refuse(
      'authenticity',
      'badSignatureFile',
      SIGNATURE,
      `malformed: ${sig.error.issues[0]?.path.join('.')} ${sig.error.issues[0]?.message}`,
      resend,
    );
  const keys = await listArchiveKeys(options.dataDir);
  const key = keys.find((k) => k.keyId === sig.data.keyId);
  if (!key) {
    refuse(
      'authenticity',
      'untrustedKey',
      SIGNATURE,
      `signed by key ${sig.data.keyId} (${sig.data.organization}, ${sig.data.unit}), which is not in this site's keyring`,
      'if the sender is genuine, get its public key file and run `tongban archive keys trust FILE`',
    );
  }
  if (!verifyTagManifest(key, sig.data, kept.get(TAG_MANIFEST) as Buffer)) {
    refuse(
      'authenticity',
      'badSignature',
      SIGNATURE,
      `the Ed25519 signature of key ${key.keyId} does not match ${TAG_MANIFEST}`,
      resend,
    );
  }

  // ---- usability: PDFs open, JSON parses ----
  for (const [p, problem] of pdfProblems)
    refuse('usability', 'pdf', p, `PDF does not open: ${problem}`, resend);
  const json = new Map<string, unknown>();
  for (const [p, data] of kept) {
    if (!p.startsWith('data/')) continue;
    const problem = jsonProblem(data);
    if (problem) refuse('usability', 'json', p, problem, resend);
    json.set(p, JSON.parse(data.toString('utf8')));
  }

  return {
    bundle,
    form,
    bagName,
    info,
    payload: { bytes, files },
    signature: {
      keyId: key.keyId,
      unit: sig.data.unit,
      organization: sig.data.organization,
      signedAt: sig.data.signedAt,
    },
    files: new Map([...hashes].filter(([p]) => p.startsWith('data/'))),
    json,
    pdfs,
    checks: { authenticity: 'ok', integrity: 'ok', usability: 'ok', security: 'ok' },
  };
}

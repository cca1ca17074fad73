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

/** Payload JSON is kept in memory during verify (after the signature holds); a larger file is refused as not ours. */
const MAX_KEPT = 64 << 20;
/** A tag file (manifests list every payload file: ~100 bytes each) and all tag files together, read before trust. */
const MAX_TAG = 16 << 20;
const MAX_TAGS = 40 << 20;

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

  // ---- pass 1: the tag files only, each bounded; the payload is not read (issue 25: bounded before trusted) ----
  let tagBytes = 0;
  const keepTag = (path: string, size: number) => {
    if (hashes.has(path)) refuse('format', 'duplicate', path, 'appears twice in the bundle', resend);
    tagBytes += size;
    if (size > MAX_TAG || tagBytes > MAX_TAGS)
      refuse('format', 'tooLarge', path, `${size} bytes is too large for a tag file`, resend);
    return collect(path, size, true);
  };
  const collect = (path: string, size: number, keep: boolean) => {
    const hash: Hash = createHash('sha256');
    const parts: Buffer[] = [];
    let seen = 0;
    const probe = /^data\/.*\.pdf$/i.test(path) ? new PdfProbe(size) : undefined;
    return {
      data(chunk: Buffer) {
        hash.update(chunk);
        seen += chunk.length;
        if (keep && seen > (path.startsWith('data/') ? MAX_KEPT : MAX_TAG))
          refuse('format', 'tooLarge', path, `more than ${seen - chunk.length} bytes`, resend);
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
  };
  const form = await readBag(bundle, ({ path, size }) =>
    path.startsWith('data/') ? undefined : keepTag(path, size),
  );
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
  if (!kept.get(TAG_MANIFEST)) refuse('integrity', 'fileAbsent', TAG_MANIFEST, 'missing', resend);

  // ---- authenticity first: the signature over the tag manifest by a known key ----
  const { key, sig } = await checkSignature(bundle, kept, options.dataDir);

  // ---- integrity of the tag files, then the payload read against the signed manifest ----
  const checkManifest = (name: string, scope: (p: string) => boolean) => {
    const text = kept.get(name);
    if (!text) refuse('integrity', 'fileAbsent', name, 'missing', resend);
    const { lines, errors } = parseManifest(text.toString('utf8'));
    if (errors.length) refuse('integrity', 'badManifest', name, errors[0] as string, resend);
    const listed = new Map<string, string>();
    for (const l of lines) {
      if (!scope(l.path))
        refuse('integrity', 'badManifest', name, `line ${l.line} lists ${l.path}, which it may not`, resend);
      listed.set(l.path, l.checksum);
    }
    return listed;
  };
  const checkListed = (name: string, listed: Map<string, string>) => {
    for (const [path, checksum] of listed) {
      const actual = hashes.get(path);
      if (actual === undefined)
        refuse('integrity', 'fileAbsent', path, `listed in ${name} but missing from the bundle`, resend);
      if (actual !== checksum)
        refuse('integrity', 'checksum', path, `SHA-256 differs from ${name} (a changed byte)`, resend);
    }
  };
  const tagListed = checkManifest(
    TAG_MANIFEST,
    (p) => !p.startsWith('data/') && p !== TAG_MANIFEST && p !== SIGNATURE,
  );
  checkListed(TAG_MANIFEST, tagListed);
  for (const required of [BAGIT, MANIFEST, BAG_INFO]) {
    if (!tagListed.has(required))
      refuse('integrity', 'unlistedTag', required, `not listed in ${TAG_MANIFEST}`, resend);
  }
  for (const p of hashes.keys()) {
    if (!tagListed.has(p) && p !== TAG_MANIFEST && p !== SIGNATURE) {
      refuse('integrity', 'extraFile', p, `tag file not in ${TAG_MANIFEST}`, resend);
    }
  }
  const payloadListed = checkManifest(MANIFEST, (p) => p.startsWith('data/'));
  const info = parseBagInfo((kept.get(BAG_INFO) as Buffer).toString('utf8'));
  const oxum = bagInfoValue(info, 'Payload-Oxum');
  if (!oxum) refuse('integrity', 'oxumAbsent', BAG_INFO, 'no Payload-Oxum', resend);
  const declared = /^(\d+)\.(\d+)$/.exec(oxum);
  if (!declared) refuse('integrity', 'oxum', BAG_INFO, `Payload-Oxum ${oxum} is not bytes.files`, resend);
  const declaredBytes = Number(declared[1]);

  // ---- pass 2: the payload, streamed; nothing unlisted is read, nothing past the signed Payload-Oxum ----
  let payloadBytes = 0;
  await readBag(bundle, ({ path, size }) => {
    if (!path.startsWith('data/')) return undefined;
    if (hashes.has(path)) refuse('format', 'duplicate', path, 'appears twice in the bundle', resend);
    if (!payloadListed.has(path))
      refuse('integrity', 'extraFile', path, `in the payload but not in ${MANIFEST}`, resend);
    payloadBytes += size;
    if (payloadBytes > declaredBytes)
      refuse('integrity', 'oxum', BAG_INFO, `the payload exceeds Payload-Oxum ${oxum}`, resend);
    return collect(path, size, path.endsWith('.json'));
  });
  checkListed(MANIFEST, payloadListed);
  let bytes = 0;
  for (const p of payloadListed.keys()) bytes += sizes.get(p) ?? 0;
  const files = payloadListed.size;
  if (oxum !== `${bytes}.${files}`)
    refuse(
      'integrity',
      'oxum',
      BAG_INFO,
      `Payload-Oxum ${oxum} but the payload is ${bytes}.${files}`,
      resend,
    );

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

const RESEND = 'the bundle was changed or damaged after it was made: get a fresh copy from its sender';

/** The signature file over the tag manifest, by a key of the site's keyring; throws a BundleError otherwise. */
async function checkSignature(bundle: string, kept: Map<string, Buffer>, dataDir: string) {
  const refuse = (code: string, reason: string, hint = RESEND): never => {
    throw new BundleError(
      'authenticity',
      code,
      `${SIGNATURE}: ${reason}`,
      { bundle, entry: SIGNATURE },
      hint,
    );
  };
  const sigBytes = kept.get(SIGNATURE);
  if (!sigBytes)
    refuse(
      'unsigned',
      'missing: the bundle is not signed',
      'only signed bundles are accepted: ask the sender to make it with tongban',
    );
  let sigRaw: unknown;
  try {
    sigRaw = JSON.parse((sigBytes as Buffer).toString('utf8'));
  } catch {
    refuse('badSignatureFile', 'not JSON');
  }
  const sig = SignatureFile.safeParse(sigRaw);
  if (!sig.success)
    return refuse(
      'badSignatureFile',
      `malformed: ${sig.error.issues[0]?.path.join('.')} ${sig.error.issues[0]?.message}`,
    );
  const keys = await listArchiveKeys(dataDir);
  const key = keys.find((k) => k.keyId === sig.data.keyId);
  if (!key)
    return refuse(
      'untrustedKey',
      `signed by key ${sig.data.keyId} (${sig.data.organization}, ${sig.data.unit}), which is not in this site's keyring`,
      'if the sender is genuine, get its public key file and run `tongban archive keys trust FILE`',
    );
  if (!verifyTagManifest(key, sig.data, kept.get(TAG_MANIFEST) as Buffer))
    refuse('badSignature', `the Ed25519 signature of key ${key.keyId} does not match ${TAG_MANIFEST}`);
  return { key, sig };
}

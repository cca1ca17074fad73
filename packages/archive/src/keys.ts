import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  sign,
  verify,
} from 'node:crypto';
import { chmod, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Unit } from '@tongban/core/cases';
import { z } from 'zod';
import { archiveError } from './errors.js';

/**
 * Archive signing keys (Ed25519, node:crypto). Layout of <data>/archive-keys/ (mode 0700):
 *   <keyId>.key.pem     the unit's private key, PKCS#8 PEM, mode 0600 (refused when group/other may read it)
 *   <keyId>.pub.json    its public half with the unit and organisation
 *   trusted/<keyId>.pub.json   public keys of other sites trusted for verify (the keyring)
 * Own public keys are trusted too. The key id is the first 16 hex digits of SHA-256 over the SPKI DER.
 * Seed 002 8.1.7 asks electronic archives to carry a time stamp: the signature covers the signing time.
 */

export const PublicKeyFile = z.object({
  keyId: z.string().regex(/^[0-9a-f]{16}$/),
  algorithm: z.literal('Ed25519'),
  unit: Unit,
  organization: z.string().min(1),
  createdAt: z.iso.datetime(),
  publicKey: z.string().includes('BEGIN PUBLIC KEY'),
});
export type PublicKeyFile = z.infer<typeof PublicKeyFile>;

export interface ArchiveKeyInfo extends PublicKeyFile {
  /** true: this data directory holds the private key; false: a trusted public key of another site. */
  own: boolean;
  file: string;
}

export function keysDir(dataDir: string): string {
  return join(dataDir, 'archive-keys');
}

export function keyIdOf(publicKey: KeyObject): string {
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('hex').slice(0, 16);
}

/** Makes a new Ed25519 key for a unit; the private key file is written with mode 0600. */
export async function createArchiveKey(
  dataDir: string,
  input: { unit: Unit; organization: string; at?: string },
): Promise<ArchiveKeyInfo> {
  const dir = keysDir(dataDir);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const keyId = keyIdOf(publicKey);
  const pub: PublicKeyFile = {
    keyId,
    algorithm: 'Ed25519',
    unit: input.unit,
    organization: input.organization,
    createdAt: input.at ?? new Date().toISOString(),
    publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
  const keyFile = join(dir, `${keyId}.key.pem`);
  await writeFile(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
  await chmod(keyFile, 0o600); // the umask cannot widen it, but be explicit
  const file = join(dir, `${keyId}.pub.json`);
  await writeFile(file, `${JSON.stringify(pub, null, 2)}\n`, { flag: 'wx' });
  return { ...pub, own: true, file };
}

async function readPublic(file: string): Promise<PublicKeyFile> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch (err) {
    throw archiveError(
      'badKeyFile',
      `cannot read public key file: ${(err as Error).message}`,
      { file },
      'give a file written by `tongban archive keys export`',
    );
  }
  const parsed = PublicKeyFile.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw archiveError(
      'badKeyFile',
      `not a tongban public key file: ${issue?.path.join('.') || '(root)'} ${issue?.message ?? ''}`,
      { file, field: issue?.path.join('.') },
      'give a file written by `tongban archive keys export`',
    );
  }
  const key = createPublicKey(parsed.data.publicKey);
  if (keyIdOf(key) !== parsed.data.keyId) {
    throw archiveError(
      'badKeyFile',
      'the key id does not match the public key',
      { file, field: 'keyId' },
      'export the key again at its site',
    );
  }
  return parsed.data;
}

async function jsonFiles(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir))
      .filter((f) => f.endsWith('.pub.json'))
      .sort()
      .map((f) => join(dir, f));
  } catch {
    return [];
  }
}

/** Own keys (newest first) then trusted keys of other sites. */
export async function listArchiveKeys(dataDir: string): Promise<ArchiveKeyInfo[]> {
  const dir = keysDir(dataDir);
  const own = await Promise.all(
    (await jsonFiles(dir)).map(async (f) => ({ ...(await readPublic(f)), own: true, file: f })),
  );
  const trusted = await Promise.all(
    (await jsonFiles(join(dir, 'trusted'))).map(async (f) => ({
      ...(await readPublic(f)),
      own: false,
      file: f,
    })),
  );
  own.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return [...own, ...trusted];
}

/** The public key file of one of our keys, to hand to another site (`archive keys trust`). */
export async function exportPublicKey(dataDir: string, keyId: string): Promise<PublicKeyFile> {
  const key = (await listArchiveKeys(dataDir)).find((k) => k.keyId === keyId && k.own);
  if (!key) {
    throw archiveError(
      'keyNotFound',
      `no own key ${keyId}`,
      { keyId },
      'see the key ids with `tongban archive keys list`',
    );
  }
  const { own: _own, file: _file, ...pub } = key;
  return pub;
}

/** Adds another site's public key to the keyring (idempotent). */
export async function trustPublicKey(dataDir: string, file: string): Promise<ArchiveKeyInfo> {
  const pub = await readPublic(file);
  const dir = join(keysDir(dataDir), 'trusted');
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const target = join(dir, `${pub.keyId}.pub.json`);
  await writeFile(target, `${JSON.stringify(pub, null, 2)}\n`);
  return { ...pub, own: false, file: target };
}

export interface Signer {
  key: PublicKeyFile;
  sign(message: Buffer): Buffer;
}

/** The newest own key of a unit, checked to be readable by its owner only. */
export async function signerFor(dataDir: string, unit: Unit): Promise<Signer> {
  const key = (await listArchiveKeys(dataDir)).find((k) => k.own && k.unit === unit);
  if (!key) {
    throw archiveError(
      'noKey',
      `no archive signing key for unit ${unit} in ${keysDir(dataDir)}`,
      { unit, file: keysDir(dataDir) },
      `make one with \`tongban archive keys new --unit ${unit} --org "单位名称"\``,
    );
  }
  const file = join(keysDir(dataDir), `${key.keyId}.key.pem`);
  const st = await stat(file).catch(() => undefined);
  if (!st)
    throw archiveError(
      'noKey',
      `private key file missing for ${key.keyId}`,
      { file },
      'make a new key with `tongban archive keys new`',
    );
  if ((st.mode & 0o077) !== 0) {
    throw archiveError(
      'keyFileOpen',
      `private key file is readable by others (mode ${(st.mode & 0o777).toString(8)})`,
      { file },
      `chmod 600 ${file}`,
    );
  }
  const priv = createPrivateKey(await readFile(file));
  const { own: _own, file: _file, ...pub } = key;
  return { key: pub, sign: (message) => sign(null, message, priv) };
}

/** The signature tag file (tongban-signature.json). */
export const SignatureFile = z.object({
  format: z.literal('tongban-signature/1'),
  algorithm: z.literal('Ed25519'),
  keyId: z.string(),
  unit: z.string(),
  organization: z.string(),
  signedAt: z.iso.datetime(),
  signedFile: z.literal('tagmanifest-sha256.txt'),
  signature: z.string().min(1),
});
export type SignatureFile = z.infer<typeof SignatureFile>;

/** What is signed: a domain prefix, the key id and the signing time, then the tag manifest's bytes. */
export function signedMessage(keyId: string, signedAt: string, tagManifest: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`tongban-bag-signature/1\n${keyId}\n${signedAt}\n`), tagManifest]);
}

export function signTagManifest(signer: Signer, tagManifest: Buffer, signedAt: string): SignatureFile {
  const sig = signer.sign(signedMessage(signer.key.keyId, signedAt, tagManifest));
  return {
    format: 'tongban-signature/1',
    algorithm: 'Ed25519',
    keyId: signer.key.keyId,
    unit: signer.key.unit,
    organization: signer.key.organization,
    signedAt,
    signedFile: 'tagmanifest-sha256.txt',
    signature: sig.toString('base64'),
  };
}

export function verifyTagManifest(pub: PublicKeyFile, s: SignatureFile, tagManifest: Buffer): boolean {
  try {
    return verify(
      null,
      signedMessage(s.keyId, s.signedAt, tagManifest),
      createPublicKey(pub.publicKey),
      Buffer.from(s.signature, 'base64'),
    );
  } catch {
    return false;
  }
}

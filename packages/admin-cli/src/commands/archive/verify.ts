import { resolve } from 'node:path';
import { Args } from '@oclif/core';
import { TongbanCommand } from '../../base-command.js';

export interface ArchiveVerifyResult {
  bundle: string;
  form: 'tar' | 'dir';
  bundleId: string;
  kind: string;
  checks: { authenticity: 'ok'; integrity: 'ok'; usability: 'ok'; security: 'ok' };
  signature: { keyId: string; unit: string; organization: string; signedAt: string };
  payload: { bytes: number; files: number };
  pdfs: number;
  cases: string[];
  info: Record<string, string>;
}

export default class ArchiveVerify extends TongbanCommand<ArchiveVerifyResult> {
  static override summary =
    'Verify a bundle (archive or transfer): authenticity, integrity, usability, security.';
  static override description = [
    "The four checks of e-records practice (GB/T 18894): the Ed25519 signature by a key in this site's keyring;",
    'every checksum of both manifests, no missing or extra file, Payload-Oxum; each PDF opens and each JSON parses;',
    'no path outside the bag, no link, device or fifo, no truncated tar. Reads only; writes nothing.',
    'Exit codes: 0 valid, 2 refused (the message names the file inside the bundle and the reason), 4 no such file.',
  ].join(' ');
  static override examples = [
    '<%= config.bin %> <%= command.id %> /archives/2026-11-16-dept.tar',
    '<%= config.bin %> <%= command.id %> /incoming/TRF-20261116-7K3QXM.tar --json',
  ];
  static override args = {
    bundle: Args.string({ description: 'The bundle: a .tar file or a bag folder.', required: true }),
  };

  async run(): Promise<ArchiveVerifyResult> {
    const { args, flags } = await this.parse(ArchiveVerify);
    const core = await import('@tongban/archive');
    const v = await core.verifyBundle(resolve(args.bundle), { dataDir: resolve(flags.data) });
    const info = Object.fromEntries(v.info);
    const cases = [...new Set([...v.files.keys()].map((p) => p.split('/')[1] as string))].sort();
    const result: ArchiveVerifyResult = {
      bundle: v.bundle,
      form: v.form,
      bundleId: info['External-Identifier'] ?? v.bagName,
      kind: info['Tongban-Bundle-Kind'] ?? 'bag',
      checks: v.checks,
      signature: v.signature,
      payload: v.payload,
      pdfs: v.pdfs,
      cases,
      info,
    };
    this.log(
      `Valid ${result.kind} bundle ${result.bundleId} (${v.form}): authenticity ok, integrity ok, usability ok, security ok.`,
    );
    this.log(
      `  signed by ${v.signature.organization} (${v.signature.unit}, key ${v.signature.keyId}) at ${v.signature.signedAt}`,
    );
    this.log(
      `  ${cases.length} case(s), ${v.payload.files} files, ${v.payload.bytes} bytes, ${v.pdfs} PDF(s) opened`,
    );
    return result;
  }
}

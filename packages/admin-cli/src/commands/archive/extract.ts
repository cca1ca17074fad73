import { resolve } from 'node:path';
import { Args, Flags } from '@oclif/core';
import { TongbanCommand } from '../../base-command.js';

export interface ArchiveExtractResult {
  bundle: string;
  to: string;
  bundleId: string;
  files: number;
  bytes: number;
}

export default class ArchiveExtract extends TongbanCommand<ArchiveExtractResult> {
  static override summary = 'Verify a bundle, then extract it into a new folder.';
  static override description =
    'The bundle is verified first (all four checks); a refused bundle extracts nothing. Each file is hashed again as it is written.';
  static override examples = [
    '<%= config.bin %> <%= command.id %> /archives/2026-11-16-dept.tar --to /tmp/dept-2026-11-16',
  ];
  static override args = {
    bundle: Args.string({ description: 'The bundle (.tar or folder).', required: true }),
  };
  static override flags = {
    to: Flags.string({ summary: 'Folder to create (must not exist or be empty).', required: true }),
  };

  async run(): Promise<ArchiveExtractResult> {
    const { args, flags } = await this.parse(ArchiveExtract);
    const { extractBundle } = await import('@tongban/archive');
    const r = await extractBundle(resolve(args.bundle), resolve(flags.to), { dataDir: resolve(flags.data) });
    const bundleId = r.verified.info.find(([k]) => k === 'External-Identifier')?.[1] ?? r.verified.bagName;
    this.log(`Extracted ${bundleId}: ${r.files} files, ${r.bytes} bytes -> ${r.to}`);
    return { bundle: r.bundle, to: r.to, bundleId, files: r.files, bytes: r.bytes };
  }
}

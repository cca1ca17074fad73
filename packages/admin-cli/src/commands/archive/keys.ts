import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Args, Flags } from '@oclif/core';
import type { ArchiveKeyInfo } from '@tongban/archive';
import { UNITS, type Unit } from '@tongban/core/cases';
import { TongbanError } from '@tongban/core/errors';
import { TongbanCommand } from '../../base-command.js';
import { renderTable } from '../../output/table.js';

export interface KeyRow {
  keyId: string;
  unit: string;
  organization: string;
  createdAt: string;
  own: boolean;
  file: string;
}

export interface ArchiveKeysResult {
  action: 'list' | 'new' | 'export' | 'trust';
  keys: KeyRow[];
  /** export: where the public key file was written. */
  out?: string;
}

const row = (k: ArchiveKeyInfo): KeyRow => ({
  keyId: k.keyId,
  unit: k.unit,
  organization: k.organization,
  createdAt: k.createdAt,
  own: k.own,
  file: k.file,
});

export default class ArchiveKeys extends TongbanCommand<ArchiveKeysResult> {
  static override summary =
    'Archive signing keys (Ed25519): list, make one for a unit, export a public key, trust another site.';
  static override description = [
    'Keys live in <data>/archive-keys/: <id>.key.pem (private, mode 0600), <id>.pub.json (public) and trusted/ (the',
    'keyring of other sites whose bundles this site accepts). Bundles are signed with the newest key of their unit.',
  ].join(' ');
  static override examples = [
    '<%= config.bin %> <%= command.id %>',
    '<%= config.bin %> <%= command.id %> new --unit localDepartment --org "某县市场监管局"',
    '<%= config.bin %> <%= command.id %> export 3f2a9c0d1e4b5a67 --out hrb-remote-window.pub.json',
    '<%= config.bin %> <%= command.id %> trust hrb-remote-window.pub.json --json',
  ];
  static override args = {
    action: Args.string({
      options: ['list', 'new', 'export', 'trust'],
      default: 'list',
      description: 'What to do.',
    }),
    target: Args.string({ description: 'export: the key id; trust: the public key file.' }),
  };
  static override flags = {
    unit: Flags.option({ options: UNITS, summary: 'new: the unit the key signs for.' })(),
    org: Flags.string({ summary: 'new: the organisation name written as Source-Organization (单位名称).' }),
    out: Flags.string({ summary: 'export: file to write (default: print it).' }),
  };

  async run(): Promise<ArchiveKeysResult> {
    const { args, flags } = await this.parse(ArchiveKeys);
    const core = await import('@tongban/archive');
    const dataDir = resolve(flags.data);
    const action = args.action as ArchiveKeysResult['action'];
    if (action === 'new') {
      if (!flags.unit || !flags.org?.trim()) {
        throw new TongbanError('usage.keyNeedsUnit', 'a new key needs --unit and --org', {
          where: { field: flags.unit ? '--org' : '--unit' },
          hint: 'e.g. tongban archive keys new --unit localDepartment --org "某县市场监管局"',
        });
      }
      const k = await core.createArchiveKey(dataDir, {
        unit: flags.unit as Unit,
        organization: flags.org.trim(),
      });
      this.log(
        `Made key ${k.keyId} for ${k.unit} (${k.organization}); private key ${k.file.replace(/\.pub\.json$/, '.key.pem')} (mode 0600).`,
      );
      return { action, keys: [row(k)] };
    }
    if (action === 'export') {
      if (!args.target) {
        throw new TongbanError('usage.keyId', 'export needs a key id', {
          where: { field: 'target' },
          hint: 'see the ids with `tongban archive keys`',
        });
      }
      const pub = await core.exportPublicKey(dataDir, args.target);
      const text = `${JSON.stringify(pub, null, 2)}\n`;
      if (flags.out) {
        await writeFile(flags.out, text);
        this.log(
          `Wrote the public key ${pub.keyId} to ${flags.out}; the other site runs \`tongban archive keys trust ${flags.out}\`.`,
        );
      } else if (!this.jsonEnabled()) process.stdout.write(text);
      const k = (await core.listArchiveKeys(dataDir)).find((x) => x.keyId === pub.keyId) as ArchiveKeyInfo;
      return { action, keys: [row(k)], ...(flags.out ? { out: flags.out } : {}) };
    }
    if (action === 'trust') {
      if (!args.target) {
        throw new TongbanError('usage.keyFile', 'trust needs a public key file', {
          where: { field: 'target' },
          hint: 'give the file written by `tongban archive keys export` at the other site',
        });
      }
      const k = await core.trustPublicKey(dataDir, args.target);
      this.log(`Trusted key ${k.keyId} of ${k.organization} (${k.unit}).`);
      return { action, keys: [row(k)] };
    }
    const keys = (await core.listArchiveKeys(dataDir)).map(row);
    this.log(
      renderTable(keys, [
        { header: 'key id', get: (r) => r.keyId },
        { header: 'unit', get: (r) => r.unit },
        { header: 'organisation', get: (r) => r.organization, max: 30 },
        { header: 'created', get: (r) => r.createdAt.slice(0, 10) },
        { header: 'kind', get: (r) => (r.own ? 'own (signs)' : 'trusted') },
      ]),
    );
    this.log(`${keys.length} key(s).`);
    return { action: 'list', keys };
  }
}

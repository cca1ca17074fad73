// Writes oclif.manifest.json from the compiled commands, as `oclif manifest` does, using @oclif/core alone
// (the `oclif` dev tool would pull in the AWS SDK for its publishing commands).
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Plugin } from '@oclif/core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const plugin = new Plugin({
  root,
  type: 'core',
  isRoot: true,
  ignoreManifest: true,
  errorOnManifestCreate: true,
});
await plugin.load();
if (!plugin.valid) throw new Error(`not a valid oclif plugin: ${root}`);
const manifest = plugin.manifest;
writeFileSync(join(root, 'oclif.manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`wrote oclif.manifest.json (${Object.keys(manifest.commands).length} commands)`);

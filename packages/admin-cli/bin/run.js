#!/usr/bin/env node
// The `tongban` admin CLI. Commands are compiled to dist/commands; oclif.manifest.json lets oclif list them
// without importing any command module, so start-up stays light.
import { execute } from '@oclif/core';

await execute({ dir: import.meta.url });

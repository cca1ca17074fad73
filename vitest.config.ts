import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

// Tests run against the TypeScript sources of the workspace packages, so no build is needed first.
export default defineConfig({
  resolve: {
    alias: [
      { find: /^@tongban\/core\/cases\/testing$/, replacement: `${root}packages/core/src/cases/testing.ts` },
      {
        find: /^@tongban\/(core|store|pdf|archive|devices)$/,
        replacement: `${root}packages/$1/src/index.ts`,
      },
      {
        find: /^@tongban\/(core|store|pdf|archive|devices)\/(.+)$/,
        replacement: `${root}packages/$1/src/$2/index.ts`,
      },
    ],
  },
  test: {
    include: [
      'packages/*/src/**/*.test.{ts,tsx}',
      'fixtures/**/*.test.ts',
      'bench/**/*.test.ts',
      'scripts/**/*.test.ts',
    ],
    globalSetup: ['test-support/tmpdir-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});

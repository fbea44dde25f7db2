import path from 'node:path';
import { defineConfig } from 'vitest/config';

// Two projects: pure unit tests (colocated *.test.ts, and tests/repo/ checks of the repository itself) and integration tests against a real
// embedded Postgres (tests/integration/*.test.ts), which get a database cloned from a migrated template.
export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(import.meta.dirname),
      'server-only': path.resolve(import.meta.dirname, 'tests/support/empty-module.ts'),
    },
  },
  test: {
    coverage: {
      provider: 'v8',
      include: ['lib/emissions/**/*.ts', 'lib/ingest/**/*.ts'],
      exclude: ['**/*.test.ts'],
      thresholds: { 'lib/emissions/**/*.ts': { lines: 95 } },
    },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: [
            'lib/**/*.test.ts',
            'scripts/**/*.test.ts',
            'components/**/*.test.ts',
            'tests/repo/**/*.test.ts',
          ],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/integration/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});

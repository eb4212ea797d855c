import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * Unit and integration tests (`npm run test:unit`). Integration tests run on an in-memory PGlite per test file, or,
 * when TEST_DATABASE_URL is set, on a fresh PostgreSQL database per test file (see apps/server/test/support).
 * End-to-end tests have their own config in e2e/.
 */
const resultsDir = process.env.VITEST_RESULTS_DIR;

export default defineConfig({
  test: {
    // CI collects a JSON report per suite to check that each one really ran tests (.ci/summarise.mjs).
    reporters: resultsDir ? ['default', ['json', { outputFile: `${resultsDir}/unit.json` }]] : ['default'],
    include: ['packages/*/src/**/*.test.ts', 'apps/server/{src,test}/**/*.test.ts', 'apps/web/src/**/*.test.{ts,tsx}'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Vitest's default (one core fewer than the machine has) runs one file at a time on CI's two cores; the main
    // process mostly waits, so at least two files run at once: both cores on CI (docs/PERFORMANCE.md, "Test suite
    // time").
    maxWorkers: Math.max(2, availableParallelism() - 1),
    env: { SCRYPT_LOG_N: '10' },
  },
});

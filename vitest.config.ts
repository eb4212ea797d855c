import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { suiteReporters } from './scripts/suite-reporters.js';

/**
 * Unit and integration tests (`npm run test:unit`). Integration tests run on an in-memory PGlite per test file, or,
 * when TEST_DATABASE_URL is set, on a fresh PostgreSQL database per test file (see apps/server/test/support).
 * End-to-end tests have their own config in e2e/.
 */
export default defineConfig({
  test: {
    // With VITEST_RESULTS_DIR (.ci/run) each suite also writes its report for CI's summary (scripts/ci-summary.ts).
    reporters: suiteReporters('unit'),
    // One migrated database per run, copied for each test file (apps/server/test/support/template-database.ts).
    globalSetup: ['apps/server/test/global-setup.ts'],
    include: ['packages/*/src/**/*.test.ts', 'apps/server/{src,test}/**/*.test.ts', 'apps/web/src/**/*.test.{ts,tsx}'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // No retries: a test that needs one is flaky, and CI counts it as failed (ADR 0023).
    retry: 0,
    pool: 'forks',
    // Vitest's default (one core fewer than the machine has) runs one file at a time on CI's two cores; the main
    // process mostly waits, so at least two files run at once: both cores on CI (docs/PERFORMANCE.md, "Test suite
    // time").
    maxWorkers: Math.max(2, availableParallelism() - 1),
    env: { SCRYPT_LOG_N: '10' },
  },
});

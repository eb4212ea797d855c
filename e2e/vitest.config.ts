import { defineConfig } from 'vitest/config';
import { suiteReporters } from '../scripts/suite-reporters.js';

/**
 * End-to-end tests: the real server and Debian's Chromium, one spec file at a time.
 *
 * A spec tagged `server-database` checks behaviour that passes through a part the two database drivers implement
 * differently (live updates, concurrent requests on the same rows, jobs, several instances): `.ci/run` runs those
 * again against PostgreSQL (`npm run test:server-database -w e2e`), every other spec only on the embedded database.
 * The rule is ADR 0023.
 */
export default defineConfig({
  test: {
    include: ['specs/**/*.e2e.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    // No retries: a spec that needs one is flaky, and CI counts it as failed (ADR 0023).
    retry: 0,
    tags: [
      {
        name: 'server-database',
        description:
          'depends on the database driver (live updates, concurrent requests, jobs, several instances): runs on PGlite and again on PostgreSQL (ADR 0023)',
      },
    ],
    // With VITEST_RESULTS_DIR (.ci/run) the suite also writes its report for CI's summary (scripts/ci-summary.ts).
    reporters: suiteReporters('e2e'),
  },
});

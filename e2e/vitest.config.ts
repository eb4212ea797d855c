import { defineConfig } from 'vitest/config';

const resultsDir = process.env.VITEST_RESULTS_DIR;

/** End-to-end tests: the real server and Debian's Chromium, one spec file at a time. */
export default defineConfig({
  test: {
    include: ['specs/**/*.e2e.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    // CI collects a JSON report per suite to check that each one really ran tests (.ci/summarise.mjs).
    reporters: resultsDir ? ['default', ['json', { outputFile: `${resultsDir}/e2e.json` }]] : ['default'],
  },
});

import { fileURLToPath } from 'node:url';
import type { Reporter } from 'vitest/node';
import SuiteReporter from './suite-reporter.js';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * A vitest config's reporters: the default one, and — when VITEST_RESULTS_DIR is set (.ci/run sets it) — the suite
 * report CI's summary reads (`<dir>/<suite>.json`, scripts/suite-reporter.ts).
 */
export function suiteReporters(suite: 'unit' | 'e2e'): Array<'default' | Reporter> {
  const dir = process.env.VITEST_RESULTS_DIR;
  if (!dir) return ['default'];
  return ['default', new SuiteReporter({ outputFile: `${dir}/${suite}.json`, suite, root })];
}

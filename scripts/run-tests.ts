import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * `npm test`: every test, in order — the checks (types, lint, formatting, API drift, docs), the unit and integration
 * suite, the end-to-end suite in Chromium — stopping at the first phase that fails. At the end it prints each phase's
 * wall time; with VITEST_RESULTS_DIR set (`.ci/run` does) it also writes them to `phases.json` there, beside the
 * suites' reports, for CI's summary.
 */
export interface PhaseTime {
  phase: string;
  seconds: number;
  ok: boolean;
}

const PHASES: Array<{ phase: string; script: string }> = [
  { phase: 'check', script: 'check' },
  { phase: 'unit', script: 'test:unit' },
  { phase: 'e2e', script: 'test:e2e' },
];

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const times: PhaseTime[] = [];
for (const { phase, script } of PHASES) {
  const started = Date.now();
  const run = spawnSync(npm, ['run', script], { stdio: 'inherit' });
  const ok = run.status === 0;
  times.push({ phase, seconds: Math.round((Date.now() - started) / 1000), ok });
  if (!ok) break;
}

const database = process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite';
console.log(`\nnpm test on ${database}:`);
for (const t of times)
  console.log(`  ${t.phase.padEnd(6)} ${String(t.seconds).padStart(5)} s  ${t.ok ? 'ok' : 'FAILED'}`);
const skipped = PHASES.slice(times.length).map((p) => p.phase);
if (skipped.length > 0) console.log(`  not run after the failure: ${skipped.join(', ')}`);

const resultsDir = process.env.VITEST_RESULTS_DIR;
if (resultsDir) {
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(join(resultsDir, 'phases.json'), `${JSON.stringify(times, null, 2)}\n`);
}
process.exit(times.every((t) => t.ok) && skipped.length === 0 ? 0 : 1);

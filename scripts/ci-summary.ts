import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PhaseTime } from './run-tests';
import type { SuiteReport } from './suite-reporter';

/**
 * `.ci/run`'s last step: reads what its phases left in the results directory — `phases.tsv` (one line per phase
 * .ci/run timed: name, seconds, exit code), each pass's `phases.json` (npm test's own phases) and the suites'
 * reports (scripts/suite-reporter.ts) — and prints the wall time of each phase, the ten slowest test files, one line
 * per suite and, last, `N passed, N failed, N skipped`. It fails when a phase failed, a suite is missing or ran no
 * test, a test passed only on a retry (counted as failed), an error happened outside a test, or the whole run took
 * longer than the budget (CI_BUDGET_SECONDS, 3,000 s: well inside CI's 5,400 s limit, so a slow change is seen
 * before it cannot land).
 *
 * Usage: tsx scripts/ci-summary.ts <results dir> <seconds since .ci/run started>
 */
const [resultsDir = '.ci/results', elapsedArg = '0'] = process.argv.slice(2);
const elapsed = Number(elapsedArg);
const budget = Number(process.env.CI_BUDGET_SECONDS ?? '3000');

/** The suites CI must have run: both passes' unit suites, the embedded pass's e2e suite, the tagged PostgreSQL one. */
const EXPECTED = ['embedded/unit', 'embedded/e2e', 'postgres/unit', 'postgres/e2e'] as const;
const LABELS: Record<string, string> = {
  setup: 'setup (system packages, npm ci)',
  'embedded/check': 'check (types, lint, format, API drift, docs)',
  'embedded/unit': 'unit + integration on PGlite',
  'embedded/e2e': 'end-to-end on PGlite (web build included)',
  'postgres/unit': 'unit + integration on PostgreSQL',
  'postgres/e2e': 'end-to-end on PostgreSQL (tag server-database)',
};

const problems: string[] = [];
const phases: Array<{ name: string; seconds: number; ok: boolean }> = [];

const tsv = join(resultsDir, 'phases.tsv');
if (existsSync(tsv)) {
  for (const line of readFileSync(tsv, 'utf8').split('\n').filter(Boolean)) {
    const [name = '?', seconds = '0', rc = '1'] = line.split('\t');
    if (name === 'embedded') {
      // npm test's own phases, as it timed them.
      const inner = join(resultsDir, 'embedded', 'phases.json');
      const times = existsSync(inner) ? (JSON.parse(readFileSync(inner, 'utf8')) as PhaseTime[]) : [];
      for (const t of times) phases.push({ name: `embedded/${t.phase}`, seconds: t.seconds, ok: t.ok });
      if (times.length === 0) phases.push({ name: 'embedded', seconds: Number(seconds), ok: rc === '0' });
    } else {
      phases.push({ name, seconds: Number(seconds), ok: rc === '0' });
    }
    if (rc !== '0') problems.push(`phase ${name} exited with ${rc}`);
  }
} else {
  problems.push(`no ${tsv}: .ci/run did not time its phases`);
}

const reports: SuiteReport[] = [];
for (const name of EXPECTED) {
  const file = join(resultsDir, `${name}.json`);
  if (!existsSync(file)) {
    problems.push(`suite ${name} left no report (it did not run)`);
    continue;
  }
  const report = JSON.parse(readFileSync(file, 'utf8')) as SuiteReport;
  reports.push({ ...report, suite: name });
}

console.log('\n== wall time of each phase');
for (const p of phases) {
  console.log(`  ${(LABELS[p.name] ?? p.name).padEnd(52)} ${String(p.seconds).padStart(5)} s${p.ok ? '' : '  FAILED'}`);
}
console.log(`  ${'whole run'.padEnd(52)} ${String(elapsed).padStart(5)} s  (budget ${budget} s)`);

console.log('\n== the ten slowest test files');
const allFiles = reports.flatMap((r) => r.files.map((f) => ({ ...f, suite: r.suite })));
for (const f of [...allFiles].sort((a, b) => b.durationMs - a.durationMs).slice(0, 10)) {
  console.log(`  ${(f.durationMs / 1000).toFixed(0).padStart(5)} s  ${f.suite.padEnd(14)} ${f.file}`);
}

console.log('\n== suites');
let passed = 0;
let failed = 0;
let skipped = 0;
for (const r of reports) {
  const p = r.files.reduce((n, f) => n + f.passed, 0);
  const flaky = r.files.flatMap((f) => f.flaky.map((name) => `${f.file} › ${name}`));
  const fl = r.files.reduce((n, f) => n + f.failed, 0) + flaky.length;
  const s = r.files.reduce((n, f) => n + f.skipped, 0);
  console.log(`  ${r.suite}: ${p - flaky.length} passed, ${fl} failed, ${s} skipped (${r.files.length} files)`);
  passed += p - flaky.length;
  failed += fl;
  skipped += s;
  if (p === 0) problems.push(`suite ${r.suite} ran no test`);
  for (const name of flaky) problems.push(`passed only on a retry (counted as failed): ${r.suite} ${name}`);
  for (const f of r.files.filter((x) => x.fileFailed)) problems.push(`${r.suite} ${f.file} failed outside its tests`);
  for (const e of r.unhandledErrors) problems.push(`${r.suite}: error outside any test: ${e}`);
}
if (elapsed > budget) {
  problems.push(
    `the whole run took ${elapsed} s, over its ${budget} s budget (CI's limit is 5,400 s): find the slow phase and ` +
      'files above and make them faster before adding more (docs/PERFORMANCE.md, "Test suite time")',
  );
}

if (problems.length > 0) {
  console.log('\n== CI fails');
  for (const p of problems) console.log(`  - ${p}`);
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(problems.length > 0 || failed > 0 ? 1 : 0);

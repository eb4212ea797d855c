import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import type { Reporter, SerializedError, TestModule } from 'vitest/node';

/**
 * What one suite (a `vitest run`) did, for `.ci/run`'s summary (`.ci/summarise.ts`): per test file its wall time and
 * its counts, and the tests that passed only on a retry, which the summary counts as failures. Vitest's own JSON report
 * keeps neither a file's setup time (a browser spec's server start is in its `beforeAll`) nor retries.
 */
export interface SuiteReport {
  suite: string;
  /** Wall time of the whole run, from the reporter's start to the end of the last file. */
  wallMs: number;
  files: FileReport[];
  /** Errors outside any test (an unhandled rejection): each fails the run. */
  unhandledErrors: string[];
}

export interface FileReport {
  /** Relative to the repository root. */
  file: string;
  /** Import, setup, every test and every hook of the file. */
  durationMs: number;
  passed: number;
  failed: number;
  skipped: number;
  /** Full names of tests that failed first and passed on a retry. */
  flaky: string[];
  /** The file itself failed (an error in a hook or while importing), whatever its tests say. */
  fileFailed: boolean;
}

export interface SuiteReporterOptions {
  /** Where the report goes (a JSON file). */
  outputFile: string;
  /** The suite's name in the summary (`unit`, `e2e`). */
  suite: string;
  /** Paths in the report are relative to this directory. */
  root: string;
}

export default class SuiteReporter implements Reporter {
  private started = Date.now();

  constructor(private readonly options: SuiteReporterOptions) {}

  onInit(): void {
    this.started = Date.now();
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>): void {
    const files = modules.map((m) => this.fileReport(m));
    const report: SuiteReport = {
      suite: this.options.suite,
      wallMs: Date.now() - this.started,
      files,
      unhandledErrors: unhandledErrors.map((e) => e.message),
    };
    mkdirSync(dirname(this.options.outputFile), { recursive: true });
    writeFileSync(this.options.outputFile, `${JSON.stringify(report, null, 2)}\n`);
  }

  private fileReport(m: TestModule): FileReport {
    const d = m.diagnostic();
    const out: FileReport = {
      file: relative(this.options.root, m.moduleId),
      durationMs: Math.round(
        d.environmentSetupDuration + d.prepareDuration + d.collectDuration + d.setupDuration + d.duration,
      ),
      passed: 0,
      failed: 0,
      skipped: 0,
      flaky: [],
      fileFailed: m.state() === 'failed' && m.errors().length > 0,
    };
    for (const test of m.children.allTests()) {
      const state = test.result().state;
      if (state === 'passed') out.passed += 1;
      else if (state === 'failed') out.failed += 1;
      else out.skipped += 1;
      if (state === 'passed' && test.diagnostic()?.retryCount) out.flaky.push(test.fullName);
    }
    return out;
  }
}

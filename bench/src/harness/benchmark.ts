/**
 * A benchmark is a module `src/<name>.bench.ts` whose default export is a `Benchmark`; `run-all.ts` finds and runs
 * every one of them in turn. Each prints its figures beside a reference measured in the same run (ENGINEERING.md §5).
 */
export interface Benchmark {
  /** Short name, used to pick benchmarks on the command line (`npm run bench -- api-read`). */
  name: string;
  /** One line saying what is measured and against which reference. */
  title: string;
  run(): Promise<void>;
}

export function isBenchmark(value: unknown): value is Benchmark {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<Record<keyof Benchmark, unknown>>;
  return (
    typeof candidate.name === 'string' && typeof candidate.title === 'string' && typeof candidate.run === 'function'
  );
}

/** Positive integer from the environment (e.g. BENCH_ROUNDS), or the default. */
export function envInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, not "${raw}"`);
  return value;
}

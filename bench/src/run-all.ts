import { readdirSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { envInt, isBenchmark, type Benchmark } from './harness/benchmark';
import { runAllCleanups } from './harness/cleanup';

/**
 * `npm run bench [-- name …]`: finds every `src/*.bench.ts` and runs them one after another (or only those named).
 * Each prints its figures beside a reference measured in the same run. A watchdog stops the whole run after
 * BENCH_TIMEOUT_SECONDS (default 1800) so it always ends by itself; children and scratch databases are cleaned up.
 */
const here = fileURLToPath(new URL('.', import.meta.url));
const wanted = process.argv.slice(2);

async function discover(): Promise<Benchmark[]> {
  const found: Benchmark[] = [];
  for (const file of readdirSync(here)
    .filter((f) => f.endsWith('.bench.ts'))
    .sort()) {
    const module = (await import(pathToFileURL(here + file).href)) as { default?: unknown };
    if (!isBenchmark(module.default)) throw new Error(`${file}: the default export is not a Benchmark`);
    found.push(module.default);
  }
  return found;
}

async function stopEverything(code: number): Promise<never> {
  await runAllCleanups();
  process.exit(code);
}

const timeoutSeconds = envInt('BENCH_TIMEOUT_SECONDS', 1800);
setTimeout(() => {
  console.error(`\nbench: still running after ${timeoutSeconds} s; stopping`);
  void stopEverything(1);
}, timeoutSeconds * 1000).unref();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    console.error(`\nbench: ${signal}; stopping the servers and dropping scratch databases`);
    void stopEverything(130);
  });
}

const all = await discover();
const selected = wanted.length ? all.filter((b) => wanted.includes(b.name)) : all;
if (selected.length === 0) {
  console.error(`bench: nothing matches ${wanted.join(', ')}; known: ${all.map((b) => b.name).join(', ')}`);
  process.exit(2);
}

const cpu = cpus()[0]?.model ?? 'unknown CPU';
console.log(`Zhengcai benchmarks — ${new Date().toISOString()}`);
console.log(
  `node ${process.version}, ${cpus().length} × ${cpu}, load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
console.log('Figures are ratios to a reference measured in the same run (ENGINEERING.md §5).');

let failed = 0;
for (const benchmark of selected) {
  const started = Date.now();
  console.log(`\n■ ${benchmark.name}: ${benchmark.title}`);
  try {
    await benchmark.run();
    console.log(`\n  (${benchmark.name} took ${Math.round((Date.now() - started) / 1000)} s)`);
  } catch (error) {
    failed++;
    console.error(
      `\n  ${benchmark.name} FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
  }
  await runAllCleanups();
}
await stopEverything(failed ? 1 : 0);

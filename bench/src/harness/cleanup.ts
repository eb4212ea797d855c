/**
 * Things to undo whatever happens (child servers, scratch databases, temporary files): run in reverse order on
 * normal completion, on Ctrl-C and when the watchdog in run-all.ts fires, so that `npm run bench` never leaves
 * anything behind. A cleanup already running when another `runAllCleanups` starts (Ctrl-C while a failing benchmark
 * cleans up) is waited for, not skipped, so the process never exits half-way through one.
 */
type Cleanup = () => Promise<void>;

const pending = new Set<Cleanup>();
const running = new Set<Promise<void>>();

/** Registers `fn`; the returned function runs it now (once; later calls wait for that run) and unregisters it. */
export function deferCleanup(fn: Cleanup): () => Promise<void> {
  let run: Promise<void> | null = null;
  const once: Cleanup = () => {
    if (!run) {
      pending.delete(once);
      const started = fn().finally(() => running.delete(started));
      running.add(started);
      run = started;
    }
    return run;
  };
  pending.add(once);
  return once;
}

export async function runAllCleanups(): Promise<void> {
  for (const fn of [...pending].reverse()) {
    await fn().catch((error: unknown) => console.error('cleanup failed:', error));
  }
  await Promise.allSettled([...running]);
}

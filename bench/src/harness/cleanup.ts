/**
 * Things to undo whatever happens (child servers, scratch databases): run in reverse order on normal completion,
 * on Ctrl-C and when the watchdog in run-all.ts fires, so that `npm run bench` never leaves anything behind.
 */
type Cleanup = () => Promise<void>;

const pending = new Set<Cleanup>();

/** Registers `fn`; the returned function runs it now (once) and unregisters it. */
export function deferCleanup(fn: Cleanup): () => Promise<void> {
  let done = false;
  const once: Cleanup = async () => {
    if (done) return;
    done = true;
    pending.delete(once);
    await fn();
  };
  pending.add(once);
  return once;
}

export async function runAllCleanups(): Promise<void> {
  for (const fn of [...pending].reverse()) {
    await fn().catch((error: unknown) => console.error('cleanup failed:', error));
  }
}

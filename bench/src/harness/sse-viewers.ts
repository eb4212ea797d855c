import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { deferCleanup } from './cleanup';

const tsxLoader = import.meta.resolve('tsx');

export interface ViewerSamples {
  /** Per event id, the instant (wall clock ms) each stream received it. */
  received: Record<string, number[]>;
  /** Per event id, its `data:` line as received. */
  payloads: Record<string, string>;
  /** CPU time of the viewers' process since they were all connected. */
  cpuMs: number;
}

export interface Viewers {
  pid: number;
  /** How long connecting every stream took. */
  connectMs: number;
  /** Resolves when every stream has received event `id` (rejects after `timeoutMs`). */
  complete(id: string, timeoutMs: number): Promise<void>;
  collect(): Promise<ViewerSamples>;
  close(): Promise<void>;
}

/**
 * `count` SSE streams to `url`, read in their own process (workers/sse-viewers.ts) so the load generator does not
 * take the server's thread; resolves once every stream is open and has received the `retry:` preamble.
 */
export async function openViewers(url: string, count: number): Promise<Viewers> {
  const script = fileURLToPath(new URL('../workers/sse-viewers.ts', import.meta.url));
  const child: ChildProcess = fork(script, [], {
    execArgv: ['--import', tsxLoader],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const close = deferCleanup(async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.send({ type: 'close' });
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  });
  const completed = new Set<string>();
  const waiting = new Map<string, () => void>();
  let failure: Error | null = null;
  child.on('message', (message: { type: string; id?: string; message?: string }) => {
    if (message.type === 'complete' && message.id) {
      completed.add(message.id);
      waiting.get(message.id)?.();
    } else if (message.type === 'error') failure = new Error(`viewers: ${message.message ?? '?'}`);
  });
  const next = <T>(type: string, timeoutMs: number) =>
    new Promise<T>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(failure ?? new Error(`viewers: no "${type}" in ${timeoutMs} ms`)),
        timeoutMs,
      );
      const onMessage = (message: { type: string; message?: string }) => {
        if (message.type === 'error') {
          clearTimeout(timer);
          child.off('message', onMessage);
          reject(new Error(`viewers: ${message.message ?? '?'}`));
        } else if (message.type === type) {
          clearTimeout(timer);
          child.off('message', onMessage);
          resolve(message as T);
        }
      };
      child.on('message', onMessage);
    });
  try {
    const connected = next<{ ms: number }>('connected', 300_000);
    child.send({ type: 'connect', url, count });
    const { ms } = await connected;
    return {
      pid: child.pid ?? Number.NaN,
      connectMs: ms,
      complete: (id, timeoutMs) =>
        completed.has(id)
          ? Promise.resolve()
          : new Promise<void>((resolve, reject) => {
              const timer = setTimeout(() => {
                waiting.delete(id);
                reject(new Error(`event ${id} did not reach all ${count} viewers in ${timeoutMs} ms`));
              }, timeoutMs);
              waiting.set(id, () => {
                clearTimeout(timer);
                waiting.delete(id);
                resolve();
              });
            }),
      async collect() {
        const samples = next<ViewerSamples>('samples', 60_000);
        child.send({ type: 'collect' });
        return samples;
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { deferCleanup } from './cleanup';
import { isFromChild, type FromChild, type ToChild } from './protocol';

export interface ChildServer {
  port: number;
  /** The server's process id (e.g. to read its memory from /proc, harness/memory.ts). */
  pid: number;
  facts: Record<string, string>;
  /** CPU time (user + system, microseconds) the child process has used so far. */
  cpuMicros(): Promise<number>;
  /** Moves the server's clock forward (servers started with a movable clock only); returns its new time. */
  advanceClock(ms: number): Promise<Date>;
  /** Runs one of the server's named `calls` in its process (serve-child.ts) and returns its answer. */
  call(name: string, arg?: string): Promise<string>;
  stop(): Promise<void>;
}

/** How long a server may take to start (migrations, seeding); BENCH_READY_SECONDS raises it on a loaded machine. */
const READY_TIMEOUT_MS = Number(process.env.BENCH_READY_SECONDS ?? '90') * 1000;
const STOP_TIMEOUT_MS = 15_000;
/** The tsx loader, resolved here so the child finds it whatever its working directory. */
const tsxLoader = import.meta.resolve('tsx');
/** BENCH_PROFILE_DIR=dir: each server process writes a V8 CPU profile there when it stops (open in Chrome DevTools). */
const profileDir = process.env.BENCH_PROFILE_DIR;

/**
 * Runs `src/servers/<script>.ts` (which calls `serveChild`) in its own Node process under tsx and waits until it
 * listens. The server under test and the load generator then use different processes, so they do not share one
 * event loop (on a 2-core machine they still share the cores; see docs/PERFORMANCE.md).
 */
export async function startChild(script: string, env: Record<string, string> = {}): Promise<ChildServer> {
  const path = fileURLToPath(new URL(`../servers/${script}.ts`, import.meta.url));
  const child: ChildProcess = fork(path, [], {
    execArgv: ['--import', tsxLoader, ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [])],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let calls = 0;
  const stop = deferCleanup(async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    if (child.connected) child.send({ type: 'stop' } satisfies ToChild);
    else child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
  });

  const next = (wanted: FromChild['type'], timeoutMs: number): Promise<FromChild> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => finish(new Error(`${script}: no "${wanted}" within ${timeoutMs} ms`)), timeoutMs);
      const onMessage = (message: unknown) => {
        if (!isFromChild(message)) return;
        if (message.type === 'failed') finish(new Error(`${script}: ${message.message}`));
        else if (message.type === wanted) finish(null, message);
      };
      const onExit = (code: number | null) => finish(new Error(`${script} exited (code ${code ?? 'none'})`));
      function finish(error: Error | null, message?: FromChild) {
        clearTimeout(timer);
        child.off('message', onMessage);
        child.off('exit', onExit);
        if (error) reject(error);
        else if (message) resolve(message);
      }
      child.on('message', onMessage);
      child.once('exit', onExit);
    });

  try {
    const ready = await next('ready', READY_TIMEOUT_MS);
    if (ready.type !== 'ready') throw new Error(`${script}: unexpected ${ready.type}`);
    return {
      port: ready.port,
      pid: child.pid ?? Number.NaN,
      facts: ready.facts,
      async cpuMicros() {
        const reply = next('cpu', 5_000);
        child.send({ type: 'cpu' } satisfies ToChild);
        const message = await reply;
        return message.type === 'cpu' ? message.micros : Number.NaN;
      },
      async advanceClock(ms: number) {
        const reply = next('clock', 5_000);
        child.send({ type: 'advance_clock', ms } satisfies ToChild);
        const message = await reply;
        if (message.type !== 'clock') throw new Error(`${script}: unexpected ${message.type}`);
        return new Date(message.now);
      },
      async call(name, arg = '') {
        const id = ++calls;
        const answer = new Promise<string>((resolve, reject) => {
          const onMessage = (message: unknown) => {
            if (!isFromChild(message) || message.type !== 'answer' || message.id !== id) return;
            child.off('message', onMessage);
            if (message.error) reject(new Error(`${script}: ${message.error}`));
            else resolve(message.value);
          };
          child.on('message', onMessage);
        });
        child.send({ type: 'call', id, name, arg } satisfies ToChild);
        return answer;
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

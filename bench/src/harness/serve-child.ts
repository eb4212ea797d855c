import { rmSync } from 'node:fs';
import { isToChild, type FromChild } from './protocol';

export interface StartedServer {
  /** The port it listens on, on 127.0.0.1. */
  port: number;
  /** Anything the benchmark needs to drive it (e.g. a login), passed back with the ready message. */
  facts?: Record<string, string>;
  /** Servers run on a movable clock (harness/offset-clock.ts): moves it forward and returns the new time. */
  advanceClock?(ms: number): Date;
  /** Operations the benchmark may ask the server's process to run (ChildServer.call), by name. */
  calls?: Record<string, (arg: string) => Promise<string>>;
  close(): Promise<void>;
}

/**
 * Removes `dir` when this process exits, however it exits (also when it is stopped while still starting, before
 * its server exists to close).
 */
export function removeOnExit(dir: string): void {
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
}

function send(message: FromChild): void {
  process.send?.(message);
}

/**
 * The child side of `startChild`: starts the server, reports `ready`, answers CPU-time queries, and shuts down on
 * `stop` or as soon as the benchmark process goes away (the IPC channel closes), so no server outlives a run.
 */
export function serveChild(start: () => Promise<StartedServer>): void {
  if (!process.send) {
    console.error('this script is started by the benchmarks (bench/src/harness/child.ts), not directly');
    process.exit(2);
  }
  let server: StartedServer | null = null;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    const force = setTimeout(() => process.exit(code || 1), 10_000);
    force.unref();
    await server?.close().catch((error: unknown) => console.error('closing the server failed:', error));
    process.exit(code);
  };
  process.on('message', (message) => {
    if (!isToChild(message)) return;
    if (message.type === 'stop') void stop(0);
    else if (message.type === 'advance_clock') {
      if (server?.advanceClock) send({ type: 'clock', now: server.advanceClock(message.ms).toISOString() });
      else send({ type: 'failed', message: 'this server has no movable clock' });
    } else if (message.type === 'call') {
      const { id, name, arg } = message;
      const call = server?.calls?.[name];
      if (!call) send({ type: 'answer', id, value: '', error: `no call "${name}"` });
      else
        call(arg).then(
          (value) => send({ type: 'answer', id, value }),
          (error: unknown) => send({ type: 'answer', id, value: '', error: String(error) }),
        );
    } else {
      const { user, system } = process.cpuUsage();
      send({ type: 'cpu', micros: user + system });
    }
  });
  process.on('disconnect', () => void stop(0));
  start()
    .then((started) => {
      server = started;
      send({ type: 'ready', port: started.port, facts: started.facts ?? {} });
    })
    .catch((error: unknown) => {
      send({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
      void stop(1);
    });
}

import { cpus } from 'node:os';
import type { ChildServer } from './child';
import { busyFraction, machineCpu } from './machine';
import { currentRss, peakRss, resetPeakRss } from './memory';

export interface Timed<T> {
  value: T;
  ms: number;
  /** Fraction of all cores busy during the block. */
  machineBusy: number;
  /** Of that, neither this process nor `server`: other work on the machine (and a PostgreSQL server's processes). */
  othersBusy: number;
  /** CPU time used during the block, milliseconds: this process, and the server process (NaN without one). */
  clientCpuMs: number;
  serverCpuMs: number;
  /** Resident memory at the start and its peak during the block, bytes (NaN off Linux). */
  clientRss: { start: number; peak: number };
  serverRss: { start: number; peak: number };
}

/**
 * Runs `block` and records its wall time, the CPU time of this process and of `server`, how busy the machine was
 * and the peak resident memory of both processes during the block (harness/memory.ts).
 */
export async function timed<T>(block: () => Promise<T>, server?: ChildServer): Promise<Timed<T>> {
  resetPeakRss('self');
  if (server) resetPeakRss(server.pid);
  const clientRssStart = currentRss('self');
  const serverRssStart = server ? currentRss(server.pid) : Number.NaN;
  const serverBefore = server ? await server.cpuMicros() : Number.NaN;
  const selfBefore = process.cpuUsage();
  const machineBefore = machineCpu();
  const started = performance.now();
  const value = await block();
  const ms = performance.now() - started;
  const machineAfter = machineCpu();
  const self = process.cpuUsage(selfBefore);
  const serverAfter = server ? await server.cpuMicros() : Number.NaN;
  const clientCpuMs = (self.user + self.system) / 1000;
  const serverCpuMs = (serverAfter - serverBefore) / 1000;
  const machineBusy = busyFraction(machineBefore, machineAfter);
  const ownMs = clientCpuMs + (server ? serverCpuMs : 0);
  return {
    value,
    ms,
    machineBusy,
    othersBusy: Math.max(0, machineBusy - ownMs / (ms * cpus().length)),
    clientCpuMs,
    serverCpuMs,
    clientRss: { start: clientRssStart, peak: peakRss('self') },
    serverRss: { start: serverRssStart, peak: server ? peakRss(server.pid) : Number.NaN },
  };
}

/** Runs `fn` over `items` with at most `width` at a time; results in input order. */
export async function inPool<T, R>(items: readonly T[], width: number, fn: (item: T, index: number) => Promise<R>) {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
  return results;
}

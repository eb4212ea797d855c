import { cpus } from 'node:os';
import autocannon from 'autocannon';
import type { ChildServer } from './child';
import { busyFraction, machineCpu } from './machine';

export interface LoadSettings {
  connections: number;
  seconds: number;
}

export interface Target {
  label: string;
  url: string;
  headers?: Record<string, string>;
  /** The process that serves `url`, to charge it the CPU time it used per request. */
  server: ChildServer;
}

export interface RoundResult {
  /** Requests per second over the round (autocannon's average of its per-second samples). */
  rps: number;
  /** Latency percentiles in milliseconds; autocannon records whole milliseconds, so these are integers. */
  p50: number;
  p99: number;
  /** Mean latency in milliseconds from Little's law (connections ÷ rate), finer than autocannon's whole ms. */
  mean: number;
  /** CPU time of the server process per request, in microseconds (the database server's is not included). */
  serverCpuMicros: number;
  /** Fraction of all cores busy during the round (server, load generator, database, anything else). */
  machineBusy: number;
  /**
   * Fraction of all cores busy with neither the server nor this process (the load generator): other work on the
   * machine — and, with PostgreSQL, the database server's own processes.
   */
  othersBusy: number;
}

/** One autocannon run against 127.0.0.1; any non-2xx answer or socket error fails the benchmark. */
export async function loadRound(target: Target, settings: LoadSettings): Promise<RoundResult> {
  if (new URL(target.url).hostname !== '127.0.0.1') throw new Error(`refusing to load ${target.url}: not 127.0.0.1`);
  const cpuBefore = await target.server.cpuMicros();
  const selfBefore = process.cpuUsage();
  const machineBefore = machineCpu();
  const started = performance.now();
  const result = await autocannon({
    url: target.url,
    connections: settings.connections,
    duration: settings.seconds,
    headers: target.headers ?? {},
  });
  const wallMicros = (performance.now() - started) * 1000;
  const machineAfter = machineCpu();
  const self = process.cpuUsage(selfBefore);
  const cpuAfter = await target.server.cpuMicros();
  const machineBusy = busyFraction(machineBefore, machineAfter);
  const ownMicros = cpuAfter - cpuBefore + self.user + self.system;
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${target.label}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  }
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    mean: (settings.connections / result.requests.average) * 1000,
    serverCpuMicros: result.requests.total > 0 ? (cpuAfter - cpuBefore) / result.requests.total : Number.NaN,
    machineBusy,
    othersBusy: Math.max(0, machineBusy - ownMicros / (wallMicros * cpus().length)),
  };
}

export interface Comparison {
  reference: RoundResult[];
  subject: RoundResult[];
  /** subject.rps / reference.rps, round by round. */
  ratios: number[];
}

/**
 * Warms both up (not counted), then alternates reference and subject for `rounds` rounds (A B A B …), so that a
 * change in the machine's load during the run affects both sides alike and each ratio compares neighbours in time.
 */
export async function compare(
  reference: Target,
  subject: Target,
  settings: LoadSettings & { rounds: number; warmupSeconds: number },
  onRound?: (round: number, ref: RoundResult, sub: RoundResult) => void,
): Promise<Comparison> {
  const warmup = { connections: settings.connections, seconds: settings.warmupSeconds };
  await loadRound(reference, warmup);
  await loadRound(subject, warmup);
  const out: Comparison = { reference: [], subject: [], ratios: [] };
  for (let i = 0; i < settings.rounds; i++) {
    const ref = await loadRound(reference, settings);
    const sub = await loadRound(subject, settings);
    out.reference.push(ref);
    out.subject.push(sub);
    out.ratios.push(sub.rps / ref.rps);
    onRound?.(i + 1, ref, sub);
  }
  return out;
}

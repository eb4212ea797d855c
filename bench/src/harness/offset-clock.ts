import type { Clock } from '../../../apps/server/src/platform/clock';

/**
 * The real time plus an offset the benchmark moves forward (over IPC, harness/child.ts `advanceClock`): a benchmark
 * of the opening reaches a bid deadline weeks ahead without waiting, while time keeps running as on a real server
 * (the decryption window counts down in real time once it has started).
 */
export class OffsetClock implements Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  advance(ms: number): Date {
    if (!Number.isFinite(ms) || ms < 0) throw new Error('the clock only moves forward');
    this.offsetMs += ms;
    return this.now();
  }
}

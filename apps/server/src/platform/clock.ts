/**
 * Time is the server's (PRODUCT.md §5): every deadline is judged by a Clock, never by `new Date()` in a rule, so
 * that tests can set time and demo mode can run it faster.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** Demo mode: time starts at the real time and runs `factor` times faster. */
export function acceleratedClock(factor: number, start: Date = new Date()): Clock {
  const realStart = Date.now();
  return { now: () => new Date(start.getTime() + (Date.now() - realStart) * factor) };
}

/**
 * A clock tests move by hand. It stands still between moves, or — `running` — runs with real time from wherever it
 * was last set (end-to-end specs: records made one after another get distinct times, as in real use, and a spec still
 * jumps to a deadline instead of waiting for it).
 */
export class ManualClock implements Clock {
  private current: number;
  private setAtReal = Date.now();

  constructor(
    start: Date | string = '2026-03-02T01:00:00.000Z',
    private readonly running = false,
  ) {
    this.current = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.current + (this.running ? Date.now() - this.setAtReal : 0));
  }
  set(to: Date | string): void {
    this.current = new Date(to).getTime();
    this.setAtReal = Date.now();
  }
  advance(ms: number): void {
    this.set(new Date(this.now().getTime() + ms));
  }
}

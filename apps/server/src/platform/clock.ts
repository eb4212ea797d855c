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

/** A clock tests move by hand. */
export class ManualClock implements Clock {
  private current: number;
  constructor(start: Date | string = '2026-03-02T01:00:00.000Z') {
    this.current = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.current);
  }
  set(to: Date | string): void {
    this.current = new Date(to).getTime();
  }
  advance(ms: number): void {
    this.current += ms;
  }
}

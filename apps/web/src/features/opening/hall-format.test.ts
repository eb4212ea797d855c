import { describe, expect, it, vi } from 'vitest';
import {
  bidProgress,
  clockSample,
  debounce,
  formatCountdown,
  readOutRows,
  serverNow,
  windowRemainingMs,
} from './hall-format';

describe('the hall clock', () => {
  it('counts down by the server’s clock, not the device’s', () => {
    // The device is 90 s behind the server.
    const device = Date.parse('2026-11-29T12:00:00Z');
    const sample = clockSample('2026-11-29T12:01:30Z', device);
    expect(sample).toEqual({ server: device + 90_000, device });
    const now = serverNow(sample, sample, device + 1000);
    expect(now).toBe(device + 91_000);
    expect(windowRemainingMs('2026-11-29T12:31:31Z', now)).toBe(30 * 60_000);
    expect(windowRemainingMs('2026-11-29T12:00:30Z', now)).toBe(0);
    expect(windowRemainingMs(null, now)).toBeNull();
    expect(clockSample('not a time', device)).toBeNull();
    expect(serverNow(null, null, device)).toBe(device);
  });

  it('follows a server clock that runs faster (a demo’s acceleration), but not network jitter', () => {
    const first = { server: 1_000_000, device: 0 };
    // 10 s on the device, 300 s on the server: 30 times faster.
    const latest = { server: 1_300_000, device: 10_000 };
    expect(serverNow(first, latest, 11_000)).toBe(1_330_000);
    // 2 % apart is jitter: the offset only.
    expect(serverNow(first, { server: 1_010_200, device: 10_000 }, 11_000)).toBe(1_011_200);
    // Too short a span to measure a rate.
    expect(serverNow(first, { server: 1_060_000, device: 2_000 }, 3_000)).toBe(1_061_000);
  });

  it.each([
    [0, '00:00'],
    [1, '00:01'],
    [999, '00:01'],
    [59_000, '00:59'],
    [60_000, '01:00'],
    [30 * 60_000, '30:00'],
    [3_600_000, '1:00:00'],
    [3_600_000 + 61_000, '1:01:01'],
    [-5, '00:00'],
  ])('shows %i ms as %s', (ms, text) => {
    expect(formatCountdown(ms)).toBe(text);
  });
});

describe('the read-out', () => {
  const bid = (
    id: string,
    state: 'sealed' | 'decrypted' | 'invalid',
    readOutSeq: number | null,
    at: string | null,
  ) => ({
    submissionId: id,
    state,
    readOutSeq,
    decryptedAt: at,
  });

  it('lists decrypted bids only, in reading order', () => {
    const rows = readOutRows([
      bid('a', 'decrypted', 2, '2026-11-29T12:02:00Z'),
      bid('b', 'sealed', null, null),
      bid('c', 'decrypted', 1, '2026-11-29T12:03:00Z'),
      bid('d', 'invalid', null, null),
      bid('e', 'decrypted', null, '2026-11-29T12:01:00Z'),
    ]);
    expect(rows.map((r) => r.submissionId)).toEqual(['c', 'a', 'e']);
  });

  it('shows a sealed bid as decrypting while its key is being released here', () => {
    const releasing = new Set(['a']);
    expect(bidProgress({ submissionId: 'a', state: 'sealed' }, releasing)).toBe('decrypting');
    expect(bidProgress({ submissionId: 'b', state: 'sealed' }, releasing)).toBe('sealed');
    expect(bidProgress({ submissionId: 'a', state: 'decrypted' }, releasing)).toBe('decrypted');
    expect(bidProgress({ submissionId: 'a', state: 'invalid' }, releasing)).toBe('invalid');
  });
});

describe('debounce', () => {
  it('coalesces a burst into one call and can be cancelled', () => {
    vi.useFakeTimers();
    const fn = vi.fn();
    const d = debounce(fn, 100);
    d.trigger();
    d.trigger();
    vi.advanceTimersByTime(99);
    d.trigger();
    vi.advanceTimersByTime(100);
    expect(fn).toHaveBeenCalledTimes(1);
    d.trigger();
    d.cancel();
    vi.advanceTimersByTime(500);
    expect(fn).toHaveBeenCalledTimes(1);
    vi.useRealTimers();
  });
});

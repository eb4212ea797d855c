import { describe, expect, it, vi } from 'vitest';
import { bidProgress, debounce, formatCountdown, readOutRows, serverOffsetMs, windowRemainingMs } from './hall-format';

describe('the hall clock', () => {
  it('counts down by the server’s clock, not the device’s', () => {
    // The device is 90 s behind the server.
    const device = Date.parse('2026-11-29T12:00:00Z');
    const offset = serverOffsetMs('2026-11-29T12:01:30Z', device);
    expect(offset).toBe(90_000);
    expect(windowRemainingMs('2026-11-29T12:31:30Z', device, offset)).toBe(30 * 60_000);
    expect(windowRemainingMs('2026-11-29T12:00:30Z', device, offset)).toBe(0);
    expect(windowRemainingMs(null, device, offset)).toBeNull();
    expect(serverOffsetMs('not a time', device)).toBe(0);
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

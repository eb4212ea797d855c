import type { HallBid } from './types';

/** The server's time as a view said it (`serverTime`) and this device's clock when the view arrived. */
export interface ClockSample {
  server: number;
  device: number;
}

export function clockSample(serverTime: string, receivedAt: number): ClockSample | null {
  const server = new Date(serverTime).getTime();
  return Number.isNaN(server) ? null : { server, device: receivedAt };
}

/**
 * The server's time at this device's instant `device`, from the first and the latest view: the latest offset, and
 * the rate when the server's clock measurably runs faster than this device's (a demonstration server's
 * CLOCK_ACCELERATION), so the countdown follows the server whatever this device's clock says.
 */
export function serverNow(first: ClockSample | null, latest: ClockSample | null, device: number): number {
  if (!latest) return device;
  let rate = 1;
  const span = first ? latest.device - first.device : 0;
  if (first && span >= 3000) {
    const measured = (latest.server - first.server) / span;
    if (Number.isFinite(measured) && measured > 0 && Math.abs(measured - 1) > 0.05) rate = measured;
  }
  return latest.server + (device - latest.device) * rate;
}

/** Time left in the window by the server's clock, never below 0; null when the window has not started. */
export function windowRemainingMs(endsAt: string | null, server: number): number | null {
  if (!endsAt) return null;
  return Math.max(0, new Date(endsAt).getTime() - server);
}

/** A countdown as H:MM:SS (or MM:SS under an hour), rounded up so it reads 00:00 only at the end. */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${two(m)}:${two(s)}`;
}

/** The read-out (唱标) in the order bids were read: decrypted bids by their read-out sequence. */
export function readOutRows<B extends Pick<HallBid, 'state' | 'readOutSeq' | 'decryptedAt'>>(bids: B[]): B[] {
  return bids
    .filter((b) => b.state === 'decrypted')
    .sort(
      (a, b) =>
        (a.readOutSeq ?? Number.MAX_SAFE_INTEGER) - (b.readOutSeq ?? Number.MAX_SAFE_INTEGER) ||
        (a.decryptedAt ?? '').localeCompare(b.decryptedAt ?? ''),
    );
}

export type BidProgress = 'sealed' | 'decrypting' | 'decrypted' | 'invalid';

/** A bid's progress in the hall: the server's state, or `decrypting` while its key is being released here. */
export function bidProgress(bid: Pick<HallBid, 'state' | 'submissionId'>, releasing: ReadonlySet<string>): BidProgress {
  if (bid.state === 'sealed' && releasing.has(bid.submissionId)) return 'decrypting';
  return bid.state;
}

/**
 * Coalesces bursts (many events in a few ms, e.g. a resumed stream) into one call `waitMs` after the last. Returns
 * the trigger and a cancel for unmounting.
 */
export function debounce(fn: () => void, waitMs: number): { trigger: () => void; cancel: () => void } {
  let timer: ReturnType<typeof setTimeout> | null = null;
  return {
    trigger: () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        fn();
      }, waitMs);
    },
    cancel: () => {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}

import type { HallBid } from './types';

/** How far the server clock is ahead of this device's (ms), from a view's `serverTime` read at `receivedAt`. */
export function serverOffsetMs(serverTime: string, receivedAt: number): number {
  const server = new Date(serverTime).getTime();
  return Number.isNaN(server) ? 0 : server - receivedAt;
}

/** Time left in the window by the server's clock, never below 0; null when the window has not started. */
export function windowRemainingMs(endsAt: string | null, deviceNow: number, offsetMs: number): number | null {
  if (!endsAt) return null;
  return Math.max(0, new Date(endsAt).getTime() - (deviceNow + offsetMs));
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

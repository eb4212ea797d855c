import type { Bilingual } from '../bilingual';

/**
 * A tender lot with fewer than three valid bids fails (流标): 《政府采购法》第三十六条 (fewer than three suppliers
 * meeting the requirements), 财政部令第87号 on opening. Named so the rule is quoted, not a bare 3.
 */
export const MIN_VALID_BIDS_FOR_OPENING = 3;

export type OpeningOutcome =
  { outcome: 'valid' } | { outcome: 'failed'; reason: 'FEWER_THAN_THREE_VALID_BIDS'; message: Bilingual };

/** The hall's outcome from the count of decrypted (valid) bids at the close. */
export function openingOutcome(validBids: number): OpeningOutcome {
  if (validBids >= MIN_VALID_BIDS_FOR_OPENING) return { outcome: 'valid' };
  return {
    outcome: 'failed',
    reason: 'FEWER_THAN_THREE_VALID_BIDS',
    message: {
      zh: `有效投标不足${MIN_VALID_BIDS_FOR_OPENING}家（${validBids}家），本包流标`,
      en: `Fewer than ${MIN_VALID_BIDS_FOR_OPENING} valid bids (${validBids}): the lot fails`,
    },
  };
}

/** The end of the decryption window: the start plus the project's window in minutes. */
export function decryptionEndsAt(startedAt: Date, windowMinutes: number): Date {
  return new Date(startedAt.getTime() + windowMinutes * 60_000);
}

export type WindowPosition = 'not_started' | 'open' | 'ended';

/** Where `at` falls against the window `startedAt <= at < endsAt` (half-open: the end instant is too late). */
export function decryptionWindowPosition(
  window: { startedAt: Date | null; endsAt: Date | null },
  at: Date,
): WindowPosition {
  if (window.startedAt === null || window.endsAt === null) return 'not_started';
  if (at.getTime() < window.startedAt.getTime()) return 'not_started';
  if (at.getTime() >= window.endsAt.getTime()) return 'ended';
  return 'open';
}

/** True while a key may be released. */
export function isInDecryptionWindow(window: { startedAt: Date | null; endsAt: Date | null }, at: Date): boolean {
  return decryptionWindowPosition(window, at) === 'open';
}

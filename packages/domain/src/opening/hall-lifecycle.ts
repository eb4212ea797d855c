import type { TransitionTable } from '../state-machine';

/**
 * One opening hall per lot (ADR 0016): created `open` at the bid deadline; the host starts decryption; the window
 * closes (job at its end, or the host once no bid is sealed) into the read-out; the host signs the record, then the
 * supervisor (when one signed in) — or the record is published right after the host when none did.
 */
export const HALL_STATES = ['open', 'decrypting', 'read_out', 'signed', 'published'] as const;
export type HallState = (typeof HALL_STATES)[number];

export const HALL_EVENTS = ['start_decryption', 'close', 'host_sign', 'supervisor_sign', 'publish'] as const;
export type HallEvent = (typeof HALL_EVENTS)[number];

export const HALL_TRANSITIONS: TransitionTable<HallState, HallEvent> = {
  open: { start_decryption: 'decrypting' },
  decrypting: { close: 'read_out' },
  read_out: { host_sign: 'signed' },
  signed: { supervisor_sign: 'published', publish: 'published' },
  published: {},
} satisfies Record<HallState, Partial<Record<HallEvent, HallState>>>;

/** A bid in the hall: sealed until its owner's key (or recovery) opens it, or invalid with a reason. */
export const OPENING_BID_STATES = ['sealed', 'decrypted', 'invalid'] as const;
export type OpeningBidState = (typeof OPENING_BID_STATES)[number];

export const OPENING_BID_EVENTS = ['decrypt', 'invalidate'] as const;
export type OpeningBidEvent = (typeof OPENING_BID_EVENTS)[number];

export const OPENING_BID_TRANSITIONS: TransitionTable<OpeningBidState, OpeningBidEvent> = {
  sealed: { decrypt: 'decrypted', invalidate: 'invalid' },
  decrypted: {},
  invalid: {},
} satisfies Record<OpeningBidState, Partial<Record<OpeningBidEvent, OpeningBidState>>>;

/** Why a bid became invalid in the hall (stored on the bid, shown on the record). */
export const INVALID_BID_REASONS = [
  'NOT_DECRYPTED_IN_WINDOW',
  'CIPHERTEXT_MISSING',
  'CIPHERTEXT_HASH_MISMATCH',
  'PACKAGE_CORRUPT',
  'PACKAGE_SIGNATURE_INVALID',
] as const;
export type InvalidBidReason = (typeof INVALID_BID_REASONS)[number];

/** Each reason as the record, the event log and the hall say it (zh, en). */
export const INVALID_BID_REASON_TEXT: Record<InvalidBidReason, { zh: string; en: string }> = {
  NOT_DECRYPTED_IN_WINDOW: { zh: '未在解密时限内解密', en: 'Not decrypted within the decryption window' },
  CIPHERTEXT_MISSING: { zh: '密文缺失', en: 'The ciphertext is missing' },
  CIPHERTEXT_HASH_MISMATCH: { zh: '密文摘要与回执不符', en: 'The ciphertext hash does not match the receipt' },
  PACKAGE_CORRUPT: { zh: '投标文件包已损坏', en: 'The bid package is damaged' },
  PACKAGE_SIGNATURE_INVALID: { zh: '投标人签名验证不通过', en: 'The bidder’s signature does not verify' },
};

/** The text of a stored reason (a reason written by an older version is shown as it was stored). */
export function invalidBidReasonText(reason: string): { zh: string; en: string } {
  return (INVALID_BID_REASON_TEXT as Record<string, { zh: string; en: string }>)[reason] ?? { zh: reason, en: reason };
}

import type { TransitionTable } from '../state-machine';

/**
 * A sealed-bid submission's lifecycle (C9, ADR 0013/0014). `uploading`: the server issued a nonce and a resumable
 * upload. `complete` verifies the envelope and counts the bid (`submitted`); a consortium bid waits in
 * `awaiting_members` until every member co-signs (`all_signed`) or one declines (`decline` → `cancelled`). A newer
 * submission of the same bidder `replace`s a counted one; the bidder may `withdraw` until the deadline (a consortium
 * bid still awaiting its members is then `cancelled`, it never counted). `expire` sweeps an unfinished upload, or a
 * consortium bid whose members had not all signed at the deadline.
 */
export const BID_SUBMISSION_STATES = [
  'uploading',
  'awaiting_members',
  'submitted',
  'replaced',
  'withdrawn',
  'expired',
  'cancelled',
] as const;
export type BidSubmissionState = (typeof BID_SUBMISSION_STATES)[number];

export const BID_SUBMISSION_EVENTS = [
  'complete',
  'await_members',
  'all_signed',
  'decline',
  'replace',
  'withdraw',
  'expire',
] as const;
export type BidSubmissionEvent = (typeof BID_SUBMISSION_EVENTS)[number];

export const BID_SUBMISSION_TRANSITIONS: TransitionTable<BidSubmissionState, BidSubmissionEvent> = {
  uploading: { complete: 'submitted', await_members: 'awaiting_members', expire: 'expired' },
  awaiting_members: { all_signed: 'submitted', decline: 'cancelled', withdraw: 'cancelled', expire: 'expired' },
  submitted: { replace: 'replaced', withdraw: 'withdrawn' },
  replaced: {},
  withdrawn: {},
  expired: {},
  cancelled: {},
};

/** States in which a submission still holds its participants' places on the lot (bid_participations). */
export const LIVE_BID_STATES = [
  'uploading',
  'awaiting_members',
  'submitted',
] as const satisfies readonly BidSubmissionState[];

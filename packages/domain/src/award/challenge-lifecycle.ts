import type { TransitionTable } from '../state-machine';

/**
 * A challenge (质疑, C14): `pending` from filing until the host answers (`answered`), or the challenger withdraws it
 * (`withdrawn`). While one is pending the purchaser or the supervisor may suspend the award (the award's own flag).
 */
export const CHALLENGE_STATES = ['pending', 'answered', 'withdrawn'] as const;
export type ChallengeState = (typeof CHALLENGE_STATES)[number];

export const CHALLENGE_EVENTS = ['answer', 'withdraw'] as const;
export type ChallengeEvent = (typeof CHALLENGE_EVENTS)[number];

export const CHALLENGE_TRANSITIONS: TransitionTable<ChallengeState, ChallengeEvent> = {
  pending: { answer: 'answered', withdraw: 'withdrawn' },
  answered: {},
  withdrawn: {},
} satisfies Record<ChallengeState, Partial<Record<ChallengeEvent, ChallengeState>>>;

/** What a notification letter is: the winner's 中标（成交）通知书, or another bidder's 结果通知书. */
export const AWARD_LETTER_KINDS = ['award', 'result'] as const;
export type AwardLetterKind = (typeof AWARD_LETTER_KINDS)[number];

import { describe, expect, it } from 'vitest';
import { nextState } from '../state-machine';
import {
  BID_SUBMISSION_EVENTS,
  BID_SUBMISSION_STATES,
  BID_SUBMISSION_TRANSITIONS,
  LIVE_BID_STATES,
} from './submission-lifecycle';

describe('bid submission lifecycle', () => {
  const expected: Record<string, string | null> = {
    'uploading/complete': 'submitted',
    'uploading/await_members': 'awaiting_members',
    'uploading/expire': 'expired',
    'awaiting_members/all_signed': 'submitted',
    'awaiting_members/decline': 'cancelled',
    'awaiting_members/withdraw': 'cancelled',
    'awaiting_members/expire': 'expired',
    'submitted/replace': 'replaced',
    'submitted/withdraw': 'withdrawn',
  };
  for (const state of BID_SUBMISSION_STATES) {
    for (const event of BID_SUBMISSION_EVENTS) {
      const key = `${state}/${event}`;
      it(`${key} → ${expected[key] ?? 'refused'}`, () => {
        expect(nextState(BID_SUBMISSION_TRANSITIONS, state, event)).toBe(expected[key] ?? null);
      });
    }
  }

  it('a live state is one some event leaves; a final state is left by none', () => {
    for (const state of BID_SUBMISSION_STATES) {
      const leaves = Object.keys(BID_SUBMISSION_TRANSITIONS[state]).length > 0;
      expect(leaves).toBe((LIVE_BID_STATES as readonly string[]).includes(state));
    }
  });
});

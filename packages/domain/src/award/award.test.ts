import { describe, expect, it } from 'vitest';
import { nextState } from '../state-machine';
import type { RankedBid } from '../evaluation/evaluation-outcome';
import { chooseWinner, firstRanked } from './award-choice';
import {
  answerPeriod,
  challengeWindow,
  confirmationPeriod,
  extendedPeriod,
  publicationPeriod,
  withinPeriod,
  workingDayPeriod,
} from './award-periods';
import { CHALLENGE_EVENTS, CHALLENGE_STATES, CHALLENGE_TRANSITIONS } from './challenge-lifecycle';

describe('award periods (working days, Beijing)', () => {
  it('confirmation: 5 working days after the report, ending at 24:00 Beijing of the last one', () => {
    // Friday 2026-12-04 10:00 Beijing: Mon 7 … Fri 11.
    const p = confirmationPeriod('2026-12-04T10:00:00+08:00');
    expect(p.lastDay).toBe('2026-12-11');
    expect(p.endsAt.toISOString()).toBe('2026-12-11T16:00:00.000Z');
    expect(p.remindAt.toISOString()).toBe('2026-12-10T16:00:00.000Z');
  });

  it('counts from the Beijing date: 23:30 UTC on a Thursday is already Friday in Beijing', () => {
    expect(confirmationPeriod('2026-12-03T23:30:00Z').lastDay).toBe('2026-12-11');
    expect(confirmationPeriod('2026-12-03T15:30:00Z').lastDay).toBe('2026-12-10');
  });

  it('skips the National Day holiday and counts the adjusted working Saturday', () => {
    // Reported Wed 2026-09-30: Oct 1–7 off, Thu 8, Fri 9, Sat 10 (调休上班), Mon 12, Tue 13.
    expect(confirmationPeriod('2026-09-30T09:00:00+08:00').lastDay).toBe('2026-10-13');
  });

  it('publication 2, challenge 1 + 7, answer 7 working days', () => {
    expect(publicationPeriod('2026-12-04T10:00:00+08:00').lastDay).toBe('2026-12-08');
    expect(challengeWindow('2026-12-04T10:00:00+08:00').lastDay).toBe('2026-12-16');
    expect(answerPeriod('2026-12-04T10:00:00+08:00').lastDay).toBe('2026-12-15');
  });

  it('an extension adds working days after the current last day', () => {
    const p = confirmationPeriod('2026-12-04T10:00:00+08:00');
    expect(extendedPeriod(p, 3).lastDay).toBe('2026-12-16');
    expect(() => extendedPeriod(p, 11)).toThrow(RangeError);
  });

  it('is inside until the end, not at it', () => {
    const p = workingDayPeriod('2026-12-04T10:00:00+08:00', 1);
    expect(withinPeriod(new Date(p.endsAt.getTime() - 1), p.endsAt)).toBe(true);
    expect(withinPeriod(p.endsAt, p.endsAt)).toBe(false);
    expect(() => workingDayPeriod('2026-12-04T10:00:00+08:00', 0)).toThrow(RangeError);
  });
});

const bid = (submissionId: string, rank: number, tie = false): RankedBid => ({
  submissionId,
  organisationId: `org-${submissionId}`,
  rank,
  bidPriceFen: 100,
  evaluationPriceFen: 100,
  total: null,
  tie,
});

describe('chooseWinner (87号令第六十八条)', () => {
  const single = { ranking: [bid('a', 1), bid('b', 2), bid('c', 3)] };
  const tied = { ranking: [bid('a', 1, true), bid('b', 1, true), bid('c', 3)] };

  it('takes the first-ranked bid, and refuses any other', () => {
    expect(chooseWinner(single, {})).toMatchObject({ ok: true, winner: { submissionId: 'a' }, tied: false });
    expect(chooseWinner(single, { submissionId: 'a' })).toMatchObject({ ok: true });
    expect(chooseWinner(single, { submissionId: 'b' })).toEqual({ ok: false, problem: 'not-first-ranked' });
  });

  it('with a tie for first, needs a pick among the tied and the reason', () => {
    expect(firstRanked(tied).map((b) => b.submissionId)).toEqual(['a', 'b']);
    expect(chooseWinner(tied, {})).toEqual({ ok: false, problem: 'tie-choice-required' });
    expect(chooseWinner(tied, { submissionId: 'c', tieBreakReason: 'x' })).toEqual({
      ok: false,
      problem: 'not-first-ranked',
    });
    expect(chooseWinner(tied, { submissionId: 'b', tieBreakReason: '  ' })).toEqual({
      ok: false,
      problem: 'tie-reason-required',
    });
    expect(chooseWinner(tied, { submissionId: 'b', tieBreakReason: '技术得分高者优先' })).toMatchObject({
      ok: true,
      winner: { submissionId: 'b' },
      tied: true,
    });
  });

  it('has no candidate without a ranking', () => {
    expect(chooseWinner({ ranking: [] }, {})).toEqual({ ok: false, problem: 'no-candidate' });
  });
});

describe('challenge lifecycle', () => {
  it('only a pending challenge can be answered or withdrawn', () => {
    for (const state of CHALLENGE_STATES) {
      for (const event of CHALLENGE_EVENTS) {
        const next = nextState(CHALLENGE_TRANSITIONS, state, event);
        if (state === 'pending') expect(next).toBe(event === 'answer' ? 'answered' : 'withdrawn');
        else expect(next).toBeNull();
      }
    }
  });
});

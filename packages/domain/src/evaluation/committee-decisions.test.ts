import { describe, expect, it } from 'vitest';
import { bidStandsAfterReviews, electedLeader, majorityOf } from './committee-decisions';

describe('committee decisions (少数服从多数)', () => {
  it('a majority is more than half: 3 of 5, 4 of 7; 2 of 5 and 2 of 4 are not', () => {
    expect(majorityOf(3, 5)).toBe(true);
    expect(majorityOf(4, 7)).toBe(true);
    expect(majorityOf(2, 5)).toBe(false);
    expect(majorityOf(2, 4)).toBe(false);
    expect(() => majorityOf(6, 5)).toThrow(RangeError);
    expect(() => majorityOf(1, 0)).toThrow(RangeError);
  });

  it('a bid stands only when qualified and passed by a majority of the committee', () => {
    expect(
      bidStandsAfterReviews({
        qualificationPassed: true,
        complianceVotes: [true, true, true, false, false],
        committeeSize: 5,
      }),
    ).toBe(true);
    expect(
      bidStandsAfterReviews({
        qualificationPassed: true,
        complianceVotes: [true, true, false, false, false],
        committeeSize: 5,
      }),
    ).toBe(false);
    expect(
      bidStandsAfterReviews({
        qualificationPassed: false,
        complianceVotes: [true, true, true, true, true],
        committeeSize: 5,
      }),
    ).toBe(false);
  });

  it('the leader is whoever a majority voted for, counting each voter’s latest vote once', () => {
    const votes = [
      { voter: 'a', candidate: 'b' },
      { voter: 'b', candidate: 'b' },
      { voter: 'c', candidate: 'a' },
      { voter: 'd', candidate: 'b' },
    ];
    expect(electedLeader(votes, 5)).toBe('b');
    expect(electedLeader(votes.slice(0, 2), 5)).toBeNull();
    expect(electedLeader([...votes, { voter: 'd', candidate: 'a' }], 5)).toBeNull();
  });
});

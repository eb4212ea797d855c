import { describe, expect, it } from 'vitest';
import { checkCommitteeComposition, minimumCommitteeSize, type CommitteeProject } from './committee-composition';

const ordinary: CommitteeProject = { budgetFen: 300_000_000, technicallyComplex: false, highSocialImpact: false };

describe('committee composition (87号令 第四十七条)', () => {
  it.each([
    [5, 0, []],
    [4, 1, []],
    [3, 0, ['COMMITTEE_TOO_SMALL']],
    [4, 0, ['COMMITTEE_TOO_SMALL', 'COMMITTEE_SIZE_EVEN']],
    [6, 0, ['COMMITTEE_SIZE_EVEN']],
    [3, 2, ['DRAWN_EXPERTS_BELOW_TWO_THIRDS']],
    [5, 2, []],
    [6, 2, ['COMMITTEE_SIZE_EVEN']],
    [5, 3, ['COMMITTEE_SIZE_EVEN', 'DRAWN_EXPERTS_BELOW_TWO_THIRDS']],
    [6, 3, []],
    [5, 4, ['DRAWN_EXPERTS_BELOW_TWO_THIRDS']],
  ])('%i drawn experts + %i purchaser representatives → %j', (drawnExperts, purchaserRepresentatives, problems) => {
    const check = checkCommitteeComposition({ drawnExperts, purchaserRepresentatives, project: ordinary });
    expect(check.ok ? [] : check.problems.map((p) => p.code)).toEqual(problems);
  });

  it('7 or more for 10 million yuan and above, complex or high-impact projects', () => {
    expect(minimumCommitteeSize(ordinary)).toBe(5);
    expect(minimumCommitteeSize({ ...ordinary, budgetFen: 999_999_999 })).toBe(5);
    expect(minimumCommitteeSize({ ...ordinary, budgetFen: 1_000_000_000 })).toBe(7);
    expect(minimumCommitteeSize({ ...ordinary, technicallyComplex: true })).toBe(7);
    expect(minimumCommitteeSize({ ...ordinary, highSocialImpact: true })).toBe(7);
    const large = { ...ordinary, budgetFen: 2_000_000_000 };
    const check = checkCommitteeComposition({ drawnExperts: 4, purchaserRepresentatives: 1, project: large });
    expect(check).toMatchObject({ ok: false, problems: [{ code: 'COMMITTEE_TOO_SMALL', required: 7, actual: 5 }] });
  });

  it('explains in both languages and cites the source', () => {
    const check = checkCommitteeComposition({ drawnExperts: 3, purchaserRepresentatives: 2, project: ordinary });
    if (check.ok) throw new Error('expected a problem');
    const [problem] = check.problems;
    expect(problem?.required).toBe(4);
    expect(problem?.message.zh).toBe('随机抽取的评审专家不得少于成员总数的三分之二（5人中至少4人），现为3人');
    expect(problem?.message.en).toContain('at least two thirds');
    expect(problem?.sources.map((s) => s.zh)).toEqual(['财政部令第87号第四十七条', '《政府采购法实施条例》第三十九条']);
  });

  it('refuses impossible counts', () => {
    expect(() =>
      checkCommitteeComposition({ drawnExperts: -1, purchaserRepresentatives: 0, project: ordinary }),
    ).toThrow(RangeError);
  });
});

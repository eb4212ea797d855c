import { describe, expect, it } from 'vitest';
import { aggregateExpertScores } from './expert-aggregation';
import { validateExpertScores, type ExpertScore, type ExpertScoringInput } from './expert-scores';
import { criteria } from './evaluation-fixtures.test-support';

const crit = criteria(30, [40, 10], [30, 20]); // price 30; c0 weight 40 out of 10; c1 weight 30 out of 20
const experts = ['e1', 'e2', 'e3', 'e4', 'e5'];

function sheet(bidId: string, c0: number[], c1: number[]): ExpertScore[] {
  return experts.flatMap((expertId, i) => [
    { expertId, bidId, criterionKey: 'c0', score: c0[i] ?? 5, reason: '说明' },
    { expertId, bidId, criterionKey: 'c1', score: c1[i] ?? 10, reason: '说明' },
  ]);
}

const input = (scores: ExpertScore[], bidIds = ['A']): ExpertScoringInput => ({
  criteria: crit,
  experts,
  bidIds,
  scores,
});

describe('expert score sheets: validation', () => {
  const ok = sheet('A', [8, 7.5, 9, 8, 8], [15, 16, 14, 15, 15]);

  it('accepts a complete sheet', () => {
    expect(validateExpertScores(input(ok))).toEqual([]);
  });

  it.each<[string, Partial<ExpertScore>, string]>([
    ['above the maximum', { score: 10.5 }, 'SCORE_OUT_OF_RANGE'],
    ['negative', { score: -1 }, 'SCORE_OUT_OF_RANGE'],
    ['not a number', { score: Number.NaN }, 'SCORE_OUT_OF_RANGE'],
    ['three decimals', { score: 7.555 }, 'SCORE_PRECISION'],
    ['the maximum without a reason', { score: 10, reason: ' ' }, 'REASON_REQUIRED'],
    ['zero without a reason', { score: 0, reason: undefined }, 'REASON_REQUIRED'],
    ['an unknown criterion', { criterionKey: 'zz' }, 'UNKNOWN_CRITERION'],
    ['the price criterion', { criterionKey: 'price' }, 'PRICE_NOT_SCORED_BY_EXPERTS'],
    ['an expert not on the committee', { expertId: 'x9' }, 'UNKNOWN_EXPERT'],
    ['a bid not being scored', { bidId: 'Z' }, 'UNKNOWN_BID'],
  ])('refuses %s', (_name, change, code) => {
    const scores = ok.map((s, i) => (i === 0 ? { ...s, ...change } : s));
    const problems = validateExpertScores(input(scores));
    expect(problems.map((p) => p.code)).toContain(code);
    const p = problems.find((x) => x.code === code);
    expect(p?.message.zh).toBeTruthy();
    expect(p?.message.en).toBeTruthy();
  });

  it('accepts the extremes with a reason', () => {
    const scores = ok.map((s, i) =>
      i === 0 ? { ...s, score: 10, reason: '方案完整，优于要求' } : i === 2 ? { ...s, score: 0, reason: '未提供' } : s,
    );
    expect(validateExpertScores(input(scores))).toEqual([]);
  });

  it('reports a missing and a duplicate score', () => {
    const scores = [...ok.slice(1), ok[2] as ExpertScore];
    expect(validateExpertScores(input(scores)).map((p) => [p.code, p.expertId, p.criterionKey])).toEqual([
      ['DUPLICATE_SCORE', 'e2', 'c0'],
      ['SCORE_MISSING', 'e1', 'c0'],
    ]);
  });

  it('the extremes message names the expert, the bid and the criterion', () => {
    const scores = ok.map((s, i) => (i === 0 ? { ...s, score: 10, reason: '' } : s));
    const [p] = validateExpertScores(input(scores));
    expect(p?.message.zh).toBe('专家 e1 对 A 的"评审因素0"打出满分 10 分，须填写理由');
    expect(p?.message.en).toBe('Expert e1 gave A the maximum, 10 on "评审因素0": a reason is required');
  });
});

describe('expert score aggregation: converted to the weight, averaged, rounded once', () => {
  it('a worked example: (8 + 7.5 + 9 + 8 + 8) ÷ 5 ÷ 10 × 40 = 32.4', () => {
    const r = aggregateExpertScores(input(sheet('A', [8, 7.5, 9, 8, 8], [15, 16, 14, 15, 15])));
    if (!r.ok) throw new Error('expected scores');
    const a = r.byBid.get('A');
    expect(a?.criteria.map((c) => [c.criterionKey, c.average, c.unrounded.text])).toEqual([
      ['c0', '32.40', '32.4'],
      ['c1', '22.50', '22.5'], // 75 ÷ 5 ÷ 20 × 30
    ]);
    expect(a?.total).toBe('54.90');
    expect(a?.criteria[0]?.text.zh).toBe(
      '评审因素0：专家评分 8、7.5、9、8、8（满分 10），折算 = (8 + 7.5 + 9 + 8 + 8) ÷ 5 ÷ 10 × 40 = 32.4 → 32.40（四舍五入保留两位小数）',
    );
  });

  it('rounds an exact .005 half up: (1.01 + 1.01) ÷ 2 ÷ 10 × 25 = 2.525 → 2.53', () => {
    const c = criteria(0, [25, 10], [75, 10]);
    const scores: ExpertScore[] = ['e1', 'e2'].flatMap((expertId) => [
      { expertId, bidId: 'A', criterionKey: 'c0', score: 1.01 },
      { expertId, bidId: 'A', criterionKey: 'c1', score: 5 },
    ]);
    const r = aggregateExpertScores({ criteria: c, experts: ['e1', 'e2'], bidIds: ['A'], scores });
    expect(r.ok && r.byBid.get('A')?.criteria[0]?.average).toBe('2.53');
  });

  it('rounds only the average, never each expert first: (1.01 + 1.00) ÷ 2 ÷ 10 × 25 = 2.5125 → 2.51, not 2.52', () => {
    const c = criteria(0, [25, 10], [75, 10]);
    const scores: ExpertScore[] = [
      { expertId: 'e1', bidId: 'A', criterionKey: 'c0', score: 1.01 }, // 2.525 alone would round to 2.53
      { expertId: 'e2', bidId: 'A', criterionKey: 'c0', score: 1 },
      { expertId: 'e1', bidId: 'A', criterionKey: 'c1', score: 5 },
      { expertId: 'e2', bidId: 'A', criterionKey: 'c1', score: 5 },
    ];
    const r = aggregateExpertScores({ criteria: c, experts: ['e1', 'e2'], bidIds: ['A'], scores });
    if (!r.ok) throw new Error('expected scores');
    expect(r.byBid.get('A')?.criteria[0]).toMatchObject({ average: '2.51', unrounded: { text: '2.5125' } });
  });

  it('the total is the sum of the printed criterion averages, not the rounded exact sum', () => {
    const c = criteria(0, [25, 10], [25, 10]);
    const scores: ExpertScore[] = ['e1', 'e2'].flatMap((expertId) => [
      { expertId, bidId: 'A', criterionKey: 'c0', score: 1.01 },
      { expertId, bidId: 'A', criterionKey: 'c1', score: 1.01 },
    ]);
    const r = aggregateExpertScores({ criteria: c, experts: ['e1', 'e2'], bidIds: ['A'], scores });
    if (!r.ok) throw new Error('expected scores');
    const a = r.byBid.get('A');
    expect(a?.criteria.map((x) => x.average)).toEqual(['2.53', '2.53']); // 2.525 each
    expect(a?.total).toBe('5.06'); // the exact sum 5.05 is never printed: the parts must add up
  });

  it('returns the validation problems instead of scores', () => {
    const r = aggregateExpertScores(input([]));
    expect(r.ok).toBe(false);
    expect(r.ok ? 0 : r.problems.length).toBe(experts.length * 2);
  });
});

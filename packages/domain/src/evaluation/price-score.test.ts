import { describe, expect, it } from 'vitest';
import type { BidForEvaluation } from './evaluation-types';
import { computePriceScores } from './price-score';
import { rankByLowestEvaluatedPrice } from './lowest-evaluated-price';
import { outcome, policy, solo, yuan } from './evaluation-fixtures.test-support';

const goods = policy(); // 2026, goods, 10% small/micro

const bid = (bidId: string, scale: 'small' | 'large', y: number, compliant = true): BidForEvaluation => ({
  bidId,
  label: `投标人${bidId}`,
  compliant,
  bidPriceFen: yuan(y),
  sme: outcome(goods, solo(scale, yuan(y))),
});

const scoreOf = (r: ReturnType<typeof computePriceScores>, id: string) => r.scores.find((s) => s.bidId === id);

describe('price score by low-price priority (87号令 第五十五条)', () => {
  // A small enterprise bids 1,000,000.00 → evaluated at 900,000.00 after the 10% deduction: the benchmark.
  const bids = [
    bid('A', 'small', 1_000_000),
    bid('B', 'large', 950_000),
    bid('C', 'large', 1_200_000),
    bid('D', 'large', 800_000, false),
  ];
  const r = computePriceScores(bids, 30);

  it('takes the lowest evaluation price among compliant bids as the benchmark', () => {
    expect(r.benchmark).toEqual({ bidIds: ['A'], labels: ['投标人A'], evaluationPriceFen: yuan(900_000) });
    expect(r.excluded.map((e) => e.bidId)).toEqual(['D']);
  });

  it.each<[string, number, string]>([
    ['A', 3000, '30.00'], // the benchmark scores the full weight
    ['B', 2842, '28.42'], // 900000 / 950000 × 30 = 28.421052…
    ['C', 2250, '22.50'], // 900000 / 1200000 × 30 = 22.5
  ])('%s scores %i hundredths', (id, h, text) => {
    expect(scoreOf(r, id)).toMatchObject({ scoreHundredths: h, score: text });
  });

  it('carries its working: benchmark, evaluation price, deduction, ratio, weight, unrounded and rounded values', () => {
    const b = scoreOf(r, 'B')?.working;
    expect(b).toMatchObject({
      method: 'low-price-priority',
      evaluationPriceFen: yuan(950_000),
      deduction: null,
      bonus: null,
      weightHundredths: 3000,
      rounding: 'half-up to 0.01',
      ratio: { numerator: '18', denominator: '19', text: '0.947368…' },
      unrounded: { numerator: '540', denominator: '19', text: '28.421052…' },
    });
    expect(b?.text.zh).toBe(
      '价格分 = 评标基准价 900,000.00 元（投标人A）÷ 评审价 950,000.00 元（无价格扣除）× 30 = 0.947368… × 30 = 28.421052… → 28.42（四舍五入保留两位小数）',
    );
    const a = scoreOf(r, 'A')?.working;
    expect(a?.deduction).toEqual({
      branch: 'small-micro',
      basisPoints: 1000,
      deductionFen: yuan(100_000),
      ruleKey: 'SME_DEDUCTION_SMALL_MICRO@CN@2022-07-01',
    });
    for (const s of r.scores) {
      for (const t of [s.working.text.zh, s.working.text.en]) {
        expect(t).toContain('900,000.00'); // the benchmark
        expect(t).toContain(s.working.ratio.text); // the ratio
        expect(t).toContain(s.score); // the rounded value
      }
      expect(s.working.text.zh).toContain('四舍五入');
      expect(s.working.text.en).toContain('rounded half up');
    }
    expect(a?.text.zh).toContain('扣除 10% 即 100,000.00 元');
    expect(a?.text.en).toContain('less the 10% deduction of CNY 100,000.00');
  });

  it('rounds an exact .005 half up: 900,000 / 960,000 × 30 = 28.125 → 28.13', () => {
    const s = computePriceScores([bid('A', 'large', 900_000), bid('B', 'large', 960_000)], 30);
    expect(scoreOf(s, 'B')).toMatchObject({ scoreHundredths: 2813, working: { unrounded: { text: '28.125' } } });
  });

  it('is exact where floating point is not: 900,500 / 1,000,000 × 10 = 9.005 → 9.01', () => {
    const floating = Math.round((90_050_000 / 100_000_000) * 10 * 100) / 100;
    expect(floating).toBe(9); // 9.004999… in binary: a float engine would print 9.00
    const s = computePriceScores([bid('A', 'large', 900_500), bid('B', 'large', 1_000_000)], 10);
    expect(scoreOf(s, 'B')).toMatchObject({ score: '9.01', working: { unrounded: { text: '9.005' } } });
  });

  it('just below .005 rounds down', () => {
    // 1,000,000 / 1,000,001 × 30 = 29.99997… → 30.00; 1 / 3 × 30 = 10 exactly; 2 / 3 × 10.01 = 6.673… → 6.67
    const s = computePriceScores([bid('A', 'large', 200), bid('B', 'large', 300)], 10.01);
    expect(scoreOf(s, 'B')).toMatchObject({ score: '6.67', working: { unrounded: { text: '6.673333…' } } });
  });

  it('two bids at the benchmark both score the full weight and are both named', () => {
    const s = computePriceScores([bid('A', 'large', 900_000), bid('B', 'small', 1_000_000)], 30);
    expect(s.benchmark?.bidIds).toEqual(['A', 'B']);
    expect(s.scores.map((x) => x.score)).toEqual(['30.00', '30.00']);
  });

  it('works under the Bidding Law: the bonus raises the score computed on the bid price', () => {
    const works = policy({ category: 'works', worksUnderBiddingLaw: true, smallMicroPercent: 5, consortiumPercent: 2 });
    const wbid = (id: string, scale: 'small' | 'large', y: number): BidForEvaluation => ({
      bidId: id,
      compliant: true,
      bidPriceFen: yuan(y),
      sme: outcome(works, solo(scale, yuan(y))),
    });
    const s = computePriceScores(
      [wbid('A', 'small', 1_000_000), wbid('B', 'large', 900_000), wbid('C', 'small', 900_000)],
      30,
    );
    expect(s.benchmark?.bidIds).toEqual(['B', 'C']); // no deduction: the bid prices are compared
    const a = scoreOf(s, 'A');
    expect(a).toMatchObject({ score: '28.35' }); // 0.9 × 30 × 1.05
    expect(a?.working.bonus).toEqual({
      branch: 'small-micro',
      basisPoints: 500,
      ruleKey: 'SME_WORKS_PRICE_BONUS_SMALL_MICRO@CN@2022-07-01',
    });
    expect(a?.working.text.zh).toContain('× (1 + 5%)');
    // The law adds the bonus to the price score without a cap: the benchmark small bidder gets 31.50 of 30.
    expect(scoreOf(s, 'C')?.score).toBe('31.50');
  });

  it('refuses a weight that is not a percentage with two decimals', () => {
    expect(() => computePriceScores([], 30.001)).toThrow(RangeError);
    expect(() => computePriceScores([], 101)).toThrow(RangeError);
    expect(() => computePriceScores([bid('A', 'large', 1), bid('A', 'large', 2)], 30)).toThrow(/twice/);
  });
});

describe('lowest evaluated price (87号令 第五十三条, 第五十四条)', () => {
  const r = rankByLowestEvaluatedPrice([
    bid('C', 'large', 950_000),
    bid('A', 'small', 1_000_000), // 900,000 after the deduction
    bid('B', 'large', 900_000),
    bid('D', 'large', 800_000, false),
    bid('E', 'large', 990_000),
  ]);

  it('ranks compliant bids by evaluation price; equal prices share a rank and are flagged', () => {
    expect(r.ranking.map((e) => [e.bidId, e.rank, e.flag])).toEqual([
      ['A', 1, 'TIE_NEEDS_DOCUMENT_RULE'],
      ['B', 1, 'TIE_NEEDS_DOCUMENT_RULE'],
      ['C', 3, null],
      ['E', 4, null],
    ]);
    expect(r.ties).toHaveLength(1);
    expect(r.ties[0]).toMatchObject({ rank: 1, bidIds: ['A', 'B'], flag: 'TIE_NEEDS_DOCUMENT_RULE' });
    expect(r.ties[0]?.message.zh).toContain('并列第 1 名');
    expect(r.excluded.map((e) => e.bidId)).toEqual(['D']);
  });

  it('each line says how the evaluation price was reached', () => {
    expect(r.ranking[0]?.text.zh).toContain('第 1 名（并列）');
    expect(r.ranking[0]?.text.zh).toContain('900,000.00');
    expect(r.ranking[0]?.text.zh).toContain('按采购文件确定的 10% 扣除');
    expect(r.ranking[2]?.text.en).toContain('Rank 3: 投标人C, evaluation price CNY 950,000.00');
  });
});

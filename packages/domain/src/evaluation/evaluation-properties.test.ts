import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateComprehensive } from './comprehensive-scoring';
import type { BidForEvaluation } from './evaluation-types';
import { divideHalfUp } from './exact-arithmetic';
import type { ExpertScore } from './expert-scores';
import { rankByLowestEvaluatedPrice } from './lowest-evaluated-price';
import { computePriceScores } from './price-score';
import type { SupplierScale } from './sme-bid';
import { criteria, outcome, policy, solo } from './evaluation-fixtures.test-support';

const goods = policy({ smallMicroPercent: 20, consortiumPercent: 6 });
const SCALES: SupplierScale[] = ['large', 'medium', 'small', 'micro', 'prison-enterprise', 'disabled-welfare-unit'];

const bidsArb = fc
  .array(
    fc.record({
      // Mostly random prices, sometimes a few shared ones, so that ties happen.
      price: fc.oneof(fc.integer({ min: 1, max: 100_000_000_000 }), fc.constantFrom(100_000_000, 120_000_000)),
      scale: fc.constantFrom(...SCALES),
      compliant: fc.boolean(),
      supplied: fc.boolean(),
    }),
    { minLength: 1, maxLength: 25 },
  )
  .map((rows) =>
    rows.map((r, i): BidForEvaluation => ({
      bidId: `b${String(i).padStart(2, '0')}`,
      compliant: r.compliant,
      bidPriceFen: r.price,
      sme: outcome(goods, solo(r.scale, r.price, r.supplied)),
    })),
  );

const crit = criteria(30, [40, 10], [30, 5]);
const experts = ['e1', 'e2', 'e3', 'e4', 'e5'];

/** Random scores on two decimals within each criterion's scale, with a reason everywhere. */
function scoresFor(bids: readonly BidForEvaluation[], seed: number): ExpertScore[] {
  let x = seed || 1;
  const next = () => ((x = (x * 1_103_515_245 + 12_345) % 2_147_483_648), x);
  return bids
    .filter((b) => b.compliant)
    .flatMap((b) =>
      experts.flatMap((expertId) =>
        crit
          .filter((c) => c.kind !== 'price')
          .map((c) => ({
            expertId,
            bidId: b.bidId,
            criterionKey: c.key,
            // Odd seeds: random scores; even seeds: everyone the same, so that equal totals happen.
            score: seed % 2 === 0 ? c.maxScore / 2 : (next() % (c.maxScore * 100 + 1)) / 100,
            reason: '理由',
          })),
      ),
    );
}

describe('properties of the evaluation engine', () => {
  it('half-up division agrees with floor((2n + d) / 2d)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 30n }), fc.bigInt({ min: 1n, max: 10n ** 20n }), (n, d) => {
        expect(divideHalfUp(n, d)).toBe((2n * n + d) / (2n * d));
      }),
    );
  });

  it('a deduction never raises the price, and bid price = evaluation price + deduction', () => {
    fc.assert(
      fc.property(bidsArb, (bids) => {
        for (const b of bids) {
          const o = b.sme;
          if (!o) continue;
          expect(o.evaluationPriceFen).toBeLessThanOrEqual(b.bidPriceFen);
          expect(o.evaluationPriceFen + o.deductionFen).toBe(b.bidPriceFen);
          expect(o.evaluationPriceFen).toBeGreaterThan(0);
        }
      }),
    );
  });

  it('price scores lie in [0, weight], the benchmark scores the weight, a lower price never scores less', () => {
    fc.assert(
      fc.property(bidsArb, (bids) => {
        const r = computePriceScores(bids, 30);
        const byPrice = r.scores
          .map((s) => ({ s, price: s.working.evaluationPriceFen }))
          .sort((a, b) => a.price - b.price);
        for (const { s, price } of byPrice) {
          expect(s.scoreHundredths).toBeGreaterThanOrEqual(0);
          expect(s.scoreHundredths).toBeLessThanOrEqual(3000);
          if (price === r.benchmark?.evaluationPriceFen) expect(s.scoreHundredths).toBe(3000);
        }
        for (let i = 1; i < byPrice.length; i++) {
          expect(byPrice[i]?.s.scoreHundredths).toBeLessThanOrEqual(byPrice[i - 1]?.s.scoreHundredths ?? 0);
        }
      }),
    );
  });

  it('the lowest-price ranking is a permutation of the compliant bids, in order, with ties sharing a rank', () => {
    fc.assert(
      fc.property(bidsArb, (bids) => {
        const r = rankByLowestEvaluatedPrice(bids);
        const compliant = bids.filter((b) => b.compliant).map((b) => b.bidId);
        expect(r.ranking.map((e) => e.bidId).sort()).toEqual([...compliant].sort());
        r.ranking.forEach((e, i) => {
          const prev = r.ranking[i - 1];
          if (!prev) return expect(e.rank).toBe(1);
          expect(e.evaluationPriceFen).toBeGreaterThanOrEqual(prev.evaluationPriceFen);
          expect(e.rank).toBe(e.evaluationPriceFen === prev.evaluationPriceFen ? prev.rank : i + 1);
          if (e.evaluationPriceFen === prev.evaluationPriceFen)
            expect(e.flag && prev.flag).toBe('TIE_NEEDS_DOCUMENT_RULE');
        });
      }),
    );
  });

  it('comprehensive ranking: a permutation, totals in [0, 100], ordered, ties only when total and price are equal', () => {
    fc.assert(
      fc.property(bidsArb, fc.integer({ min: 1, max: 1_000_000 }), (bids, seed) => {
        const r = evaluateComprehensive({ criteria: crit, bids, experts, scores: scoresFor(bids, seed) });
        if (!r.ok) throw new Error(r.problems.map((p) => p.message.en).join('; '));
        const compliant = bids.filter((b) => b.compliant).map((b) => b.bidId);
        expect(r.ranking.map((e) => e.bidId).sort()).toEqual([...compliant].sort());
        r.ranking.forEach((e, i) => {
          expect(e.totalHundredths).toBeGreaterThanOrEqual(0);
          expect(e.totalHundredths).toBeLessThanOrEqual(10_000);
          const prev = r.ranking[i - 1];
          if (!prev) return expect(e.rank).toBe(1);
          const same = e.totalHundredths === prev.totalHundredths && e.bidPriceFen === prev.bidPriceFen;
          expect(
            e.totalHundredths < prev.totalHundredths ||
              (e.totalHundredths === prev.totalHundredths && e.bidPriceFen >= prev.bidPriceFen),
          ).toBe(true);
          expect(e.rank).toBe(same ? prev.rank : i + 1);
          if (same) expect(e.flag).toBe('TIE_NEEDS_DOCUMENT_RULE');
        });
        const flagged = r.ranking.filter((e) => e.flag).length;
        expect(flagged).toBe(r.ties.reduce((n, t) => n + t.bidIds.length, 0));
      }),
      { numRuns: 60 },
    );
  });
});

describe('scale: 200 bids × 7 experts × 20 criteria', () => {
  it('evaluates a large lot and ranks every bid', () => {
    const big = criteria(30, ...Array.from({ length: 19 }, (_, i): [number, number] => [i < 18 ? 3.5 : 7, 10]));
    const panel = ['e1', 'e2', 'e3', 'e4', 'e5', 'e6', 'e7'];
    const bids: BidForEvaluation[] = Array.from({ length: 200 }, (_, i) => {
      const price = 100_000_000 + ((i * 7919) % 200) * 100_000;
      return {
        bidId: `b${i}`,
        compliant: true,
        bidPriceFen: price,
        sme: outcome(goods, solo(SCALES[i % 6] ?? 'large', price)),
      };
    });
    const scores: ExpertScore[] = bids.flatMap((b, bi) =>
      panel.flatMap((expertId, ei) =>
        big
          .filter((c) => c.kind !== 'price')
          .map((c, ci) => ({ expertId, bidId: b.bidId, criterionKey: c.key, score: ((bi + ei + ci) % 9) + 1 })),
      ),
    );
    expect(scores).toHaveLength(200 * 7 * 19);
    const r = evaluateComprehensive({ criteria: big, bids, experts: panel, scores });
    expect(r.ok && r.ranking).toHaveLength(200);
    // Its speed is measured in bench/ (evaluation), not here.
  });
});

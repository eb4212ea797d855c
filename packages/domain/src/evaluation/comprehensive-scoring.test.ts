import { describe, expect, it } from 'vitest';
import { evaluateComprehensive } from './comprehensive-scoring';
import type { BidForEvaluation } from './evaluation-types';
import { criteria, outcome, policy, solo, uniformScores, yuan } from './evaluation-fixtures.test-support';

const experts = ['e1', 'e2', 'e3', 'e4', 'e5'];
const crit = criteria(30, [70, 70]); // price 30 points; one criterion weighing 70, scored out of 70
const plain = (bidId: string, y: number, compliant = true): BidForEvaluation => ({
  bidId,
  compliant,
  bidPriceFen: yuan(y),
});

describe('comprehensive scoring: totals and ranking (87号令 第五十六条)', () => {
  // A: 1,000,000 → price 30.00 + 50.00 = 80.00
  // B: 1,200,000 → price 25.00 + 55.00 = 80.00 (equal total, dearer: after A)
  // C: 1,200,000 → price 25.00 + 55.00 = 80.00 (equal total AND price with B: tied)
  // D: 1,500,000 → price 20.00 + 65.00 = 85.00 (first)
  // E: not compliant: neither scored nor ranked
  const bids = [
    plain('C', 1_200_000),
    plain('A', 1_000_000),
    plain('B', 1_200_000),
    plain('D', 1_500_000),
    plain('E', 900_000, false),
  ];
  const r = evaluateComprehensive({
    criteria: crit,
    bids,
    experts,
    scores: uniformScores(experts, { A: 50, B: 55, C: 55, D: 65 }, crit),
  });
  if (!r.ok) throw new Error(r.problems.map((p) => p.message.en).join('; '));

  it('ranks by total high → low, then bid price low → high; what still ties shares a rank', () => {
    expect(r.ranking.map((e) => [e.bidId, e.total, e.rank, e.flag])).toEqual([
      ['D', '85.00', 1, null],
      ['A', '80.00', 2, null],
      ['B', '80.00', 3, 'TIE_NEEDS_DOCUMENT_RULE'],
      ['C', '80.00', 3, 'TIE_NEEDS_DOCUMENT_RULE'],
    ]);
    expect(r.ties).toEqual([expect.objectContaining({ rank: 3, bidIds: ['B', 'C'], flag: 'TIE_NEEDS_DOCUMENT_RULE' })]);
    expect(r.ties[0]?.message.zh).toContain('财政部令第87号第六十八条');
  });

  it('only compliant bids are scored, ranked and used for the benchmark', () => {
    expect(r.excluded.map((e) => e.bidId)).toEqual(['E']);
    expect(r.benchmark?.bidIds).toEqual(['A']);
    expect(r.ranking.some((e) => e.bidId === 'E')).toBe(false);
  });

  it('the total is the price score plus the experts’ average, both as printed', () => {
    for (const e of r.ranking) {
      expect(e.totalHundredths).toBe((e.priceScore?.scoreHundredths ?? 0) + e.expertScores.totalHundredths);
      expect(e.text.zh).toContain(
        `总分 ${e.total} = 价格分 ${e.priceScore?.score} + 其他评审因素 ${e.expertScores.total}`,
      );
    }
  });

  it('SME deduction feeds the price score; the tie-break by price uses the bid price', () => {
    const goods = policy();
    const small: BidForEvaluation = {
      bidId: 'S',
      compliant: true,
      bidPriceFen: yuan(1_000_000),
      sme: outcome(goods, solo('small', yuan(1_000_000))),
    };
    const large = plain('L', 900_000);
    const res = evaluateComprehensive({
      criteria: crit,
      bids: [small, large],
      experts,
      scores: uniformScores(experts, { S: 50, L: 50 }, crit),
    });
    if (!res.ok) throw new Error('expected a ranking');
    // Both evaluated at 900,000.00 → both 30.00 + 50.00; S's bid price is higher, so L ranks first.
    expect(res.ranking.map((e) => [e.bidId, e.total, e.rank, e.evaluationPriceFen])).toEqual([
      ['L', '80.00', 1, yuan(900_000)],
      ['S', '80.00', 2, yuan(900_000)],
    ]);
    expect(res.ties).toEqual([]);
  });

  it('a lot whose price is not scored ranks on the experts’ scores alone', () => {
    const noPrice = criteria(0, [100, 100]);
    const res = evaluateComprehensive({
      criteria: noPrice,
      bids: [plain('A', 1_000_000), plain('B', 900_000)],
      experts,
      scores: uniformScores(experts, { A: 90, B: 80 }, noPrice),
    });
    if (!res.ok) throw new Error('expected a ranking');
    expect(res.ranking.map((e) => [e.bidId, e.total, e.priceScore])).toEqual([
      ['A', '90.00', null],
      ['B', '80.00', null],
    ]);
    expect(res.benchmark).toBeNull();
  });

  it('returns the score-sheet problems instead of a ranking', () => {
    const res = evaluateComprehensive({ criteria: crit, bids: [plain('A', 1)], experts, scores: [] });
    expect(res.ok ? [] : res.problems.map((p) => p.code)).toEqual(experts.map(() => 'SCORE_MISSING'));
  });
});

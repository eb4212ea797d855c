import type { IsoDate } from '../calendar/civil-date';
import type { EvaluationCriterion } from '../procurement-setup';
import type { ExpertScore } from './expert-scores';
import type { SmeBidInput, SmeConsortiumMember, SupplierScale } from './sme-bid';
import { applySmePolicy, type SmeOutcome } from './sme-deduction';
import { resolveSmePolicy, type SmeLotInput, type SmePolicy } from './sme-policy';

/** Builders shared by the evaluation tests. */

export const yuan = (y: number): number => Math.round(y * 100);

export function policy(over: Partial<SmeLotInput> = {}, publishedOn: IsoDate = '2026-03-02'): SmePolicy {
  const r = resolveSmePolicy({
    publishedOn,
    category: 'goods',
    smeReserved: false,
    evaluationMethod: 'comprehensive-scoring',
    smallMicroPercent: 10,
    consortiumPercent: 4,
    ...over,
  });
  if (!r.ok) throw new Error(r.problems.map((p) => p.message.en).join('; '));
  return r.policy;
}

export function solo(scale: SupplierScale, bidPriceFen: number, suppliedBySmallMicro = true): SmeBidInput {
  return { bidPriceFen, bidder: { kind: 'solo', scale }, suppliedBySmallMicro };
}

export function consortium(members: SmeConsortiumMember[], bidPriceFen: number, supplied = true): SmeBidInput {
  return { bidPriceFen, bidder: { kind: 'consortium', members }, suppliedBySmallMicro: supplied };
}

export function outcome(p: SmePolicy, bid: SmeBidInput): SmeOutcome {
  const r = applySmePolicy(p, bid);
  if (!r.ok) throw new Error(r.problems.map((x) => x.message.en).join('; '));
  return r.outcome;
}

export const criteria = (price: number, ...others: [number, number][]): EvaluationCriterion[] => [
  ...(price > 0 ? [{ key: 'price', label: '价格', kind: 'price' as const, weight: price, maxScore: price }] : []),
  ...others.map(([weight, maxScore], i) => ({
    key: `c${i}`,
    label: `评审因素${i}`,
    kind: 'technical' as const,
    weight,
    maxScore,
  })),
];

/** Every expert gives every bid the same score on every non-price criterion (with a reason at the extremes). */
export function uniformScores(
  experts: readonly string[],
  scoreByBid: Record<string, number>,
  crit: readonly EvaluationCriterion[],
): ExpertScore[] {
  const out: ExpertScore[] = [];
  for (const [bidId, score] of Object.entries(scoreByBid)) {
    for (const expertId of experts) {
      for (const c of crit) {
        if (c.kind === 'price') continue;
        out.push({ expertId, bidId, criterionKey: c.key, score, reason: '理由' });
      }
    }
  }
  return out;
}

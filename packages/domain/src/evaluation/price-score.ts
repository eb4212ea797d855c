import type { Bilingual } from '../bilingual';
import { formatFen } from '../money';
import { CITE } from '../rules/citations';
import {
  assertUniqueBidIds,
  evaluationPriceOf,
  labelOf,
  NOT_COMPLIANT,
  type BidForEvaluation,
  type ExcludedBid,
} from './evaluation-types';
import {
  decimalText,
  divideHalfUp,
  exactValue,
  formatBasisPoints,
  formatHundredths,
  toScaledInteger,
  type ExactValue,
  type Hundredths,
} from './exact-arithmetic';
import type { SmeBranch } from './sme-explanations';

/**
 * The price score of comprehensive scoring by low-price priority (低价优先法, 87号令 第五十五条): the lowest evaluation
 * price among compliant bids is the benchmark (评标基准价) and scores the full price weight; every other bid scores
 * benchmark ÷ evaluation price × weight. Works under the Bidding Law whose small/micro bidders get a price-score bonus
 * instead of a deduction (财库〔2020〕46号 第九条) have the score, computed on the bid price, raised by the bonus.
 *
 * Exact: score = benchmark × weight × (100% + bonus) ÷ evaluation price, a fraction of BigInts, rounded ONCE, half up,
 * to 0.01 point. Each score carries its working (B7).
 */

export interface PriceScoreWorking {
  method: 'low-price-priority';
  benchmark: { bidIds: string[]; labels: string[]; evaluationPriceFen: number };
  bidPriceFen: number;
  evaluationPriceFen: number;
  /** The SME deduction that made the evaluation price, if any. */
  deduction: { branch: SmeBranch; basisPoints: number; deductionFen: number; ruleKey: string } | null;
  /** The SME price-score bonus (works under the Bidding Law), if any. */
  bonus: { branch: SmeBranch; basisPoints: number; ruleKey: string } | null;
  /** benchmark ÷ evaluation price. */
  ratio: ExactValue;
  /** The price weight, in hundredths of a point (30 points → 3000). */
  weightHundredths: Hundredths;
  /** The score before rounding, in points. */
  unrounded: ExactValue;
  rounding: 'half-up to 0.01';
  text: Bilingual;
}

export interface PriceScore {
  bidId: string;
  scoreHundredths: Hundredths;
  /** `28.57`. */
  score: string;
  working: PriceScoreWorking;
}

export interface PriceScores {
  /** Null when no bid is compliant. */
  benchmark: PriceScoreWorking['benchmark'] | null;
  scores: PriceScore[];
  excluded: ExcludedBid[];
}

function priceNote(bid: BidForEvaluation, w: Pick<PriceScoreWorking, 'deduction'>): Bilingual {
  if (!w.deduction) {
    return { zh: '无价格扣除', en: 'no price deduction' };
  }
  const pct = formatBasisPoints(w.deduction.basisPoints);
  const cut = formatFen(w.deduction.deductionFen);
  return {
    zh: `投标报价 ${formatFen(bid.bidPriceFen)} 元扣除 ${pct} 即 ${cut} 元（${w.deduction.ruleKey}）`,
    en: `bid price CNY ${formatFen(bid.bidPriceFen)} less the ${pct} deduction of CNY ${cut} (${w.deduction.ruleKey})`,
  };
}

function workingText(bid: BidForEvaluation, w: Omit<PriceScoreWorking, 'text'>, rounded: string): Bilingual {
  const bench = `${formatFen(w.benchmark.evaluationPriceFen)}`;
  const who = w.benchmark.labels.join('、');
  const note = priceNote(bid, w);
  const weight = decimalText(BigInt(w.weightHundredths), 100n, 2);
  const bonus = w.bonus ? ` × (1 + ${formatBasisPoints(w.bonus.basisPoints)})` : '';
  const bonusEn = w.bonus ? ` × (1 + ${formatBasisPoints(w.bonus.basisPoints)} bonus, ${w.bonus.ruleKey})` : '';
  const bonusZh = w.bonus ? `${bonus}（小微企业价格分加分，${w.bonus.ruleKey}）` : '';
  return {
    zh: `价格分 = 评标基准价 ${bench} 元（${who}）÷ 评审价 ${formatFen(w.evaluationPriceFen)} 元（${note.zh}）× ${weight}${bonusZh} = ${w.ratio.text} × ${weight}${bonus} = ${w.unrounded.text} → ${rounded}（四舍五入保留两位小数）`,
    en: `Price score = benchmark CNY ${bench} (${w.benchmark.labels.join(', ')}) ÷ evaluation price CNY ${formatFen(w.evaluationPriceFen)} (${note.en}) × ${weight}${bonusEn} = ${w.ratio.text} × ${weight}${bonus} = ${w.unrounded.text} → ${rounded} (rounded half up to 2 decimals)`,
  };
}

/**
 * Price scores of a lot's compliant bids for a price weight in points of 100 (≤ 2 decimals), with their working.
 * Linear in the number of bids.
 */
export function computePriceScores(bids: readonly BidForEvaluation[], priceWeight: number): PriceScores {
  const weight = toScaledInteger(priceWeight, 2);
  if (weight === null || weight > 10_000) throw new RangeError(`not a price weight in points: ${priceWeight}`);
  assertUniqueBidIds(bids);
  const excluded: ExcludedBid[] = [];
  const compliant: { bid: BidForEvaluation; price: number }[] = [];
  let lowest = Infinity;
  for (const bid of bids) {
    if (!bid.compliant) {
      excluded.push({ bidId: bid.bidId, reason: NOT_COMPLIANT });
      continue;
    }
    const price = evaluationPriceOf(bid);
    compliant.push({ bid, price });
    if (price < lowest) lowest = price;
  }
  if (compliant.length === 0) return { benchmark: null, scores: [], excluded };
  const holders = compliant.filter((c) => c.price === lowest);
  const benchmark = {
    bidIds: holders.map((h) => h.bid.bidId),
    labels: holders.map((h) => labelOf(h.bid)),
    evaluationPriceFen: lowest,
  };
  const scores = compliant.map(({ bid, price }): PriceScore => {
    const sme = bid.sme;
    const bonusBp = sme?.effect === 'price-score-bonus' ? sme.basisPoints : 0;
    const num = BigInt(lowest) * BigInt(weight) * BigInt(10_000 + bonusBp);
    const den = BigInt(price) * 10_000n;
    const scoreHundredths = Number(divideHalfUp(num, den));
    const working: Omit<PriceScoreWorking, 'text'> = {
      method: 'low-price-priority',
      benchmark,
      bidPriceFen: bid.bidPriceFen,
      evaluationPriceFen: price,
      deduction:
        sme?.effect === 'price-deduction' && sme.rule
          ? { branch: sme.branch, basisPoints: sme.basisPoints, deductionFen: sme.deductionFen, ruleKey: sme.rule.key }
          : null,
      bonus:
        sme?.effect === 'price-score-bonus' && sme.rule
          ? { branch: sme.branch, basisPoints: sme.basisPoints, ruleKey: sme.rule.key }
          : null,
      ratio: exactValue(BigInt(lowest), BigInt(price)),
      weightHundredths: weight,
      unrounded: exactValue(num, den * 100n),
      rounding: 'half-up to 0.01',
    };
    const score = formatHundredths(scoreHundredths);
    return {
      bidId: bid.bidId,
      scoreHundredths,
      score,
      working: { ...working, text: workingText(bid, working, score) },
    };
  });
  return { benchmark, scores, excluded };
}

export const PRICE_SCORE_SOURCES = [CITE.mof87Art55, CITE.czk2020n46Art9] as const;

import type { Bilingual } from '../bilingual';
import {
  decimalText,
  divideHalfUp,
  exactValue,
  formatHundredths,
  type ExactValue,
  type Hundredths,
} from './exact-arithmetic';
import {
  scoredCriteria,
  validateExpertScores,
  type ExpertScoreProblem,
  type ExpertScoringInput,
  type ScoredCriterion,
} from './expert-scores';

/**
 * The experts' scores of one bid on one criterion, converted to the criterion's weight and averaged:
 *   average = Σ (score ÷ maxScore × weight) ÷ number of experts,
 * computed exactly and rounded ONCE, half up, to 0.01 point. Nothing is rounded before (not each expert's converted
 * score, not the mean of raw scores); the bid's expert total is the exact sum of its rounded criterion averages, so
 * the printed parts add up to the printed total (ADR 0017).
 */

export interface CriterionAverage {
  criterionKey: string;
  label: string;
  weightHundredths: Hundredths;
  maxScoreHundredths: Hundredths;
  /** Each expert's raw score, in the committee's order. */
  expertScores: { expertId: string; scoreHundredths: Hundredths }[];
  /** Before rounding, in points. */
  unrounded: ExactValue;
  averageHundredths: Hundredths;
  average: string;
  text: Bilingual;
}

export interface BidExpertScores {
  bidId: string;
  criteria: CriterionAverage[];
  /** Σ of the rounded criterion averages. */
  totalHundredths: Hundredths;
  total: string;
}

export type ExpertAggregation =
  { ok: true; byBid: Map<string, BidExpertScores> } | { ok: false; problems: ExpertScoreProblem[] };

const pts = (h: number) => decimalText(BigInt(h), 100n, 2);

function averageOf(c: ScoredCriterion, scores: { expertId: string; scoreHundredths: number }[]): CriterionAverage {
  let sum = 0n;
  for (const s of scores) sum += BigInt(s.scoreHundredths);
  const n = BigInt(scores.length);
  // hundredths of a point: Σs × w ÷ (max × n), with s, w, max all in hundredths.
  const num = sum * BigInt(c.weightHundredths);
  const den = BigInt(c.maxScoreHundredths) * n;
  const averageHundredths = Number(divideHalfUp(num, den));
  const unrounded = exactValue(num, den * 100n);
  const average = formatHundredths(averageHundredths);
  const list = scores.map((s) => pts(s.scoreHundredths));
  const label = c.criterion.label;
  const max = pts(c.maxScoreHundredths);
  const weight = pts(c.weightHundredths);
  return {
    criterionKey: c.criterion.key,
    label,
    weightHundredths: c.weightHundredths,
    maxScoreHundredths: c.maxScoreHundredths,
    expertScores: scores,
    unrounded,
    averageHundredths,
    average,
    text: {
      zh: `${label}：专家评分 ${list.join('、')}（满分 ${max}），折算 = (${list.join(' + ')}) ÷ ${n} ÷ ${max} × ${weight} = ${unrounded.text} → ${average}（四舍五入保留两位小数）`,
      en: `${label}: experts scored ${list.join(', ')} (out of ${max}); weighted = (${list.join(' + ')}) ÷ ${n} ÷ ${max} × ${weight} = ${unrounded.text} → ${average} (rounded half up to 2 decimals)`,
    },
  };
}

/**
 * Validates the score sheets, then averages them per bid and criterion. Linear in experts × bids × criteria: one pass
 * fills a (bid, criterion) table, one pass averages it.
 */
export function aggregateExpertScores(input: ExpertScoringInput): ExpertAggregation {
  const problems = validateExpertScores(input);
  if (problems.length > 0) return { ok: false, problems };
  const { list } = scoredCriteria(input.criteria);
  const bidIndex = new Map(input.bidIds.map((b, i) => [b, i]));
  const criterionIndex = new Map(list.map((c, i) => [c.criterion.key, i]));
  const expertOrder = new Map(input.experts.map((e, i) => [e, i]));
  const cells: { expertId: string; scoreHundredths: number; order: number }[][] = Array.from(
    { length: input.bidIds.length * list.length },
    () => [],
  );
  for (const s of input.scores) {
    const b = bidIndex.get(s.bidId) ?? 0;
    const c = criterionIndex.get(s.criterionKey) ?? 0;
    // Validated above: every score has ≤ 2 decimals and belongs to a known bid, expert and criterion.
    const scoreHundredths = Math.round(s.score * 100);
    cells[b * list.length + c]?.push({
      expertId: s.expertId,
      scoreHundredths,
      order: expertOrder.get(s.expertId) ?? 0,
    });
  }
  const byBid = new Map<string, BidExpertScores>();
  input.bidIds.forEach((bidId, b) => {
    const criteria = list.map((c, ci) => {
      const cell = (cells[b * list.length + ci] ?? []).sort((x, y) => x.order - y.order);
      return averageOf(
        c,
        cell.map(({ expertId, scoreHundredths }) => ({ expertId, scoreHundredths })),
      );
    });
    const totalHundredths = criteria.reduce((t, c) => t + c.averageHundredths, 0);
    byBid.set(bidId, { bidId, criteria, totalHundredths, total: formatHundredths(totalHundredths) });
  });
  return { ok: true, byBid };
}

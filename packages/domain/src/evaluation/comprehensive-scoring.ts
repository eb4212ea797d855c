import type { Bilingual } from '../bilingual';
import { formatFen } from '../money';
import type { EvaluationCriterion } from '../procurement-setup';
import { CITE } from '../rules/citations';
import type { Citation } from '../rules/rule-types';
import {
  evaluationPriceOf,
  labelOf,
  type BidForEvaluation,
  type ExcludedBid,
  type RankingFlag,
  type TieGroup,
} from './evaluation-types';
import { formatHundredths, type Hundredths } from './exact-arithmetic';
import { aggregateExpertScores, type BidExpertScores } from './expert-aggregation';
import type { ExpertScore, ExpertScoreProblem } from './expert-scores';
import { computePriceScores, type PriceScore, type PriceScoreWorking } from './price-score';
import { assignRanks, byBidId } from './ranking-ties';

/**
 * 综合评分法 (87号令 第五十五条, 第五十六条): total = price score + the experts' averaged scores on the other criteria;
 * ranked high to low; equal totals ordered by bid price, low to high; equal totals AND equal bid prices share a rank
 * (并列) and are flagged `TIE_NEEDS_DOCUMENT_RULE` — never ordered silently. Only compliant bids are ranked.
 * The total is the exact sum of the rounded parts, so what is printed adds up. O(E·B·C + B log B).
 */

export interface ComprehensiveInput {
  criteria: readonly EvaluationCriterion[];
  bids: readonly BidForEvaluation[];
  /** The committee members who score. */
  experts: readonly string[];
  scores: readonly ExpertScore[];
}

export interface TotalRankEntry {
  bidId: string;
  label: string;
  rank: number;
  bidPriceFen: number;
  evaluationPriceFen: number;
  /** Null when the price is not scored (fixed or state-set price, 87号令 第五十五条). */
  priceScore: PriceScore | null;
  expertScores: BidExpertScores;
  totalHundredths: Hundredths;
  total: string;
  flag: RankingFlag | null;
  text: Bilingual;
}

export type ComprehensiveResult =
  | {
      ok: true;
      method: 'comprehensive-scoring';
      ranking: TotalRankEntry[];
      ties: TieGroup[];
      excluded: ExcludedBid[];
      benchmark: PriceScoreWorking['benchmark'] | null;
      sources: readonly Citation[];
    }
  | { ok: false; problems: ExpertScoreProblem[] };

/** A bid's total, as ranked: what `rankByTotals` needs. */
export interface TotalRow {
  bidId: string;
  bidPriceFen: number;
  totalHundredths: Hundredths;
}

/** Ranks totals high → low, then bid price low → high; what still ties shares a rank. */
export function rankByTotals<T extends TotalRow>(rows: readonly T[]) {
  const sorted = [...rows].sort(
    (a, b) => b.totalHundredths - a.totalHundredths || a.bidPriceFen - b.bidPriceFen || byBidId(a, b),
  );
  const { ranks, ties, tieOf } = assignRanks(
    sorted,
    (a, b) => a.totalHundredths === b.totalHundredths && a.bidPriceFen === b.bidPriceFen,
  );
  return { sorted, ranks, ties, tieOf };
}

function entryText(e: Omit<TotalRankEntry, 'text'>): Bilingual {
  const tie: Bilingual = e.flag ? { zh: '（并列）', en: ' (tied)' } : { zh: '', en: '' };
  const price = e.priceScore?.score ?? '—';
  return {
    zh: `第 ${e.rank} 名${tie.zh}：${e.label}，总分 ${e.total} = 价格分 ${price} + 其他评审因素 ${e.expertScores.total}；投标报价 ${formatFen(e.bidPriceFen)} 元`,
    en: `Rank ${e.rank}${tie.en}: ${e.label}, total ${e.total} = price ${price} + other criteria ${e.expertScores.total}; bid price CNY ${formatFen(e.bidPriceFen)}`,
  };
}

export function evaluateComprehensive(input: ComprehensiveInput): ComprehensiveResult {
  const priceCriteria = input.criteria.filter((c) => c.kind === 'price');
  if (priceCriteria.length > 1) throw new RangeError('comprehensive scoring takes at most one price criterion');
  const compliant = input.bids.filter((b) => b.compliant);
  const experts = aggregateExpertScores({
    criteria: input.criteria,
    experts: input.experts,
    bidIds: compliant.map((b) => b.bidId),
    scores: input.scores,
  });
  if (!experts.ok) return experts;
  const price = priceCriteria[0];
  const prices = computePriceScores(input.bids, price?.weight ?? 0);
  const priceByBid = new Map(prices.scores.map((s) => [s.bidId, s]));
  const rows = compliant.map((bid) => {
    const priceScore = price ? (priceByBid.get(bid.bidId) ?? null) : null;
    const expertScores = experts.byBid.get(bid.bidId) as BidExpertScores;
    const totalHundredths = (priceScore?.scoreHundredths ?? 0) + expertScores.totalHundredths;
    return { bid, bidId: bid.bidId, bidPriceFen: bid.bidPriceFen, priceScore, expertScores, totalHundredths };
  });
  const { sorted, ranks, ties, tieOf } = rankByTotals(rows);
  const ranking = sorted.map((row, i): TotalRankEntry => {
    const entry = {
      bidId: row.bidId,
      label: labelOf(row.bid),
      rank: ranks[i] ?? i + 1,
      bidPriceFen: row.bidPriceFen,
      evaluationPriceFen: evaluationPriceOf(row.bid),
      priceScore: row.priceScore,
      expertScores: row.expertScores,
      totalHundredths: row.totalHundredths,
      total: formatHundredths(row.totalHundredths),
      flag: tieOf[i] ?? null,
    };
    return { ...entry, text: entryText(entry) };
  });
  return {
    ok: true,
    method: 'comprehensive-scoring',
    ranking,
    ties,
    excluded: prices.excluded,
    benchmark: price ? prices.benchmark : null,
    sources: [CITE.mof87Art55, CITE.mof87Art56, CITE.mof87Art68],
  };
}

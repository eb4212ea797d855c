import type { Bilingual } from '../bilingual';
import { formatFen } from '../money';
import { CITE } from '../rules/citations';
import type { Citation } from '../rules/rule-types';
import {
  assertUniqueBidIds,
  evaluationPriceOf,
  labelOf,
  NOT_COMPLIANT,
  type BidForEvaluation,
  type ExcludedBid,
  type RankingFlag,
  type TieGroup,
} from './evaluation-types';
import { assignRanks, byBidId } from './ranking-ties';
import type { SmeOutcome } from './sme-deduction';

/**
 * 最低评标价法 (87号令 第五十三条, 第五十四条): compliant bids ranked by evaluation price (after the SME deduction),
 * low to high; equal evaluation prices rank equal (并列) and are flagged for the documents' tie-break. O(n log n).
 */

export interface PriceRankEntry {
  bidId: string;
  label: string;
  rank: number;
  bidPriceFen: number;
  evaluationPriceFen: number;
  sme: SmeOutcome | null;
  /** Set when the bid shares its rank. */
  flag: RankingFlag | null;
  /** One line: rank, evaluation price and how it was reached. */
  text: Bilingual;
}

export interface LowestPriceRanking {
  method: 'lowest-evaluated-price';
  ranking: PriceRankEntry[];
  ties: TieGroup[];
  excluded: ExcludedBid[];
  sources: readonly Citation[];
}

function entryText(e: Omit<PriceRankEntry, 'text'>): Bilingual {
  const tie: Bilingual = e.flag ? { zh: '（并列）', en: ' (tied)' } : { zh: '', en: '' };
  const how: Bilingual = e.sme
    ? e.sme.explanation
    : { zh: '评审价即投标报价', en: 'the evaluation price is the bid price' };
  return {
    zh: `第 ${e.rank} 名${tie.zh}：${e.label}，评审价 ${formatFen(e.evaluationPriceFen)} 元（${how.zh}）`,
    en: `Rank ${e.rank}${tie.en}: ${e.label}, evaluation price CNY ${formatFen(e.evaluationPriceFen)} (${how.en})`,
  };
}

export function rankByLowestEvaluatedPrice(bids: readonly BidForEvaluation[]): LowestPriceRanking {
  assertUniqueBidIds(bids);
  const excluded: ExcludedBid[] = [];
  const rows: { bidId: string; bid: BidForEvaluation; price: number }[] = [];
  for (const bid of bids) {
    if (!bid.compliant) excluded.push({ bidId: bid.bidId, reason: NOT_COMPLIANT });
    else rows.push({ bidId: bid.bidId, bid, price: evaluationPriceOf(bid) });
  }
  rows.sort((a, b) => a.price - b.price || byBidId(a, b));
  const { ranks, ties, tieOf } = assignRanks(rows, (a, b) => a.price === b.price);
  const ranking = rows.map((row, i): PriceRankEntry => {
    const entry = {
      bidId: row.bidId,
      label: labelOf(row.bid),
      rank: ranks[i] ?? i + 1,
      bidPriceFen: row.bid.bidPriceFen,
      evaluationPriceFen: row.price,
      sme: row.bid.sme ?? null,
      flag: tieOf[i] ?? null,
    };
    return { ...entry, text: entryText(entry) };
  });
  return {
    method: 'lowest-evaluated-price',
    ranking,
    ties,
    excluded,
    sources: [CITE.mof87Art53, CITE.mof87Art54, CITE.czk2020n46Art9],
  };
}

import type { Bilingual } from '../bilingual';
import type { SmeOutcome } from './sme-deduction';

/** What the price and ranking functions take for each bid of a lot. */
export interface BidForEvaluation {
  bidId: string;
  /** The bidder's name as texts show it; the bid id when absent. */
  label?: string;
  /** Passed both the qualification review (资格性审查) and the compliance review (符合性审查): only these are ranked. */
  compliant: boolean;
  /** The bid price in fen (after an arithmetic correction the bidder confirmed, 87号令 第五十九条). */
  bidPriceFen: number;
  /** The SME outcome (`applySmePolicy`); absent: the evaluation price is the bid price. */
  sme?: SmeOutcome;
}

/** A bid left out of a ranking, and why. */
export interface ExcludedBid {
  bidId: string;
  reason: Bilingual;
}

/**
 * Bids that the rules cannot separate: equal evaluation prices (最低评标价法), or equal totals and equal bid prices
 * (综合评分法). They share a rank and the documents' tie-break (or, failing one, drawing lots: 87号令 第六十八条)
 * decides; the engine never orders them itself.
 */
export type RankingFlag = 'TIE_NEEDS_DOCUMENT_RULE';

export interface TieGroup {
  rank: number;
  bidIds: string[];
  flag: RankingFlag;
  message: Bilingual;
}

export const labelOf = (bid: Pick<BidForEvaluation, 'bidId' | 'label'>): string => bid.label ?? bid.bidId;

export const NOT_COMPLIANT: Bilingual = {
  zh: '未通过资格性审查或符合性审查，不参与评分和排序',
  en: 'Did not pass the qualification or compliance review: not scored or ranked',
};

/** The evaluation price of a bid: the SME outcome's, or the bid price. */
export function evaluationPriceOf(bid: BidForEvaluation): number {
  if (!Number.isSafeInteger(bid.bidPriceFen) || bid.bidPriceFen <= 0) {
    throw new RangeError(`bid ${bid.bidId}: the bid price must be a positive amount in fen`);
  }
  if (!bid.sme) return bid.bidPriceFen;
  if (bid.sme.bidPriceFen !== bid.bidPriceFen) {
    throw new RangeError(`bid ${bid.bidId}: the SME outcome was computed for another bid price`);
  }
  return bid.sme.evaluationPriceFen;
}

/** Bid ids identify bids in every result: two bids with one id are a caller's error. */
export function assertUniqueBidIds(bids: readonly { bidId: string }[]): void {
  const seen = new Set<string>();
  for (const b of bids) {
    if (seen.has(b.bidId)) throw new RangeError(`bid id ${b.bidId} appears twice`);
    seen.add(b.bidId);
  }
}

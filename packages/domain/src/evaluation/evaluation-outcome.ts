import type { Bilingual } from '../bilingual';

/**
 * The summary every stored evaluation result carries at its top level (ADR 0021), next to the engine's full working:
 * what the award (purchaser's confirmation, result notice, notification letters, certificate) reads. Ids are the
 * bids' submission ids and the bidders' organisation ids.
 */
export interface EvaluationOutcome {
  method: 'comprehensive-scoring' | 'lowest-evaluated-price';
  /** Compliant bids, best first; tied bids share a rank and carry `tie: true` (the documents' tie-break decides). */
  ranking: RankedBid[];
  /** Bids left out (qualification, compliance, refused correction, rejected explanation…), with the reason. */
  excluded: { submissionId: string; organisationId: string; reason: Bilingual }[];
}

export interface RankedBid {
  submissionId: string;
  organisationId: string;
  rank: number;
  /** The bid price after any arithmetic correction the bidder confirmed, in fen. */
  bidPriceFen: number;
  /** The price after the SME deduction (the evaluation price), in fen. */
  evaluationPriceFen: number;
  /** Comprehensive scoring: the total to two decimals ("87.35"); lowest price: null. */
  total: string | null;
  /** Shares its rank with another bid: the documents' tie-break (or drawing lots) decides. */
  tie: boolean;
}

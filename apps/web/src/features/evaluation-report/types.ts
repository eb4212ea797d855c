import type { paths } from '../../api/schema';

type Json<P extends keyof paths, M extends 'get' | 'post'> = paths[P][M] extends {
  responses: { 200: { content: { 'application/json': infer T } } };
}
  ? T
  : never;

/** GET /api/lots/{lotId}/evaluation/results. */
export type ResultsView = Json<'/api/lots/{lotId}/evaluation/results', 'get'>;
export type QueryItem = ResultsView['queries'][number];
export type MemberSignature = ResultsView['members'][number];
export type ResultAction = ResultsView['actions'][number];
/** GET /api/evaluation-queries/mine. */
export type MyQuery = Json<'/api/evaluation-queries/mine', 'get'>['items'][number];

export interface Text {
  zh: string;
  en: string;
}

/** The stored result as the server computes it (modules/evaluation-results/compute-result.ts), as far as shown. */
export interface ResultDocument {
  method: 'comprehensive-scoring' | 'lowest-evaluated-price';
  ranking: {
    submissionId: string;
    organisationId: string;
    rank: number;
    bidPriceFen: number;
    evaluationPriceFen: number;
    total: string | null;
    tie: boolean;
  }[];
  excluded: { submissionId: string; organisationId: string; reason: Text }[];
  bids: {
    submissionId: string;
    bidderName: string;
    sheetPriceFen: number;
    bidPriceFen: number;
    priceSource: { kind: 'price-sheet' } | { kind: 'arithmetic-correction'; originalFen: number; correctedFen: number };
    sme: { basisPoints: number; deductionFen: number; explanation: Text } | null;
  }[];
  working: {
    ranking?: {
      bidId: string;
      text: Text;
      priceScore?: {
        score: string;
        working: {
          benchmark: { labels: string[]; evaluationPriceFen: number };
          ratio: { text: string };
          unrounded: { text: string };
          text: Text;
        };
      } | null;
      expertScores?: { criteria: { criterionKey: string; label: string; average: string; text: Text }[] };
    }[];
  };
  abnormallyLow: { bidId: string; flagged: boolean; text: Text }[];
  rounding: Text;
  assumptions: Text[];
}

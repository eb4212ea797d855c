import {
  applySmePolicy,
  beijingDateOf,
  evaluateComprehensive,
  flagAbnormallyLowPrices,
  rankByLowestEvaluatedPrice,
  resolveSmePolicy,
  type BidForEvaluation,
  type EvaluationOutcome,
  type ExpertScore,
  type RankedBid,
  type SmeOutcome,
} from '@zhengcai/domain';
import { canonicalBytes, sm3Hex } from '@zhengcai/seal';
import type { evaluationScores } from '../../db/schema';
import type { LotRow, ProjectRow } from '../opening/repo';
import type { BidInput } from './bid-inputs';

type ScoreRow = typeof evaluationScores.$inferSelect;

export interface ResultInput {
  project: ProjectRow;
  lot: LotRow;
  members: { userId: string; seat: number }[];
  bids: BidInput[];
  scores: ScoreRow[];
}

/** The stored result: the award's summary (EvaluationOutcome) at the top level, then the full working (B7). */
export type EvaluationResultDocument = EvaluationOutcome & {
  type: 'zhengcai-evaluation-result';
  version: 1;
  projectId: string;
  lotId: string;
  committee: { seat: number; userId: string }[];
  criteria: LotRow['criteria'];
  smePolicy: unknown;
  /** Each decrypted bid: its price and where it comes from, its standing and why, its SME outcome. */
  bids: (BidInput & { evaluationPriceFen: number; sme: SmeOutcome | null })[];
  /** The engine's output with every number's working: price score benchmark, ratio, expert averages, rounding. */
  working: unknown;
  abnormallyLow: ReturnType<typeof flagAbnormallyLowPrices>;
  rounding: { zh: string; en: string };
  assumptions: { zh: string; en: string }[];
};

export type ComputeOutcome = { ok: true; result: EvaluationResultDocument } | { ok: false; detail: string };

const ROUNDING = {
  zh: '评审价 = 投标报价 ×（1 − 扣除比例），四舍五入到分；价格分与各评审因素的专家平均分均精确计算，各自只在最后四舍五入保留两位小数一次；总分为各项已取整得分之和。',
  en: 'Evaluation price = bid price × (1 − ratio), rounded half up to the fen; the price score and each criterion’s expert average are computed exactly and rounded half up to 2 decimals once; the total is the sum of the rounded parts.',
};

const ASSUMPTIONS = [
  {
    zh: '中小企业价格扣除按投标时记录的企业规模（联合体为各方规模与份额）计算，并以投标人《中小企业声明函》声明的货物均由小微企业制造（服务、工程由其承接）为前提。',
    en: 'The SME deduction uses the scales recorded at bid time (for a consortium, each party’s scale and share), and takes the bidder’s SME declaration (all goods made, services or works provided by small/micro enterprises) as given.',
  },
];

/** JSON without undefined fields or Maps: what canonicalisation and jsonb both keep. */
const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/**
 * The evaluation result of a lot, computed from the rows alone by the domain engine (ADR 0017, 0021): the SME
 * policy of the lot (its ratios, the project's category and publication date), each bid's SME outcome, then
 * comprehensive scoring (criteria, the committee, the scores in hundredths) or the lowest evaluated price, and the
 * abnormally-low flags. Deterministic: the same rows give the same document, byte for byte once canonicalised.
 */
export function computeResult(input: ResultInput): ComputeOutcome {
  const { project, lot } = input;
  if (!project.publishedAt) return { ok: false, detail: 'project not published' };
  const method = lot.evaluationMethod;
  if (method !== 'comprehensive-scoring' && method !== 'lowest-evaluated-price') {
    return { ok: false, detail: `evaluation method ${method}` };
  }
  const policy = resolveSmePolicy({
    publishedOn: beijingDateOf(project.publishedAt.toISOString()),
    category: project.category,
    smeReserved: lot.smeReserved,
    evaluationMethod: method,
    smallMicroPercent: lot.smeSmallMicroBp === null ? null : lot.smeSmallMicroBp / 100,
    consortiumPercent: lot.smeConsortiumBp === null ? null : lot.smeConsortiumBp / 100,
  });
  if (!policy.ok) return { ok: false, detail: policy.problems.map((p) => p.message.zh).join('；') };

  const bids: EvaluationResultDocument['bids'] = [];
  const engineBids: BidForEvaluation[] = [];
  for (const bid of input.bids) {
    const sme = applySmePolicy(policy.policy, {
      bidPriceFen: bid.bidPriceFen,
      bidder: bid.smeBidder,
      suppliedBySmallMicro: true,
    });
    if (!sme.ok && bid.stands) {
      return { ok: false, detail: `${bid.bidderName}: ${sme.problems.map((p) => p.message.zh).join('；')}` };
    }
    const outcome = sme.ok ? sme.outcome : null;
    bids.push({ ...bid, evaluationPriceFen: outcome?.evaluationPriceFen ?? bid.bidPriceFen, sme: outcome });
    engineBids.push({
      bidId: bid.submissionId,
      label: bid.bidderName,
      compliant: bid.stands,
      bidPriceFen: bid.bidPriceFen,
      ...(outcome ? { sme: outcome } : {}),
    });
  }

  const orgOf = new Map(input.bids.map((b) => [b.submissionId, b.organisationId]));
  const toRanked = (
    e: { bidId: string; rank: number; bidPriceFen: number; evaluationPriceFen: number; flag: unknown },
    total: string | null,
  ): RankedBid => ({
    submissionId: e.bidId,
    organisationId: orgOf.get(e.bidId) ?? '',
    rank: e.rank,
    bidPriceFen: e.bidPriceFen,
    evaluationPriceFen: e.evaluationPriceFen,
    total,
    tie: e.flag !== null,
  });

  let ranking: RankedBid[];
  let working: unknown;
  if (method === 'comprehensive-scoring') {
    const standing = new Set(input.bids.filter((b) => b.stands).map((b) => b.submissionId));
    const scores: ExpertScore[] = input.scores
      .filter((s) => standing.has(s.submissionId))
      .map((s) => ({
        expertId: s.expertUserId,
        bidId: s.submissionId,
        criterionKey: s.criterionKey,
        score: s.scoreHundredths / 100,
        ...(s.reason ? { reason: s.reason } : {}),
      }));
    const result = evaluateComprehensive({
      criteria: lot.criteria,
      bids: engineBids,
      experts: input.members.map((m) => m.userId),
      scores,
    });
    if (!result.ok) {
      return { ok: false, detail: result.problems.map((p) => `${p.code}${p.bidId ? ` ${p.bidId}` : ''}`).join(', ') };
    }
    ranking = result.ranking.map((e) => toRanked(e, e.total));
    working = result;
  } else {
    const result = rankByLowestEvaluatedPrice(engineBids);
    ranking = result.ranking.map((e) => toRanked(e, null));
    working = result;
  }

  const excluded = input.bids
    .filter((b) => !b.stands)
    .map((b) => ({
      submissionId: b.submissionId,
      organisationId: b.organisationId,
      reason: b.exclusion ?? { zh: '', en: '' },
    }));
  const result: EvaluationResultDocument = {
    method,
    ranking,
    excluded,
    type: 'zhengcai-evaluation-result',
    version: 1,
    projectId: project.id,
    lotId: lot.id,
    committee: input.members.map((m) => ({ seat: m.seat, userId: m.userId })),
    criteria: lot.criteria,
    smePolicy: policy.policy,
    bids,
    working,
    abnormallyLow: flagAbnormallyLowPrices(engineBids, { budgetFen: lot.budgetFen }),
    rounding: ROUNDING,
    assumptions: ASSUMPTIONS,
  };
  return { ok: true, result: plain(result) };
}

/** The SM3 hash of the document's RFC 8785 canonical JSON (as the opening record and the draw's pool snapshot). */
export function documentHash(doc: unknown): string {
  return sm3Hex(canonicalBytes(doc));
}

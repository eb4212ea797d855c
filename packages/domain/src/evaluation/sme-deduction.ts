import type { Bilingual } from '../bilingual';
import { FULL_SHARE } from '../bids/consortium';
import { fenTimesBasisPoints } from '../money';
import { CITE } from '../rules/citations';
import type { Citation } from '../rules/rule-types';
import {
  countedSmallMicroShare,
  countsAsSmallMicro,
  validateSmeBid,
  type SmeBidInput,
  type SmeBidProblem,
  type SmeShare,
  type SupplierScale,
} from './sme-bid';
import { explainSmeOutcome, type SmeBranch } from './sme-explanations';
import type { SmePolicy } from './sme-policy';
import type { AppliedRatio, AppliedRule, SmeEffect } from './sme-rules';

/**
 * The SME price deduction of one bid (财库〔2020〕46号 第九条, 财库〔2022〕19号; 监狱企业 财库〔2014〕68号; 残疾人福利性单位
 * 财库〔2017〕141号), applied from the lot's resolved policy:
 * - reserved lot → none;
 * - a small/micro bidder (or one treated as such), or a consortium of small/micro members only (46号 第四条), whose
 *   goods are all made (services provided, works built) by small/micro enterprises → the small/micro ratio;
 * - a consortium or subcontract giving small/micro parties at least the rule's share (30%), not counting those with a
 *   direct holding or management relationship with another party → the consortium ratio;
 * - medium and large enterprises otherwise → none.
 * For works under the Bidding Law with comprehensive scoring (no low-price priority) the same cases raise the price
 * score instead (`effect: 'price-score-bonus'`) and the evaluation price stays the bid price.
 *
 * Rounding: evaluation price = bid price × (100% − ratio), rounded half up to the fen; the deduction is the difference,
 * so bid price = evaluation price + deduction exactly. The contract amount stays the bid price.
 */
export interface SmeOutcome {
  branch: SmeBranch;
  /** What was applied to this bid: `none` whenever the branch gives nothing. */
  effect: SmeEffect;
  /** The ratio applied (basis points; 0 when none). */
  basisPoints: number;
  bidPriceFen: number;
  evaluationPriceFen: number;
  deductionFen: number;
  /** The small/micro share counted, for consortium and subcontract cases. */
  share: SmeShare | null;
  /** The rule version applied; null when nothing was applied. */
  rule: AppliedRule | null;
  sources: readonly Citation[];
  explanation: Bilingual;
}

export type SmeResult = { ok: true; outcome: SmeOutcome } | { ok: false; problems: SmeBidProblem[] };

interface Decision {
  branch: SmeBranch;
  /** The ratio applied; null when the branch gives nothing. */
  ratio: AppliedRatio | null;
  share: SmeShare | null;
  /** The share the consortium ratio needs, for the explanation of a share below it. */
  minShareBasisPoints: number | null;
}

const BRANCH_SOURCES: Partial<Record<SmeBranch, readonly Citation[]>> = {
  'prison-enterprise': [CITE.czk2014n68],
  'disabled-welfare-unit': [CITE.czk2017n141],
  'small-micro-consortium': [CITE.czk2020n46Art4],
  'not-supplied-by-small-micro': [CITE.czk2020n46Art4],
  'reserved-lot': [CITE.czk2020n46Art9],
  'share-below-minimum': [CITE.czk2020n46Art9],
};

function smallMicroBranch(scale: SupplierScale): SmeBranch {
  if (scale === 'prison-enterprise') return 'prison-enterprise';
  if (scale === 'disabled-welfare-unit') return 'disabled-welfare-unit';
  return 'small-micro';
}

/** The consortium/subcontract case: the counted small/micro share against the rule's minimum. */
function decideByShare(policy: SmePolicy, bid: SmeBidInput, fallback: SmeBranch): Decision {
  const none = { ratio: null, minShareBasisPoints: null };
  const hasParties =
    (bid.bidder.kind === 'consortium' && bid.bidder.members.some((m) => countsAsSmallMicro(m.scale))) ||
    (bid.subcontracts ?? []).some((s) => countsAsSmallMicro(s.scale));
  if (!hasParties) return { ...none, branch: fallback, share: null };
  const ratio = policy.consortium;
  const share = countedSmallMicroShare(bid, ratio?.subcontractsCount ?? true);
  if (!ratio) {
    return { ...none, branch: policy.consortiumRuleInForce ? 'no-consortium-ratio' : 'no-rule-in-force', share };
  }
  const min = ratio.minShareBasisPoints ?? 0;
  if (share.countedBasisPoints === 0 || share.countedBasisPoints < min) {
    return { branch: 'share-below-minimum', ratio: null, share, minShareBasisPoints: min };
  }
  if (!bid.suppliedBySmallMicro) return { ...none, branch: 'not-supplied-by-small-micro', share };
  const branch = bid.bidder.kind === 'consortium' ? 'consortium-share' : 'subcontract-share';
  return { branch, ratio, share, minShareBasisPoints: min };
}

function decide(policy: SmePolicy, bid: SmeBidInput): Decision {
  const none = { ratio: null, share: null, minShareBasisPoints: null };
  if (policy.reserved) return { ...none, branch: 'reserved-lot' };
  const bidder = bid.bidder;
  const allSmallMicro =
    bidder.kind === 'solo'
      ? countsAsSmallMicro(bidder.scale)
      : bidder.members.every((m) => countsAsSmallMicro(m.scale));
  if (allSmallMicro) {
    const branch = bidder.kind === 'solo' ? smallMicroBranch(bidder.scale) : 'small-micro-consortium';
    if (!policy.smallMicro) return { ...none, branch: 'no-rule-in-force' };
    if (!bid.suppliedBySmallMicro) return { ...none, branch: 'not-supplied-by-small-micro' };
    return { ...none, branch, ratio: policy.smallMicro };
  }
  const fallback: SmeBranch =
    bidder.kind === 'consortium' ? 'no-small-micro-party' : bidder.scale === 'medium' ? 'medium' : 'large';
  return decideByShare(policy, bid, fallback);
}

/** A bid's evaluation price (or price-score bonus) under the lot's SME policy, with the reason and the rule. */
export function applySmePolicy(policy: SmePolicy, bid: SmeBidInput): SmeResult {
  const problems = validateSmeBid(bid);
  if (problems.length > 0) return { ok: false, problems };
  const { branch, ratio, share, minShareBasisPoints } = decide(policy, bid);
  const effect: SmeEffect = ratio ? policy.effect : 'none';
  const basisPoints = ratio && effect !== 'none' ? ratio.basisPoints : 0;
  const evaluationPriceFen =
    effect === 'price-deduction'
      ? fenTimesBasisPoints(bid.bidPriceFen, FULL_SHARE - basisPoints, 'half-up')
      : bid.bidPriceFen;
  const deductionFen = bid.bidPriceFen - evaluationPriceFen;
  const usedRatio = effect === 'none' ? null : ratio;
  const explanation = explainSmeOutcome(branch, {
    category: policy.category,
    rulesDate: policy.rulesDate,
    scale: bid.bidder.kind === 'solo' ? bid.bidder.scale : null,
    share,
    ratio: usedRatio,
    minShareBasisPoints,
    effect,
    bidPriceFen: bid.bidPriceFen,
    evaluationPriceFen,
    deductionFen,
  });
  const sources = [...(BRANCH_SOURCES[branch] ?? []), ...(usedRatio?.rule.sources ?? [])];
  return {
    ok: true,
    outcome: {
      branch,
      effect,
      basisPoints,
      bidPriceFen: bid.bidPriceFen,
      evaluationPriceFen,
      deductionFen,
      share,
      rule: usedRatio?.rule ?? null,
      sources,
      explanation,
    },
  };
}

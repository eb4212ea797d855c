import type { Bilingual } from '../bilingual';
import type { EvaluationCriterion } from '../procurement-setup';
import { toScaledInteger } from './exact-arithmetic';

/**
 * The experts' score sheets (87号令 第五十五条: each member scores each bid independently on each criterion; the price
 * criterion is computed, not scored). A score lies within [0, maxScore] with at most two decimals, and the extremes —
 * 0 and the maximum — need a written reason (a platform rule: the extremes are the scores a challenge looks at first).
 * Every (expert, bid, criterion) must be scored exactly once.
 */

export interface ExpertScore {
  expertId: string;
  bidId: string;
  criterionKey: string;
  /** Points on the criterion's own scale, [0, maxScore], at most two decimals. */
  score: number;
  /** Required for 0 and for maxScore. */
  reason?: string;
}

export interface ExpertScoringInput {
  criteria: readonly EvaluationCriterion[];
  /** The committee members who score. */
  experts: readonly string[];
  /** The bids scored: the compliant ones. */
  bidIds: readonly string[];
  scores: readonly ExpertScore[];
}

export type ExpertScoreProblemCode =
  | 'NO_EXPERTS'
  | 'CRITERION_INVALID'
  | 'UNKNOWN_CRITERION'
  | 'PRICE_NOT_SCORED_BY_EXPERTS'
  | 'UNKNOWN_EXPERT'
  | 'UNKNOWN_BID'
  | 'SCORE_OUT_OF_RANGE'
  | 'SCORE_PRECISION'
  | 'REASON_REQUIRED'
  | 'DUPLICATE_SCORE'
  | 'SCORE_MISSING';

export interface ExpertScoreProblem {
  code: ExpertScoreProblemCode;
  /** Index in `scores`, when one entry is concerned. */
  index?: number;
  expertId?: string;
  bidId?: string;
  criterionKey?: string;
  message: Bilingual;
}

/** A non-price criterion with its numbers as integers (hundredths). */
export interface ScoredCriterion {
  criterion: EvaluationCriterion;
  weightHundredths: number;
  maxScoreHundredths: number;
}

/** The criteria experts score, with exact weights and maxima; problems for any that cannot be used. */
export function scoredCriteria(criteria: readonly EvaluationCriterion[]): {
  list: ScoredCriterion[];
  problems: ExpertScoreProblem[];
} {
  const list: ScoredCriterion[] = [];
  const problems: ExpertScoreProblem[] = [];
  for (const c of criteria) {
    if (c.kind === 'price') continue;
    const weightHundredths = toScaledInteger(c.weight, 2);
    const maxScoreHundredths = toScaledInteger(c.maxScore, 2);
    if (weightHundredths === null || maxScoreHundredths === null || maxScoreHundredths === 0) {
      problems.push({
        code: 'CRITERION_INVALID',
        criterionKey: c.key,
        message: {
          zh: `评审因素"${c.label}"的权重和满分须为最多两位小数的非负数，满分大于0`,
          en: `Criterion "${c.label}" needs a weight and a positive maximum score with at most two decimals`,
        },
      });
      continue;
    }
    list.push({ criterion: c, weightHundredths, maxScoreHundredths });
  }
  return { list, problems };
}

const key = (e: string, b: string, c: string) => `${e}\u0000${b}\u0000${c}`;

function checkEntry(s: ExpertScore, index: number, c: ScoredCriterion): ExpertScoreProblem | null {
  const at = { index, expertId: s.expertId, bidId: s.bidId, criterionKey: s.criterionKey };
  const label = c.criterion.label;
  const max = c.criterion.maxScore;
  if (!Number.isFinite(s.score) || s.score < 0 || s.score > max) {
    return {
      ...at,
      code: 'SCORE_OUT_OF_RANGE',
      message: {
        zh: `专家 ${s.expertId} 对 ${s.bidId} 的"${label}"评分须在 0 至 ${max} 分之间：当前为 ${s.score}`,
        en: `Expert ${s.expertId}'s score for ${s.bidId} on "${label}" must be between 0 and ${max}: it is ${s.score}`,
      },
    };
  }
  const h = toScaledInteger(s.score, 2);
  if (h === null) {
    return {
      ...at,
      code: 'SCORE_PRECISION',
      message: {
        zh: `专家 ${s.expertId} 对 ${s.bidId} 的"${label}"评分最多保留两位小数：当前为 ${s.score}`,
        en: `Expert ${s.expertId}'s score for ${s.bidId} on "${label}" may have at most two decimals: it is ${s.score}`,
      },
    };
  }
  if ((h === 0 || h === c.maxScoreHundredths) && !(s.reason ?? '').trim()) {
    const which: Bilingual =
      h === 0 ? { zh: '最低分 0 分', en: 'the minimum, 0' } : { zh: `满分 ${max} 分`, en: `the maximum, ${max}` };
    return {
      ...at,
      code: 'REASON_REQUIRED',
      message: {
        zh: `专家 ${s.expertId} 对 ${s.bidId} 的"${label}"打出${which.zh}，须填写理由`,
        en: `Expert ${s.expertId} gave ${s.bidId} ${which.en} on "${label}": a reason is required`,
      },
    };
  }
  return null;
}

/** Every problem with a lot's score sheets (empty: they can be aggregated). Linear in experts × bids × criteria. */
export function validateExpertScores(input: ExpertScoringInput): ExpertScoreProblem[] {
  const { list, problems } = scoredCriteria(input.criteria);
  if (input.experts.length === 0) {
    problems.push({ code: 'NO_EXPERTS', message: { zh: '没有评审专家评分', en: 'No expert has scored' } });
  }
  const criteria = new Map(list.map((c) => [c.criterion.key, c]));
  const priceKeys = new Set(input.criteria.filter((c) => c.kind === 'price').map((c) => c.key));
  const experts = new Set(input.experts);
  const bids = new Set(input.bidIds);
  const seen = new Set<string>();
  input.scores.forEach((s, index) => {
    const at = { index, expertId: s.expertId, bidId: s.bidId, criterionKey: s.criterionKey };
    const c = criteria.get(s.criterionKey);
    if (!c) {
      const price = priceKeys.has(s.criterionKey);
      problems.push({
        ...at,
        code: price ? 'PRICE_NOT_SCORED_BY_EXPERTS' : 'UNKNOWN_CRITERION',
        message: price
          ? { zh: '价格分由公式计算，专家不评分', en: 'The price score is computed, not scored by experts' }
          : { zh: `没有编号为 ${s.criterionKey} 的评审因素`, en: `No criterion has the key ${s.criterionKey}` },
      });
      return;
    }
    if (!experts.has(s.expertId)) {
      problems.push({
        ...at,
        code: 'UNKNOWN_EXPERT',
        message: { zh: `${s.expertId} 不是本评标委员会成员`, en: `${s.expertId} is not on the committee` },
      });
      return;
    }
    if (!bids.has(s.bidId)) {
      problems.push({
        ...at,
        code: 'UNKNOWN_BID',
        message: { zh: `${s.bidId} 不是参与评分的投标`, en: `${s.bidId} is not a bid being scored` },
      });
      return;
    }
    const k = key(s.expertId, s.bidId, s.criterionKey);
    if (seen.has(k)) {
      problems.push({
        ...at,
        code: 'DUPLICATE_SCORE',
        message: {
          zh: `专家 ${s.expertId} 对 ${s.bidId} 的"${c.criterion.label}"重复评分`,
          en: `Expert ${s.expertId} scored ${s.bidId} on "${c.criterion.label}" twice`,
        },
      });
      return;
    }
    seen.add(k);
    const problem = checkEntry(s, index, c);
    if (problem) problems.push(problem);
  });
  for (const e of input.experts) {
    for (const b of input.bidIds) {
      for (const c of list) {
        if (seen.has(key(e, b, c.criterion.key))) continue;
        problems.push({
          code: 'SCORE_MISSING',
          expertId: e,
          bidId: b,
          criterionKey: c.criterion.key,
          message: {
            zh: `专家 ${e} 尚未对 ${b} 的"${c.criterion.label}"评分`,
            en: `Expert ${e} has not scored ${b} on "${c.criterion.label}"`,
          },
        });
      }
    }
  }
  return problems;
}

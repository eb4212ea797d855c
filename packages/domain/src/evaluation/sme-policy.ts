import type { Bilingual } from '../bilingual';
import type { IsoDate } from '../calendar/civil-date';
import { CITE } from '../rules/citations';
import type { EvaluationMethod } from '../rules/procurement-methods';
import {
  CATEGORY_KIND_LABELS,
  type AnyRuleVersion,
  type CategoryKind,
  type Jurisdiction,
  type RuleViolation,
} from '../rules/rule-types';
import { NATIONAL_RULES, rulesInForce, type RuleSet } from '../rules/rules-in-force';
import { formatBasisPoints, toScaledInteger } from './exact-arithmetic';
import { appliedRule, smeRuleFor, type AppliedRatio, type SmeEffect, type SmeRuleId } from './sme-rules';

/**
 * The SME price policy of one lot (C12, B4): which rule versions apply — chosen by the publication date of the
 * project through `rulesInForce`, so a project published on 2022-06-30 keeps the 财库〔2020〕46号 ranges — whether the
 * lot gives a price deduction or (works under the Bidding Law) a price-score bonus, and the ratios the documents fixed,
 * checked against the ranges of the rules in force (46号 第九条 last paragraph: the purchaser fixes the ratio within
 * the range; 第十二条: the documents state it). Resolved once per lot, then applied to each bid (`applySmePolicy`).
 */

export interface SmeLotInput {
  /** The Beijing date the project's notice was published: the rules in force that day apply. */
  publishedOn: IsoDate;
  jurisdiction?: Jurisdiction;
  category: CategoryKind;
  /** The lot is reserved for SMEs (预留份额): no deduction there (46号 第九条 applies to non-reserved lots only). */
  smeReserved: boolean;
  evaluationMethod: EvaluationMethod;
  /** Works tendered under the Bidding Law (招标投标法), rather than procured under the Government Procurement Law. */
  worksUnderBiddingLaw?: boolean;
  /** Works under the Bidding Law with comprehensive scoring: the documents compute the price score by low-price priority. */
  lowPricePriority?: boolean;
  /** The documents' ratio for small/micro enterprises in percent (≤ 2 decimals); null when they fix none. */
  smallMicroPercent: number | null;
  /** The documents' ratio for consortia and subcontracts; null when the lot accepts neither (no ratio then). */
  consortiumPercent: number | null;
}

export interface SmePolicy {
  category: CategoryKind;
  reserved: boolean;
  /** `none` only for a reserved lot; a lot whose rules give nothing has `price-deduction` with null ratios. */
  effect: SmeEffect;
  /** null where no rule is in force for the category (e.g. works before 2021). */
  smallMicro: AppliedRatio | null;
  /** null where no rule is in force, or the documents fix no consortium ratio. */
  consortium: AppliedRatio | null;
  /** Whether a consortium/subcontract rule is in force for the category (to tell the two nulls apart). */
  consortiumRuleInForce: boolean;
  rulesDate: IsoDate;
}

export type SmePolicyProblem = RuleViolation<
  SmeRuleId | 'SME_RATIO_MISSING' | 'SME_RATIO_INVALID' | 'SME_RATIO_WITHOUT_RULE' | 'RULES_NOT_COVERED'
>;

export type SmePolicyResult = { ok: true; policy: SmePolicy } | { ok: false; problems: SmePolicyProblem[] };

const WHO = {
  smallMicro: { zh: '小微企业', en: 'small and micro enterprises' },
  consortium: { zh: '联合体或分包', en: 'consortia and subcontracts' },
} as const satisfies Record<string, Bilingual>;

const percentField = (which: keyof typeof WHO) => (which === 'smallMicro' ? 'smallMicroPercent' : 'consortiumPercent');

function resolveRatio(
  set: RuleSet,
  input: SmeLotInput,
  bonus: boolean,
  which: keyof typeof WHO,
  problems: SmePolicyProblem[],
): AppliedRatio | null {
  const percent = input[percentField(which)];
  const found = smeRuleFor(set, bonus, which, input.category);
  const field = percentField(which);
  const category = CATEGORY_KIND_LABELS[input.category];
  if (!found) {
    if (percent !== null) {
      problems.push({
        ruleId: 'SME_RATIO_WITHOUT_RULE',
        fields: [field],
        required: null,
        actual: percent,
        unit: 'percent',
        sources: [CITE.czk2020n46Art9],
        message: {
          zh: `${input.publishedOn}发布的${category.zh}项目没有对${WHO[which].zh}的价格评审优惠规则，采购文件不得设定比例（当前为 ${percent}%）`,
          en: `No price preference for ${WHO[which].en} applies to ${category.en} published on ${input.publishedOn}; the documents cannot set one (it is ${percent}%)`,
        },
      });
    }
    return null;
  }
  const applied = appliedRule(found.version, found.range, found.share);
  const source = applied.sources[0] ?? CITE.czk2020n46Art9;
  if (percent === null) {
    if (which === 'consortium') return null;
    problems.push({
      ruleId: 'SME_RATIO_MISSING',
      fields: [field],
      required: `${found.range.min}–${found.range.max}`,
      actual: null,
      unit: 'percent',
      sources: [CITE.czk2020n46Art12, ...applied.sources],
      message: {
        zh: `非预留份额的采购包，采购文件须明确${WHO[which].zh}的价格扣除（或价格分加分）比例（${CITE.czk2020n46Art12.zh}）：${applied.text.zh}`,
        en: `A lot not reserved for SMEs needs the documents' ratio for ${WHO[which].en} (${CITE.czk2020n46Art12.en}): ${applied.text.en}`,
      },
    });
    return null;
  }
  const bp = toScaledInteger(percent, 2);
  if (bp === null) {
    problems.push({
      ruleId: 'SME_RATIO_INVALID',
      fields: [field],
      required: '≥ 0, ≤ 2 decimals',
      actual: percent,
      unit: 'percent',
      sources: applied.sources,
      message: {
        zh: `${WHO[which].zh}的比例须为最多两位小数的百分数：当前为 ${percent}`,
        en: `The ratio for ${WHO[which].en} must be a percentage with at most two decimals: it is ${percent}`,
      },
    });
    return null;
  }
  if (bp < found.range.min * 100 || bp > found.range.max * 100) {
    problems.push({
      ruleId: found.version.id,
      fields: [field],
      required: `${found.range.min}–${found.range.max}`,
      actual: bp / 100,
      unit: 'percent',
      sources: applied.sources,
      message: {
        zh: `${applied.text.zh}（${source.zh}，${applied.key}）：采购文件确定的比例为 ${formatBasisPoints(bp)}，超出幅度`,
        en: `${applied.text.en} (${source.en}, ${applied.key}): the documents' ${formatBasisPoints(bp)} is outside the range`,
      },
    });
    return null;
  }
  return { basisPoints: bp, rule: applied, minShareBasisPoints: found.share, subcontractsCount: found.subcontracts };
}

/** Whether small/micro bidders get a price-score bonus instead of a deduction (46号 第九条). */
export function usesPriceScoreBonus(
  input: Pick<SmeLotInput, 'category' | 'worksUnderBiddingLaw' | 'evaluationMethod' | 'lowPricePriority'>,
): boolean {
  return (
    input.category === 'works' &&
    input.worksUnderBiddingLaw === true &&
    input.evaluationMethod === 'comprehensive-scoring' &&
    input.lowPricePriority !== true
  );
}

/** Resolves a lot's SME policy, or every problem with the documents' ratios. */
export function resolveSmePolicy(
  input: SmeLotInput,
  catalogue: readonly AnyRuleVersion[] = NATIONAL_RULES,
): SmePolicyResult {
  let set: RuleSet;
  try {
    set = rulesInForce(input.publishedOn, input.jurisdiction ?? 'CN', catalogue);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    const problem: SmePolicyProblem = {
      ruleId: 'RULES_NOT_COVERED',
      fields: ['publishedOn'],
      required: null,
      actual: input.publishedOn,
      unit: 'date',
      sources: [CITE.platform],
      message: {
        zh: `没有适用于该日期或地区的规则数据：${e.message}`,
        en: `No rule data for that date or place: ${e.message}`,
      },
    };
    return { ok: false, problems: [problem] };
  }
  const base = { category: input.category, rulesDate: set.date };
  if (input.smeReserved) {
    const policy: SmePolicy = {
      ...base,
      reserved: true,
      effect: 'none',
      smallMicro: null,
      consortium: null,
      consortiumRuleInForce: false,
    };
    return { ok: true, policy };
  }
  const bonus = usesPriceScoreBonus(input);
  const problems: SmePolicyProblem[] = [];
  const smallMicro = resolveRatio(set, input, bonus, 'smallMicro', problems);
  const consortium = resolveRatio(set, input, bonus, 'consortium', problems);
  if (problems.length > 0) return { ok: false, problems };
  const effect: SmeEffect = bonus ? 'price-score-bonus' : 'price-deduction';
  const consortiumRuleInForce = smeRuleFor(set, bonus, 'consortium', input.category) !== null;
  return { ok: true, policy: { ...base, reserved: false, effect, smallMicro, consortium, consortiumRuleInForce } };
}

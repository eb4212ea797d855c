import type { Bilingual } from './bilingual';
import { fenAtMostRatio, fenTimesBasisPoints, formatFen, isFen } from './money';
import { CITE } from './rules/citations';
import {
  EVALUATION_METHOD_LABELS,
  PROCUREMENT_METHODS,
  type EvaluationMethod,
  type MethodConfig,
  type ProcurementMethod,
} from './rules/procurement-methods';
import { CATEGORY_KIND_LABELS, type CategoryKind, type Citation, type RuleViolation } from './rules/rule-types';
import { fillText, requireRule, type RuleSet } from './rules/rules-in-force';

/**
 * Checks of a lot's evaluation set-up and deposit against the rules in force (C5, C12, C16): the evaluation method
 * must be one the procurement method allows; comprehensive scoring needs criteria whose weights add up to 100, one
 * price criterion weighing at least the legal minimum for the category, and positive maximum scores; the deposit
 * may not exceed 2% of the lot's budget (实施条例 第三十三条).
 */

export const CRITERION_KINDS = ['price', 'technical', 'commercial', 'service', 'other'] as const;
export type CriterionKind = (typeof CRITERION_KINDS)[number];

export interface EvaluationCriterion {
  key: string;
  label: string;
  kind: CriterionKind;
  /** Share of the total score in percent, at most two decimals (price 30 means 30 of 100 points). */
  weight: number;
  /** The top of the scale experts score this criterion on (> 0). */
  maxScore: number;
}

export interface LotSetup {
  method: ProcurementMethod;
  category: CategoryKind;
  evaluationMethod: EvaluationMethod;
  criteria: readonly EvaluationCriterion[];
  /**
   * 执行国家统一定价标准和采用固定价格采购的项目，其价格不列为评分因素 (87号令 第五十五条; 214号 第二十四条): no price
   * criterion then, and no price weight.
   */
  priceNotScored?: boolean;
  budgetFen: number;
  /** null when the documents ask for no deposit. */
  depositFen?: number | null;
}

export type SetupCheckId =
  | 'EVALUATION_METHOD_NOT_ALLOWED'
  | 'CRITERIA_REQUIRED'
  | 'CRITERION_KEY_DUPLICATE'
  | 'CRITERION_WEIGHT_INVALID'
  | 'CRITERION_MAX_SCORE_INVALID'
  | 'CRITERIA_WEIGHTS_TOTAL'
  | 'PRICE_CRITERION_COUNT'
  | 'AMOUNT_INVALID';

export type SetupViolation = RuleViolation<
  SetupCheckId | 'TENDER_PRICE_WEIGHT' | 'CONSULTATION_PRICE_WEIGHT' | 'DEPOSIT_MAX_RATIO'
>;

const violation = (
  ruleId: SetupViolation['ruleId'],
  fields: string[],
  required: SetupViolation['required'],
  actual: SetupViolation['actual'],
  unit: SetupViolation['unit'],
  source: Citation,
  message: Bilingual,
): SetupViolation => ({ ruleId, fields, required, actual, unit, sources: [source], message });

/** A percentage with at most two decimals as an integer number of hundredths; null if it has more or is not finite. */
export function percentToHundredths(percent: number): number | null {
  if (!Number.isFinite(percent)) return null;
  const h = Math.round(percent * 100);
  return Math.abs(h - percent * 100) < 1e-6 ? h : null;
}

const pct = (hundredths: number): string => String(hundredths / 100);

export function validateEvaluationSetup(setup: LotSetup, rules: RuleSet): SetupViolation[] {
  const config: MethodConfig = PROCUREMENT_METHODS[setup.method];
  const out: SetupViolation[] = [];
  if (!config.evaluationMethods.includes(setup.evaluationMethod)) {
    const allowed = config.evaluationMethods.map((m) => EVALUATION_METHOD_LABELS[m]);
    out.push(
      violation(
        'EVALUATION_METHOD_NOT_ALLOWED',
        ['evaluationMethod'],
        config.evaluationMethods.join(','),
        setup.evaluationMethod,
        'method',
        config.evaluationBasis,
        {
          zh: `${config.label.zh}不得采用${EVALUATION_METHOD_LABELS[setup.evaluationMethod].zh}，可采用：${allowed.map((a) => a.zh).join('、')}（${config.evaluationBasis.zh}）`,
          en: `${config.label.en} cannot use ${EVALUATION_METHOD_LABELS[setup.evaluationMethod].en}; allowed: ${allowed.map((a) => a.en).join(', ')} (${config.evaluationBasis.en})`,
        },
      ),
    );
    return out;
  }
  if (setup.evaluationMethod !== 'comprehensive-scoring') return out;

  const source = config.priceWeightRule === 'CONSULTATION_PRICE_WEIGHT' ? CITE.czk2014n214Art24 : CITE.mof87Art55;
  if (setup.criteria.length === 0) {
    out.push(
      violation('CRITERIA_REQUIRED', ['criteria'], 1, 0, 'count', source, {
        zh: `综合评分法须列明评审因素及其分值（${source.zh}）`,
        en: `Comprehensive scoring needs criteria with their weights (${source.en})`,
      }),
    );
    return out;
  }

  const keys = new Set<string>();
  let total = 0;
  let weightsValid = true;
  setup.criteria.forEach((c, i) => {
    if (keys.has(c.key)) {
      out.push(
        violation('CRITERION_KEY_DUPLICATE', [`criteria[${i}].key`], 'unique', c.key, 'count', CITE.platform, {
          zh: `评审因素编号重复：${c.key}`,
          en: `Duplicate criterion key: ${c.key}`,
        }),
      );
    }
    keys.add(c.key);
    const h = percentToHundredths(c.weight);
    if (h === null || h <= 0) {
      weightsValid = false;
      out.push(
        violation(
          'CRITERION_WEIGHT_INVALID',
          [`criteria[${i}].weight`],
          '> 0, ≤ 2 decimals',
          c.weight,
          'percent',
          source,
          {
            zh: `评审因素"${c.label}"的权重须为大于0、最多两位小数的百分数：当前为 ${c.weight}`,
            en: `The weight of "${c.label}" must be a positive percentage with at most two decimals: it is ${c.weight}`,
          },
        ),
      );
    } else {
      total += h;
    }
    if (!Number.isFinite(c.maxScore) || c.maxScore <= 0) {
      out.push(
        violation('CRITERION_MAX_SCORE_INVALID', [`criteria[${i}].maxScore`], '> 0', c.maxScore, 'score', source, {
          zh: `评审因素"${c.label}"的满分须大于0：当前为 ${c.maxScore}`,
          en: `The maximum score of "${c.label}" must be above 0: it is ${c.maxScore}`,
        }),
      );
    }
  });
  if (weightsValid && total !== 10_000) {
    out.push(
      violation('CRITERIA_WEIGHTS_TOTAL', ['criteria'], 100, total / 100, 'percent', source, {
        zh: `评审因素权重合计须为100%（${source.zh}）：当前为 ${pct(total)}%`,
        en: `The criteria weights must add up to 100% (${source.en}): they add up to ${pct(total)}%`,
      }),
    );
  }

  const priceIndexes = setup.criteria.flatMap((c, i) => (c.kind === 'price' ? [i] : []));
  const expectedPrice = setup.priceNotScored ? 0 : 1;
  if (priceIndexes.length !== expectedPrice) {
    out.push(
      violation('PRICE_CRITERION_COUNT', ['criteria'], expectedPrice, priceIndexes.length, 'count', source, {
        zh: setup.priceNotScored
          ? `执行统一定价或固定价格的项目，价格不列为评分因素（${source.zh}）：当前有 ${priceIndexes.length} 项价格因素`
          : `综合评分法须有且仅有一项价格评审因素（${source.zh}）：当前为 ${priceIndexes.length} 项`,
        en: setup.priceNotScored
          ? `With a fixed or state-set price, price is not scored (${source.en}): there are ${priceIndexes.length} price criteria`
          : `Comprehensive scoring needs exactly one price criterion (${source.en}): there are ${priceIndexes.length}`,
      }),
    );
  }
  const priceIndex = priceIndexes[0];
  const price = priceIndex === undefined ? undefined : setup.criteria[priceIndex];
  if (price && !setup.priceNotScored && config.priceWeightRule) {
    const rule = requireRule(rules, config.priceWeightRule);
    const range = rule.value[setup.category];
    const h = percentToHundredths(price.weight);
    if (range && h !== null && (h < range.min * 100 || h > range.max * 100)) {
      const text = fillText(rule.text, {
        category: CATEGORY_KIND_LABELS[setup.category],
        min: range.min,
        max: range.max,
      });
      out.push({
        ruleId: rule.id,
        fields: [`criteria[${priceIndex}].weight`],
        required: range.max === 100 ? range.min : `${range.min}–${range.max}`,
        actual: h / 100,
        unit: 'percent',
        sources: rule.sources,
        message: {
          zh: `${text.zh}（${rule.sources[0]?.zh ?? ''}）：当前为 ${pct(h)}%`,
          en: `${text.en} (${rule.sources[0]?.en ?? ''}): it is ${pct(h)}%`,
        },
      });
    }
  }
  return out;
}

/** The largest deposit the rules allow for a budget (rounded down to the fen). */
export function maxDepositFen(budgetFen: number, rules: RuleSet): number {
  return fenTimesBasisPoints(budgetFen, requireRule(rules, 'DEPOSIT_MAX_RATIO').value.maxBasisPoints);
}

export function validateDeposit(
  budgetFen: number,
  depositFen: number | null | undefined,
  rules: RuleSet,
): SetupViolation[] {
  if (!isFen(budgetFen) || budgetFen === 0) {
    return [
      violation('AMOUNT_INVALID', ['budgetFen'], '> 0 fen', budgetFen, 'fen', CITE.platform, {
        zh: '预算金额须为大于0的金额（分）',
        en: 'The budget must be a positive amount in fen',
      }),
    ];
  }
  if (depositFen === null || depositFen === undefined) return [];
  if (!isFen(depositFen)) {
    return [
      violation('AMOUNT_INVALID', ['depositFen'], '≥ 0 fen', depositFen, 'fen', CITE.platform, {
        zh: '保证金须为非负金额（分）',
        en: 'The deposit must be a non-negative amount in fen',
      }),
    ];
  }
  const rule = requireRule(rules, 'DEPOSIT_MAX_RATIO');
  if (fenAtMostRatio(depositFen, budgetFen, rule.value.maxBasisPoints)) return [];
  const cap = maxDepositFen(budgetFen, rules);
  const text = fillText(rule.text, { max: rule.value.maxBasisPoints / 100 });
  return [
    {
      ruleId: rule.id,
      fields: ['depositFen'],
      required: cap,
      actual: depositFen,
      unit: 'fen',
      sources: rule.sources,
      message: {
        zh: `${text.zh}（${rule.sources[0]?.zh ?? ''}）：预算 ${formatFen(budgetFen)} 元，保证金上限 ${formatFen(cap)} 元，当前为 ${formatFen(depositFen)} 元`,
        en: `${text.en} (${rule.sources[0]?.en ?? ''}): the budget is CNY ${formatFen(budgetFen)}, so at most CNY ${formatFen(cap)}; it is CNY ${formatFen(depositFen)}`,
      },
    },
  ];
}

/** Both checks for a lot. */
export function validateLotSetup(setup: LotSetup, rules: RuleSet): SetupViolation[] {
  return [...validateEvaluationSetup(setup, rules), ...validateDeposit(setup.budgetFen, setup.depositFen, rules)];
}

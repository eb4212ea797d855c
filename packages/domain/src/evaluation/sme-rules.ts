import type { Bilingual } from '../bilingual';
import type { IsoDate } from '../calendar/civil-date';
import {
  ruleVersionKey,
  type AnyRuleVersion,
  type CategoryKind,
  type Citation,
  type Jurisdiction,
  type PercentRange,
} from '../rules/rule-types';
import { fillText, type RuleSet } from '../rules/rules-in-force';

/** The SME rules a lot's policy draws on, and how a rule version is recorded once applied. */

export type SmeRuleId =
  | 'SME_DEDUCTION_SMALL_MICRO'
  | 'SME_DEDUCTION_CONSORTIUM'
  | 'SME_WORKS_PRICE_BONUS_SMALL_MICRO'
  | 'SME_WORKS_PRICE_BONUS_CONSORTIUM';

/** Which version of which rule was applied, for the audit trail and the explanation. */
export interface AppliedRule {
  id: SmeRuleId;
  /** `RULE@jurisdiction@effectiveFrom` (ruleVersionKey). */
  key: string;
  jurisdiction: Jurisdiction;
  effectiveFrom: IsoDate;
  sources: readonly Citation[];
  /** The rule's sentence with its numbers filled in. */
  text: Bilingual;
}

export interface AppliedRatio {
  basisPoints: number;
  rule: AppliedRule;
  /** For the consortium ratio: the small/micro share needed (basis points). */
  minShareBasisPoints: number | null;
  /** For the consortium ratio: whether subcontracts count towards the share (not under 181号). */
  subcontractsCount: boolean;
}

export type SmeEffect = 'price-deduction' | 'price-score-bonus' | 'none';

/** A rule version as applied: its key for the audit trail, its sources, its sentence with the numbers filled in. */
export function appliedRule(
  v: AnyRuleVersion & { id: SmeRuleId },
  range: PercentRange,
  share: number | null,
): AppliedRule {
  const text = fillText(v.text, { min: range.min, max: range.max, share: share === null ? '' : share / 100 });
  return {
    id: v.id,
    key: ruleVersionKey(v),
    jurisdiction: v.jurisdiction,
    effectiveFrom: v.effectiveFrom,
    sources: v.sources,
    text,
  };
}

/**
 * The version of the small/micro or consortium rule in force for a category: the price-score bonus rules for works
 * under the Bidding Law, otherwise the deduction rules; null where none covers the category.
 */
export function smeRuleFor(set: RuleSet, bonus: boolean, which: 'smallMicro' | 'consortium', category: CategoryKind) {
  if (bonus) {
    const v =
      which === 'smallMicro' ? set.rules.SME_WORKS_PRICE_BONUS_SMALL_MICRO : set.rules.SME_WORKS_PRICE_BONUS_CONSORTIUM;
    return v ? { version: v, range: v.value.range, share: v.value.minShareBasisPoints, subcontracts: true } : null;
  }
  const v = which === 'smallMicro' ? set.rules.SME_DEDUCTION_SMALL_MICRO : set.rules.SME_DEDUCTION_CONSORTIUM;
  const range = v?.value[category];
  if (!v || !range) return null;
  return {
    version: v,
    range,
    share: v.value.minShareBasisPoints,
    subcontracts: v.value.subcontractsCount ?? true,
  };
}

import type { IsoDate } from '../calendar/civil-date';
import type { Bilingual } from '../bilingual';

/**
 * Legal parameters are data (ENGINEERING.md §2 "Rules are data", PRODUCT.md §4): each rule is a list of versions, each
 * with an effective date, a jurisdiction, its legal source and the sentence shown to users when it is broken. A project
 * is judged by the versions in force on the day its notice was published (`rulesInForce`).
 */

/** A legal source as people cite it: `《中华人民共和国政府采购法》第三十五条` / `Government Procurement Law, art. 35`. */
export type Citation = Bilingual;

/** `CN` (national) or a GB/T 2260 administrative division code of six digits (province, city, county). */
export type Jurisdiction = string;

export const CATEGORY_KINDS = ['goods', 'services', 'works'] as const;
/** What is bought: 货物 / 服务 / 工程 (政府采购法 第二条). */
export type CategoryKind = (typeof CATEGORY_KINDS)[number];

export const CATEGORY_KIND_LABELS = {
  goods: { zh: '货物', en: 'Goods' },
  services: { zh: '服务', en: 'Services' },
  works: { zh: '工程', en: 'Works' },
} as const satisfies Record<CategoryKind, Bilingual>;

export type PeriodUnit = 'calendar-days' | 'working-days';

/**
 * A minimum period between two moments, counted in whole Beijing days with the first day not counted (民法典 第二百零一条;
 * 财政部令第87号 第八十五条). `lastDayOnRestDay: 'extend'` applies the rule that a period whose last day is a rest day
 * ends on the next working day (民法典 第二百零三条; 87号令 第八十五条).
 */
export interface MinPeriodValue {
  kind: 'min-period';
  min: number;
  unit: PeriodUnit;
  lastDayOnRestDay: 'extend' | 'keep';
}

/** A cap expressed in basis points of a base amount (200 = 2%). */
export interface MaxRatioValue {
  kind: 'max-ratio';
  maxBasisPoints: number;
}

/** An inclusive range of whole percentages. */
export interface PercentRange {
  min: number;
  max: number;
}

/** The share of the price in comprehensive scoring, per category; null where the law sets no bound. */
export interface PriceWeightValue {
  kind: 'price-weight';
  goods: PercentRange | null;
  services: PercentRange | null;
  works: PercentRange | null;
}

/** A price deduction range for evaluation (SME policy), per category, optionally with a minimum share for SMEs. */
export interface DeductionValue {
  kind: 'deduction-range';
  goods: PercentRange;
  services: PercentRange;
  works: PercentRange | null;
  /** Consortium or subcontract: the small/micro share of the contract must be at least this (basis points). */
  minShareBasisPoints: number | null;
  /**
   * Whether a subcontract to small/micro enterprises counts towards that share, or only a consortium agreement does
   * (false under 财库〔2011〕181号 第六条, which knew only consortia). Absent: subcontracts count (财库〔2020〕46号 第九条).
   */
  subcontractsCount?: boolean;
}

/**
 * A percentage added to a bidder's price score instead of a price deduction (财库〔2020〕46号 第九条: works tendered
 * under the Bidding Law with comprehensive scoring whose price score is not computed by the low-price-priority method).
 */
export interface PriceScoreBonusValue {
  kind: 'price-score-bonus';
  range: PercentRange;
  /** Consortium or subcontract: the small/micro share of the contract must be at least this (basis points). */
  minShareBasisPoints: number | null;
}

export interface DurationValue {
  kind: 'duration';
  defaultMinutes: number;
}

/** Every rule id and the shape of its value. */
export interface RuleValueMap {
  PROCUREMENT_INTENTION_MIN_LEAD: MinPeriodValue;
  OPEN_TENDER_MIN_DOCUMENT_AVAILABILITY: MinPeriodValue;
  OPEN_TENDER_MIN_BID_PERIOD: MinPeriodValue;
  OPEN_TENDER_CLARIFICATION_NOTICE: MinPeriodValue;
  INVITED_TENDER_MIN_DOCUMENT_AVAILABILITY: MinPeriodValue;
  INVITED_TENDER_MIN_BID_PERIOD: MinPeriodValue;
  INVITED_TENDER_CLARIFICATION_NOTICE: MinPeriodValue;
  WORKS_TENDER_MIN_DOCUMENT_SALE: MinPeriodValue;
  WORKS_TENDER_MIN_BID_PERIOD: MinPeriodValue;
  WORKS_TENDER_CLARIFICATION_NOTICE: MinPeriodValue;
  NEGOTIATION_MIN_RESPONSE_PERIOD: MinPeriodValue;
  NEGOTIATION_CLARIFICATION_NOTICE: MinPeriodValue;
  CONSULTATION_MIN_DOCUMENT_AVAILABILITY: MinPeriodValue;
  CONSULTATION_MIN_RESPONSE_PERIOD: MinPeriodValue;
  CONSULTATION_CLARIFICATION_NOTICE: MinPeriodValue;
  INQUIRY_MIN_RESPONSE_PERIOD: MinPeriodValue;
  INQUIRY_CLARIFICATION_NOTICE: MinPeriodValue;
  SINGLE_SOURCE_MIN_PUBLICITY: MinPeriodValue;
  TENDER_PRICE_WEIGHT: PriceWeightValue;
  CONSULTATION_PRICE_WEIGHT: PriceWeightValue;
  DEPOSIT_MAX_RATIO: MaxRatioValue;
  SME_DEDUCTION_SMALL_MICRO: DeductionValue;
  SME_DEDUCTION_CONSORTIUM: DeductionValue;
  SME_WORKS_PRICE_BONUS_SMALL_MICRO: PriceScoreBonusValue;
  SME_WORKS_PRICE_BONUS_CONSORTIUM: PriceScoreBonusValue;
  DECRYPTION_WINDOW: DurationValue;
}

export type RuleId = keyof RuleValueMap;

/** Rule ids whose value is a minimum period. */
export type PeriodRuleId = { [K in RuleId]: RuleValueMap[K] extends MinPeriodValue ? K : never }[RuleId];

export interface RuleVersion<K extends RuleId = RuleId> {
  id: K;
  jurisdiction: Jurisdiction;
  /** First day in force (inclusive), a Beijing date. */
  effectiveFrom: IsoDate;
  /** First day no longer in force (exclusive); null while in force. */
  effectiveUntil: IsoDate | null;
  /** The legal sources, the one quoted in messages first. */
  sources: readonly Citation[];
  /**
   * The rule as a sentence, used in error messages; `{min}`, `{max}` are filled from the value. E.g.
   * `投标截止时间须在招标文件开始发出之日起至少{min}日后`.
   */
  text: Bilingual;
  value: RuleValueMap[K];
  /** Why the value is what it is, doubts a reviewer should check; not shown to users. */
  note?: string;
}

/** Any version of any rule, as a discriminated union on `id`. */
export type AnyRuleVersion = { [K in RuleId]: RuleVersion<K> }[RuleId];

/** A stable key for audit: which version of which rule was applied. */
export function ruleVersionKey(v: Pick<RuleVersion, 'id' | 'jurisdiction' | 'effectiveFrom'>): string {
  return `${v.id}@${v.jurisdiction}@${v.effectiveFrom}`;
}

/** Units in which a violation states its required and actual values. */
export type MeasureUnit = PeriodUnit | 'percent' | 'fen' | 'score' | 'instant' | 'date' | 'method' | 'count';

/**
 * One broken rule, as the timeline and setup checks report it: which rule, which fields, what was required and what
 * was found, and a message in both languages that quotes the legal source.
 */
export interface RuleViolation<Id extends string = string> {
  ruleId: Id;
  fields: readonly string[];
  required: number | string | null;
  actual: number | string | null;
  unit: MeasureUnit;
  sources: readonly Citation[];
  message: Bilingual;
}

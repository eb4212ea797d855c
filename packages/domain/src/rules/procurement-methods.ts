import type { Bilingual } from '../bilingual';
import { CITE } from './citations';
import type { CategoryKind, Citation, PeriodRuleId } from './rule-types';

/**
 * The procurement methods (政府采购法 第二十六条, 财政部令第110号 for framework agreements) as configurations of the same
 * types (PRODUCT.md C6): which evaluation methods each allows, how many rounds of quotes, how many suppliers at least,
 * and which period rules apply between which moments of the timeline. The numbers live in the versioned rules; this
 * table only says which rule applies where.
 */
export const PROCUREMENT_METHOD_CODES = [
  'open-tender',
  'invited-tender',
  'competitive-negotiation',
  'competitive-consultation',
  'inquiry',
  'single-source',
  'framework-agreement',
] as const;
export type ProcurementMethod = (typeof PROCUREMENT_METHOD_CODES)[number];

export const EVALUATION_METHODS = [
  'lowest-evaluated-price', // 最低评标价法 (87号令 第五十二条起; 工程: 经评审的最低投标价法)
  'comprehensive-scoring', // 综合评分法 (87号令 第五十五条; 214号; 工程: 综合评估法)
  'lowest-quote', // 最低报价成交: 谈判、询价 (74号令) — rank by final quote among compliant responses
  'negotiated-price', // 单一来源: 协商确定成交价格
  'price-priority', // 价格优先法 (框架协议)
  'quality-priority', // 质量优先法 (框架协议)
] as const;
export type EvaluationMethod = (typeof EVALUATION_METHODS)[number];

export const EVALUATION_METHOD_LABELS = {
  'lowest-evaluated-price': { zh: '最低评标价法', en: 'Lowest evaluated price' },
  'comprehensive-scoring': { zh: '综合评分法', en: 'Comprehensive scoring' },
  'lowest-quote': { zh: '最低报价成交', en: 'Lowest final quote' },
  'negotiated-price': { zh: '协商定价', en: 'Negotiated price' },
  'price-priority': { zh: '价格优先法', en: 'Price priority' },
  'quality-priority': { zh: '质量优先法', en: 'Quality priority' },
} as const satisfies Record<EvaluationMethod, Bilingual>;

/** The moments of a timeline that periods are measured between. */
export const TIMELINE_POINTS = [
  'intentionPublished',
  'published',
  'documentsAvailableFrom',
  'documentsAvailableUntil',
  'bidDeadline',
  'publicityEnds',
] as const;
export type TimelinePoint = (typeof TIMELINE_POINTS)[number];

export interface PeriodSpec {
  ruleId: PeriodRuleId;
  from: TimelinePoint;
  to: TimelinePoint;
  /** The categories the rule applies to (works tendered under the Bidding Law have their own rules). */
  categories: readonly CategoryKind[];
}

export interface ClarificationSpec {
  ruleId: PeriodRuleId;
  categories: readonly CategoryKind[];
}

export interface MethodConfig {
  method: ProcurementMethod;
  label: Bilingual;
  legalBasis: readonly Citation[];
  evaluationMethods: readonly EvaluationMethod[];
  /** Where the allowed evaluation methods come from. */
  evaluationBasis: Citation;
  /** The rule bounding the price weight in comprehensive scoring, if the method scores. */
  priceWeightRule: 'TENDER_PRICE_WEIGHT' | 'CONSULTATION_PRICE_WEIGHT' | null;
  rounds: {
    /** `single`: one sealed quote that cannot change; `multiple`: rounds of negotiation, then a final quote. */
    quotes: 'single' | 'multiple';
    /** 1, or 2 for a framework agreement (admission, then call-offs). */
    stages: 1 | 2;
    description: Bilingual;
  };
  minSuppliers: { count: number; source: Citation };
  periods: readonly PeriodSpec[];
  clarifications: readonly ClarificationSpec[];
  /** What is known to be missing from this configuration. */
  pendingReview: string | null;
}

const ALL: readonly CategoryKind[] = ['goods', 'services', 'works'];
const GOODS_SERVICES: readonly CategoryKind[] = ['goods', 'services'];
const WORKS: readonly CategoryKind[] = ['works'];

const INTENTION: PeriodSpec = {
  ruleId: 'PROCUREMENT_INTENTION_MIN_LEAD',
  from: 'intentionPublished',
  to: 'published',
  categories: ALL,
};

const WORKS_TENDER_PERIODS: readonly PeriodSpec[] = [
  {
    ruleId: 'WORKS_TENDER_MIN_DOCUMENT_SALE',
    from: 'documentsAvailableFrom',
    to: 'documentsAvailableUntil',
    categories: WORKS,
  },
  { ruleId: 'WORKS_TENDER_MIN_BID_PERIOD', from: 'documentsAvailableFrom', to: 'bidDeadline', categories: WORKS },
];

const SINGLE_QUOTE = {
  quotes: 'single',
  stages: 1,
  description: { zh: '一次报价，不得更改', en: 'One sealed quote that cannot be changed' },
} as const;
const NEGOTIATED = {
  quotes: 'multiple',
  stages: 1,
  description: { zh: '多轮谈判（磋商）后提交最后报价', en: 'Rounds of negotiation, then a final quote' },
} as const;

export const PROCUREMENT_METHODS = {
  'open-tender': {
    method: 'open-tender',
    label: { zh: '公开招标', en: 'Open tender' },
    legalBasis: [CITE.gplArt35, CITE.regArt31, CITE.mof87Art18],
    evaluationMethods: ['lowest-evaluated-price', 'comprehensive-scoring'],
    evaluationBasis: CITE.mof87Art52,
    priceWeightRule: 'TENDER_PRICE_WEIGHT',
    rounds: SINGLE_QUOTE,
    minSuppliers: { count: 3, source: CITE.gplArt36 },
    periods: [
      INTENTION,
      {
        ruleId: 'OPEN_TENDER_MIN_DOCUMENT_AVAILABILITY',
        from: 'documentsAvailableFrom',
        to: 'documentsAvailableUntil',
        categories: GOODS_SERVICES,
      },
      {
        ruleId: 'OPEN_TENDER_MIN_BID_PERIOD',
        from: 'documentsAvailableFrom',
        to: 'bidDeadline',
        categories: GOODS_SERVICES,
      },
      ...WORKS_TENDER_PERIODS,
    ],
    clarifications: [
      { ruleId: 'OPEN_TENDER_CLARIFICATION_NOTICE', categories: GOODS_SERVICES },
      { ruleId: 'WORKS_TENDER_CLARIFICATION_NOTICE', categories: WORKS },
    ],
    pendingReview: null,
  },
  'invited-tender': {
    method: 'invited-tender',
    label: { zh: '邀请招标', en: 'Invited tender' },
    legalBasis: [CITE.gplArt35, CITE.mof87Art14, CITE.mof87Art18],
    evaluationMethods: ['lowest-evaluated-price', 'comprehensive-scoring'],
    evaluationBasis: CITE.mof87Art52,
    priceWeightRule: 'TENDER_PRICE_WEIGHT',
    rounds: SINGLE_QUOTE,
    // 87号令 第十四条: at least 3 suppliers drawn at random receive the invitation.
    minSuppliers: { count: 3, source: CITE.mof87Art14 },
    periods: [
      INTENTION,
      {
        ruleId: 'INVITED_TENDER_MIN_DOCUMENT_AVAILABILITY',
        from: 'documentsAvailableFrom',
        to: 'documentsAvailableUntil',
        categories: GOODS_SERVICES,
      },
      {
        ruleId: 'INVITED_TENDER_MIN_BID_PERIOD',
        from: 'documentsAvailableFrom',
        to: 'bidDeadline',
        categories: GOODS_SERVICES,
      },
      ...WORKS_TENDER_PERIODS,
    ],
    clarifications: [
      { ruleId: 'INVITED_TENDER_CLARIFICATION_NOTICE', categories: GOODS_SERVICES },
      { ruleId: 'WORKS_TENDER_CLARIFICATION_NOTICE', categories: WORKS },
    ],
    pendingReview: 'The prequalification notice period (资格预审公告, 87号令 第十四条、第十六条) is not modelled.',
  },
  'competitive-negotiation': {
    method: 'competitive-negotiation',
    label: { zh: '竞争性谈判', en: 'Competitive negotiation' },
    legalBasis: [CITE.gplArt38, CITE.mof74Art29],
    evaluationMethods: ['lowest-quote'],
    evaluationBasis: CITE.gplArt38,
    priceWeightRule: null,
    rounds: NEGOTIATED,
    minSuppliers: { count: 3, source: CITE.gplArt38 },
    periods: [
      INTENTION,
      { ruleId: 'NEGOTIATION_MIN_RESPONSE_PERIOD', from: 'documentsAvailableFrom', to: 'bidDeadline', categories: ALL },
    ],
    clarifications: [{ ruleId: 'NEGOTIATION_CLARIFICATION_NOTICE', categories: ALL }],
    pendingReview: null,
  },
  'competitive-consultation': {
    method: 'competitive-consultation',
    label: { zh: '竞争性磋商', en: 'Competitive consultation' },
    legalBasis: [CITE.czk2014n214Art10, CITE.czk2014n214Art24],
    evaluationMethods: ['comprehensive-scoring'],
    evaluationBasis: CITE.czk2014n214,
    priceWeightRule: 'CONSULTATION_PRICE_WEIGHT',
    rounds: NEGOTIATED,
    minSuppliers: { count: 3, source: CITE.czk2014n214Art6 },
    periods: [
      INTENTION,
      {
        ruleId: 'CONSULTATION_MIN_DOCUMENT_AVAILABILITY',
        from: 'documentsAvailableFrom',
        to: 'documentsAvailableUntil',
        categories: ALL,
      },
      {
        ruleId: 'CONSULTATION_MIN_RESPONSE_PERIOD',
        from: 'documentsAvailableFrom',
        to: 'bidDeadline',
        categories: ALL,
      },
    ],
    clarifications: [{ ruleId: 'CONSULTATION_CLARIFICATION_NOTICE', categories: ALL }],
    pendingReview:
      'Two suppliers suffice in the cases of 财库〔2015〕124号 (market not competitive enough); not modelled.',
  },
  inquiry: {
    method: 'inquiry',
    label: { zh: '询价', en: 'Request for quotations' },
    legalBasis: [CITE.gplArt40, CITE.mof74Art45],
    evaluationMethods: ['lowest-quote'],
    evaluationBasis: CITE.gplArt40,
    priceWeightRule: null,
    rounds: SINGLE_QUOTE,
    minSuppliers: { count: 3, source: CITE.gplArt40 },
    periods: [
      INTENTION,
      { ruleId: 'INQUIRY_MIN_RESPONSE_PERIOD', from: 'documentsAvailableFrom', to: 'bidDeadline', categories: ALL },
    ],
    clarifications: [{ ruleId: 'INQUIRY_CLARIFICATION_NOTICE', categories: ALL }],
    pendingReview: null,
  },
  'single-source': {
    method: 'single-source',
    label: { zh: '单一来源采购', en: 'Single source' },
    legalBasis: [CITE.gplArt39, CITE.regArt38, CITE.mof74Art38],
    evaluationMethods: ['negotiated-price'],
    evaluationBasis: CITE.gplArt39,
    priceWeightRule: null,
    rounds: {
      quotes: 'multiple',
      stages: 1,
      description: { zh: '与唯一供应商协商确定价格', en: 'Price negotiated with the one supplier' },
    },
    minSuppliers: { count: 1, source: CITE.gplArt39 },
    periods: [
      INTENTION,
      { ruleId: 'SINGLE_SOURCE_MIN_PUBLICITY', from: 'published', to: 'publicityEnds', categories: ALL },
    ],
    clarifications: [],
    pendingReview:
      'The publicity is required on the only-supplier ground above the open-tender threshold; the caller decides.',
  },
  'framework-agreement': {
    method: 'framework-agreement',
    label: { zh: '框架协议采购', en: 'Framework agreement' },
    legalBasis: [CITE.mof110],
    evaluationMethods: ['price-priority', 'quality-priority'],
    evaluationBasis: CITE.mof110,
    priceWeightRule: null,
    rounds: {
      quotes: 'single',
      stages: 2,
      description: {
        zh: '第一阶段征集入围供应商，第二阶段确定成交供应商（直接选定、二次竞价或顺序轮候）',
        en: 'Stage one admits suppliers; stage two awards call-offs (direct choice, second-round bidding or rotation)',
      },
    },
    minSuppliers: { count: 1, source: CITE.mof110 },
    periods: [INTENTION],
    clarifications: [],
    pendingReview:
      'The minimum periods of 财政部令第110号 (solicitation notice, documents, responses) are not encoded: they were not verified against the text. Until then only the intention lead is checked.',
  },
} as const satisfies Record<ProcurementMethod, MethodConfig>;

/** The period rules of a method that apply to a category. */
export function periodSpecsFor(method: ProcurementMethod, category: CategoryKind): PeriodSpec[] {
  const config: MethodConfig = PROCUREMENT_METHODS[method];
  return config.periods.filter((p) => p.categories.includes(category));
}

/** The clarification rule of a method for a category, or null when the method has none. */
export function clarificationRuleIdFor(method: ProcurementMethod, category: CategoryKind): PeriodRuleId | null {
  const config: MethodConfig = PROCUREMENT_METHODS[method];
  return config.clarifications.find((c) => c.categories.includes(category))?.ruleId ?? null;
}

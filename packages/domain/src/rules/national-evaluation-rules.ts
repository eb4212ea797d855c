import { CITE } from './citations';
import type { AnyRuleVersion } from './rule-types';

/**
 * Price weights, the deposit cap, the SME price deductions (and, for works under the Bidding Law, the price-score bonus
 * that replaces them) and the decryption window of the national rules.
 * The SME deductions show why rules are versioned: 财库〔2022〕19号 raised them from 2022-07-01, and a project
 * published on 2022-06-30 is still evaluated with the 财库〔2020〕46号 ranges.
 */
export const NATIONAL_EVALUATION_RULES: readonly AnyRuleVersion[] = [
  {
    id: 'TENDER_PRICE_WEIGHT',
    jurisdiction: 'CN',
    effectiveFrom: '2017-10-01',
    effectiveUntil: null,
    sources: [CITE.mof87Art55],
    text: {
      zh: '采用综合评分法的，{category}项目的价格分值占总分值的比重不得低于{min}%',
      en: 'With comprehensive scoring, the price must weigh at least {min}% of the total for {category}',
    },
    // 87号令 第五十五条: goods ≥ 30%, services ≥ 10%. (Under 财政部令第18号, before 2017-10-01: 30–60% and 10–30%.)
    // Works tendered under the Bidding Law have no such bound.
    value: { kind: 'price-weight', goods: { min: 30, max: 100 }, services: { min: 10, max: 100 }, works: null },
  },
  {
    id: 'CONSULTATION_PRICE_WEIGHT',
    jurisdiction: 'CN',
    effectiveFrom: '2014-12-31',
    effectiveUntil: null,
    sources: [CITE.czk2014n214Art24],
    text: {
      zh: '竞争性磋商采用综合评分法的，{category}项目的价格分值占总分值的比重须在{min}%至{max}%之间',
      en: 'In competitive consultation the price must weigh between {min}% and {max}% of the total for {category}',
    },
    // 214号 第二十四条 allows other weights with the approval of the finance department at the same level: a regional
    // or project-level override, not a national value.
    value: { kind: 'price-weight', goods: { min: 30, max: 60 }, services: { min: 10, max: 30 }, works: null },
  },
  {
    id: 'DEPOSIT_MAX_RATIO',
    jurisdiction: 'CN',
    effectiveFrom: '2015-03-01',
    effectiveUntil: null,
    sources: [CITE.regArt33],
    text: {
      zh: '投标（响应）保证金不得超过采购项目预算金额的{max}%',
      en: 'The bid (response) deposit may not exceed {max}% of the procurement budget',
    },
    value: { kind: 'max-ratio', maxBasisPoints: 200 },
    note: 'Non-tender methods carry the same 2% cap in their own texts (74号令, 214号); the check applies it to every method, per lot budget.',
  },
  {
    id: 'SME_DEDUCTION_SMALL_MICRO',
    jurisdiction: 'CN',
    effectiveFrom: '2012-01-01',
    effectiveUntil: '2021-01-01',
    sources: [CITE.czk2011n181Art5],
    text: {
      zh: '小型和微型企业的报价给予{min}%至{max}%的扣除，用扣除后的价格参与评审',
      en: 'Small and micro enterprises get a {min}%–{max}% price deduction for evaluation',
    },
    value: {
      kind: 'deduction-range',
      goods: { min: 6, max: 10 },
      services: { min: 6, max: 10 },
      works: null,
      minShareBasisPoints: null,
    },
  },
  {
    id: 'SME_DEDUCTION_SMALL_MICRO',
    jurisdiction: 'CN',
    effectiveFrom: '2021-01-01',
    effectiveUntil: '2022-07-01',
    sources: [CITE.czk2020n46Art9],
    text: {
      zh: '小微企业的报价给予{min}%至{max}%的扣除，用扣除后的价格参加评审',
      en: 'Small and micro enterprises get a {min}%–{max}% price deduction for evaluation',
    },
    value: {
      kind: 'deduction-range',
      goods: { min: 6, max: 10 },
      services: { min: 6, max: 10 },
      works: { min: 3, max: 5 },
      minShareBasisPoints: null,
    },
  },
  {
    id: 'SME_DEDUCTION_SMALL_MICRO',
    jurisdiction: 'CN',
    effectiveFrom: '2022-07-01',
    effectiveUntil: null,
    sources: [CITE.czk2022n19, CITE.czk2020n46Art9],
    text: {
      zh: '小微企业的报价给予{min}%至{max}%的扣除，用扣除后的价格参加评审',
      en: 'Small and micro enterprises get a {min}%–{max}% price deduction for evaluation',
    },
    value: {
      kind: 'deduction-range',
      goods: { min: 10, max: 20 },
      services: { min: 10, max: 20 },
      works: { min: 3, max: 5 },
      minShareBasisPoints: null,
    },
    note: '19号 raised goods and services only and left works to a later joint rule (财政部、住房城乡建设部另行规定); the 46号 works range is kept until that rule is in the data — check.',
  },
  {
    id: 'SME_DEDUCTION_CONSORTIUM',
    jurisdiction: 'CN',
    effectiveFrom: '2012-01-01',
    effectiveUntil: '2021-01-01',
    sources: [CITE.czk2011n181Art6],
    text: {
      zh: '联合体中小型、微型企业的协议合同金额占到联合体协议合同总金额{share}%以上的，可给予联合体{min}%至{max}%的价格扣除',
      en: 'A consortium giving small and micro members at least {share}% of the contract may get a {min}%–{max}% price deduction',
    },
    value: {
      kind: 'deduction-range',
      goods: { min: 2, max: 3 },
      services: { min: 2, max: 3 },
      works: null,
      minShareBasisPoints: 3000,
      subcontractsCount: false,
    },
  },
  {
    id: 'SME_DEDUCTION_CONSORTIUM',
    jurisdiction: 'CN',
    effectiveFrom: '2021-01-01',
    effectiveUntil: '2022-07-01',
    sources: [CITE.czk2020n46Art9],
    text: {
      zh: '联合协议或者分包意向协议约定小微企业的合同份额占到合同总金额{share}%以上的，对联合体或者大中型企业的报价给予{min}%至{max}%的扣除',
      en: 'A consortium or subcontract giving small and micro enterprises at least {share}% of the contract gets a {min}%–{max}% price deduction',
    },
    value: {
      kind: 'deduction-range',
      goods: { min: 2, max: 3 },
      services: { min: 2, max: 3 },
      works: { min: 1, max: 2 },
      minShareBasisPoints: 3000,
    },
  },
  {
    id: 'SME_DEDUCTION_CONSORTIUM',
    jurisdiction: 'CN',
    effectiveFrom: '2022-07-01',
    effectiveUntil: null,
    sources: [CITE.czk2022n19, CITE.czk2020n46Art9],
    text: {
      zh: '联合协议或者分包意向协议约定小微企业的合同份额占到合同总金额{share}%以上的，对联合体或者大中型企业的报价给予{min}%至{max}%的扣除',
      en: 'A consortium or subcontract giving small and micro enterprises at least {share}% of the contract gets a {min}%–{max}% price deduction',
    },
    value: {
      kind: 'deduction-range',
      goods: { min: 4, max: 6 },
      services: { min: 4, max: 6 },
      works: { min: 1, max: 2 },
      minShareBasisPoints: 3000,
    },
  },
  {
    id: 'SME_WORKS_PRICE_BONUS_SMALL_MICRO',
    jurisdiction: 'CN',
    effectiveFrom: '2021-01-01',
    effectiveUntil: '2022-07-01',
    sources: [CITE.czk2020n46Art9],
    text: {
      zh: '适用招标投标法的政府采购工程建设项目，采用综合评估法但未采用低价优先法计算价格分的，在采用原报价计算价格分的基础上增加小微企业价格分的{min}%至{max}%作为其价格分',
      en: 'Works tendered under the Bidding Law with comprehensive scoring but no low-price-priority price score: small and micro enterprises get their price score, computed on the original price, raised by {min}%–{max}%',
    },
    value: { kind: 'price-score-bonus', range: { min: 3, max: 5 }, minShareBasisPoints: null },
    note: 'The bonus sentence closes the small/micro paragraph of 46号 第九条 (the consortium one closes the next paragraph) — check the paragraph numbering before quoting it.',
  },
  {
    id: 'SME_WORKS_PRICE_BONUS_SMALL_MICRO',
    jurisdiction: 'CN',
    effectiveFrom: '2022-07-01',
    effectiveUntil: null,
    sources: [CITE.czk2020n46Art9, CITE.czk2022n19],
    text: {
      zh: '适用招标投标法的政府采购工程建设项目，采用综合评估法但未采用低价优先法计算价格分的，在采用原报价计算价格分的基础上增加小微企业价格分的{min}%至{max}%作为其价格分',
      en: 'Works tendered under the Bidding Law with comprehensive scoring but no low-price-priority price score: small and micro enterprises get their price score, computed on the original price, raised by {min}%–{max}%',
    },
    value: { kind: 'price-score-bonus', range: { min: 3, max: 5 }, minShareBasisPoints: null },
    note: '19号 raised the goods and services ranges only and left works to a later joint rule (财政部、住房城乡建设部另行规定); the 46号 works bonus is kept until that rule is in the data — check.',
  },
  {
    id: 'SME_WORKS_PRICE_BONUS_CONSORTIUM',
    jurisdiction: 'CN',
    effectiveFrom: '2021-01-01',
    effectiveUntil: '2022-07-01',
    sources: [CITE.czk2020n46Art9],
    text: {
      zh: '适用招标投标法的政府采购工程建设项目，联合协议或者分包意向协议约定小微企业的合同份额占到合同总金额{share}%以上的，在采用原报价计算价格分的基础上增加其价格分的{min}%至{max}%作为其价格分',
      en: 'Works tendered under the Bidding Law: a consortium or subcontract giving small and micro enterprises at least {share}% of the contract gets its price score raised by {min}%–{max}%',
    },
    value: { kind: 'price-score-bonus', range: { min: 1, max: 2 }, minShareBasisPoints: 3000 },
  },
  {
    id: 'SME_WORKS_PRICE_BONUS_CONSORTIUM',
    jurisdiction: 'CN',
    effectiveFrom: '2022-07-01',
    effectiveUntil: null,
    sources: [CITE.czk2020n46Art9, CITE.czk2022n19],
    text: {
      zh: '适用招标投标法的政府采购工程建设项目，联合协议或者分包意向协议约定小微企业的合同份额占到合同总金额{share}%以上的，在采用原报价计算价格分的基础上增加其价格分的{min}%至{max}%作为其价格分',
      en: 'Works tendered under the Bidding Law: a consortium or subcontract giving small and micro enterprises at least {share}% of the contract gets its price score raised by {min}%–{max}%',
    },
    value: { kind: 'price-score-bonus', range: { min: 1, max: 2 }, minShareBasisPoints: 3000 },
    note: 'As for the small/micro bonus: 19号 left works to a later joint rule — check.',
  },
  {
    id: 'DECRYPTION_WINDOW',
    jurisdiction: 'CN',
    effectiveFrom: '2017-10-01',
    effectiveUntil: null,
    sources: [CITE.platformDefault],
    text: {
      zh: '投标人须在开标后{minutes}分钟内完成投标文件解密',
      en: 'Bidders must decrypt their bids within {minutes} minutes of the opening',
    },
    // Not statutory: the documents set the window (PRODUCT.md §3.3); this is the default they start from.
    value: { kind: 'duration', defaultMinutes: 30 },
  },
];

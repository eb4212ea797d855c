import { CITE } from './citations';
import type { MinPeriodValue, PeriodRuleId, RuleVersion } from './rule-types';

/**
 * Minimum periods of the national rules (jurisdiction `CN`). Days are Beijing calendar days; the first day is not
 * counted (民法典 第二百零一条; 87号令 第八十五条: "本办法规定按日计算期间的，开始当天不计入，从次日开始计算。期限的最后一日
 * 是国家法定节假日的，顺延到节假日后的次日为期限的最后一日"). Periods that end at the bid or response deadline therefore
 * `extend` when their last day is a rest day; a period counted in working days always ends on one.
 */

const days = (min: number, lastDayOnRestDay: MinPeriodValue['lastDayOnRestDay'] = 'extend'): MinPeriodValue => ({
  kind: 'min-period',
  min,
  unit: 'calendar-days',
  lastDayOnRestDay,
});
const workingDays = (min: number): MinPeriodValue => ({
  kind: 'min-period',
  min,
  unit: 'working-days',
  lastDayOnRestDay: 'keep',
});

type PeriodVersion = { [K in PeriodRuleId]: RuleVersion<K> }[PeriodRuleId];

export const NATIONAL_PERIOD_RULES: readonly PeriodVersion[] = [
  {
    id: 'PROCUREMENT_INTENTION_MIN_LEAD',
    jurisdiction: 'CN',
    // 财库〔2020〕10号: central budget units and the pilot cities (Beijing, Shanghai, Shenzhen city level) from
    // 2020-07-01, provincial units from 2021-01-01, all levels below from 2022-01-01. The national rule here starts
    // when it bound every level; a region that started earlier can add an override.
    effectiveFrom: '2022-01-01',
    effectiveUntil: null,
    sources: [CITE.czk2020n10],
    text: {
      zh: '采购意向原则上须在采购活动开始前至少{min}日公开',
      en: 'The procurement intention must, in principle, be published at least {min} days before the procurement starts',
    },
    // "原则上不得晚于采购活动开始前30日": the notice's publication is the start; no extension (the end is not a deadline).
    value: days(30, 'keep'),
    note: '因预算单位不可预见的原因急需开展的采购项目可不公开采购意向 (the `intentionExempt` flag).',
  },
  {
    id: 'OPEN_TENDER_MIN_DOCUMENT_AVAILABILITY',
    jurisdiction: 'CN',
    effectiveFrom: '2017-10-01',
    effectiveUntil: null,
    sources: [CITE.regArt31, CITE.mof87Art18],
    text: {
      zh: '招标文件的提供期限自开始发出之日起不得少于{min}个工作日',
      en: 'The tender documents must be available for at least {min} working days from the day they are first issued',
    },
    value: workingDays(5),
    note: '87号令第十八条 counts from the notice, 实施条例第三十一条 from the issue of the documents: we count from documentsAvailableFrom, which may not precede the notice (TIMELINE_SEQUENCE), so both hold. 87号令第二十条 (sometimes cited for this) lists the contents of the documents.',
  },
  {
    id: 'OPEN_TENDER_MIN_BID_PERIOD',
    jurisdiction: 'CN',
    effectiveFrom: '2017-10-01',
    effectiveUntil: null,
    sources: [CITE.gplArt35, CITE.mof87Art85],
    text: {
      zh: '投标截止时间须在招标文件开始发出之日起至少{min}日后',
      en: 'The bid deadline must be at least {min} days after the tender documents are first issued',
    },
    value: days(20),
  },
  {
    id: 'OPEN_TENDER_CLARIFICATION_NOTICE',
    jurisdiction: 'CN',
    effectiveFrom: '2017-10-01',
    effectiveUntil: null,
    sources: [CITE.mof87Art27, CITE.regArt31],
    text: {
      zh: '可能影响投标文件编制的澄清或者修改须在投标截止时间至少{min}日前发出，不足{min}日的须顺延投标截止时间',
      en: 'A clarification or amendment that may affect bid preparation must be issued at least {min} days before the bid deadline, otherwise the deadline moves',
    },
    value: days(15),
  },
  {
    id: 'INVITED_TENDER_MIN_DOCUMENT_AVAILABILITY',
    jurisdiction: 'CN',
    effectiveFrom: '2017-10-01',
    effectiveUntil: null,
    sources: [CITE.regArt31, CITE.mof87Art18],
    text: {
      zh: '招标文件的提供期限自开始发出之日起不得少于{min}个工作日',
      en: 'The tender documents must be available for at least {min} working days from the day they are first issued',
    },
    value: workingDays(5),
  },
  {
    id: 'INVITED_TENDER_MIN_BID_PERIOD',
    jurisdiction: 'CN',
    effectiveFrom: '2017-10-01',
    effectiveUntil: null,
    sources: [CITE.gplArt35, CITE.mof87Art85],
    text: {
      zh: '投标截止时间须在招标文件开始发出之日起至少{min}日后',
      en: 'The bid deadline must be at least {min} days after the tender documents are first issued',
    },
    value: days(20),
  },
  {
    id: 'INVITED_TENDER_CLARIFICATION_NOTICE',
    jurisdiction: 'CN',
    effectiveFrom: '2017-10-01',
    effectiveUntil: null,
    sources: [CITE.mof87Art27, CITE.regArt31],
    text: {
      zh: '可能影响投标文件编制的澄清或者修改须在投标截止时间至少{min}日前发出，不足{min}日的须顺延投标截止时间',
      en: 'A clarification or amendment that may affect bid preparation must be issued at least {min} days before the bid deadline, otherwise the deadline moves',
    },
    value: days(15),
  },
  {
    id: 'WORKS_TENDER_MIN_DOCUMENT_SALE',
    jurisdiction: 'CN',
    effectiveFrom: '2012-02-01',
    effectiveUntil: null,
    sources: [CITE.biddingRegArt16],
    text: {
      zh: '工程招标文件的发售期不得少于{min}日',
      en: 'Works tender documents must be on offer for at least {min} days',
    },
    value: days(5),
  },
  {
    id: 'WORKS_TENDER_MIN_BID_PERIOD',
    jurisdiction: 'CN',
    effectiveFrom: '2000-01-01',
    effectiveUntil: null,
    sources: [CITE.biddingLawArt24, CITE.civilCodeArt203],
    text: {
      zh: '工程投标截止时间须在招标文件开始发出之日起至少{min}日后',
      en: 'The works bid deadline must be at least {min} days after the tender documents are first issued',
    },
    value: days(20),
  },
  {
    id: 'WORKS_TENDER_CLARIFICATION_NOTICE',
    jurisdiction: 'CN',
    effectiveFrom: '2000-01-01',
    effectiveUntil: null,
    sources: [CITE.biddingLawArt23, CITE.biddingRegArt21],
    text: {
      zh: '可能影响投标文件编制的澄清或者修改须在投标截止时间至少{min}日前发出，不足{min}日的须顺延投标截止时间',
      en: 'A clarification or amendment that may affect bid preparation must be issued at least {min} days before the bid deadline, otherwise the deadline moves',
    },
    value: days(15),
  },
  {
    id: 'NEGOTIATION_MIN_RESPONSE_PERIOD',
    jurisdiction: 'CN',
    effectiveFrom: '2014-02-01',
    effectiveUntil: null,
    sources: [CITE.mof74Art29],
    text: {
      zh: '自谈判文件发出之日起至首次响应文件提交截止之日止不得少于{min}个工作日',
      en: 'At least {min} working days must pass from the issue of the negotiation documents to the first response deadline',
    },
    value: workingDays(3),
    note: 'check the article number (74号令 第二十九条).',
  },
  {
    id: 'NEGOTIATION_CLARIFICATION_NOTICE',
    jurisdiction: 'CN',
    effectiveFrom: '2014-02-01',
    effectiveUntil: null,
    sources: [CITE.mof74Art29],
    text: {
      zh: '可能影响响应文件编制的澄清或者修改须在首次响应文件提交截止之日{min}个工作日前发出，不足的须顺延截止时间',
      en: 'A clarification that may affect responses must be issued {min} working days before the first response deadline, otherwise the deadline moves',
    },
    value: workingDays(3),
  },
  {
    id: 'CONSULTATION_MIN_DOCUMENT_AVAILABILITY',
    jurisdiction: 'CN',
    effectiveFrom: '2014-12-31',
    effectiveUntil: null,
    sources: [CITE.czk2014n214Art10],
    text: {
      zh: '磋商文件的发售期限自开始之日起不得少于{min}个工作日',
      en: 'The consultation documents must be available for at least {min} working days',
    },
    value: workingDays(5),
  },
  {
    id: 'CONSULTATION_MIN_RESPONSE_PERIOD',
    jurisdiction: 'CN',
    effectiveFrom: '2014-12-31',
    effectiveUntil: null,
    sources: [CITE.czk2014n214Art10, CITE.civilCodeArt203],
    text: {
      zh: '自磋商文件发出之日起至首次响应文件提交截止之日止不得少于{min}日',
      en: 'At least {min} days must pass from the issue of the consultation documents to the first response deadline',
    },
    value: days(10),
  },
  {
    id: 'CONSULTATION_CLARIFICATION_NOTICE',
    jurisdiction: 'CN',
    effectiveFrom: '2014-12-31',
    effectiveUntil: null,
    sources: [CITE.czk2014n214Art10],
    text: {
      zh: '可能影响响应文件编制的澄清或者修改须在首次响应文件提交截止时间至少{min}日前发出，不足{min}日的须顺延截止时间',
      en: 'A clarification that may affect responses must be issued at least {min} days before the first response deadline, otherwise the deadline moves',
    },
    value: days(5),
  },
  {
    id: 'INQUIRY_MIN_RESPONSE_PERIOD',
    jurisdiction: 'CN',
    effectiveFrom: '2014-02-01',
    effectiveUntil: null,
    sources: [CITE.mof74Art45],
    text: {
      zh: '自询价通知书发出之日起至响应文件提交截止之日止不得少于{min}个工作日',
      en: 'At least {min} working days must pass from the issue of the inquiry notice to the response deadline',
    },
    value: workingDays(3),
    note: 'check the article number (74号令 第四十五条).',
  },
  {
    id: 'INQUIRY_CLARIFICATION_NOTICE',
    jurisdiction: 'CN',
    effectiveFrom: '2014-02-01',
    effectiveUntil: null,
    sources: [CITE.mof74Art45],
    text: {
      zh: '可能影响响应文件编制的澄清或者修改须在响应文件提交截止之日{min}个工作日前发出，不足的须顺延截止时间',
      en: 'A clarification that may affect responses must be issued {min} working days before the response deadline, otherwise the deadline moves',
    },
    value: workingDays(3),
  },
  {
    id: 'SINGLE_SOURCE_MIN_PUBLICITY',
    jurisdiction: 'CN',
    effectiveFrom: '2015-03-01',
    effectiveUntil: null,
    sources: [CITE.regArt38, CITE.mof74Art38],
    text: {
      zh: '单一来源采购公示期不得少于{min}个工作日',
      en: 'The single-source publicity period must be at least {min} working days',
    },
    value: workingDays(5),
    note: 'Required when the only-supplier ground (政府采购法第三十一条第一项) is used above the open-tender threshold.',
  },
];

import type { Bilingual } from './bilingual';

/**
 * 《中小企业划型标准规定》(工信部联企业〔2011〕300号, 工业和信息化部、国家统计局、国家发展和改革委员会、财政部, 2011-06-18)
 * 第四条: the thresholds of the 16 industries, as data. Amounts are in 万元 as the text states them (operating revenue
 * 营业收入, total assets 资产总额); "以下" excludes the number, "及以上" includes it.
 *
 * Each industry says: below the `sme` ceiling on ANY listed indicator ("或") the enterprise is small or medium-sized
 * (中小微型); among those, medium when ALL `medium` floors are met ("且"), small when all `small` floors are met, micro
 * otherwise ("…以下或…以下的为微型企业" is exactly the complement of the small floors). Above every ceiling: large.
 *
 * Used by the SME declaration (中小企业声明函) of 财库〔2020〕46号. A revision of the standard has been drafted
 * (工信部, 2021 征求意见稿); if it comes into force it becomes a second version of this table with its own date.
 */
export const ENTERPRISE_SCALE_STANDARD = {
  source: { zh: '工信部联企业〔2011〕300号第四条', en: 'MIIT [2011] No. 300, art. 4' },
  effectiveFrom: '2011-06-18',
} as const;

export type ScaleIndicator = 'employees' | 'revenue' | 'assets';

/** Thresholds on some of the indicators: persons for `employees`, 万元 for `revenue` and `assets`. */
export type Thresholds = Partial<Record<ScaleIndicator, number>>;

export interface IndustryScaleStandard {
  label: Bilingual;
  /** Which activities the industry covers (GB/T 4754-2011 sections), where the name alone is not enough. */
  scope: Bilingual | null;
  /** Item of 第四条 (一)…(十六). */
  item: number;
  sme: Thresholds;
  medium: Thresholds;
  small: Thresholds;
}

export const INDUSTRY_CODES = [
  'agriculture',
  'industry',
  'construction',
  'wholesale',
  'retail',
  'transport',
  'warehousing',
  'postal',
  'accommodation',
  'catering',
  'information-transmission',
  'software-it-services',
  'real-estate-development',
  'property-management',
  'leasing-business-services',
  'other',
] as const;
export type IndustryCode = (typeof INDUSTRY_CODES)[number];

export const INDUSTRY_SCALE_STANDARDS = {
  agriculture: {
    label: { zh: '农、林、牧、渔业', en: 'Agriculture, forestry, animal husbandry and fishery' },
    scope: null,
    item: 1,
    sme: { revenue: 20000 },
    medium: { revenue: 500 },
    small: { revenue: 50 },
  },
  industry: {
    label: { zh: '工业', en: 'Industry' },
    scope: {
      zh: '采矿业，制造业，电力、热力、燃气及水生产和供应业',
      en: 'Mining; manufacturing; production and supply of electricity, heat, gas and water',
    },
    item: 2,
    sme: { employees: 1000, revenue: 40000 },
    medium: { employees: 300, revenue: 2000 },
    small: { employees: 20, revenue: 300 },
  },
  construction: {
    label: { zh: '建筑业', en: 'Construction' },
    scope: null,
    item: 3,
    sme: { revenue: 80000, assets: 80000 },
    medium: { revenue: 6000, assets: 5000 },
    small: { revenue: 300, assets: 300 },
  },
  wholesale: {
    label: { zh: '批发业', en: 'Wholesale' },
    scope: null,
    item: 4,
    sme: { employees: 200, revenue: 40000 },
    medium: { employees: 20, revenue: 5000 },
    small: { employees: 5, revenue: 1000 },
  },
  retail: {
    label: { zh: '零售业', en: 'Retail' },
    scope: null,
    item: 5,
    sme: { employees: 300, revenue: 20000 },
    medium: { employees: 50, revenue: 500 },
    small: { employees: 10, revenue: 100 },
  },
  transport: {
    label: { zh: '交通运输业', en: 'Transport' },
    scope: { zh: '不含铁路运输业', en: 'Excluding railway transport' },
    item: 6,
    sme: { employees: 1000, revenue: 30000 },
    medium: { employees: 300, revenue: 3000 },
    small: { employees: 20, revenue: 200 },
  },
  warehousing: {
    label: { zh: '仓储业', en: 'Warehousing' },
    scope: null,
    item: 7,
    sme: { employees: 200, revenue: 30000 },
    medium: { employees: 100, revenue: 1000 },
    small: { employees: 20, revenue: 100 },
  },
  postal: {
    label: { zh: '邮政业', en: 'Postal services' },
    scope: null,
    item: 8,
    sme: { employees: 1000, revenue: 30000 },
    medium: { employees: 300, revenue: 2000 },
    small: { employees: 20, revenue: 100 },
  },
  accommodation: {
    label: { zh: '住宿业', en: 'Accommodation' },
    scope: null,
    item: 9,
    sme: { employees: 300, revenue: 10000 },
    medium: { employees: 100, revenue: 2000 },
    small: { employees: 10, revenue: 100 },
  },
  catering: {
    label: { zh: '餐饮业', en: 'Catering' },
    scope: null,
    item: 10,
    sme: { employees: 300, revenue: 10000 },
    medium: { employees: 100, revenue: 2000 },
    small: { employees: 10, revenue: 100 },
  },
  'information-transmission': {
    label: { zh: '信息传输业', en: 'Information transmission' },
    scope: {
      zh: '电信、广播电视和卫星传输服务，互联网和相关服务',
      en: 'Telecommunications, broadcasting and satellite transmission; internet and related services',
    },
    item: 11,
    sme: { employees: 2000, revenue: 100000 },
    medium: { employees: 100, revenue: 1000 },
    small: { employees: 10, revenue: 100 },
  },
  'software-it-services': {
    label: { zh: '软件和信息技术服务业', en: 'Software and information technology services' },
    scope: null,
    item: 12,
    sme: { employees: 300, revenue: 10000 },
    medium: { employees: 100, revenue: 1000 },
    small: { employees: 10, revenue: 50 },
  },
  'real-estate-development': {
    label: { zh: '房地产开发经营', en: 'Real estate development' },
    scope: null,
    item: 13,
    sme: { revenue: 200000, assets: 10000 },
    medium: { revenue: 1000, assets: 5000 },
    small: { revenue: 100, assets: 2000 },
  },
  'property-management': {
    label: { zh: '物业管理', en: 'Property management' },
    scope: null,
    item: 14,
    sme: { employees: 1000, revenue: 5000 },
    medium: { employees: 300, revenue: 1000 },
    small: { employees: 100, revenue: 500 },
  },
  'leasing-business-services': {
    label: { zh: '租赁和商务服务业', en: 'Leasing and business services' },
    scope: null,
    item: 15,
    sme: { employees: 300, assets: 120000 },
    medium: { employees: 100, assets: 8000 },
    small: { employees: 10, assets: 100 },
  },
  other: {
    label: { zh: '其他未列明行业', en: 'Other industries not listed' },
    scope: {
      zh: '含科学研究和技术服务业、水利环境和公共设施管理业、居民服务修理和其他服务业、社会工作、文化体育和娱乐业等',
      en: 'Including scientific research and technical services, water, environment and public facilities, resident services, social work, culture, sports and entertainment',
    },
    item: 16,
    sme: { employees: 300 },
    medium: { employees: 100 },
    small: { employees: 10 },
  },
} as const satisfies Record<IndustryCode, IndustryScaleStandard>;

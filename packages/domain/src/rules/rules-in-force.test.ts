import { describe, expect, it } from 'vitest';
import { CATEGORY_KINDS, type AnyRuleVersion, type MinPeriodValue, type RuleId } from './rule-types';
import {
  PROCUREMENT_METHOD_CODES,
  PROCUREMENT_METHODS,
  clarificationRuleIdFor,
  periodSpecsFor,
  type MethodConfig,
} from './procurement-methods';
import {
  NATIONAL_RULES,
  checkCatalogue,
  fillText,
  jurisdictionChain,
  requireRule,
  ruleSetKeys,
  rulesInForce,
} from './rules-in-force';

const period = (id: RuleId, date = '2026-03-02'): MinPeriodValue => {
  const v = requireRule(rulesInForce(date), id).value;
  if (v.kind !== 'min-period') throw new Error(`${id} is not a period`);
  return v;
};

describe('the national rule catalogue', () => {
  it('is consistent: sources, texts, no overlapping versions', () => {
    expect(checkCatalogue(NATIONAL_RULES)).toEqual([]);
  });

  it('every rule cites at least one source and has both languages', () => {
    for (const v of NATIONAL_RULES) {
      expect(v.sources.length, v.id).toBeGreaterThan(0);
      expect(v.text.zh.length, v.id).toBeGreaterThan(0);
      expect(v.text.en.length, v.id).toBeGreaterThan(0);
    }
  });

  // The statutory numbers, as the regulations state them.
  it.each<[RuleId, number, MinPeriodValue['unit']]>([
    ['PROCUREMENT_INTENTION_MIN_LEAD', 30, 'calendar-days'], // 财库〔2020〕10号
    ['OPEN_TENDER_MIN_DOCUMENT_AVAILABILITY', 5, 'working-days'], // 实施条例第三十一条, 87号令第十八条
    ['OPEN_TENDER_MIN_BID_PERIOD', 20, 'calendar-days'], // 政府采购法第三十五条
    ['OPEN_TENDER_CLARIFICATION_NOTICE', 15, 'calendar-days'], // 87号令第二十七条
    ['INVITED_TENDER_MIN_BID_PERIOD', 20, 'calendar-days'],
    ['WORKS_TENDER_MIN_DOCUMENT_SALE', 5, 'calendar-days'], // 招标投标法实施条例第十六条
    ['WORKS_TENDER_MIN_BID_PERIOD', 20, 'calendar-days'], // 招标投标法第二十四条
    ['NEGOTIATION_MIN_RESPONSE_PERIOD', 3, 'working-days'], // 74号令
    ['CONSULTATION_MIN_RESPONSE_PERIOD', 10, 'calendar-days'], // 214号第十条
    ['CONSULTATION_MIN_DOCUMENT_AVAILABILITY', 5, 'working-days'],
    ['CONSULTATION_CLARIFICATION_NOTICE', 5, 'calendar-days'],
    ['INQUIRY_MIN_RESPONSE_PERIOD', 3, 'working-days'], // 74号令
    ['SINGLE_SOURCE_MIN_PUBLICITY', 5, 'working-days'], // 实施条例第三十八条
  ])('%s is %i %s', (id, min, unit) => {
    expect(period(id)).toMatchObject({ min, unit });
  });

  it('caps the deposit at 2% and defaults the decryption window to 30 minutes', () => {
    const set = rulesInForce('2026-03-02');
    expect(requireRule(set, 'DEPOSIT_MAX_RATIO').value.maxBasisPoints).toBe(200);
    expect(requireRule(set, 'DECRYPTION_WINDOW').value.defaultMinutes).toBe(30);
  });

  it('price weights: tender goods ≥ 30%, services ≥ 10%; consultation 30–60% and 10–30%', () => {
    const set = rulesInForce('2026-03-02');
    expect(requireRule(set, 'TENDER_PRICE_WEIGHT').value).toMatchObject({
      goods: { min: 30 },
      services: { min: 10 },
      works: null,
    });
    expect(requireRule(set, 'CONSULTATION_PRICE_WEIGHT').value).toMatchObject({
      goods: { min: 30, max: 60 },
      services: { min: 10, max: 30 },
    });
  });
});

describe('rules in force on a date', () => {
  it.each([
    // 财库〔2020〕46号 until 2022-06-30, 财库〔2022〕19号 from 2022-07-01 (PRODUCT.md §4).
    ['2021-06-01', { min: 6, max: 10 }, { min: 2, max: 3 }, '财库〔2020〕46号第九条'],
    ['2022-06-30', { min: 6, max: 10 }, { min: 2, max: 3 }, '财库〔2020〕46号第九条'],
    ['2022-07-01', { min: 10, max: 20 }, { min: 4, max: 6 }, '财库〔2022〕19号'],
    ['2026-03-02', { min: 10, max: 20 }, { min: 4, max: 6 }, '财库〔2022〕19号'],
    ['2019-05-01', { min: 6, max: 10 }, { min: 2, max: 3 }, '财库〔2011〕181号第五条'],
  ])('on %s small/micro %o, consortium %o', (date, smallMicro, consortium, source) => {
    const set = rulesInForce(date);
    const sm = requireRule(set, 'SME_DEDUCTION_SMALL_MICRO');
    expect(sm.value.goods).toEqual(smallMicro);
    expect(sm.value.services).toEqual(smallMicro);
    expect(sm.sources[0]?.zh).toBe(source);
    const co = requireRule(set, 'SME_DEDUCTION_CONSORTIUM');
    expect(co.value.goods).toEqual(consortium);
    expect(co.value.minShareBasisPoints).toBe(3000);
  });

  it('the works price-score bonus exists from 财库〔2020〕46号 on, unchanged by 财库〔2022〕19号', () => {
    expect(rulesInForce('2020-12-31').rules.SME_WORKS_PRICE_BONUS_SMALL_MICRO).toBeUndefined();
    for (const date of ['2021-01-01', '2022-06-30', '2022-07-01', '2026-03-02']) {
      const set = rulesInForce(date);
      expect(requireRule(set, 'SME_WORKS_PRICE_BONUS_SMALL_MICRO').value.range).toEqual({ min: 3, max: 5 });
      expect(requireRule(set, 'SME_WORKS_PRICE_BONUS_CONSORTIUM').value).toMatchObject({
        range: { min: 1, max: 2 },
        minShareBasisPoints: 3000,
      });
    }
    expect(requireRule(rulesInForce('2022-07-01'), 'SME_WORKS_PRICE_BONUS_SMALL_MICRO').sources[1]?.zh).toBe(
      '财库〔2022〕19号',
    );
  });

  it('subcontracts count towards the consortium share from 财库〔2020〕46号 on only', () => {
    expect(requireRule(rulesInForce('2020-12-31'), 'SME_DEDUCTION_CONSORTIUM').value.subcontractsCount).toBe(false);
    expect(requireRule(rulesInForce('2021-01-01'), 'SME_DEDUCTION_CONSORTIUM').value.subcontractsCount).toBeUndefined();
  });

  it('the intention rule binds from 2022-01-01 nationally', () => {
    expect(rulesInForce('2021-12-31').rules.PROCUREMENT_INTENTION_MIN_LEAD).toBeUndefined();
    expect(rulesInForce('2022-01-01').rules.PROCUREMENT_INTENTION_MIN_LEAD?.value.min).toBe(30);
  });

  it('refuses dates before 财政部令第87号', () => {
    expect(() => rulesInForce('2017-09-30')).toThrow(RangeError);
    expect(() => rulesInForce('2026-03-02', 'XX')).toThrow(RangeError);
  });

  it('walks the jurisdiction up to the national level', () => {
    expect(jurisdictionChain('CN')).toEqual(['CN']);
    expect(jurisdictionChain('520000')).toEqual(['520000', 'CN']);
    expect(jurisdictionChain('520200')).toEqual(['520200', '520000', 'CN']);
    expect(jurisdictionChain('520201')).toEqual(['520201', '520200', '520000', 'CN']);
  });

  it('applies the most specific regional override in force (test data, not a real regional rule)', () => {
    const national = NATIONAL_RULES.find((r) => r.id === 'DECRYPTION_WINDOW');
    if (!national) throw new Error('missing');
    const provincial: AnyRuleVersion = {
      id: 'DECRYPTION_WINDOW',
      jurisdiction: '520000',
      effectiveFrom: '2026-01-01',
      effectiveUntil: null,
      sources: [{ zh: '某省规定（测试）', en: 'a provincial rule (test)' }],
      text: national.text,
      value: { kind: 'duration', defaultMinutes: 60 },
    };
    const city: AnyRuleVersion = {
      ...provincial,
      jurisdiction: '520200',
      value: { kind: 'duration', defaultMinutes: 45 },
    };
    const catalogue = [...NATIONAL_RULES, provincial, city];
    expect(checkCatalogue(catalogue)).toEqual([]);
    const minutes = (date: string, j: string) =>
      requireRule(rulesInForce(date, j, catalogue), 'DECRYPTION_WINDOW').value.defaultMinutes;
    expect(minutes('2026-03-02', '520201')).toBe(45); // district → its city's override
    expect(minutes('2026-03-02', '520300')).toBe(60); // another city → the province
    expect(minutes('2026-03-02', '110000')).toBe(30); // another province → national
    expect(minutes('2025-12-31', '520201')).toBe(30); // before the overrides
    expect(ruleSetKeys(rulesInForce('2026-03-02', '520201', catalogue))).toContain(
      'DECRYPTION_WINDOW@520200@2026-01-01',
    );
  });

  it('finds overlapping versions', () => {
    const v = NATIONAL_RULES[0];
    if (!v) throw new Error('empty catalogue');
    expect(checkCatalogue([v, { ...v }])).toHaveLength(1);
  });

  it('fills rule texts', () => {
    expect(
      fillText(
        { zh: '至少{min}日（{category}）', en: 'at least {min} days ({category})' },
        { min: 20, category: { zh: '货物', en: 'goods' } },
      ),
    ).toEqual({
      zh: '至少20日（货物）',
      en: 'at least 20 days (goods)',
    });
  });
});

describe('procurement methods are configurations (C6)', () => {
  it.each(PROCUREMENT_METHOD_CODES)('%s: every rule it names is in force today, for every category', (method) => {
    const set = rulesInForce('2026-03-02');
    const config: MethodConfig = PROCUREMENT_METHODS[method];
    expect(config.evaluationMethods.length).toBeGreaterThan(0);
    for (const category of CATEGORY_KINDS) {
      for (const spec of periodSpecsFor(method, category)) expect(set.rules[spec.ruleId], spec.ruleId).toBeDefined();
      const clarification = clarificationRuleIdFor(method, category);
      if (clarification) expect(set.rules[clarification]).toBeDefined();
    }
    if (config.priceWeightRule) expect(set.rules[config.priceWeightRule]).toBeDefined();
  });

  it.each<[string, string[], number]>([
    ['open-tender', ['lowest-evaluated-price', 'comprehensive-scoring'], 3],
    ['competitive-consultation', ['comprehensive-scoring'], 3],
    ['competitive-negotiation', ['lowest-quote'], 3],
    ['inquiry', ['lowest-quote'], 3],
    ['single-source', ['negotiated-price'], 1],
    ['framework-agreement', ['price-priority', 'quality-priority'], 1],
  ])('%s allows %o with at least %i supplier(s)', (method, evaluation, min) => {
    const config: MethodConfig = PROCUREMENT_METHODS[method as keyof typeof PROCUREMENT_METHODS];
    expect(config.evaluationMethods).toEqual(evaluation);
    expect(config.minSuppliers.count).toBe(min);
  });

  it('works tendered use the Bidding Law periods; goods and services the GPL ones', () => {
    expect(periodSpecsFor('open-tender', 'works').map((p) => p.ruleId)).toEqual([
      'PROCUREMENT_INTENTION_MIN_LEAD',
      'WORKS_TENDER_MIN_DOCUMENT_SALE',
      'WORKS_TENDER_MIN_BID_PERIOD',
    ]);
    expect(periodSpecsFor('open-tender', 'goods').map((p) => p.ruleId)).toEqual([
      'PROCUREMENT_INTENTION_MIN_LEAD',
      'OPEN_TENDER_MIN_DOCUMENT_AVAILABILITY',
      'OPEN_TENDER_MIN_BID_PERIOD',
    ]);
    expect(clarificationRuleIdFor('open-tender', 'works')).toBe('WORKS_TENDER_CLARIFICATION_NOTICE');
    expect(clarificationRuleIdFor('single-source', 'goods')).toBeNull();
  });
});

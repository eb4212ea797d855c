import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_FEN } from './money';
import {
  maxDepositFen,
  percentToHundredths,
  validateDeposit,
  validateEvaluationSetup,
  validateLotSetup,
  type EvaluationCriterion,
  type LotSetup,
} from './procurement-setup';
import { rulesInForce } from './rules/rules-in-force';

const rules = rulesInForce('2026-03-02');

const criteria = (price: number, ...others: number[]): EvaluationCriterion[] => [
  { key: 'price', label: '价格', kind: 'price', weight: price, maxScore: price },
  ...others.map((w, i) => ({ key: `t${i}`, label: `技术${i}`, kind: 'technical' as const, weight: w, maxScore: 10 })),
];

const lot: LotSetup = {
  method: 'open-tender',
  category: 'goods',
  evaluationMethod: 'comprehensive-scoring',
  criteria: criteria(30, 50, 20),
  budgetFen: 100_000_000, // 1,000,000.00 yuan
  depositFen: 2_000_000, // 20,000.00 yuan = 2%
};

const ids = (setup: LotSetup) => validateLotSetup(setup, rules).map((v) => v.ruleId);

describe('evaluation set-up (87号令第五十五条, 214号第二十四条)', () => {
  it('accepts a compliant lot', () => {
    expect(validateLotSetup(lot, rules)).toEqual([]);
  });

  it.each<[string, Partial<LotSetup>, string[]]>([
    ['goods price weight 29%', { criteria: criteria(29, 51, 20) }, ['TENDER_PRICE_WEIGHT']],
    ['goods price weight 30%', { criteria: criteria(30, 70) }, []],
    ['services price weight 10%', { category: 'services', criteria: criteria(10, 90) }, []],
    ['services price weight 9.99%', { category: 'services', criteria: criteria(9.99, 90.01) }, ['TENDER_PRICE_WEIGHT']],
    ['works: no statutory price weight', { category: 'works', criteria: criteria(5, 95) }, []],
    [
      'consultation goods 61%',
      { method: 'competitive-consultation', criteria: criteria(61, 39) },
      ['CONSULTATION_PRICE_WEIGHT'],
    ],
    ['consultation goods 60%', { method: 'competitive-consultation', criteria: criteria(60, 40) }, []],
    [
      'consultation services 31%',
      { method: 'competitive-consultation', category: 'services', criteria: criteria(31, 69) },
      ['CONSULTATION_PRICE_WEIGHT'],
    ],
    [
      'consultation services 10%',
      { method: 'competitive-consultation', category: 'services', criteria: criteria(10, 90) },
      [],
    ],
    ['weights adding up to 95', { criteria: criteria(30, 45, 20) }, ['CRITERIA_WEIGHTS_TOTAL']],
    ['weights adding up to 100.01', { criteria: criteria(30, 50.01, 20) }, ['CRITERIA_WEIGHTS_TOTAL']],
    [
      'a weight with three decimals',
      { criteria: criteria(30, 49.995, 20.005) },
      ['CRITERION_WEIGHT_INVALID', 'CRITERION_WEIGHT_INVALID'],
    ],
    ['a zero weight', { criteria: criteria(30, 70, 0) }, ['CRITERION_WEIGHT_INVALID']],
    [
      'no price criterion',
      { criteria: criteria(30, 70).map((c) => ({ ...c, kind: 'technical' as const })) },
      ['PRICE_CRITERION_COUNT'],
    ],
    ['a fixed price that is scored anyway', { priceNotScored: true }, ['PRICE_CRITERION_COUNT']],
    [
      'a fixed price, not scored',
      {
        priceNotScored: true,
        criteria: criteria(30, 70)
          .slice(1)
          .map((c) => ({ ...c, weight: 100 })),
      },
      [],
    ],
    ['no criteria', { criteria: [] }, ['CRITERIA_REQUIRED']],
    ['inquiry with comprehensive scoring', { method: 'inquiry' }, ['EVALUATION_METHOD_NOT_ALLOWED']],
    [
      'consultation with the lowest evaluated price',
      { method: 'competitive-consultation', evaluationMethod: 'lowest-evaluated-price' },
      ['EVALUATION_METHOD_NOT_ALLOWED'],
    ],
    [
      'open tender with the lowest evaluated price (no criteria needed)',
      { evaluationMethod: 'lowest-evaluated-price', criteria: [] },
      [],
    ],
    [
      'negotiation with the lowest quote',
      { method: 'competitive-negotiation', evaluationMethod: 'lowest-quote', criteria: [] },
      [],
    ],
  ])('%s', (_label, change, expected) => {
    expect(ids({ ...lot, ...change })).toEqual(expected);
  });

  it('names the field, the numbers and the source', () => {
    const [v] = validateEvaluationSetup({ ...lot, criteria: criteria(29, 51, 20) }, rules);
    expect(v).toMatchObject({
      ruleId: 'TENDER_PRICE_WEIGHT',
      fields: ['criteria[0].weight'],
      required: 30,
      actual: 29,
      unit: 'percent',
    });
    expect(v?.message.zh).toBe(
      '采用综合评分法的，货物项目的价格分值占总分值的比重不得低于30%（财政部令第87号第五十五条）：当前为 29%',
    );
    expect(v?.message.en).toContain('at least 30% of the total for Goods');
    const [c] = validateEvaluationSetup(
      { ...lot, method: 'competitive-consultation', category: 'services', criteria: criteria(31, 69) },
      rules,
    );
    expect(c).toMatchObject({ required: '10–30', actual: 31 });
  });

  it('refuses non-positive maximum scores', () => {
    const bad = criteria(30, 70).map((c, i) => (i === 1 ? { ...c, maxScore: 0 } : c));
    expect(validateEvaluationSetup({ ...lot, criteria: bad }, rules)).toMatchObject([
      { ruleId: 'CRITERION_MAX_SCORE_INVALID', fields: ['criteria[1].maxScore'] },
    ]);
  });

  it('reads percentages with at most two decimals exactly', () => {
    expect(percentToHundredths(12.34)).toBe(1234);
    expect(percentToHundredths(0.1 + 0.2)).toBe(30);
    expect(percentToHundredths(12.345)).toBeNull();
    expect(percentToHundredths(Number.NaN)).toBeNull();
  });
});

describe('deposit cap (实施条例第三十三条: ≤ 2% of the budget)', () => {
  it.each<[number, number | null, string[]]>([
    [100_000_000, 2_000_000, []],
    [100_000_000, 2_000_001, ['DEPOSIT_MAX_RATIO']],
    [100_000_000, 0, []],
    [100_000_000, null, []],
    [12_345, 246, []], // 2% of 123.45 yuan is 2.469 yuan: 2.46 is allowed
    [12_345, 247, ['DEPOSIT_MAX_RATIO']],
    [0, 0, ['AMOUNT_INVALID']],
    [100, -1, ['AMOUNT_INVALID']],
    [100, 1.5, ['AMOUNT_INVALID']],
  ])('budget %i fen, deposit %s fen', (budget, deposit, expected) => {
    expect(validateDeposit(budget, deposit, rules).map((v) => v.ruleId)).toEqual(expected);
  });

  it('says what the cap is', () => {
    const [v] = validateDeposit(100_000_000, 2_500_000, rules);
    expect(v).toMatchObject({
      ruleId: 'DEPOSIT_MAX_RATIO',
      fields: ['depositFen'],
      required: 2_000_000,
      actual: 2_500_000,
      unit: 'fen',
    });
    expect(v?.message.zh).toBe(
      '投标（响应）保证金不得超过采购项目预算金额的2%（《政府采购法实施条例》第三十三条）：预算 1,000,000.00 元，保证金上限 20,000.00 元，当前为 25,000.00 元',
    );
  });

  it('the cap is the largest compliant deposit for any budget', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_FEN }), (budget) => {
        const cap = maxDepositFen(budget, rules);
        expect(validateDeposit(budget, cap, rules)).toEqual([]);
        expect(validateDeposit(budget, cap + 1, rules).map((v) => v.ruleId)).toEqual(['DEPOSIT_MAX_RATIO']);
      }),
    );
  });
});

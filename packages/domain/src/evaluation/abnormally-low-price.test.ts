import { describe, expect, it } from 'vitest';
import { flagAbnormallyLowPrices } from './abnormally-low-price';
import type { BidForEvaluation } from './evaluation-types';
import { yuan } from './evaluation-fixtures.test-support';

const bid = (bidId: string, y: number, compliant = true): BidForEvaluation => ({
  bidId,
  compliant,
  bidPriceFen: yuan(y),
});

describe('abnormally low prices (87号令 第六十条): a flag for the committee, with its working', () => {
  const bids = [bid('A', 1_000_000), bid('B', 1_000_000), bid('C', 1_000_000), bid('D', 700_000), bid('X', 10, false)];

  it('below 80% of the other compliant bids’ average (default)', () => {
    const flags = flagAbnormallyLowPrices(bids);
    expect(flags.map((f) => [f.bidId, f.flagged])).toEqual([
      ['A', false],
      ['B', false],
      ['C', false],
      ['D', true],
    ]);
    const d = flags[3];
    expect(d?.tests).toEqual([
      {
        test: 'average-of-others',
        thresholdBasisPoints: 8000,
        referenceFen: yuan(1_000_000),
        thresholdFen: yuan(800_000),
        below: true,
      },
    ]);
    // A: the others average (1,000,000 + 1,000,000 + 700,000) / 3 = 900,000 → threshold 720,000.
    expect(flags[0]?.tests[0]).toMatchObject({
      referenceFen: yuan(900_000),
      thresholdFen: yuan(720_000),
      below: false,
    });
    expect(d?.text.zh).toContain('低于其他有效投标平均报价 1,000,000.00 元的 80%（800,000.00 元）');
    expect(d?.text.zh).toContain('财政部令第87号第六十条');
    expect(d?.text.zh).toContain('由评标委员会判断');
    expect(d?.text.en).toContain('the committee judges');
  });

  it('exactly at the threshold is not below it', () => {
    const flags = flagAbnormallyLowPrices([bid('A', 1_000_000), bid('B', 800_000)]);
    expect(flags[1]?.flagged).toBe(false);
    expect(flagAbnormallyLowPrices([bid('A', 1_000_000), bid('B', 799_999.99)])[1]?.flagged).toBe(true);
  });

  it('below a share of the budget, and both thresholds are parameters', () => {
    const opts = { budgetFen: yuan(2_000_000), belowBudgetPercent: 40, belowAverageOfOthersPercent: null };
    const flags = flagAbnormallyLowPrices(bids, opts);
    expect(flags.map((f) => f.flagged)).toEqual([false, false, false, true]);
    expect(flags[3]?.tests).toEqual([
      {
        test: 'budget',
        thresholdBasisPoints: 4000,
        referenceFen: yuan(2_000_000),
        thresholdFen: yuan(800_000),
        below: true,
      },
    ]);
    expect(flagAbnormallyLowPrices(bids, { belowAverageOfOthersPercent: 60 })[3]?.flagged).toBe(false);
  });

  it('a single compliant bid has nothing to compare with', () => {
    const [only] = flagAbnormallyLowPrices([bid('A', 1)]);
    expect(only).toMatchObject({ flagged: false, tests: [] });
    expect(only?.text.zh).toContain('无可比较的基准');
  });

  it('refuses a threshold above 100%', () => {
    expect(() => flagAbnormallyLowPrices(bids, { belowBudgetPercent: 101 })).toThrow(RangeError);
  });
});

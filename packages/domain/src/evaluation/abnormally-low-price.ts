import type { Bilingual } from '../bilingual';
import { formatFen } from '../money';
import { CITE } from '../rules/citations';
import type { Citation } from '../rules/rule-types';
import { labelOf, type BidForEvaluation } from './evaluation-types';
import { divideHalfUp, formatBasisPoints, toScaledInteger } from './exact-arithmetic';

/**
 * Abnormally low prices (87号令 第六十条): where a bid price is obviously lower than the other compliant bids' prices
 * and may affect quality or performance, the committee asks the bidder for a written explanation within a reasonable
 * time, and treats the bid as invalid if the price is not shown to be reasonable. The law sets no threshold: the
 * judgement is the committee's. This test only raises a flag for the committee, with its working; it decides nothing.
 * Two configurable tests on the bid price (not the evaluation price: the SME deduction is no discount the bidder gives):
 * - below `belowAverageOfOthersPercent` of the average price of the OTHER compliant bids (default 80%, i.e. more than
 *   20% below; needs at least one other compliant bid);
 * - below `belowBudgetPercent` of the lot budget (default 50%; skipped without a budget).
 * Either one raises the flag. Comparisons are exact (BigInt cross-multiplication); amounts shown are rounded half up.
 */

export interface AbnormallyLowOptions {
  /** null disables the test. */
  belowAverageOfOthersPercent?: number | null;
  belowBudgetPercent?: number | null;
  budgetFen?: number | null;
}

export const ABNORMALLY_LOW_DEFAULTS = { belowAverageOfOthersPercent: 80, belowBudgetPercent: 50 } as const;

export interface AbnormallyLowTest {
  test: 'average-of-others' | 'budget';
  thresholdBasisPoints: number;
  /** The average of the other compliant bids (rounded half up to the fen), or the budget. */
  referenceFen: number;
  /** reference × threshold, rounded half up to the fen, for display; the comparison itself is exact. */
  thresholdFen: number;
  below: boolean;
}

export interface AbnormallyLowFlag {
  bidId: string;
  bidPriceFen: number;
  flagged: boolean;
  tests: AbnormallyLowTest[];
  text: Bilingual;
  sources: readonly Citation[];
}

function thresholdOf(value: number | null | undefined, fallback: number, name: string): number | null {
  if (value === null) return null;
  const bp = toScaledInteger(value ?? fallback, 2);
  if (bp === null || bp > 10_000) throw new RangeError(`${name} must be a percentage in [0, 100]: ${value}`);
  return bp;
}

function describe(t: AbnormallyLowTest): Bilingual {
  const pct = formatBasisPoints(t.thresholdBasisPoints);
  const ref = formatFen(t.referenceFen);
  const mark: Bilingual = t.below ? { zh: '低于', en: 'below' } : { zh: '不低于', en: 'not below' };
  return t.test === 'average-of-others'
    ? {
        zh: `${mark.zh}其他有效投标平均报价 ${ref} 元的 ${pct}（${formatFen(t.thresholdFen)} 元）`,
        en: `${mark.en} ${pct} of the other compliant bids' average CNY ${ref} (CNY ${formatFen(t.thresholdFen)})`,
      }
    : {
        zh: `${mark.zh}预算 ${ref} 元的 ${pct}（${formatFen(t.thresholdFen)} 元）`,
        en: `${mark.en} ${pct} of the budget CNY ${ref} (CNY ${formatFen(t.thresholdFen)})`,
      };
}

/** The flag for every compliant bid of a lot. Linear: the sum of prices is taken once. */
export function flagAbnormallyLowPrices(
  bids: readonly BidForEvaluation[],
  options: AbnormallyLowOptions = {},
): AbnormallyLowFlag[] {
  const avgBp = thresholdOf(
    options.belowAverageOfOthersPercent,
    ABNORMALLY_LOW_DEFAULTS.belowAverageOfOthersPercent,
    'belowAverageOfOthersPercent',
  );
  const budgetBp = thresholdOf(
    options.belowBudgetPercent,
    ABNORMALLY_LOW_DEFAULTS.belowBudgetPercent,
    'belowBudgetPercent',
  );
  const budget = options.budgetFen ?? null;
  const compliant = bids.filter((b) => b.compliant);
  const sum = compliant.reduce((t, b) => t + BigInt(b.bidPriceFen), 0n);
  const others = BigInt(compliant.length - 1);
  return compliant.map((bid) => {
    const price = BigInt(bid.bidPriceFen);
    const tests: AbnormallyLowTest[] = [];
    if (avgBp !== null && others > 0n) {
      const othersSum = sum - price;
      tests.push({
        test: 'average-of-others',
        thresholdBasisPoints: avgBp,
        referenceFen: Number(divideHalfUp(othersSum, others)),
        thresholdFen: Number(divideHalfUp(othersSum * BigInt(avgBp), others * 10_000n)),
        // price < avg × bp/10000 ⇔ price × others × 10000 < othersSum × bp
        below: price * others * 10_000n < othersSum * BigInt(avgBp),
      });
    }
    if (budgetBp !== null && budget !== null && budget > 0) {
      tests.push({
        test: 'budget',
        thresholdBasisPoints: budgetBp,
        referenceFen: budget,
        thresholdFen: Number(divideHalfUp(BigInt(budget) * BigInt(budgetBp), 10_000n)),
        below: price * 10_000n < BigInt(budget) * BigInt(budgetBp),
      });
    }
    const flagged = tests.some((t) => t.below);
    const parts = tests.map(describe);
    const head = `${labelOf(bid)}：投标报价 ${formatFen(bid.bidPriceFen)} 元`;
    const headEn = `${labelOf(bid)}: bid price CNY ${formatFen(bid.bidPriceFen)}`;
    const tail: Bilingual = flagged
      ? {
          zh: `；可能为异常低价，评标委员会应要求其书面说明（${CITE.mof87Art60.zh}，是否合理由评标委员会判断）`,
          en: `; possibly abnormally low: the committee should ask for a written explanation (${CITE.mof87Art60.en}; the committee judges)`,
        }
      : { zh: '；未触发异常低价提示', en: '; no abnormally-low flag' };
    return {
      bidId: bid.bidId,
      bidPriceFen: bid.bidPriceFen,
      flagged,
      tests,
      text: {
        zh: `${head}，${parts.map((p) => p.zh).join('，') || '无可比较的基准'}${tail.zh}`,
        en: `${headEn}, ${parts.map((p) => p.en).join(', ') || 'nothing to compare with'}${tail.en}`,
      },
      sources: [CITE.mof87Art60],
    };
  });
}

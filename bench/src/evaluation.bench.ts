import {
  applySmePolicy,
  evaluateComprehensive,
  flagAbnormallyLowPrices,
  resolveSmePolicy,
  validateExpertScores,
  type BidForEvaluation,
  type EvaluationCriterion,
  type ExpertScore,
  type SmeBidInput,
  type SupplierScale,
} from '@zhengcai/domain';
import { envInt, type Benchmark } from './harness/benchmark';
import { fmt, median, table } from './harness/stats';

/**
 * The evaluation of one lot (C12, issue 5): BENCH_EVALUATION_BIDS (200) bids × BENCH_EVALUATION_EXPERTS (7) experts ×
 * 20 criteria (price + 19 scored). Subject: what the server computes per lot with packages/domain — every expert's
 * scores validated, the SME policy applied to every bid (solo and consortium bidders of every scale), the price
 * scores, the experts' averages, totals, ranking with the tie rules, the abnormally-low flags — in exact arithmetic
 * with the working of every number. Reference in the same run: the same formulas in plain floating point with no
 * validation and no working (what a spreadsheet does). Median of BENCH_EVALUATION_ROUNDS (30) rounds after warm-up.
 */
const settings = {
  bids: envInt('BENCH_EVALUATION_BIDS', 200),
  experts: envInt('BENCH_EVALUATION_EXPERTS', 7),
  rounds: envInt('BENCH_EVALUATION_ROUNDS', 30),
};

const SCALES: SupplierScale[] = ['large', 'medium', 'small', 'micro', 'prison-enterprise', 'disabled-welfare-unit'];

interface Lot {
  criteria: EvaluationCriterion[];
  experts: string[];
  bids: { bidId: string; input: SmeBidInput }[];
  scores: ExpertScore[];
}

function buildLot(): Lot {
  const criteria: EvaluationCriterion[] = [
    { key: 'price', label: '价格', kind: 'price', weight: 30, maxScore: 30 },
    ...Array.from({ length: 19 }, (_, i): EvaluationCriterion => ({
      key: `c${i}`,
      label: `评审因素${i + 1}`,
      kind: 'technical',
      weight: i < 18 ? 3.5 : 7,
      maxScore: 10,
    })),
  ];
  const experts = Array.from({ length: settings.experts }, (_, i) => `e${i + 1}`);
  const bids = Array.from({ length: settings.bids }, (_, i) => {
    const bidPriceFen = 100_000_000 + ((i * 7919) % 997) * 10_000;
    const scale = SCALES[i % SCALES.length] ?? 'large';
    const input: SmeBidInput =
      i % 5 === 4
        ? {
            bidPriceFen,
            suppliedBySmallMicro: true,
            bidder: {
              kind: 'consortium',
              members: [
                { scale: 'large', shareBasisPoints: 6_000 },
                { scale: 'small', shareBasisPoints: 4_000 },
              ],
            },
          }
        : { bidPriceFen, suppliedBySmallMicro: i % 7 !== 0, bidder: { kind: 'solo', scale } };
    return { bidId: `b${i}`, input };
  });
  const scores: ExpertScore[] = [];
  for (const [bi, bid] of bids.entries()) {
    for (const [ei, expertId] of experts.entries()) {
      for (const [ci, c] of criteria.entries()) {
        if (c.kind === 'price') continue;
        scores.push({
          expertId,
          bidId: bid.bidId,
          criterionKey: c.key,
          score: ((bi * 3 + ei * 5 + ci) % 90) / 10 + 0.5,
        });
      }
    }
  }
  return { criteria, experts, bids, scores };
}

/** Subject: the domain's evaluation, exact and with working. Returns the winner's id (so nothing is optimised away). */
function evaluateExactly(lot: Lot): string {
  const policy = resolveSmePolicy({
    publishedOn: '2026-03-02',
    category: 'goods',
    smeReserved: false,
    evaluationMethod: 'comprehensive-scoring',
    smallMicroPercent: 10,
    consortiumPercent: 4,
  });
  if (!policy.ok) throw new Error('policy');
  const problems = validateExpertScores({
    criteria: lot.criteria,
    experts: lot.experts,
    bidIds: lot.bids.map((b) => b.bidId),
    scores: lot.scores,
  });
  if (problems.length > 0) throw new Error(problems[0]?.message.en);
  const bids: BidForEvaluation[] = lot.bids.map((b) => {
    const sme = applySmePolicy(policy.policy, b.input);
    if (!sme.ok) throw new Error('sme');
    return { bidId: b.bidId, compliant: true, bidPriceFen: b.input.bidPriceFen, sme: sme.outcome };
  });
  const result = evaluateComprehensive({ criteria: lot.criteria, bids, experts: lot.experts, scores: lot.scores });
  if (!result.ok) throw new Error('evaluation');
  flagAbnormallyLowPrices(bids, { budgetFen: 120_000_000 });
  return result.ranking[0]?.bidId ?? '';
}

/** Reference: the same formulas in floating point, no validation, no working. */
function evaluateInFloats(lot: Lot): string {
  const deduction = (input: SmeBidInput) => {
    if (input.bidder.kind === 'consortium') return 0.04;
    const s = input.bidder.scale;
    return s === 'large' || s === 'medium' || !input.suppliedBySmallMicro ? 0 : 0.1;
  };
  const price = new Map(lot.bids.map((b) => [b.bidId, b.input.bidPriceFen * (1 - deduction(b.input))]));
  const benchmark = Math.min(...price.values());
  const weights = new Map(lot.criteria.map((c) => [c.key, c.weight / c.maxScore]));
  const sums = new Map<string, number>();
  for (const s of lot.scores)
    sums.set(s.bidId, (sums.get(s.bidId) ?? 0) + s.score * (weights.get(s.criterionKey) ?? 0));
  const totals = lot.bids.map((b) => ({
    id: b.bidId,
    price: b.input.bidPriceFen,
    total: (benchmark / (price.get(b.bidId) ?? 1)) * 30 + (sums.get(b.bidId) ?? 0) / lot.experts.length,
  }));
  const average = totals.reduce((n, t) => n + t.price, 0) / totals.length;
  totals.forEach((t) => void (t.price < average * 0.8));
  totals.sort((a, b) => b.total - a.total || a.price - b.price);
  return totals[0]?.id ?? '';
}

function medianMs(run: () => string, rounds: number): { ms: number; winner: string } {
  let winner = '';
  for (let i = 0; i < 3; i += 1) winner = run();
  const times: number[] = [];
  for (let i = 0; i < rounds; i += 1) {
    const started = performance.now();
    winner = run();
    times.push(performance.now() - started);
  }
  return { ms: median(times), winner };
}

const benchmark: Benchmark = {
  name: 'evaluation',
  title:
    'Evaluating one lot (200 bids × 7 experts × 20 criteria) exactly and with working, beside the same formulas in floating point (ratio = subject ÷ reference)',
  run() {
    const lot = buildLot();
    const reference = medianMs(() => evaluateInFloats(lot), settings.rounds);
    const subject = medianMs(() => evaluateExactly(lot), settings.rounds);
    console.log(
      `\n  ${settings.bids} bids × ${settings.experts} experts × ${lot.criteria.length} criteria = ${fmt(lot.scores.length)} expert scores; median of ${settings.rounds} rounds`,
    );
    console.log(
      table([
        ['', 'median ms', 'winner'],
        ['reference: floating point, no validation, no working', reference.ms.toFixed(2), reference.winner],
        ['subject:   packages/domain, exact, with working', subject.ms.toFixed(2), subject.winner],
        ['ratio', (subject.ms / reference.ms).toFixed(1), ''],
      ]),
    );
    return Promise.resolve();
  },
};

export default benchmark;

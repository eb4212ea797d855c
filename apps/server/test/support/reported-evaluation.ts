import type { EvaluationOutcome } from '@zhengcai/domain';
import { evaluations } from '../../src/db/schema';
import { onEvaluationReported } from '../../src/modules/awards/on-evaluation-reported';
import { evaluationFixture, type EvaluationFixture, type EvaluationFixtureOptions } from './evaluation-fixture';
import { ensureCentre } from './transaction-certificate';
import type { TestApp } from './test-app';

export interface ReportedEvaluation extends EvaluationFixture {
  outcome: EvaluationOutcome;
}

export interface ReportedOptions extends EvaluationFixtureOptions {
  /** The first two bids share the first rank (the documents' tie-break decides). */
  tieForFirst?: boolean;
  /** The last bid is left out (failed qualification) instead of ranked. */
  excludeLast?: boolean;
  /** Open the award as the signing does (default true); false leaves only the `reported` evaluation row. */
  openAward?: boolean;
}

/**
 * A lot whose evaluation is `reported` (all experts signed), as the evaluation module leaves it (ADR 0021): the
 * evaluation row written directly with an EvaluationOutcome (bids ranked by price, totals descending) plus the
 * report's hash and time, then `onEvaluationReported` as the last signature calls it. The issuing centre exists.
 */
export async function reportedEvaluation(t: TestApp, opts: ReportedOptions = {}): Promise<ReportedEvaluation> {
  const f = await evaluationFixture(t, opts);
  await ensureCentre(t);
  const now = t.clock.now();
  const bids = [...f.bidders].sort((a, b) => a.priceFen - b.priceFen);
  const ranked = opts.excludeLast ? bids.slice(0, -1) : bids;
  const outcome: EvaluationOutcome = {
    method: 'comprehensive-scoring',
    ranking: ranked.map((b, i) => {
      const tie = opts.tieForFirst === true && i < 2;
      return {
        submissionId: b.submissionId,
        organisationId: b.organisationId,
        rank: tie ? 1 : i + 1,
        bidPriceFen: b.priceFen,
        evaluationPriceFen: Math.round(b.priceFen * 0.9),
        total: tie ? '90.00' : (90 - i * 3.5).toFixed(2),
        tie,
      };
    }),
    excluded: opts.excludeLast
      ? bids.slice(-1).map((b) => ({
          submissionId: b.submissionId,
          organisationId: b.organisationId,
          reason: { zh: '资格审查未通过：缺少有效的营业执照', en: 'Failed qualification: no valid business licence' },
        }))
      : [],
  };
  await t.services.db.insert(evaluations).values({
    lotId: f.lotId,
    projectId: f.projectId,
    state: 'reported',
    startedAt: now,
    startedByUserId: f.hostUserId,
    result: { ...outcome },
    resultHash: 'aa'.repeat(32),
    computedAt: now,
    reportHash: 'bb'.repeat(32),
    reportFixedAt: now,
    reportedAt: now,
  });
  if (opts.openAward !== false) {
    await t.services.db.transaction((tx) => onEvaluationReported(tx, t.services, f.lotId, now));
  }
  return { ...f, outcome };
}

import { eq } from 'drizzle-orm';
import {
  evaluationCompliance,
  evaluationQualifications,
  evaluationScores,
  evaluationSubmissions,
  evaluations,
  lots,
} from '../../src/db/schema';
import { evaluationFixture, type EvaluationFixture, type EvaluationFixtureOptions } from './evaluation-fixture';
import type { TestApp } from './test-app';

export interface ScoredEvaluation extends EvaluationFixture {
  /** The elected leader (评审组长): the first member by seat. */
  leaderUserId: string;
}

export interface ScoredEvaluationOptions extends EvaluationFixtureOptions {
  /** Bids (by index) whose qualification the host failed. */
  failQualification?: number[];
  /** The evaluation's state (default `scoring`, every member's scores submitted). */
  state?: 'compliance' | 'scoring';
  /** Members (by seat index) who have not submitted their scores. */
  notSubmitted?: number[];
  /** Technical score of bid b by expert e, in hundredths (default 4000 + 300·b + 50·e). */
  technical?: (bid: number, expert: number) => number;
}

/**
 * A lot whose evaluation is in `scoring` with every score in, written to the tables directly as modules/evaluations
 * leaves it (start, qualification, compliance, leader election, scoring): the host passed every bid's qualification
 * (unless told otherwise), every member found every qualified bid compliant, the first member is the leader, and
 * every member scored every qualified bid on each non-price criterion and submitted both stages.
 */
export async function scoredEvaluation(t: TestApp, opts: ScoredEvaluationOptions = {}): Promise<ScoredEvaluation> {
  const f = await evaluationFixture(t, opts);
  const db = t.services.db;
  const now = t.clock.now();
  const leaderUserId = f.experts[0] ?? '';
  await db.insert(evaluations).values({
    lotId: f.lotId,
    projectId: f.projectId,
    state: opts.state ?? 'scoring',
    startedAt: now,
    startedByUserId: f.hostUserId,
    qualificationFinishedAt: now,
    complianceFinishedAt: opts.state === 'compliance' ? null : now,
    leaderUserId,
  });
  const failed = new Set(opts.failQualification ?? []);
  const [lot] = await db.select().from(lots).where(eq(lots.id, f.lotId));
  const criteria = (lot?.criteria ?? []).filter((c) => c.kind !== 'price');
  const technical = opts.technical ?? ((b: number, e: number) => 4000 + 300 * b + 50 * e);
  for (const [b, bid] of f.bidders.entries()) {
    const passed = !failed.has(b);
    await db.insert(evaluationQualifications).values({
      submissionId: bid.submissionId,
      lotId: f.lotId,
      passed,
      reason: passed ? null : '营业执照已过期',
      reviewedByUserId: f.hostUserId,
      reviewedAt: now,
    });
    if (!passed) continue;
    for (const [e, expert] of f.experts.entries()) {
      await db.insert(evaluationCompliance).values({
        lotId: f.lotId,
        submissionId: bid.submissionId,
        expertUserId: expert,
        passed: true,
        reason: null,
        updatedAt: now,
      });
      if (opts.state === 'compliance') continue;
      for (const c of criteria) {
        const max = c.maxScore * 100;
        const score = c.key === 'technical' ? technical(b, e) : Math.round(max * 0.8) - 10 * b;
        await db.insert(evaluationScores).values({
          lotId: f.lotId,
          submissionId: bid.submissionId,
          expertUserId: expert,
          criterionKey: c.key,
          scoreHundredths: Math.min(max - 1, Math.max(1, score)),
          reason: null,
          updatedAt: now,
        });
      }
    }
  }
  const notSubmitted = new Set(opts.notSubmitted ?? []);
  for (const [e, expert] of f.experts.entries()) {
    await db
      .insert(evaluationSubmissions)
      .values({ lotId: f.lotId, expertUserId: expert, stage: 'compliance', submittedAt: now });
    if (opts.state !== 'compliance' && !notSubmitted.has(e)) {
      await db
        .insert(evaluationSubmissions)
        .values({ lotId: f.lotId, expertUserId: expert, stage: 'scoring', submittedAt: now });
    }
  }
  return { ...f, leaderUserId };
}

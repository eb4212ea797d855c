import { and, eq } from 'drizzle-orm';
import {
  evaluationBidderQueries,
  evaluationCompliance,
  evaluationScores,
  evaluationSubmissions,
  evaluations,
  expertDrawSeats,
} from '../../src/db/schema';
import { computeEvaluation } from '../../src/modules/evaluation-results/compute';
import { loadEvaluation } from '../../src/modules/evaluation-results/context';
import { fixReport } from '../../src/modules/evaluation-results/fix-report';
import { viewerOf } from './expert-draw-matrix';
import { scoredEvaluation, type ScoredEvaluation } from './scored-evaluation';
import type { TestApp } from './test-app';

interface Caller {
  role: string;
  userId: string;
  organisationId: string | null;
}

export interface EvaluationMatrixOptions {
  /** `scoring` (all scores in), `computed` (the leader computed), `signing` (the report is fixed). */
  stage: 'scoring' | 'computed' | 'signing';
  /** An expert caller takes the leader's seat (the first) on the committee. */
  meLeads?: boolean;
}

/** Puts `userId` in the first member's place: seat, reviews, scores, submissions and leadership. */
async function takeLeaderSeat(t: TestApp, f: ScoredEvaluation, userId: string): Promise<void> {
  const db = t.services.db;
  const from = f.leaderUserId;
  await db.update(expertDrawSeats).set({ expertUserId: userId }).where(eq(expertDrawSeats.expertUserId, from));
  for (const table of [evaluationCompliance, evaluationScores, evaluationSubmissions]) {
    await db
      .update(table)
      .set({ expertUserId: userId })
      .where(and(eq(table.lotId, f.lotId), eq(table.expertUserId, from)));
  }
  await db.update(evaluations).set({ leaderUserId: userId }).where(eq(evaluations.lotId, f.lotId));
  f.experts[0] = userId;
  f.leaderUserId = userId;
}

/**
 * An evaluation for the authorisation matrix (evaluation-results routes): a scored lot, the caller (an expert) as its
 * leader when asked, brought to the stage through the real use cases.
 */
export async function evaluationFor(
  t: TestApp,
  me: Caller | null,
  opts: EvaluationMatrixOptions,
): Promise<ScoredEvaluation> {
  const f = await scoredEvaluation(t, { pricesFen: [60_000_000, 125_000_000, 132_000_000, 140_000_000] });
  if (opts.meLeads && me?.role === 'expert') await takeLeaderSeat(t, f, me.userId);
  if (opts.stage === 'scoring') return f;
  const leader = await viewerOf(t, f.leaderUserId);
  await t.services.db.transaction(async (tx) =>
    computeEvaluation(tx, t.services, leader, await loadEvaluation(tx, leader, f.lotId, { lock: true })),
  );
  if (opts.stage === 'signing') {
    await t.services.db.transaction(async (tx) =>
      fixReport(tx, t.services, leader, await loadEvaluation(tx, leader, f.lotId, { lock: true })),
    );
  }
  return f;
}

/**
 * A question to the first (abnormally low) bidder of a computed evaluation, written as the query routes leave it:
 * `answered` (an explanation awaiting the committee's decision) or `open` (a correction to confirm), addressed to
 * `organisationId` (the caller's own organisation, or the bidder's).
 */
export async function queryFor(
  t: TestApp,
  f: ScoredEvaluation,
  kind: 'answered-explanation' | 'open-correction',
  organisationId?: string | null,
): Promise<string> {
  const bid = f.bidders[0];
  if (!bid) throw new Error('no bidder');
  const now = t.clock.now();
  const [row] = await t.services.db
    .insert(evaluationBidderQueries)
    .values({
      lotId: f.lotId,
      submissionId: bid.submissionId,
      organisationId: organisationId ?? bid.organisationId,
      kind: kind === 'answered-explanation' ? 'abnormal_price' : 'arithmetic_correction',
      state: kind === 'answered-explanation' ? 'answered' : 'open',
      request:
        kind === 'answered-explanation'
          ? { question: '请说明报价合理性' }
          : { originalFen: bid.priceFen, correctedFen: bid.priceFen - 100 },
      askedByUserId: f.leaderUserId,
      askedAt: now,
      respondBy: new Date(now.getTime() + 86_400_000),
      ...(kind === 'answered-explanation'
        ? { answer: '原厂直销，成本较低', answeredByUserId: bid.userId, answeredAt: now }
        : {}),
    })
    .returning({ id: evaluationBidderQueries.id });
  if (!row) throw new Error('no query');
  return row.id;
}

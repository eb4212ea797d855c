import { and, eq } from 'drizzle-orm';
import { bidSubmissions, expertDrawSeats, openingBids, projects } from '../../src/db/schema';
import { reviewCompliance, submitCompliance } from '../../src/modules/evaluations/compliance';
import { voteLeader } from '../../src/modules/evaluations/leader';
import { finishQualification, reviewQualification } from '../../src/modules/evaluations/qualification';
import { saveScores, submitScoring } from '../../src/modules/evaluations/scoring';
import { startEvaluation } from '../../src/modules/evaluations/start';
import { evaluationFixture, type EvaluationFixture } from './evaluation-fixture';
import { viewerOf } from './expert-draw-matrix';
import type { TestApp } from './test-app';

/** The caller as the authorisation matrix knows it. */
interface Caller {
  role: string;
  userId: string;
  organisationId: string | null;
}

export type EvaluationStage =
  'ready' | 'qualification' | 'qualified' | 'compliance' | 'complied' | 'scoring' | 'scored' | 'submitted';

export interface EvaluationMatrixOptions {
  /** The caller hosts the lot when it can (an agency: the project's agency; a purchaser: its own, no agency). */
  host?: boolean;
  /** An expert caller holds the first seat of the committee. */
  member?: boolean;
  /** A supplier caller's organisation is the first bidder. */
  bidder?: boolean;
  /**
   * How far the evaluation has gone: `ready` (not started), `qualification` (started), `qualified` (every bid
   * reviewed, not finished), `compliance` (review open), `complied` (the first member reviewed all, not submitted),
   * `scoring` (every bid stands; the leader is elected when `leader` says so), `scored` (the first member saved a full
   * score sheet), `submitted` (and submitted it, as has the second).
   */
  stage: EvaluationStage;
  /** Who the leader is at `scoring` and after: the first member (the caller when `member`), or the second. */
  leader?: 'first' | 'second' | 'none';
}

const ORDER: EvaluationStage[] = [
  'ready',
  'qualification',
  'qualified',
  'compliance',
  'complied',
  'scoring',
  'scored',
  'submitted',
];

/** A full score sheet: every bid on every non-price criterion of the fixture's lot (technical 60, service 10). */
export const fullSheet = (f: EvaluationFixture) =>
  f.bidders.flatMap((b) => [
    { submissionId: b.submissionId, criterionKey: 'technical', score: 45.5 },
    { submissionId: b.submissionId, criterionKey: 'service', score: 8 },
  ]);

/**
 * An evaluation fixture (support/evaluation-fixture.ts) with the caller placed in it as the options say, taken to
 * `stage` through the module's own use cases. Returns the fixture with `experts` as they are now (the caller first
 * when a member).
 */
export async function evaluationFor(
  t: TestApp,
  me: Caller | null,
  opts: EvaluationMatrixOptions,
): Promise<EvaluationFixture> {
  const f = await evaluationFixture(t);
  const db = t.services.db;
  const hosting = opts.host === true && me?.organisationId && (me.role === 'agency' || me.role === 'purchaser');
  if (hosting) {
    await db
      .update(projects)
      .set(
        me.role === 'agency'
          ? { agencyOrganisationId: me.organisationId }
          : { purchaserOrganisationId: me.organisationId ?? '', agencyOrganisationId: null },
      )
      .where(eq(projects.id, f.projectId));
  }
  const experts = [...f.experts];
  if (opts.member && me?.role === 'expert') {
    await db
      .update(expertDrawSeats)
      .set({ expertUserId: me.userId })
      .where(and(eq(expertDrawSeats.lotId, f.lotId), eq(expertDrawSeats.expertUserId, experts[0] ?? '')));
    experts[0] = me.userId;
  }
  if (opts.bidder && me?.role === 'supplier' && me.organisationId) {
    const first = f.bidders[0]?.submissionId ?? '';
    await db.update(openingBids).set({ organisationId: me.organisationId }).where(eq(openingBids.submissionId, first));
    await db
      .update(bidSubmissions)
      .set({ organisationId: me.organisationId, userId: me.userId })
      .where(eq(bidSubmissions.id, first));
  }
  const placed = { ...f, experts, hostUserId: hosting ? me.userId : f.hostUserId };
  await advance(t, placed, opts);
  return placed;
}

async function advance(t: TestApp, f: EvaluationFixture, opts: EvaluationMatrixOptions): Promise<void> {
  const reached = (stage: EvaluationStage) => ORDER.indexOf(opts.stage) >= ORDER.indexOf(stage);
  const s = t.services;
  const host = await viewerOf(t, f.hostUserId);
  const members = await Promise.all(f.experts.map((id) => viewerOf(t, id)));
  const [first, second] = members;
  if (!first || !second) throw new Error('no committee');
  if (!reached('qualification')) return;
  await startEvaluation(s, host, f.lotId);
  if (!reached('qualified')) return;
  for (const b of f.bidders) await reviewQualification(s, host, f.lotId, b.submissionId, { passed: true });
  if (!reached('compliance')) return;
  await finishQualification(s, host, f.lotId);
  if (!reached('complied')) return;
  for (const b of f.bidders) await reviewCompliance(s, first, f.lotId, b.submissionId, { passed: true });
  if (!reached('scoring')) return;
  for (const member of members) {
    if (member !== first) {
      for (const b of f.bidders) await reviewCompliance(s, member, f.lotId, b.submissionId, { passed: true });
    }
    await submitCompliance(s, member, f.lotId);
  }
  const leader = opts.leader ?? 'first';
  if (leader !== 'none') {
    const candidate = (leader === 'first' ? first : second).userId;
    for (const member of members.slice(0, Math.floor(members.length / 2) + 1)) {
      await voteLeader(s, member, f.lotId, candidate);
    }
  }
  if (!reached('scored')) return;
  await saveScores(s, first, f.lotId, fullSheet(f));
  if (!reached('submitted')) return;
  await submitScoring(s, first, f.lotId);
  await saveScores(s, second, f.lotId, fullSheet(f));
  await submitScoring(s, second, f.lotId);
}

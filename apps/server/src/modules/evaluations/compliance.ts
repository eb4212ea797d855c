import { MIN_BIDS_FOR_EVALUATION } from '@zhengcai/domain';
import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { evaluationCompliance, evaluations, evaluationSubmissions } from '../../db/schema';
import { AppError } from '../../platform/errors/app-error';
import { appendEvent, type Actor } from '../../platform/events/append-event';
import { actorOf, type UserViewer } from '../../platform/policy/actor';
import type { Services } from '../../services';
import { hostOrganisationId } from '../opening/policy';
import { organisationNames } from '../opening/repo';
import { bidUnderReview, evaluationContext, type EvaluationContext } from './context';
import { notifyMembers } from './notices';
import { notDecrypted, type ReviewInput } from './qualification';
import {
  allSubmitted,
  decryptedBids,
  hasSubmitted,
  listCompliance,
  listQualifications,
  listSubmissions,
  standingBidIds,
  type EvaluationRow,
  type ReviewStage,
} from './repo';
import { expertsScore, markScoringComplete } from './scoring-complete';
import { assertStage, lockedEvaluation, transition } from './stage';
import { evaluationSubject } from './start';
import { failureReasonAfter, STATE_TEXT } from './texts';

/** Refuses a member whose submission of the stage stands (they may change nothing until it is reopened). */
export async function assertNotSubmitted(tx: Tx, lotId: string, userId: string, stage: ReviewStage): Promise<void> {
  if (hasSubmitted(await listSubmissions(tx, lotId), userId, stage)) {
    throw new AppError('EVALUATION_ALREADY_SUBMITTED', {
      stageZh: STAGE_TEXT[stage].zh,
      stageEn: STAGE_TEXT[stage].en,
    });
  }
}

const STAGE_TEXT = {
  compliance: { zh: '符合性审查', en: 'compliance review' },
  scoring: { zh: '评分', en: 'scores' },
} as const;

/** Records (or replaces) the member's submission of a stage as submitted now. */
export async function recordSubmission(tx: Tx, lotId: string, userId: string, stage: ReviewStage, now: Date) {
  await tx
    .insert(evaluationSubmissions)
    .values({ lotId, expertUserId: userId, stage, submittedAt: now })
    .onConflictDoUpdate({
      target: [evaluationSubmissions.lotId, evaluationSubmissions.expertUserId, evaluationSubmissions.stage],
      set: { submittedAt: now },
    });
}

/**
 * A committee member passes or fails one qualified bid's compliance (符合性审查), with a reason when failing; they
 * may change it until they submit. A bid of another lot is "not found"; a bid that did not qualify is not reviewed.
 */
export async function reviewCompliance(
  s: Services,
  viewer: UserViewer,
  lotId: string,
  submissionId: string,
  input: ReviewInput,
): Promise<void> {
  const { bid, bidderName } = await bidUnderReview(s.db, viewer, lotId, submissionId, ['member']);
  await s.db.transaction(async (tx) => {
    const row = await lockedEvaluation(tx, lotId);
    assertStage(row, ['compliance'], 'comply');
    await assertNotSubmitted(tx, lotId, viewer.userId, 'compliance');
    if (bid.state !== 'decrypted') throw notDecrypted(bidderName, 'compliance');
    const qualification = (await listQualifications(tx, lotId)).find((q) => q.submissionId === submissionId);
    if (!qualification?.passed) {
      throw new AppError('EVALUATION_BID_NOT_IN_STAGE', {
        bidder: bidderName,
        reasonZh: '未通过资格审查',
        reasonEn: 'did not pass the qualification review',
        stageZh: STATE_TEXT.compliance.zh,
        stageEn: STATE_TEXT.compliance.en,
      });
    }
    const values = { passed: input.passed, reason: input.reason?.trim() || null, updatedAt: s.clock.now() };
    await tx
      .insert(evaluationCompliance)
      .values({ lotId, submissionId, expertUserId: viewer.userId, ...values })
      .onConflictDoUpdate({
        target: [evaluationCompliance.submissionId, evaluationCompliance.expertUserId],
        set: values,
      });
  });
}

/**
 * A member submits their compliance review: every qualified bid must be reviewed (else the missing ones are
 * named). When the last member submits, in the same transaction, each bid stands or not by the committee's majority
 * (`bidStandsAfterReviews`); with fewer than 3 standing the lot fails (废标), otherwise the scoring begins — and,
 * when the lot has nothing to score (lowest evaluated price), it is complete at once.
 */
export async function submitCompliance(s: Services, viewer: UserViewer, lotId: string): Promise<void> {
  const ctx = await evaluationContext(s.db, viewer, lotId, ['member']);
  await s.db.transaction(async (tx) => {
    const row = await lockedEvaluation(tx, lotId);
    assertStage(row, ['compliance'], 'comply');
    await assertNotSubmitted(tx, lotId, viewer.userId, 'compliance');
    const bids = await decryptedBids(tx, lotId);
    const qualifications = await listQualifications(tx, lotId);
    const qualified = new Set(qualifications.filter((q) => q.passed).map((q) => q.submissionId));
    const compliance = await listCompliance(tx, lotId);
    const mine = compliance.filter((c) => c.expertUserId === viewer.userId && qualified.has(c.submissionId));
    const missing = bids.filter(
      (b) => qualified.has(b.submissionId) && !mine.some((c) => c.submissionId === b.submissionId),
    );
    if (missing.length > 0) {
      const names = await organisationNames(
        tx,
        missing.map((b) => b.organisationId),
      );
      throw new AppError('EVALUATION_REVIEWS_MISSING', {
        bidders: missing.map((b) => `“${names.get(b.organisationId) ?? b.submissionId}”`).join('、'),
      });
    }
    const now = s.clock.now();
    await recordSubmission(tx, lotId, viewer.userId, 'compliance', now);
    await appendEvent(tx, s.clock, {
      type: 'evaluation.compliance_submitted',
      payload: {
        projectId: ctx.project.id,
        lotId,
        expertUserId: viewer.userId,
        reviews: mine.map((c) => ({ submissionId: c.submissionId, passed: c.passed, reason: c.reason })),
      },
      actor: actorOf(viewer),
      subject: evaluationSubject(lotId),
      audience: { kind: 'oversight' },
    });
    if (!allSubmitted(await listSubmissions(tx, lotId), ctx.members, 'compliance')) return;
    const standing = standingBidIds({ bids, qualifications, compliance, committeeSize: ctx.members.length });
    await finishCompliance(tx, s, ctx, row, {
      standing,
      notStanding: bids.map((b) => b.submissionId).filter((id) => !standing.includes(id)),
      actor: actorOf(viewer),
      now,
    });
  });
}

async function finishCompliance(
  tx: Tx,
  s: Services,
  ctx: EvaluationContext,
  row: EvaluationRow,
  outcome: { standing: string[]; notStanding: string[]; actor: Actor; now: Date },
): Promise<void> {
  const { standing, notStanding, actor, now } = outcome;
  const fails = standing.length < MIN_BIDS_FOR_EVALUATION;
  const failureReason = fails ? failureReasonAfter('compliance', standing.length) : null;
  await tx
    .update(evaluations)
    .set({
      state: transition(row, fails ? 'fail' : 'finish_compliance'),
      complianceFinishedAt: now,
      ...(fails ? { failureReason, failedAt: now } : {}),
    })
    .where(eq(evaluations.lotId, row.lotId));
  await appendEvent(tx, s.clock, {
    type: 'evaluation.compliance_finished',
    payload: {
      projectId: ctx.project.id,
      lotId: row.lotId,
      standing,
      notStanding,
      outcome: fails ? 'failed' : 'scoring',
      failureReason,
    },
    actor,
    subject: evaluationSubject(row.lotId),
    audience: { kind: 'organisation', organisationId: hostOrganisationId(ctx.project) },
  });
  if (fails) {
    await notifyMembers(
      tx,
      now,
      ctx.members.map((m) => m.userId),
      ctx,
      'failed',
    );
    return;
  }
  if (!expertsScore(ctx.lot)) await markScoringComplete(tx, s, ctx, actor);
}
